import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { CROPS, type GrowingAreaInput, INITIAL_GROWING_AREA_STATUSES } from '@app/traceability';
import { CommuneCodeField, ProvinceCodeField } from '../../../common/place-fields.js';
import { IsDecimalLike, IsGeoJsonLike } from '../../common/registry.dto.js';

export const CROP_DESCRIPTION = `Crop key: ${Object.entries(CROPS)
  .map(([key, crop]) => `${key} (${crop.vi})`)
  .join(', ')}; or your own key once it has a limit (PUT /api/v1/crop-yield-limits/{crop})`;

export class CreateGrowingAreaDto implements GrowingAreaInput {
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
