import type { Db } from '@app/database';
import type { Caller } from '../../accounts/caller.js';
import { IMPORT_KIND_NAMES, type ImportColumn, type RowCells } from '../import-kind.js';
import type { RowError } from '../row-errors.js';
import type { SheetHeader } from './sheet-stream.js';
import type { SheetRow } from '../spreadsheet.js';

export const HISTORY_KIND_NAMES = ['harvests', 'processing'] as const;
export type HistoryKindName = (typeof HISTORY_KIND_NAMES)[number];

/** What a row of a historical import would do: make its records, find them already imported, or nothing (errors). */
export interface CheckedRow<Plan> {
  row: number;
  plan: Plan | null;
  exists: boolean;
}

/**
 * One pass over a historical file: the dry run (db: the pool, nothing written) or the commit (db: the
 * import's one transaction). Rows come in chunks, in file order; a run keeps what earlier chunks
 * did (season totals, lots consumed, natural keys seen) so that each row is judged after the rows
 * above it, as if they had been recorded one after another through the API.
 */
export interface HistoryRun<Plan> {
  /** Checks a chunk with the operations' own rules; errors are the rows' (row and column named). */
  check(rows: SheetRow[], errors: RowError[]): Promise<CheckedRow<Plan>[]>;
  /** Writes the planned rows of a chunk (commit only). Returns how many records it made. */
  write(rows: CheckedRow<Plan>[]): Promise<number>;
  /** After the last chunk (commit only): anything kept for the whole file (the chain head). */
  finish(): Promise<void>;
  /** Waits for writes still running on the transaction's connection (before a rollback); throws nothing. */
  quiesce?(): Promise<void>;
}

export interface HistoryRunOptions {
  caller: Caller;
  db: Db;
  header: SheetHeader;
  /** Set for a commit: the import whose rows are written (their natural keys point to it). */
  importId: string | null;
}

/**
 * A kind of historical record (harvests, processing): imported in bulk as lots and events of the
 * organization's hash chain, the API's own rules checked per row (docs/domain.md, "Historical imports").
 */
export interface HistoryKind {
  readonly history: true;
  readonly name: HistoryKindName;
  readonly titleVi: string;
  readonly titleEn: string;
  readonly columns: readonly ImportColumn[];
  readonly examples: readonly RowCells[];
  /** Locks what the rows will refer to (commit only; before the chain head, the API's lock order). */
  lock?(organizationId: string, db: Db): Promise<void>;
  begin(options: HistoryRunOptions): Promise<HistoryRun<unknown>>;
}

/** Every kind the routes take: the registry kinds and the historical ones. */
export const ALL_IMPORT_KIND_NAMES = [...IMPORT_KIND_NAMES, ...HISTORY_KIND_NAMES] as const;
export type AnyImportKindName = (typeof ALL_IMPORT_KIND_NAMES)[number];

export function isHistoryKind(kind: { name: string }): kind is HistoryKind {
  return (kind as Partial<HistoryKind>).history === true;
}
