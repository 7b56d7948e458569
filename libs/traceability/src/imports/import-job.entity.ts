import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CellValue } from './cell-values.js';
import type { AnyImportKindName } from './history/history-kind.js';
import type { RowError } from './row-errors.js';

export const IMPORT_STATUSES = ['validated', 'queued', 'committing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_MODES = ['all_or_nothing', 'valid_rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** What the dry run found a row would do: make a record, find one already there, or nothing (errors). */
export type RowPlan = 'create' | 'exists' | 'invalid';
/** What the commit did with a row. */
export type RowOutcome = 'created' | 'updated' | 'skipped' | 'failed';

export interface ImportRow {
  row: number;
  cells: CellValue[];
  plan: RowPlan;
  /** Id of the record the row made, updated or found (set by the commit). */
  recordId?: string | null;
  outcome?: RowOutcome;
}

/**
 * An uploaded spreadsheet: the rows as read, the dry run's verdict on each, and the commit's progress.
 * The row is the record of the import; the queue only carries the commit (docs/architecture.md).
 */
@Entity('import_job')
export class ImportJob {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  /** Role of whoever asked for the commit: the services judge the rows with it, in the worker too. */
  @Column('text', { nullable: true }) committedByRole: string | null;
  @Column('uuid', { nullable: true }) committedBy: string | null;
  @Column('text') kind: AnyImportKindName;
  @Column('text') fileName: string;
  /** sha256 of the file: the same file uploaded again is the same import. */
  @Column('text') digest: string;
  @Column('text') status: ImportStatus;
  @Column('text', { nullable: true }) mode: ImportMode | null;
  @Column('boolean') updateExisting: boolean;
  @Column('int') headerRow: number;
  @Column('jsonb') headers: (string | null)[];
  @Column('jsonb') positions: Record<string, number>;
  @Column('jsonb') rows: ImportRow[];
  @Column('jsonb') errors: RowError[];
  @Column('int') totalRows: number;
  @Column('int') validRows: number;
  @Column('int') existingRows: number;
  @Column('int') processedRows: number;
  @Column('int') createdCount: number;
  @Column('int') updatedCount: number;
  @Column('int') skippedCount: number;
  @Column('int') failedCount: number;
  @Column('text', { nullable: true }) errorCode: string | null;
  @Column('text', { nullable: true }) errorMessage: string | null;
  @Column('timestamptz', { nullable: true }) committedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
