import { ApiProperty } from '@nestjs/swagger';
import { OrganizationLinkDto } from './organization-link.dto.js';

export class OrganizationLinkListDto {
  @ApiProperty({ type: OrganizationLinkDto, isArray: true }) items: OrganizationLinkDto[];
  @ApiProperty() total: number;
}
