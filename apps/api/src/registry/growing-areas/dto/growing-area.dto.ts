import { ApiProperty } from '@nestjs/swagger';
import { GROWING_AREA_STATUSES } from '@app/traceability';
import { CommuneCodeProperty, ProvinceCodeProperty } from '../../../common/place-fields.js';
import { PageOf } from '../../common/registry.dto.js';
import { OwnerDto } from './owner.dto.js';

export class GrowingAreaDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: String, nullable: true }) issuer: string | null;
  @ApiProperty() name: string;
  @ApiProperty() crop: string;
  @ApiProperty({ type: String, nullable: true }) variety: string | null;
  @ApiProperty({ description: 'Decimal string, hectares' }) areaHa: string;
  @ApiProperty() province: string;
  @ProvinceCodeProperty() provinceCode: string | null;
  @CommuneCodeProperty() communeCode: string | null;
  @ApiProperty({ type: String, nullable: true }) commune: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'GeoJSON geometry' }) location: unknown;
  @ApiProperty({ enum: GROWING_AREA_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true }) issuedAt: string | null;
  @ApiProperty({ type: [String] }) targetMarkets: string[];
  @ApiProperty({ type: String, nullable: true }) standard: string | null;
  @ApiProperty({ type: String, nullable: true }) expectedYieldT: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The area’s own ceiling, t/ha' }) maxYieldTPerHa: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Ceiling in force, t/ha per season' }) effectiveMaxYieldTPerHa: string | null;
  @ApiProperty({ enum: ['area', 'organization', 'default'], nullable: true }) maxYieldSource: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'areaHa × effective ceiling, tonnes per season' }) maxHarvestT: string | null;
  @ApiProperty({ type: [String] }) ownerPartnerIds: string[];
  @ApiProperty({ type: OwnerDto, isArray: true }) owners: OwnerDto[];
  @ApiProperty({ type: String, nullable: true, description: 'No harvest before this date (pre-harvest intervals); null: no restriction' })
  earliestHarvestDate: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export const GrowingAreaPageDto = PageOf(GrowingAreaDto);
