import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { findTemplate, pageCount } from '@app/labels';
import { labelAddressWarnings, type LabelJob } from '@app/traceability';
import { LabelJobErrorDto } from './label-job-error.dto.js';
import { LabelWarningDto } from './label-warning.dto.js';

export class LabelJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'rendering', 'done', 'failed'] }) status: string;
  @ApiProperty({ description: 'Labels rendered so far' }) progress: number;
  @ApiProperty({ description: 'Labels in the job (= count)' }) total: number;
  @ApiProperty({ description: 'Whole percent of labels rendered' }) percent: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Pages rendered so far (all pages when done)' }) pages: number | null;
  @ApiProperty({ description: 'Pages the finished PDF has' }) expectedPages: number;
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty() templateId: string;
  @ApiProperty() count: number;
  @ApiProperty() serialized: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'First serial (a decimal bigint, as a string)', example: '1001' })
  serialFirst: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Last serial: the range is contiguous', example: '1240' })
  serialLast: string | null;
  @ApiProperty() startPosition: number;
  @ApiProperty() offsetXMm: number;
  @ApiProperty() offsetYMm: number;
  @ApiProperty() outline: boolean;
  @ApiProperty({ enum: ['vi', 'en'] }) language: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Size of the PDF in bytes, once done' }) fileSize: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'SHA-256 of the PDF (hex), once done' }) sha256: string | null;
  @ApiPropertyOptional({ type: LabelJobErrorDto }) error?: LabelJobErrorDto;
  @ApiProperty({ description: 'What is printed, frozen when the job was created', type: 'object', additionalProperties: true })
  snapshot: Record<string, unknown>;
  @ApiProperty() attempts: number;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) startedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) finishedAt: Date | null;
  @ApiProperty({ example: '/api/v1/label-jobs/…/pdf' }) pdfUrl: string;
  @ApiProperty({
    type: LabelWarningDto,
    isArray: true,
    description: 'What to fix before printing: PUBLIC_BASE_URL_LOOPBACK when the QR codes and printed address are a loopback address (localhost) no phone can open',
  })
  warnings: LabelWarningDto[];
}

export function toLabelJobDto(job: LabelJob): LabelJobDto {
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    total: job.count,
    percent: Math.floor((job.progress * 100) / job.count),
    pages: job.pages,
    expectedPages: expectedPages(job),
    lotId: job.lotId,
    templateId: job.templateId,
    count: job.count,
    serialized: job.serialized,
    serialFirst: job.serialFirst,
    serialLast: job.serialLast,
    startPosition: job.startPosition,
    offsetXMm: job.offsetXMm,
    offsetYMm: job.offsetYMm,
    outline: job.outline,
    language: job.language,
    fileSize: job.fileSize === null ? null : Number(job.fileSize),
    sha256: job.fileSha256,
    ...(job.errorCode ? { error: { code: job.errorCode, message: job.errorMessage ?? '' } } : {}),
    snapshot: job.snapshot as unknown as Record<string, unknown>,
    attempts: job.attempts,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    pdfUrl: `/api/v1/label-jobs/${job.id}/pdf`,
    warnings: labelAddressWarnings((job.snapshot as { payloadBase?: string } | null)?.payloadBase),
  };
}

function expectedPages(job: LabelJob): number {
  const template = findTemplate(job.templateId);
  return template ? pageCount(template, job.startPosition, job.count) : 0;
}
