import { ApiProperty } from '@nestjs/swagger';
import { SHIPMENT_STATUSES } from '@app/traceability';
import { EventDocumentDto } from './event-document.dto.js';
import { LotRefDto } from './lot-ref.dto.js';
import { ShipmentFromDto } from './shipment-from.dto.js';
import { ShipmentLotDto } from './shipment-lot.dto.js';

export class ShipmentDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SHIPMENT_STATUSES }) status: string;
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) direction: string;
  @ApiProperty({ type: ShipmentLotDto }) lot: ShipmentLotDto;
  @ApiProperty({ type: LotRefDto, nullable: true }) partner: LotRefDto | null;
  @ApiProperty({ type: ShipmentFromDto }) from: ShipmentFromDto;
  @ApiProperty() quantity: string;
  @ApiProperty() unit: string;
  @ApiProperty() shippedAt: string;
  @ApiProperty({ type: EventDocumentDto, isArray: true }) documents: EventDocumentDto[];
  @ApiProperty({ type: String, nullable: true }) shipEventId: string | null;
  @ApiProperty({ type: String, nullable: true }) receivedLotId: string | null;
  @ApiProperty({ type: String, nullable: true }) receivedLotCode: string | null;
  @ApiProperty({ type: String, nullable: true }) receivedAt: string | null;
  @ApiProperty() createdAt: string;
}
