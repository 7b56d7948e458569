import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

export class ProgrammeQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First local day of the period (default: 1 January of `to`’s year)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a local date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last local day of the period, inclusive (default: today); certificates are judged as of this day' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a local date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ example: '03334', description: 'Only cooperatives registered in this commune (official code)' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'communeCode must be five digits' })
  communeCode?: string;

  @ApiPropertyOptional({ enum: ['1', '2', '3', '4', '5', '6'], description: 'OCOP product group: 1 food, 2 beverages, 3 herbs, 4 textiles, 5 handicrafts, 6 rural tourism' })
  @IsOptional()
  @IsIn(['1', '2', '3', '4', '5', '6'], { message: 'ocopGroup must be an OCOP product group from 1 to 6' })
  ocopGroup?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this overseen cooperative (another answers 404)' })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;
}

export class ProgrammeLotsQueryDto extends ProgrammeQueryDto {
  @ApiPropertyOptional({ example: '50', description: '1 to 200' })
  @IsOptional()
  @Matches(/^\d{1,3}$/, { message: 'limit must be a whole number from 1 to 200' })
  limit?: string;

  @ApiPropertyOptional({ example: '0' })
  @IsOptional()
  @Matches(/^\d{1,7}$/, { message: 'offset must be a whole number' })
  offset?: string;
}

export class ProgrammeCertificatesQueryDto extends ProgrammeQueryDto {
  @ApiPropertyOptional({ enum: ['valid', 'expiring90', 'expiring30', 'expired'], default: 'valid' })
  @IsOptional()
  @IsIn(['valid', 'expiring90', 'expiring30', 'expired'], { message: 'state must be one of valid, expiring90, expiring30, expired' })
  state?: string;
}

class CountsDto {
  @ApiProperty() linked: number;
  @ApiProperty({ description: 'Recorded any event in the period' }) active: number;
  @ApiProperty() inactive: number;
}

class OcopDto {
  @ApiProperty({ description: 'Products with an OCOP certificate issued by the period’s end' }) products: number;
  @ApiProperty() stars3: number;
  @ApiProperty() stars4: number;
  @ApiProperty() stars5: number;
  @ApiProperty() valid: number;
  @ApiProperty() expiringWithin90Days: number;
  @ApiProperty() expiringWithin30Days: number;
  @ApiProperty() expired: number;
}

export class ProgrammeDashboardDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) office: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { from: '2026-01-01', to: '2026-12-31', asOf: '2026-12-31' } }) period: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) filters: unknown;
  @ApiProperty({ description: 'When the figures were computed (they are computed on request)' }) computedAt: Date;
  @ApiProperty({ type: CountsDto }) cooperatives: CountsDto;
  @ApiProperty({ type: OcopDto }) ocop: OcopDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'certifiedProducts, covered, share (0–1), shortfalls {noLots, noGrowingArea, noLabels}' }) coverage: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'byStatus, byCrop, totalAreaHa, suspendedOrRevokedWithStockOnSale' }) growingAreas: unknown;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Per month: lots, harvestLots, harvestedKg, processedLots, processedKg, labelsPrinted, scans, distinctClients' }) monthly: unknown[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'open, items (recallId, rootLotCode, lots, organizations, labelsPrinted)' }) recalls: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'yieldOverrides (in the period), copiedLabels (serials that look copied)' }) signals: unknown;
}

export class ProgrammeItemsDto {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) items: unknown[];
}

export class ProgrammeMapDto {
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: '{url, attribution} from MAP_TILE_URL; null: no tiles' }) tiles: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'GeoJSON FeatureCollection of the areas (properties: code, name, crop, areaHa, status, organizationName…)' }) areas: unknown;
}
