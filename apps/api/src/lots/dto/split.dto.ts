import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { SplitInput } from '@app/traceability';
import { DATE_TIME } from './schemas.js';
import { SplitPartDto } from './split-part.dto.js';

export class SplitDto implements SplitInput {
  @ApiProperty({ type: SplitPartDto, isArray: true })
  @ValidateNested({ each: true })
  @Type(() => SplitPartDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  parts: SplitPartDto[];
  @ApiPropertyOptional({ ...DATE_TIME, description: 'Default: now' }) @IsOptional() @IsString() @MaxLength(40) occurredAt?: string;
}
