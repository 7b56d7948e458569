import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PARTNER_KINDS, type PartnerKind } from '@app/traceability';
import { ListQueryDto, NAME_SORTS, PageOf } from '../common/registry.dto.js';
import { CommuneCodeField, CommuneCodeProperty, ProvinceCodeField, ProvinceCodeProperty } from '../../common/place-fields.js';

const PRIVATE = 'Private: returned to your own organization only, never on public pages.';

export class CreatePartnerDto {
  @ApiProperty({ enum: PARTNER_KINDS, example: 'member_household' })
  @IsIn(PARTNER_KINDS)
  kind: PartnerKind;

  @ApiProperty({ example: 'Hộ Lò Văn Panh' })
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0912 345 678', description: PRIVATE })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 .()-]{6,22}$/, { message: 'phone must be a phone number (digits, spaces, + . ( ) -)' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '011090001234', description: `Citizen id (CCCD, 12 digits; old CMND, 9). ${PRIVATE}` })
  @IsOptional()
  @Matches(/^(\d{9}|\d{12})$/, { message: 'citizenId must have 9 or 12 digits' })
  citizenId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '5600123456', description: `Tax code (MST: 10 digits, branch -XXX, or 12). ${PRIVATE}` })
  @IsOptional()
  @Matches(/^(\d{10}(-\d{3})?|\d{12})$/, { message: 'taxCode must be 10 digits (optionally -XXX) or 12 digits' })
  taxCode?: string | null;

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

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Bản Co Mỵ, xã Thanh Xương, huyện Điện Biên' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '8934567000017', description: 'GS1 GLN, 13 digits; the check digit is verified' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  gln?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'US', description: 'ISO 3166-1 alpha-2 country code; empty means Vietnam (VN)' })
  @IsOptional()
  @IsString()
  @MaxLength(2)
  country?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'The partner’s own organization on this platform, if it has one. Naming it asks that organization to accept your shipments (a trade link, see /api/v1/organization-links); shipping to this partner answers 403 PARTNER_LINK_NOT_CONFIRMED until it does' })
  @IsOptional()
  @IsUUID()
  linkedOrganizationId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: PRIVATE })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;
}

/** Any subset of the fields; `null` clears an optional one. */
export class UpdatePartnerDto extends PartialType(CreatePartnerDto) {}

export class PartnerListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: NAME_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(NAME_SORTS)
  sort?: string;

  @ApiPropertyOptional({ enum: PARTNER_KINDS })
  @IsOptional()
  @IsIn(PARTNER_KINDS)
  kind?: PartnerKind;
}

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
