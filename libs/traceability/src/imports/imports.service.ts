import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '@app/database';
import { JobName, QueueProducer } from '@app/queue';
import type { Caller } from '../accounts/caller.js';
import { DomainException, notFound } from '../common/domain.exception.js';
import { dryRun, type ShapeCheck } from './dry-run.js';
import { HistoryImporter } from './history/history-importer.js';
import { isHistoryKind, type HistoryKind } from './history/history-kind.js';
import { streamTable } from './history/sheet-stream.js';
import { ImportJob, type ImportMode, type ImportRow } from './import-job.entity.js';
import { ImportKinds } from './import-kinds.js';
import { ImportsRepository } from './imports.repository.js';
import type { RowError } from './row-errors.js';
import { locateTable } from './sheet-table.js';
import { readSpreadsheet, type SheetLimits, DEFAULT_SHEET_LIMITS } from './spreadsheet.js';
import { annotatedWorkbook, templateWorkbook, type TemplateLanguage } from './workbooks.js';

/** How many row errors an import's answer lists (all of them are in the annotated file). */
export const ERRORS_SHOWN = 500;
const ENQUEUE_TIMEOUT_MS = 2_000;

/** An import as its organization sees it: counts, state, progress and the first row errors. */
export interface ImportView {
  id: string;
  kind: string;
  fileName: string;
  digest: string;
  status: ImportJob['status'];
  mode: ImportMode | null;
  updateExisting: boolean;
  headerRow: number;
  totalRows: number;
  validRows: number;
  existingRows: number;
  errorRows: number;
  processedRows: number;
  /** 0–100, of the commit. */
  progress: number;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  failedCount: number;
  errors: RowError[];
  errorCount: number;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: Date;
  committedAt: Date | null;
}

