import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_KINDS } from '@app/traceability';
import { CommuneCodeProperty, ProvinceCodeProperty } from '../../../common/place-fields.js';
import { PageOf } from '../../common/registry.dto.js';
import { PRIVATE } from './schemas.js';

export class PartnerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: PRIVATE }) phone: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: PRIVATE }) citizenId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: PRIVATE }) taxCode: string | null;
  @ApiProperty({ type: String, nullable: true }) commune: string | null;
  @ApiProperty({ type: String, nullable: true }) province: string | null;
  @ProvinceCodeProperty() provinceCode: string | null;
  @CommuneCodeProperty() communeCode: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) gln: string | null;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) linkedOrganizationId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: PRIVATE }) notes: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export const PartnerPageDto = PageOf(PartnerDto);
