import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ProgrammeReportRequestDto {
  @ApiProperty({ example: '2026-06', description: 'The month YYYY-MM: a past month, or the month in progress (figures up to today)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month YYYY-MM' })
  month: string;
}
