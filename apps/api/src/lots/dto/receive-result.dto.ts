import { ApiProperty } from '@nestjs/swagger';
import { EventDto } from './event.dto.js';
import { LotDto } from './lot.dto.js';
import { ShipmentDto } from './shipment.dto.js';

export class ReceiveResultDto {
  @ApiProperty({ type: EventDto }) event: EventDto;
  @ApiProperty({ type: LotDto }) lot: LotDto;
  @ApiProperty({ type: ShipmentDto }) shipment: ShipmentDto;
}
