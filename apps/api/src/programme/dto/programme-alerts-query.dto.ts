import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class ProgrammeAlertsQueryDto {
  @ApiPropertyOptional({ example: '2026-12-03', description: 'Local day (default: today); the answer is the last computed day on or before it' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be a local date YYYY-MM-DD' })
  day?: string;
}
