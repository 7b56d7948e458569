import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  CROPS,
  GROWING_AREA_STATUSES,
  INITIAL_GROWING_AREA_STATUSES,
  INPUT_KINDS,
  type GrowingAreaStatus,
  type InputKind,
} from '@app/traceability';
import { IsDecimalLike, IsGeoJsonLike, ListQueryDto, NAME_SORTS, PageOf } from '../common/registry.dto.js';
import { CommuneCodeField, CommuneCodeProperty, ProvinceCodeField, ProvinceCodeProperty } from '../../common/place-fields.js';

const CROP_DESCRIPTION = `Crop key: ${Object.entries(CROPS)
  .map(([key, crop]) => `${key} (${crop.vi})`)
  .join(', ')}; or your own key once it has a limit (PUT /api/v1/crop-yield-limits/{crop})`;

export class CreateGrowingAreaDto {
  @ApiProperty({ example: 'VN-DBIH-0012', description: 'Official code (mã số vùng trồng), opaque; unique per issuer across the platform' })
  @IsString()
  @MaxLength(100)
  code: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Điện Biên' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  issuer?: string | null;

  @ApiProperty({ example: 'Cánh đồng Mường Thanh – bản Co Mỵ' })
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'sticky_rice', description: CROP_DESCRIPTION })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'crop must be a crop key such as rice, sticky_rice, tea, coffee' })
  crop: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Séng Cù' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  variety?: string | null;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], example: '12.5', description: 'Hectares, > 0' })
  @IsDecimalLike()
  areaHa: string | number;

  @ApiPropertyOptional({ example: 'Điện Biên', description: 'Required unless provinceCode or communeCode names the place' })
  @ValidateIf((o: { provinceCode?: string | null; communeCode?: string | null }) => !o.provinceCode && !o.communeCode)
  @IsString()
  @MaxLength(100)
  province: string;

  @ProvinceCodeField() provinceCode?: string | null;

  @CommuneCodeField() communeCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Thanh Xương' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  commune?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'GeoJSON Point, Polygon or MultiPolygon in WGS 84 ([longitude, latitude]); rings must be closed',
    example: { type: 'Point', coordinates: [103.0187, 21.3702] },
  })
  @IsOptional()
  @IsGeoJsonLike()
  location?: unknown;

  @ApiPropertyOptional({ type: [String], nullable: true, description: 'Partner ids (member households) owning or farming it' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ownerPartnerIds?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2024-05-20', description: 'Date the code was issued' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  issuedAt?: string | null;

  @ApiPropertyOptional({ type: [String], nullable: true, example: ['VN', 'EU'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  targetMarkets?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'VietGAP' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  standard?: string | null;

  @ApiPropertyOptional({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }], example: '75', description: 'Expected harvest per season, tonnes' })
  @IsOptional()
  @IsDecimalLike()
  expectedYieldT?: string | number | null;

  @ApiPropertyOptional({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }],
    example: '6.5',
    description: 'This area’s own maximum yield, t/ha per season (admins only); else the organization’s or the default for the crop',
  })
  @IsOptional()
  @IsDecimalLike()
  maxYieldTPerHa?: string | number | null;

  @ApiPropertyOptional({ enum: INITIAL_GROWING_AREA_STATUSES, default: 'draft', description: 'Registration status; later changes go through POST /{id}/status' })
  @IsOptional()
  @IsIn(INITIAL_GROWING_AREA_STATUSES)
  status?: 'draft' | 'active';

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Mã số vùng trồng đã được cấp', description: 'Reason recorded with the registration status' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  statusReason?: string | null;
}

/** Any subset of the fields except the status, which changes only through POST /{id}/status. */
export class UpdateGrowingAreaDto extends PartialType(OmitType(CreateGrowingAreaDto, ['status', 'statusReason'] as const)) {}

export const GROWING_AREA_SORTS = [...NAME_SORTS, 'code', '-code'] as const;

export class GrowingAreaListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: GROWING_AREA_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(GROWING_AREA_SORTS)
  sort?: string;

  @ApiPropertyOptional({ enum: GROWING_AREA_STATUSES })
  @IsOptional()
  @IsIn(GROWING_AREA_STATUSES)
  status?: GrowingAreaStatus;

  @ApiPropertyOptional({ example: 'sticky_rice' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  crop?: string;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: GROWING_AREA_STATUSES, example: 'suspended', description: 'draft → active ⇄ suspended; any → revoked (final)' })
  @IsIn(GROWING_AREA_STATUSES)
  status: GrowingAreaStatus;

  @ApiProperty({ example: 'Kiểm tra phát hiện dư lượng thuốc BVTV vượt ngưỡng' })
  @IsString()
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({
    example: '2026-03-01',
    description: 'When the change took effect, if before today (e.g. the date of the decision that activated the area), so past harvests can be entered; never in the future, never before the previous change. Default: now',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  effectiveAt?: string;

  @ApiPropertyOptional({ example: '125/QĐ-CCTTBVTV', description: 'The paper behind the change (decision number), optional' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  evidenceReference?: string;
}

export class OwnerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
}

export class StatusChangeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: GROWING_AREA_STATUSES, nullable: true, description: 'null for the registration' }) fromStatus: string | null;
  @ApiProperty({ enum: GROWING_AREA_STATUSES }) toStatus: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'User; null when made with an API key' }) changedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) changedByName: string | null;
  @ApiProperty({ description: 'When the change was recorded' }) changedAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'When it took effect, if back-dated; null: at changedAt' }) effectiveAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) evidenceReference: string | null;
}

