import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FACILITY_CODE_STATUSES, FACILITY_KINDS, type FacilityCodeStatus, type FacilityInput, type FacilityKind } from '@app/traceability';
import { PlaceDto } from '../../../common/dto/place.dto.js';
import { IsGeoJsonLike } from '../../common/registry.dto.js';

export class CreateFacilityDto extends PlaceDto implements FacilityInput {
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
