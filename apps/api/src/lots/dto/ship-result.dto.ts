import { ApiProperty } from '@nestjs/swagger';
import { EventDto } from './event.dto.js';
import { ShipmentDto } from './shipment.dto.js';

export class ShipResultDto {
  @ApiProperty({ type: EventDto }) event: EventDto;
  @ApiProperty({ type: ShipmentDto }) shipment: ShipmentDto;
}
