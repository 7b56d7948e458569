import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { GROWING_AREA_STATUSES, type GrowingAreaStatus } from '@app/traceability';
import { ListQueryDto, NAME_SORTS } from '../../common/registry.dto.js';

export const GROWING_AREA_SORTS = [...NAME_SORTS, 'code', '-code'] as const;

export class GrowingAreaListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: GROWING_AREA_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(GROWING_AREA_SORTS)
  sort?: string;

  @ApiPropertyOptional({ enum: GROWING_AREA_STATUSES })
  @IsOptional()
  @IsIn(GROWING_AREA_STATUSES)
  status?: GrowingAreaStatus;

  @ApiPropertyOptional({ example: 'sticky_rice' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  crop?: string;
}
