import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PARTNER_KINDS, type PartnerInput, type PartnerKind } from '@app/traceability';
import { PlaceDto } from '../../../common/dto/place.dto.js';
import { PRIVATE } from './schemas.js';

export class CreatePartnerDto extends PlaceDto implements PartnerInput {
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
