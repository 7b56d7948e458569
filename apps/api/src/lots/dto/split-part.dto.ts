import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { SplitPart } from '@app/traceability';
import { QuantityLineDto } from './quantity-line.dto.js';

export class SplitPartDto extends QuantityLineDto implements SplitPart {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) lotCode?: string;
}
