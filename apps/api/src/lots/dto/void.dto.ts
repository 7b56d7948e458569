import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { VoidInput } from '@app/traceability';
import { IsSafeText } from './validators.js';

export class VoidDto implements VoidInput {
  @ApiProperty({ example: 'Nhập nhầm khối lượng' }) @IsString() @MinLength(1) @MaxLength(1000) @IsSafeText() reason: string;
}