/**
 * Spreadsheet imports (docs/domain.md): upload (read + dry run, nothing written to the registry),
 * commit (a worker job), the annotated file, the templates. The same file uploaded again answers
 * the import it already made.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);
  readonly limits: SheetLimits = DEFAULT_SHEET_LIMITS;

  constructor(
    private readonly kinds: ImportKinds,
    private readonly repository: ImportsRepository,
    private readonly producer: QueueProducer,
    private readonly history: HistoryImporter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Reads the file and checks every row; writes only the import's own row. `created` is false for a file seen before. */
  async upload(caller: Caller, kindName: string, fileName: string, bytes: Buffer, shapeCheck: ShapeCheck): Promise<{ created: boolean; view: ImportView }> {
    const kind = this.kinds.get(kindName);
    const digest = createHash('sha256').update(bytes).digest('hex');
    const seen = await this.repository.findByDigest(caller.organizationId, kind.name, digest);
    if (seen) return { created: false, view: this.view(seen) };
    if (isHistoryKind(kind)) return this.uploadHistory(caller, kind, fileName, bytes, digest);
    const sheet = await readSpreadsheet(bytes, fileName, this.limits);
    const table = locateTable(sheet, kind.columns);
    const { rows, errors } = await dryRun(caller, kind, table, shapeCheck);
    const invalid = new Set(errors.map((e) => e.row));
    const { job, inserted } = await this.repository.insert({
      organizationId: caller.organizationId,
      createdBy: caller.userId,
      kind: kind.name,
      fileName: fileName.normalize('NFC').slice(0, 255),
      digest,
      status: 'validated',
      mode: null,
      updateExisting: false,
      headerRow: table.headerRow,
      headers: table.headers,
      positions: table.positions,
      rows,
      errors,
      totalRows: rows.length,
      validRows: rows.filter((r) => !invalid.has(r.row) && r.plan === 'create').length,
      existingRows: rows.filter((r) => !invalid.has(r.row) && r.plan === 'exists').length,
      processedRows: 0,
      createdCount: 0,
      updatedCount: 0,
      skippedCount: 0,
      failedCount: 0,
    });
    return { created: inserted, view: this.view(job) };
  }

  /**
   * A historical file (harvests, processing): streamed and checked chunk by chunk; the file is kept
   * beside the import (the worker streams it again at commit), its rows are not stored one by one.
   */
  private async uploadHistory(caller: Caller, kind: HistoryKind, fileName: string, bytes: Buffer, digest: string): Promise<{ created: boolean; view: ImportView }> {
    const result = await this.history.dryRun(caller, kind, bytes, fileName, this.limits);
    const { job, inserted } = await this.repository.insert(
      {
        organizationId: caller.organizationId,
        createdBy: caller.userId,
        kind: kind.name,
        fileName: fileName.normalize('NFC').slice(0, 255),
        digest,
        status: 'validated',
        mode: null,
        updateExisting: false,
        headerRow: result.header.headerRow,
        headers: result.header.headers,
        positions: result.header.positions,
        rows: [],
        errors: result.errors,
        totalRows: result.totalRows,
        validRows: result.validRows,
        existingRows: result.existingRows,
        processedRows: 0,
        createdCount: 0,
        updatedCount: 0,
        skippedCount: 0,
        failedCount: 0,
      },
      bytes,
    );
    return { created: inserted, view: this.view(job) };
  }

  async get(caller: Caller, id: string): Promise<ImportView> {
    return this.view(await this.find(caller, id));
  }

  /**
   * Asks for the commit: all or nothing (refused while any row has an error) or the valid rows only;
   * existing records are updated only when asked. Asking again for an import already committing or
   * done answers it as it is.
   */
  async requestCommit(caller: Caller, id: string, options: { mode?: ImportMode; updateExisting?: boolean }): Promise<ImportView> {
    const mode = options.mode ?? 'all_or_nothing';
    const job = await inTransaction(this.dataSource, async (manager) => {
      const job = await this.repository.findLocked(caller.organizationId, id, manager);
      if (!job) throw notFound('Import', id);
      if (job.status !== 'validated') return job;
      if (mode === 'all_or_nothing' && job.errors.length) {
        throw new DomainException('IMPORT_HAS_ERRORS', `mode: ${new Set(job.errors.map((e) => e.row)).size} rows have errors; fix them, or commit with mode "valid_rows"`, 'validation', {
          field: 'mode',
          errorRows: new Set(job.errors.map((e) => e.row)).size,
        });
      }
      Object.assign(job, { status: 'queued', mode, updateExisting: !!options.updateExisting, committedBy: caller.userId, committedByRole: caller.role });
      await this.repository.save(job, manager);
      return job;
    });
    if (job.status === 'queued') await this.enqueue(job);
    return this.view(job);
  }

  /** Queues the commit; if the queue does not answer, the worker's sweep queues it from the row. */
  async enqueue(job: Pick<ImportJob, 'id' | 'organizationId' | 'committedBy' | 'committedByRole'>): Promise<void> {
    const enqueued = this.producer.add(JobName.CommitImport, job.id, { organizationId: job.organizationId, importId: job.id, userId: job.committedBy, role: job.committedByRole ?? 'recorder' });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([enqueued, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer from the queue')), ENQUEUE_TIMEOUT_MS)))]);
    } catch (error) {
      enqueued.catch(() => undefined);
      this.logger.warn(`Import ${job.id} stays queued for the re-enqueue sweep: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Imports whose commit was asked for but whose queue job is gone (Redis lost it) or gave up (a
   * crash in each attempt) are queued again; the commit resumes where it stopped. Run by the worker
   * at start and with the label jobs' sweep.
   */
  async requeueUnfinished(): Promise<number> {
    let queued = 0;
    for (const job of await this.repository.unfinished()) {
      const existing = await this.producer.getJob(JobName.CommitImport, job.id);
      if (existing && !(await existing.isFailed())) continue;
      await existing?.remove();
      await this.enqueue(job);
      queued++;
    }
    return queued;
  }

  async annotated(caller: Caller, id: string): Promise<{ fileName: string; bytes: Buffer }> {
    const job = await this.find(caller, id);
    const base = job.fileName.replace(/\.[^.]*$/, '');
    const kind = this.kinds.get(job.kind);
    const rows = isHistoryKind(kind) ? await this.historyRows(job, kind) : job.rows;
    return { fileName: `${base}-kiem-tra.xlsx`, bytes: await annotatedWorkbook(job.headers, rows, job.errors) };
  }

  /** The rows of a historical file as uploaded (for its annotated copy). */
  private async historyRows(job: ImportJob, kind: HistoryKind): Promise<ImportRow[]> {
    const [file]: { bytes: Buffer }[] = await this.dataSource.query(`SELECT bytes FROM import_file WHERE import_id = $1 AND organization_id = $2`, [job.id, job.organizationId]);
    if (!file) return [];
    const { rows } = await streamTable(file.bytes, job.fileName, kind.columns, this.limits);
    const all: ImportRow[] = [];
    for await (const { row, cells } of rows) all.push({ row, cells, plan: 'create' });
    return all;
  }

  async template(kindName: string, language: TemplateLanguage): Promise<{ fileName: string; bytes: Buffer }> {
    const kind = this.kinds.get(kindName);
    return { fileName: `nguon-${kind.name}-${language}.xlsx`, bytes: await templateWorkbook(kind, language) };
  }

  private async find(caller: Caller, id: string): Promise<ImportJob> {
    const job = await this.repository.find(caller.organizationId, id);
    if (!job) throw notFound('Import', id);
    return job;
  }

  view(job: ImportJob): ImportView {
    return {
      id: job.id,
      kind: job.kind,
      fileName: job.fileName,
      digest: job.digest,
      status: job.status,
      mode: job.mode,
      updateExisting: job.updateExisting,
      headerRow: job.headerRow,
      totalRows: job.totalRows,
      validRows: job.validRows,
      existingRows: job.existingRows,
      errorRows: job.totalRows - job.validRows - job.existingRows,
      processedRows: job.processedRows,
      progress: job.status === 'done' ? 100 : job.totalRows ? Math.floor((100 * job.processedRows) / job.totalRows) : 0,
      createdCount: job.createdCount,
      updatedCount: job.updatedCount,
      skippedCount: job.skippedCount,
      failedCount: job.failedCount,
      errors: job.errors.slice(0, ERRORS_SHOWN),
      errorCount: job.errors.length,
      errorCode: job.errorCode,
      errorMessage: job.errorMessage,
      createdAt: job.createdAt,
      committedAt: job.committedAt,
    };
  }
}
