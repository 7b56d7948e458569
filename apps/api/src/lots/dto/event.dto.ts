import { ApiProperty } from '@nestjs/swagger';
import { EventDocumentDto } from './event-document.dto.js';
import { EventLineDto } from './event-line.dto.js';
import { VoidedByDto } from './voided-by.dto.js';

export class EventDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Position in the organization’s hash chain' }) seq: string;
  @ApiProperty({ enum: ['harvest', 'transform', 'split', 'ship', 'receive', 'inspect', 'recall', 'void'] }) type: string;
  @ApiProperty({ example: 'ObjectEvent' }) epcisEventType: string;
  @ApiProperty({ type: String, nullable: true, example: 'ADD' }) action: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'commissioning' }) bizStep: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'active' }) disposition: string | null;
  @ApiProperty({ example: '2026-10-05T08:30:00.000+07:00' }) eventTime: string;
  @ApiProperty({ example: '+07:00' }) eventTimeOffset: string;
  @ApiProperty() recordTime: string;
  @ApiProperty({ type: String, nullable: true }) recordedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) growingAreaId: string | null;
  @ApiProperty({ type: String, nullable: true }) facilityId: string | null;
  @ApiProperty({ type: String, nullable: true }) sourcePartnerId: string | null;
  @ApiProperty({ type: String, nullable: true }) destinationPartnerId: string | null;
  @ApiProperty({ type: EventDocumentDto, isArray: true }) documents: EventDocumentDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Lot master data, process, yield check/override, shipment…' })
  details: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'For a void: the event it voids' }) voidsEventId: string | null;
  @ApiProperty({ type: VoidedByDto, nullable: true, description: 'Set when this event has been voided' }) voided: VoidedByDto | null;
  @ApiProperty({ type: EventLineDto, isArray: true }) lines: EventLineDto[];
  @ApiProperty({ type: String, nullable: true }) prevHash: string | null;
  @ApiProperty({ example: '9f2c…', description: 'sha256(prevHash || canonical JSON of the event and its lines)' }) hash: string;
}
