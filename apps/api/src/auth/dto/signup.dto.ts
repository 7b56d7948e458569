import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ORGANIZATION_KINDS, type OrganizationKind, SIGNUP_ORGANIZATION_KINDS, type SignupInput } from '@app/traceability';
import { CommuneCodeField, ProvinceCodeField } from '../../common/place-fields.js';

export class SignupDto implements SignupInput {
  @ApiProperty({ example: 'HTX Nông nghiệp Séng Cù Mường Thanh' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  organizationName: string;

  @ApiProperty({ example: 'chu.nhiem@htx-sengcu.vn' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 8, example: 'mat-khau-an-toan' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ example: 'Lò Văn Minh' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    enum: SIGNUP_ORGANIZATION_KINDS,
    default: 'cooperative',
    description: 'programme_office is refused (403 ORGANIZATION_KIND_NOT_ALLOWED): a platform operator creates programme offices',
  })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  organizationKind?: OrganizationKind;

  @ApiPropertyOptional({ example: 'Điện Biên' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  province?: string;

  @ProvinceCodeField() provinceCode?: string | null;

  @CommuneCodeField() communeCode?: string | null;

  @ApiPropertyOptional({ example: 'Thanh Xương' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  commune?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}
