import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { CreateLabelJobInput } from '@app/traceability';

/**
 * Types only here; ranges (count, start position, offsets) are checked by the service, which knows
 * the template and the configured maximum and answers with a specific code.
 */
export class CreateLabelJobDto implements CreateLabelJobInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() lotId: string;
  @ApiProperty({ example: 'a4-3x8-70x37', description: 'GET /api/v1/label-templates lists them' }) @IsString() @MaxLength(100) templateId: string;
  @ApiProperty({ example: 240, minimum: 1, description: 'Labels to print; at most LABEL_JOB_MAX_COUNT' }) @IsInt() count: number;
  @ApiProperty({ description: 'Give every label its own globally unique serial (in the QR and printed)' }) @IsBoolean() serialized: boolean;
  @ApiPropertyOptional({ default: 1, description: 'First cell to print on the first sheet (1-based, row by row), to finish a partly used sheet' })
  @IsOptional()
  @IsInt()
  startPosition?: number;
  @ApiPropertyOptional({ default: 0, minimum: -5, maximum: 5, description: 'Printer calibration, mm to the right' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  offsetXMm?: number;
  @ApiPropertyOptional({ default: 0, minimum: -5, maximum: 5, description: 'Printer calibration, mm down' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  offsetYMm?: number;
  @ApiPropertyOptional({ default: false, description: 'Thin cut outlines around each label' }) @IsOptional() @IsBoolean() outline?: boolean;
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' }) @IsOptional() @IsIn(['vi', 'en']) language?: 'vi' | 'en';
}
