import { Injectable, Logger } from '@nestjs/common';
import type { Caller } from '../accounts/caller.js';
import type { Role } from '../accounts/user.entity.js';
import { DomainException } from '../common/domain.exception.js';
import { errorsOfRow, rowInput } from './dry-run.js';
import type { ImportJob, ImportRow } from './import-job.entity.js';
import type { ImportContext, ImportKind } from './import-kind.js';
import { HistoryImporter } from './history/history-importer.js';
import { isHistoryKind } from './history/history-kind.js';
import { ImportKinds } from './import-kinds.js';
import { DEFAULT_SHEET_LIMITS } from './spreadsheet.js';
import { ImportsRepository } from './imports.repository.js';
import type { RowError } from './row-errors.js';
import type { SheetTable } from './sheet-table.js';

/** Progress is saved every this many rows (and at the end): what a crashed commit resumes from. */
const SAVE_EVERY_ROWS = 25;

export interface CommitProgress {
  processedRows: number;
  totalRows: number;
}

/**
 * Commits an import in the worker, row by row through the registry services. A commit that stops
 * (a killed worker, an outage) is taken up again by the queue's retry or the re-enqueue sweep and
 * resumes at the last saved row; rows written after that save are found again by their natural keys,
 * so nothing is made twice. In all-or-nothing mode every row is checked again first, and nothing is
 * written unless all of them pass.
 */
@Injectable()
export class ImportCommitter {
  private readonly logger = new Logger(ImportCommitter.name);
  /** Limits of the files it streams again (a bench raises them with the upload's). */
  readonly limits: Partial<typeof DEFAULT_SHEET_LIMITS> = {};

  constructor(
    private readonly kinds: ImportKinds,
    private readonly repository: ImportsRepository,
    private readonly history: HistoryImporter,
  ) {}

  async commit(payload: { organizationId: string; importId: string; userId: string | null; role: string }, onProgress?: (p: CommitProgress) => Promise<void>): Promise<{ status: string }> {
    const job = await this.repository.find(payload.organizationId, payload.importId);
    if (!job || job.status === 'done' || job.status === 'failed' || job.status === 'validated') return { status: job?.status ?? 'missing' };
    const anyKind = this.kinds.get(job.kind);
    const caller: Caller = { organizationId: job.organizationId, userId: payload.userId, role: payload.role as Role, apiKeyId: null };
    if (isHistoryKind(anyKind)) {
      // One transaction, started over from the first row if an earlier attempt died (it left nothing).
      Object.assign(job, { status: 'committing', processedRows: 0 });
      await this.repository.save(job);
      return { status: await this.history.commit(job, caller, anyKind, { ...DEFAULT_SHEET_LIMITS, ...this.limits }, onProgress) };
    }
    const kind = anyKind;
    const context: ImportContext = { caller, lookups: (await kind.prepare?.(caller)) ?? new Map() };
    const table = { positions: job.positions, headers: job.headers, headerRow: job.headerRow, rows: [] } as SheetTable;
    const invalid = new Set(job.errors.map((e) => e.row));

    if (job.status === 'queued' && job.mode === 'all_or_nothing') {
      const problems = await this.recheck(kind, job, table, context, invalid);
      if (problems.length) {
        Object.assign(job, { status: 'failed', errors: [...job.errors, ...problems], errorCode: 'IMPORT_ROWS_INVALID', errorMessage: `${new Set(problems.map((p) => p.row)).size} rows no longer pass; nothing was imported` });
        await this.repository.save(job);
        return { status: job.status };
      }
    }
    job.status = 'committing';
    await this.repository.save(job);

    const existing = await kind.existingKeys(job.organizationId);
    for (let index = job.processedRows; index < job.rows.length; index++) {
      const row = job.rows[index];
      await this.commitRow(kind, job, row, table, context, existing, invalid, caller);
      job.processedRows = index + 1;
      if (job.processedRows % SAVE_EVERY_ROWS === 0) {
        await this.repository.save(job);
        await onProgress?.({ processedRows: job.processedRows, totalRows: job.totalRows });
      }
    }
    const count = (outcome: ImportRow['outcome']) => job.rows.filter((r) => r.outcome === outcome).length;
    Object.assign(job, { status: 'done', committedAt: new Date(), createdCount: count('created'), updatedCount: count('updated'), skippedCount: count('skipped'), failedCount: count('failed') });
    await this.repository.save(job);
    await onProgress?.({ processedRows: job.processedRows, totalRows: job.totalRows });
    return { status: job.status };
  }

  /** The rows to be written, checked again by the services (the registry may have changed since the upload). */
  private async recheck(kind: ImportKind, job: ImportJob, table: SheetTable, context: ImportContext, invalid: Set<number>): Promise<RowError[]> {
    const existing = await kind.existingKeys(job.organizationId);
    const problems: RowError[] = [];
    for (const row of job.rows) {
      if (invalid.has(row.row)) continue;
      try {
        const input = rowInput(kind, table, row.cells, row.row, context);
        if (!existing.has(kind.naturalKey(input as never))) await kind.check(context.caller, input as never);
      } catch (error) {
        problems.push(...errorsOfRow(error, row.row, table, kind));
      }
    }
    return problems;
  }

  private async commitRow(kind: ImportKind, job: ImportJob, row: ImportRow, table: SheetTable, context: ImportContext, existing: Map<string, string>, invalid: Set<number>, caller: Caller): Promise<void> {
    if (invalid.has(row.row)) {
      row.outcome = 'skipped';
      return;
    }
    try {
      const input = rowInput(kind, table, row.cells, row.row, context);
      const key = kind.naturalKey(input as never);
      const id = existing.get(key);
      if (id && (!job.updateExisting || !kind.update)) {
        Object.assign(row, { outcome: 'skipped', recordId: id });
      } else if (id) {
        await kind.update!(caller, id, input as never);
        Object.assign(row, { outcome: 'updated', recordId: id });
      } else {
        const made = await kind.create(caller, input as never);
        existing.set(key, made.id);
        Object.assign(row, { outcome: 'created', recordId: made.id });
      }
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      row.outcome = 'failed';
      job.errors = [...job.errors, ...errorsOfRow(error, row.row, table, kind)];
      this.logger.warn(`Import ${job.id} row ${row.row}: ${error.code}`);
    }
  }
}
