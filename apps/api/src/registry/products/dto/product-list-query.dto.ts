import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { ListQueryDto, NAME_SORTS } from '../../common/registry.dto.js';

export class ProductListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: NAME_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(NAME_SORTS)
  sort?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 6 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(6)
  ocopGroup?: number;
}
