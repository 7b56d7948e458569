import { ApiProperty } from '@nestjs/swagger';
import { INPUT_KINDS } from '@app/traceability';
import { FieldPositionDto } from '../../../common/dto/field-position.dto.js';
import { PageOf } from '../../common/registry.dto.js';

export class InputApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ format: 'uuid' }) growingAreaId: string;
  @ApiProperty({ example: '2026-03-15' }) appliedAt: string;
  @ApiProperty({ enum: INPUT_KINDS }) kind: string;
  @ApiProperty() productName: string;
  @ApiProperty({ type: String, nullable: true }) activeIngredient: string | null;
  @ApiProperty({ type: String, nullable: true }) dose: string | null;
  @ApiProperty({ type: String, nullable: true }) doseUnit: string | null;
  @ApiProperty() phiDays: number;
  @ApiProperty({ description: 'First day a harvest is allowed after it: appliedAt + phiDays' }) safeFrom: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) recordedBy: string | null;
  @ApiProperty({ type: FieldPositionDto, nullable: true, description: 'Where the phone was when it was written (staff only)' }) position: FieldPositionDto | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() voided: boolean;
  @ApiProperty({ type: Date, nullable: true }) voidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) voidedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) voidReason: string | null;
}

export const InputApplicationPageDto = PageOf(InputApplicationDto);
