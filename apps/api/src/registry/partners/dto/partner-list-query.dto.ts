import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PARTNER_KINDS, type PartnerKind } from '@app/traceability';
import { ListQueryDto, NAME_SORTS } from '../../common/registry.dto.js';

export class PartnerListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: NAME_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(NAME_SORTS)
  sort?: string;

  @ApiPropertyOptional({ enum: PARTNER_KINDS })
  @IsOptional()
  @IsIn(PARTNER_KINDS)
  kind?: PartnerKind;
}
