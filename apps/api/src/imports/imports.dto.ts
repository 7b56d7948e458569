import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ALL_IMPORT_KIND_NAMES, IMPORT_MODES, IMPORT_STATUSES, type ImportMode } from '@app/traceability';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What an upload may be sent as: the file's own bytes, not a form. */
export const UPLOAD_TYPES = [XLSX_TYPE, 'text/csv', 'text/tab-separated-values', 'application/octet-stream'] as const;

export class UploadQueryDto {
  @ApiPropertyOptional({ description: 'The file’s name as the clerk chose it (kept for the annotated file); its extension helps tell CSV from XLSX', example: 'ho-thanh-vien.xlsx' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}

export class TemplateQueryDto {
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi', description: 'Language of the headers and allowed values' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';
}

export class CommitImportDto {
  @ApiPropertyOptional({ enum: IMPORT_MODES, default: 'all_or_nothing', example: 'all_or_nothing', description: 'all_or_nothing: refused (422 IMPORT_HAS_ERRORS) while any row has an error; valid_rows: the rows without errors are imported, the others skipped' })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode?: ImportMode;

  @ApiPropertyOptional({ default: false, example: false, description: 'Rows naming a record that exists (by its natural key: growing-area code, citizen id, GTIN…) update it; otherwise they are left alone' })
  @IsOptional()
  @IsBoolean()
  updateExisting?: boolean;
}

export class ImportRowErrorDto {
  @ApiProperty({ example: 7, description: 'Row number in the file, as Excel shows it' }) row: number;
  @ApiProperty({ type: String, nullable: true, example: 'Diện tích (ha)', description: 'The column’s header as written in the file' }) column: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'areaHa', description: 'The API field' }) field: string | null;
  @ApiProperty({ example: 'AREA_HA_NOT_POSITIVE', description: 'The same code the API gives for this field' }) code: string;
  @ApiProperty({ example: 'areaHa: must be greater than 0, got 0' }) message: string;
}

export class ImportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ALL_IMPORT_KIND_NAMES }) kind: string;
  @ApiProperty({ example: 'ho-thanh-vien.xlsx' }) fileName: string;
  @ApiProperty({ description: 'sha256 of the file; the same file uploaded again answers this import' }) digest: string;
  @ApiProperty({ description: 'True when this file had been uploaded before: nothing new was made' }) alreadyUploaded: boolean;
  @ApiProperty({ enum: IMPORT_STATUSES, description: 'validated (dry run done, nothing imported) → queued → committing → done, or failed' }) status: string;
  @ApiProperty({ enum: IMPORT_MODES, nullable: true }) mode: string | null;
  @ApiProperty() updateExisting: boolean;
  @ApiProperty({ description: 'Row number of the header in the file' }) headerRow: number;
  @ApiProperty() totalRows: number;
  @ApiProperty({ description: 'Rows that would make a new record' }) validRows: number;
  @ApiProperty({ description: 'Rows naming a record that exists (left alone, or updated when asked)' }) existingRows: number;
  @ApiProperty() errorRows: number;
  @ApiProperty() processedRows: number;
  @ApiProperty({ description: 'Commit progress, 0–100' }) progress: number;
  @ApiProperty() createdCount: number;
  @ApiProperty() updatedCount: number;
  @ApiProperty() skippedCount: number;
  @ApiProperty() failedCount: number;
  @ApiProperty({ type: ImportRowErrorDto, isArray: true, description: 'The first 500 row errors; all of them are in the annotated file' }) errors: ImportRowErrorDto[];
  @ApiProperty() errorCount: number;
  @ApiProperty({ type: String, nullable: true, example: 'IMPORT_ROWS_INVALID' }) errorCode: string | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) committedAt: Date | null;
}

export class ImportColumnDto {
  @ApiProperty({ example: 'areaHa' }) key: string;
  @ApiProperty({ example: 'Diện tích (ha)' }) vi: string;
  @ApiProperty({ example: 'Area (ha)' }) en: string;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', properties: { value: { oneOf: [{ type: 'string' }, { type: 'number' }] }, vi: { type: 'string' }, en: { type: 'string' } } } })
  allowed?: { value: string | number; vi: string; en: string }[];
}

export class ImportKindDto {
  @ApiProperty({ enum: ALL_IMPORT_KIND_NAMES }) name: string;
  @ApiProperty() titleVi: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ type: ImportColumnDto, isArray: true }) columns: ImportColumnDto[];
}
