import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LINK_KINDS, LINK_STATUSES, type LinkKind, type LinkStatus } from '@app/traceability';

export class OrganizationLinkListQueryDto {
  @ApiPropertyOptional({ enum: LINK_KINDS }) @IsOptional() @IsIn(LINK_KINDS) kind?: LinkKind;
  @ApiPropertyOptional({ enum: LINK_STATUSES }) @IsOptional() @IsIn(LINK_STATUSES) status?: LinkStatus;
}
