import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@app/traceability';
import { UserDto } from '../auth/auth.dto.js';

const ASSIGNABLE = ['admin', 'recorder', 'viewer'] as const;

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiPropertyOptional({ minLength: 8, description: 'Leave out to get a one-time link (valid 72 h) for the user to set their own password' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;
  @ApiProperty({ enum: ASSIGNABLE }) @IsIn(ASSIGNABLE) role: (typeof ASSIGNABLE)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
}

export class CreatedUserDto extends UserDto {
  @ApiPropertyOptional({ description: 'Only when no password was given: the link the user opens to set theirs (shown once)' }) passwordSetLink?: string;
  @ApiPropertyOptional({ type: Date }) passwordSetLinkExpiresAt?: Date;
}

export class UserListDto {
  @ApiProperty({ type: UserDto, isArray: true }) items: UserDto[];
  @ApiProperty() total: number;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES, description: 'Not above your own role; the last active owner keeps theirs. Ends the user’s sessions.' })
  @ValidateIf((_object, value) => value !== undefined)
  @IsIn(ROLES)
  role?: Role;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @MaxLength(200)
  name?: string | null;
}

export class PasswordLinkDto {
  @ApiProperty({ example: 'https://truyxuat.example.vn/console/#/reset-password?token=…', description: 'Works once, until expiresAt' }) link: string;
  @ApiProperty() expiresAt: Date;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(200) newPassword: string;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ERP của HTX' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiProperty({ enum: ASSIGNABLE }) @IsIn(ASSIGNABLE) role: (typeof ASSIGNABLE)[number];
}

export class ApiKeyDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() prefix: string;
  @ApiProperty() role: string;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) lastUsedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) revokedAt: Date | null;
}

export class ApiKeyListDto {
  @ApiProperty({ type: ApiKeyDto, isArray: true }) items: ApiKeyDto[];
  @ApiProperty() total: number;
}

export class CreatedApiKeyDto {
  @ApiProperty({ type: ApiKeyDto }) apiKey: ApiKeyDto;
  @ApiProperty({ description: 'The secret key. Shown once: only its hash is stored.' }) key: string;
}
