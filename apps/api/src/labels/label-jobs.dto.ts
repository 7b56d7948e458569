import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { findTemplate, labelBoxLayout, labelsPerPage, pageCount, type LabelTemplate } from '@app/labels';
import { labelAddressWarnings, type LabelJob } from '@app/traceability';

/**
 * Types only here; ranges (count, start position, offsets) are checked by the service, which knows
 * the template and the configured maximum and answers with a specific code.
 */
export class CreateLabelJobDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() lotId: string;
  @ApiProperty({ example: 'a4-3x8-70x37', description: 'GET /api/v1/label-templates lists them' }) @IsString() @MaxLength(100) templateId: string;
  @ApiProperty({ example: 240, minimum: 1, description: 'Labels to print; at most LABEL_JOB_MAX_COUNT' }) @IsInt() count: number;
  @ApiProperty({ description: 'Give every label its own globally unique serial (in the QR and printed)' }) @IsBoolean() serialized: boolean;
  @ApiPropertyOptional({ default: 1, description: 'First cell to print on the first sheet (1-based, row by row), to finish a partly used sheet' })
  @IsOptional()
  @IsInt()
  startPosition?: number;
  @ApiPropertyOptional({ default: 0, minimum: -5, maximum: 5, description: 'Printer calibration, mm to the right' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  offsetXMm?: number;
  @ApiPropertyOptional({ default: 0, minimum: -5, maximum: 5, description: 'Printer calibration, mm down' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  offsetYMm?: number;
  @ApiPropertyOptional({ default: false, description: 'Thin cut outlines around each label' }) @IsOptional() @IsBoolean() outline?: boolean;
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' }) @IsOptional() @IsIn(['vi', 'en']) language?: 'vi' | 'en';
}

export class ListLabelJobsQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class LabelJobErrorDto {
  @ApiProperty({ example: 'LABEL_PAYLOAD_TOO_LONG' }) code: string;
  @ApiProperty() message: string;
}

class LabelWarningDto {
  @ApiProperty({ enum: ['PUBLIC_BASE_URL_LOOPBACK'] }) code: string;
  @ApiProperty() message: string;
  @ApiProperty({ example: 'http://localhost:3000', description: 'The address printed on the labels' }) url: string;
}

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

export class LabelJobListDto {
  @ApiProperty({ type: LabelJobDto, isArray: true }) items: LabelJobDto[];
  @ApiPropertyOptional() nextCursor?: string;
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

class BoxDto {
  @ApiProperty() xMm: number;
  @ApiProperty() yMm: number;
  @ApiProperty() widthMm: number;
  @ApiProperty() heightMm: number;
}

class LabelLayoutDto {
  @ApiProperty({ type: BoxDto, description: 'The QR with its 4-module quiet zone, relative to the label' }) qr: BoxDto;
  @ApiProperty({ type: BoxDto }) text: BoxDto;
}

export class LabelTemplateDto {
  @ApiProperty({ example: 'a4-3x8-70x37' }) id: string;
  @ApiProperty() nameVi: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: ['sheet', 'roll'] }) kind: string;
  @ApiProperty() pageWidthMm: number;
  @ApiProperty() pageHeightMm: number;
  @ApiProperty() columns: number;
  @ApiProperty() rows: number;
  @ApiProperty() labelsPerPage: number;
  @ApiProperty({ description: 'Page top edge to the first label' }) marginTopMm: number;
  @ApiProperty({ description: 'Page left edge to the first label' }) marginLeftMm: number;
  @ApiProperty({ description: 'Label width plus the gap to the next column' }) pitchXMm: number;
  @ApiProperty({ description: 'Label height plus the gap to the next row' }) pitchYMm: number;
  @ApiProperty() gapXMm: number;
  @ApiProperty() gapYMm: number;
  @ApiProperty() labelWidthMm: number;
  @ApiProperty() labelHeightMm: number;
  @ApiProperty({ description: 'Smallest QR module printed; a longer payload is refused' }) minQrModuleMm: number;
  @ApiProperty({ type: LabelLayoutDto }) layout: LabelLayoutDto;
}

export function toLabelTemplateDto(template: LabelTemplate): LabelTemplateDto {
  const layout = labelBoxLayout(template);
  const round = (mm: number) => Math.round(mm * 1000) / 1000;
  const box = (b: { xMm: number; yMm: number; widthMm: number; heightMm: number }) => ({
    xMm: round(b.xMm),
    yMm: round(b.yMm),
    widthMm: round(b.widthMm),
    heightMm: round(b.heightMm),
  });
  return {
    ...template,
    labelsPerPage: labelsPerPage(template),
    gapXMm: round(template.pitchXMm - template.labelWidthMm),
    gapYMm: round(template.pitchYMm - template.labelHeightMm),
    layout: { qr: box(layout.qr), text: box(layout.text) },
  };
}
