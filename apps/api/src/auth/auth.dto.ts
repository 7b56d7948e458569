import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ORGANIZATION_KINDS, SIGNUP_ORGANIZATION_KINDS, type OrganizationKind } from '@app/traceability';
import { CommuneCodeField, CommuneCodeProperty, ProvinceCodeField, ProvinceCodeProperty } from '../common/place-fields.js';

export class SignupDto {
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

export class LoginDto {
  @ApiProperty()
  @IsEmail()
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class OrganizationDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String }) province: string | null;
  @ProvinceCodeProperty() provinceCode: string | null;
  @CommuneCodeProperty() communeCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) commune: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) address: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date, description: 'Programme offices: when a platform operator confirmed it (null: it oversees nothing)' })
  officeConfirmedAt: Date | null;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ enum: ['owner', 'admin', 'recorder', 'viewer'] }) role: string;
  @ApiPropertyOptional({ nullable: true, type: Date, description: 'Set while the user is deactivated (cannot log in)' }) deactivatedAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class SignupResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: OrganizationDto }) organization: OrganizationDto;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export class ForgotPasswordDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
}

export class AcceptedDto {
  @ApiProperty({ enum: ['accepted'], description: 'The same answer whether or not the email has an account' }) status: 'accepted';
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token from the link (…#/reset-password?token=…)' }) @IsString() @MinLength(20) @MaxLength(200) token: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(200) password: string;
}
