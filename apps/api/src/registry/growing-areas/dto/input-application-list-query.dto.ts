import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { ListTotalProperty } from '../../common/registry.dto.js';

export const INPUT_SORTS = ['appliedAt', '-appliedAt', 'createdAt', '-createdAt'] as const;

export class InputApplicationListQueryDto {
  @ApiPropertyOptional({ enum: INPUT_SORTS, default: '-appliedAt' })
  @IsOptional()
  @IsIn(INPUT_SORTS)
  sort?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;

  @ApiPropertyOptional({ description: 'true: voided only; false: in force only; absent: all' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  voided?: boolean;

  @ListTotalProperty()
  total?: boolean;
}
