import { ApiProperty } from '@nestjs/swagger';
import { ProgrammeReportDto } from './programme-report.dto.js';

export class ProgrammeReportsDto {
  @ApiProperty({ type: [ProgrammeReportDto], description: 'The office’s 50 latest reports, newest first' }) items: ProgrammeReportDto[];
}
