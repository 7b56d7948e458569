import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { GROWING_AREA_STATUSES, type GrowingAreaStatus } from '@app/traceability';

export class ChangeStatusDto {
  @ApiProperty({ enum: GROWING_AREA_STATUSES, example: 'suspended', description: 'draft → active ⇄ suspended; any → revoked (final)' })
  @IsIn(GROWING_AREA_STATUSES)
  status: GrowingAreaStatus;

  @ApiProperty({ example: 'Kiểm tra phát hiện dư lượng thuốc BVTV vượt ngưỡng' })
  @IsString()
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({
    example: '2026-03-01',
    description: 'When the change took effect, if before today (e.g. the date of the decision that activated the area), so past harvests can be entered; never in the future, never before the previous change. Default: now',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  effectiveAt?: string;

  @ApiPropertyOptional({ example: '125/QĐ-CCTTBVTV', description: 'The paper behind the change (decision number), optional' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  evidenceReference?: string;
}
