import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FACILITY_CODE_STATUSES, FACILITY_KINDS, type FacilityCodeStatus, type FacilityKind } from '@app/traceability';
import { IsGeoJsonLike, ListQueryDto, NAME_SORTS, PageOf } from '../common/registry.dto.js';
import { CommuneCodeField, CommuneCodeProperty, ProvinceCodeField, ProvinceCodeProperty } from '../../common/place-fields.js';

export class CreateFacilityDto {
  @ApiProperty({ enum: FACILITY_KINDS, example: 'packing_house' })
  @IsIn(FACILITY_KINDS)
  kind: FacilityKind;

  @ApiProperty({ example: 'Nhà sơ chế đóng gói HTX Séng Cù' })
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'VNDB-PH-0003', description: 'Official code, e.g. a packing house’s mã số cơ sở đóng gói' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  code?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Điện Biên' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  codeIssuer?: string | null;

  @ApiPropertyOptional({ enum: FACILITY_CODE_STATUSES, nullable: true, description: 'Status of the code; active when a code is given without one' })
  @IsOptional()
  @IsIn(FACILITY_CODE_STATUSES)
  codeStatus?: FacilityCodeStatus | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Thanh Xương' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  commune?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Điện Biên' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  province?: string | null;

  @ProvinceCodeField() provinceCode?: string | null;

  @CommuneCodeField() communeCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'GS1 GLN, 13 digits; the check digit is verified' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  gln?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'GeoJSON Point in WGS 84, [longitude, latitude]',
    example: { type: 'Point', coordinates: [103.0187, 21.3702] },
  })
  @IsOptional()
  @IsGeoJsonLike()
  location?: unknown;
}

export class UpdateFacilityDto extends PartialType(CreateFacilityDto) {}

export class FacilityListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: NAME_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(NAME_SORTS)
  sort?: string;

  @ApiPropertyOptional({ enum: FACILITY_KINDS })
  @IsOptional()
  @IsIn(FACILITY_KINDS)
  kind?: FacilityKind;
}

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