export class StatusHistoryDto {
  @ApiProperty({ type: StatusChangeDto, isArray: true }) items: StatusChangeDto[];
}

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

export class GrowingAreaDetailDto extends GrowingAreaDto {
  @ApiProperty({ type: StatusChangeDto, isArray: true, description: 'Oldest first' }) statusHistory: StatusChangeDto[];
}

export const GrowingAreaPageDto = PageOf(GrowingAreaDto);

export class CreateInputApplicationDto {
  @ApiProperty({ example: '2026-03-15', description: 'Date applied (not in the future)' })
  @IsString()
  @MaxLength(40)
  appliedAt: string;

  @ApiProperty({ enum: INPUT_KINDS, example: 'pesticide' })
  @IsIn(INPUT_KINDS)
  kind: InputKind;

  @ApiProperty({ example: 'Anvil 5SC' })
  @IsString()
  @MaxLength(200)
  productName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Hexaconazole' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  activeIngredient?: string | null;

  @ApiPropertyOptional({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }], example: '1' })
  @IsOptional()
  @IsDecimalLike()
  dose?: string | number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'l/ha' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  doseUnit?: string | null;

  @ApiProperty({ minimum: 0, maximum: 365, example: 7, description: 'Pre-harvest interval (thời gian cách ly), days' })
  @IsInt()
  @Min(0)
  @Max(365)
  phiDays: number;
}

export class VoidInputApplicationDto {
  @ApiProperty({ example: 'Ghi nhầm liều lượng' })
  @IsString()
  @MaxLength(1000)
  reason: string;
}

export const INPUT_SORTS = ['appliedAt', '-appliedAt', 'createdAt', '-createdAt'] as const;

export class InputApplicationListQueryDto {
  @ApiPropertyOptional({ enum: INPUT_SORTS, default: '-appliedAt' })
  @IsOptional()
  @IsIn(INPUT_SORTS)
  sort?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;

  @ApiPropertyOptional({ description: 'true: voided only; false: in force only; absent: all' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  voided?: boolean;
}

export class InputApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ format: 'uuid' }) growingAreaId: string;
  @ApiProperty({ example: '2026-03-15' }) appliedAt: string;
  @ApiProperty({ enum: INPUT_KINDS }) kind: string;
  @ApiProperty() productName: string;
  @ApiProperty({ type: String, nullable: true }) activeIngredient: string | null;
  @ApiProperty({ type: String, nullable: true }) dose: string | null;
  @ApiProperty({ type: String, nullable: true }) doseUnit: string | null;
  @ApiProperty() phiDays: number;
  @ApiProperty({ description: 'First day a harvest is allowed after it: appliedAt + phiDays' }) safeFrom: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) recordedBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() voided: boolean;
  @ApiProperty({ type: Date, nullable: true }) voidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) voidedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) voidReason: string | null;
}

export const InputApplicationPageDto = PageOf(InputApplicationDto);

export class HarvestRuleInputDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() appliedAt: string;
  @ApiProperty({ enum: INPUT_KINDS }) kind: string;
  @ApiProperty() productName: string;
  @ApiProperty({ type: String, nullable: true }) activeIngredient: string | null;
  @ApiProperty() phiDays: number;
  @ApiProperty() safeFrom: string;
}

export class HarvestWindowDto {
  @ApiProperty({ format: 'uuid' }) growingAreaId: string;
  @ApiProperty({ enum: GROWING_AREA_STATUSES }) status: string;
  @ApiProperty({ description: 'Today in Vietnam' }) today: string;
  @ApiProperty({ type: String, nullable: true, description: 'Earliest allowed harvest date; null: no pre-harvest interval applies' }) earliestHarvestDate: string | null;
  @ApiProperty({ description: 'Active and outside every pre-harvest interval today' }) harvestAllowedToday: boolean;
  @ApiProperty({ type: HarvestRuleInputDto, isArray: true, description: 'Inputs whose pre-harvest interval covers today' }) blockingInputs: HarvestRuleInputDto[];
  @ApiProperty({ type: String, nullable: true }) maxYieldTPerHa: string | null;
  @ApiProperty({ enum: ['area', 'organization', 'default'], nullable: true }) maxYieldSource: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Tonnes per crop season' }) maxHarvestT: string | null;
  @ApiProperty({ description: 'Crop seasons per calendar year' }) seasonsPerYear: number;
  @ApiProperty({ type: String, nullable: true, description: 'Tonnes per calendar year' }) maxHarvestTPerYear: string | null;
}
