import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ASSIGNABLE } from './schemas.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ERP của HTX' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiProperty({ enum: ASSIGNABLE }) @IsIn(ASSIGNABLE) role: (typeof ASSIGNABLE)[number];
}
