import { ApiProperty } from '@nestjs/swagger';
import { LOT_KINDS, LOT_STATUSES } from '@app/traceability';
import { LotAreaRefDto } from './lot-area-ref.dto.js';
import { LotAvailabilityDto } from './lot-availability.dto.js';
import { LotProductRefDto } from './lot-product-ref.dto.js';
import { LotRefDto } from './lot-ref.dto.js';

export class LotDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'GNSC-2026-000001' }) code: string;
  @ApiProperty({ example: 'K7M2Q9XZ' }) shortCode: string;
  @ApiProperty({ description: 'GS1 Digital Link when the product has a GTIN, else the short URL' }) uri: string;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ enum: LOT_KINDS }) kind: string;
  @ApiProperty({ enum: LOT_STATUSES }) status: string;
  @ApiProperty({ type: LotProductRefDto }) product: LotProductRefDto;
  @ApiProperty() quantity: string;
  @ApiProperty() unit: string;
  @ApiProperty({ description: 'Given out so far (transform, split, ship), in the lot’s unit' }) consumed: string;
  @ApiProperty({ description: 'quantity − consumed' }) available: string;
  @ApiProperty({ type: LotAvailabilityDto }) availability: LotAvailabilityDto;
  @ApiProperty({ type: LotAreaRefDto, nullable: true }) growingArea: LotAreaRefDto | null;
  @ApiProperty({ type: LotRefDto, nullable: true }) household: LotRefDto | null;
  @ApiProperty({ type: LotRefDto, nullable: true }) facility: LotRefDto | null;
  @ApiProperty({ example: '2026-10-05T08:30:00.000+07:00' }) producedAt: string;
  @ApiProperty({ example: '+07:00' }) producedAtOffset: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-10-05' }) expiresAt: string | null;
  @ApiProperty({ type: String, nullable: true }) createdEventId: string | null;
  @ApiProperty({ type: String, nullable: true }) recalledAt: string | null;
  @ApiProperty({ type: String, nullable: true }) recallReason: string | null;
  @ApiProperty() createdAt: string;
}
