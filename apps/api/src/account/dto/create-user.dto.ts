import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { NewUserInput } from '@app/traceability';
import { ASSIGNABLE } from './schemas.js';

export class CreateUserDto implements NewUserInput {
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
