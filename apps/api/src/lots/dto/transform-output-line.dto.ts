import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { TransformOutputLine } from '@app/traceability';
import { QuantityLineDto } from './quantity-line.dto.js';
import { IsSafeText } from './validators.js';

export class TransformOutputLineDto extends QuantityLineDto implements TransformOutputLine {
  @ApiProperty({ format: 'uuid' }) @IsUUID() productId: string;
  @ApiPropertyOptional({ example: 'GNSC-2026-000042' }) @IsOptional() @IsString() @MaxLength(40) lotCode?: string;
  @ApiPropertyOptional({ enum: ['processed', 'packed'], description: 'Default: packed when the process is packing or the unit is pack/pcs' })
  @IsOptional()
  @IsIn(['processed', 'packed'])
  kind?: 'processed' | 'packed';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) @IsSafeText() displayName?: string;
}
