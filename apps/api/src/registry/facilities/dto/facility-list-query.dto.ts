import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FACILITY_KINDS, type FacilityKind } from '@app/traceability';
import { ListQueryDto, NAME_SORTS } from '../../common/registry.dto.js';

export class FacilityListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: NAME_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(NAME_SORTS)
  sort?: string;

  @ApiPropertyOptional({ enum: FACILITY_KINDS })
  @IsOptional()
  @IsIn(FACILITY_KINDS)
  kind?: FacilityKind;
}
