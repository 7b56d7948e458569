import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ProgrammeQueryDto } from './programme-query.dto.js';

export class ProgrammeCertificatesQueryDto extends ProgrammeQueryDto {
  @ApiPropertyOptional({ enum: ['valid', 'expiring90', 'expiring30', 'expired'], default: 'valid' })
  @IsOptional()
  @IsIn(['valid', 'expiring90', 'expiring30', 'expired'], { message: 'state must be one of valid, expiring90, expiring30, expired' })
  state?: string;
}
