import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANIZATION_KINDS } from '@app/traceability';
import { CommuneCodeProperty, ProvinceCodeProperty } from '../../common/place-fields.js';

export class OrganizationDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String }) province: string | null;
  @ProvinceCodeProperty() provinceCode: string | null;
  @CommuneCodeProperty() communeCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) commune: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) address: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date, description: 'Programme offices: when a platform operator confirmed it (null: it oversees nothing)' })
  officeConfirmedAt: Date | null;
}
