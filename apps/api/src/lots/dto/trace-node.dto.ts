import { ApiProperty } from '@nestjs/swagger';
import { LOT_KINDS, LOT_STATUSES } from '@app/traceability';
import { LotProductRefDto } from './lot-product-ref.dto.js';

export class TraceNodeDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() shortCode: string;
  @ApiProperty() uri: string;
  @ApiProperty({ enum: LOT_KINDS }) kind: string;
  @ApiProperty({ enum: LOT_STATUSES }) status: string;
  @ApiProperty({ type: LotProductRefDto }) product: LotProductRefDto;
  @ApiProperty() quantity: string;
  @ApiProperty() unit: string;
  @ApiProperty() consumed: string;
  @ApiProperty() producedAt: string;
  @ApiProperty({ type: String, nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, nullable: true }) growingAreaId: string | null;
  @ApiProperty({ type: String, nullable: true }) householdPartnerId: string | null;
  @ApiProperty({ type: String, nullable: true }) facilityId: string | null;
}
