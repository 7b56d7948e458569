import { ApiProperty } from '@nestjs/swagger';
import { ALL_IMPORT_KIND_NAMES, IMPORT_MODES, IMPORT_STATUSES } from '@app/traceability';
import { ImportRowErrorDto } from './import-row-error.dto.js';

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
