import { ApiProperty } from '@nestjs/swagger';
import { FACILITY_CODE_STATUSES, FACILITY_KINDS } from '@app/traceability';
import { CommuneCodeProperty, ProvinceCodeProperty } from '../../../common/place-fields.js';
import { PageOf } from '../../common/registry.dto.js';

export class FacilityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: FACILITY_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty({ type: String, nullable: true }) codeIssuer: string | null;
  @ApiProperty({ enum: FACILITY_CODE_STATUSES, nullable: true }) codeStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) commune: string | null;
  @ApiProperty({ type: String, nullable: true }) province: string | null;
  @ProvinceCodeProperty() provinceCode: string | null;
  @CommuneCodeProperty() communeCode: string | null;
  @ApiProperty({ type: String, nullable: true }) gln: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'GeoJSON Point' }) location: unknown;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export const FacilityPageDto = PageOf(FacilityDto);
