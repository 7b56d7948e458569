import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsSafeText } from './validators.js';

export class RecallAcknowledgementDto {
  @ApiPropertyOptional({ example: 'Đã rút 12 thùng khỏi quầy', description: 'What the receiver did (at most 2,000 characters)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsSafeText()
  note?: string;
}
