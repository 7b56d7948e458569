import { ApiProperty } from '@nestjs/swagger';
import { ProgrammeReportFileDto } from './programme-report-file.dto.js';

export class ProgrammeReportFilesDto {
  @ApiProperty({ type: ProgrammeReportFileDto }) xlsx: ProgrammeReportFileDto;
  @ApiProperty({ type: ProgrammeReportFileDto }) pdf: ProgrammeReportFileDto;
}
