import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class OrganizationSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['cooperative', 'enterprise', 'household_business', 'programme_office'] }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String }) province: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) commune: string | null;
}
