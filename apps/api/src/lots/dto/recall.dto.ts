import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { RecallInput } from '@app/traceability';
import { IsSafeText } from './validators.js';

export class RecallDto implements RecallInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() lotId: string;
  @ApiProperty({ example: 'Dư lượng thuốc BVTV vượt ngưỡng' }) @IsString() @MinLength(1) @MaxLength(1000) @IsSafeText() reason: string;
}
