import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(200) password: string;
  @ApiProperty({ enum: ['admin', 'recorder', 'viewer'] }) @IsIn(['admin', 'recorder', 'viewer']) role: 'admin' | 'recorder' | 'viewer';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ERP của HTX' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiProperty({ enum: ['admin', 'recorder', 'viewer'] }) @IsIn(['admin', 'recorder', 'viewer']) role: 'admin' | 'recorder' | 'viewer';
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

export class CreatedApiKeyDto {
  @ApiProperty({ type: ApiKeyDto }) apiKey: ApiKeyDto;
  @ApiProperty({ description: 'The secret key. Shown once: only its hash is stored.' }) key: string;
}
