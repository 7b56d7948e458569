import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../../accounts/caller.js';
import type { ImportJob } from '../import-job.entity.js';
import type { RowError } from '../row-errors.js';
import type { SheetLimits, SheetRow } from '../spreadsheet.js';
import type { HistoryKind } from './history-kind.js';
import { streamTable, type SheetHeader } from './sheet-stream.js';

/** Rows checked and written together: one set of statements per chunk, progress saved after each. */
export const HISTORY_CHUNK_ROWS = 2_000;

export interface HistoryDryRun {
  header: SheetHeader;
  totalRows: number;
  validRows: number;
  existingRows: number;
  errors: RowError[];
}

export interface HistoryProgress {
  processedRows: number;
  totalRows: number;
}

/** Some rows no longer pass at commit (the registry changed since the dry run): nothing is written. */
class RowsNoLongerValid extends Error {
  constructor(readonly errors: RowError[]) {
    super(`${new Set(errors.map((e) => e.row)).size} rows no longer pass`);
  }
}

/**
 * Historical imports (docs/architecture.md, "Historical imports"): the file streamed in chunks, never
 * held as rows. The dry run checks every row with the operations' rules and writes nothing. The
 * commit is ONE transaction made of chunked set-based statements: the file is checked again chunk by
 * chunk against the current registry (with what the rows refer to locked), each chunk's lots and
 * events written with a few multi-row INSERTs and the hash chain computed here, progress saved
 * outside the transaction after each chunk, and the import marked done in the same transaction as
 * its records. A worker killed mid-commit leaves nothing: PostgreSQL rolls the transaction back
 * when the connection drops, and the queue's retry or the re-enqueue sweep starts the commit again.
 */
@Injectable()
export class HistoryImporter {
  private readonly logger = new Logger(HistoryImporter.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async dryRun(caller: Caller, kind: HistoryKind, bytes: Buffer, fileName: string, limits: SheetLimits): Promise<HistoryDryRun> {
    const { header, rows } = await streamTable(bytes, fileName, kind.columns, limits);
    const run = await kind.begin({ caller, db: this.dataSource.manager, header, importId: null });
    const errors: RowError[] = [];
    let totalRows = 0;
    let validRows = 0;
    let existingRows = 0;
    for await (const chunk of chunks(rows)) {
      totalRows += chunk.length;
      for (const c of await run.check(chunk, errors)) {
        if (c.exists) existingRows++;
        else if (c.plan) validRows++;
      }
    }
    return { header, totalRows, validRows, existingRows, errors };
  }

  /** Commits the import; answers its final status. */
  async commit(job: ImportJob, caller: Caller, kind: HistoryKind, limits: SheetLimits, onProgress?: (p: HistoryProgress) => Promise<void>): Promise<ImportJob['status']> {
    const [file]: { bytes: Buffer }[] = await this.dataSource.query(`SELECT bytes FROM import_file WHERE import_id = $1 AND organization_id = $2`, [job.id, job.organizationId]);
    if (!file) {
      await this.fail(job, [], 'IMPORT_NOT_FOUND', 'the uploaded file is gone; upload it again');
      return 'failed';
    }
    const dryRunErrors = new Set(job.errors.map((e) => e.row));
    try {
      const outcome = await this.dataSource.transaction(async (manager) => {
        await kind.lock?.(job.organizationId, manager);
        const { header, rows } = await streamTable(file.bytes, job.fileName, kind.columns, limits);
        const run = await kind.begin({ caller, db: manager, header, importId: job.id });
        const errors: RowError[] = [];
        let processed = 0;
        let created = 0;
        let skipped = 0;
        try {
          for await (const chunk of chunks(rows)) {
            const before = errors.length;
            const checked = await run.check(chunk, errors);
            const fresh = errors.slice(before);
            if (job.mode === 'all_or_nothing' && fresh.length) throw new RowsNoLongerValid(fresh);
            created += await run.write(checked);
            skipped += checked.filter((c) => c.exists || !c.plan).length;
            processed += chunk.length;
            await this.progress(job, processed);
            await onProgress?.({ processedRows: processed, totalRows: job.totalRows });
          }
        } catch (error) {
          // The rollback waits for statements still running on the connection.
          await run.quiesce?.();
          throw error;
        }
        await run.finish();
        const failed = new Set(errors.map((e) => e.row).filter((row) => !dryRunErrors.has(row))).size;
        await manager.query(
          `UPDATE import_job SET status = 'done', processed_rows = $2, created_count = $3, skipped_count = $4, failed_count = $5,
             errors = $6::jsonb, committed_at = now(), updated_at = now() WHERE id = $1`,
          [job.id, processed, created, skipped - failed, failed, JSON.stringify(errors)],
        );
        return { processed, created };
      });
      this.logger.log(`Import ${job.id} (${kind.name}): ${outcome.created} records from ${outcome.processed} rows`);
      return 'done';
    } catch (error) {
      if (!(error instanceof RowsNoLongerValid)) throw error;
      await this.fail(job, error.errors, 'IMPORT_ROWS_INVALID', `${error.message}; nothing was imported`);
      return 'failed';
    }
  }

  /** Saved outside the import's transaction, so that the progress bar moves while it runs. */
  private async progress(job: ImportJob, processed: number): Promise<void> {
    await this.dataSource.query(`UPDATE import_job SET processed_rows = $2, updated_at = now() WHERE id = $1 AND status = 'committing'`, [job.id, processed]);
  }

  private async fail(job: ImportJob, errors: RowError[], code: string, message: string): Promise<void> {
    await this.dataSource.query(`UPDATE import_job SET status = 'failed', processed_rows = 0, errors = $2::jsonb, error_code = $3, error_message = $4, updated_at = now() WHERE id = $1`, [
      job.id,
      JSON.stringify([...job.errors, ...errors]),
      code,
      message,
    ]);
  }
}

async function* chunks(rows: AsyncIterable<SheetRow>): AsyncGenerator<SheetRow[]> {
  let chunk: SheetRow[] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length === HISTORY_CHUNK_ROWS) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}
