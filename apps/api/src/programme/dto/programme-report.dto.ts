import { ApiProperty } from '@nestjs/swagger';
import { ProgrammeReportFilesDto } from './programme-report-files.dto.js';

export class ProgrammeReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-06' }) month: string;
  @ApiProperty({ enum: ['queued', 'rendering', 'done', 'failed'] }) status: string;
  @ApiProperty({ description: 'Percent done, 0–100' }) progress: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the figures the files show: the same for every render of the month over the same records' })
  contentSha256: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'REPORT_RENDER_FAILED' }) errorCode: string | null;
  @ApiProperty({ type: ProgrammeReportFilesDto, nullable: true, description: 'The XLSX and PDF, once done' }) files: ProgrammeReportFilesDto | null;
}
