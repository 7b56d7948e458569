import { ApiProperty } from '@nestjs/swagger';
import { OrganizationSummaryDto } from './organization-summary.dto.js';

export class OrganizationSummaryListDto {
  @ApiProperty({ type: OrganizationSummaryDto, isArray: true }) items: OrganizationSummaryDto[];
  @ApiProperty() total: number;
}
