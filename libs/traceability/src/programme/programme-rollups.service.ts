import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { todayInVietnam } from '../registry/common/fields.js';
import { nextMonthOf, ProgrammeRollupsRepository } from './programme-rollups.repository.js';

/** How often the worker refreshes the rollups (docs/architecture.md, "Programme rollups"). */
export const PROGRAMME_ROLLUPS_EVERY_MINUTES = 10;
/** Scans committed a little after a refresh began but dated before it still land in the right month. */
const LATE_COMMIT_MARGIN_MS = 15 * 60_000;

export interface RollupRefreshResult {
  kind: 'incremental' | 'rebuild';
  months: string[];
  refreshedAt: Date;
  durationMs: number;
}

/** The local (Vietnam) month of an instant, as its first day. */
function monthOf(instant: Date): string {
  return `${new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 7)}-01`;
}

/**
 * Refreshes the province dashboard's rollups, one local month at a time, in one repeatable-read
 * transaction (the dashboard reads either the old rows or the new ones, never a mix) under an
 * advisory lock (one refresh at a time, whatever the number of workers).
 *
 * - `refresh()`, every ten minutes from the worker: the current month, the month the previous refresh
 *   ran in (scans of a month's last minutes), and every month whose lots, label jobs or genealogy
 *   changed since (marked by triggers). The first refresh builds every month from the first record.
 * - `rebuild(months)`, on demand: the same plus the months given (e.g. after scans were loaded by
 *   hand into a past month, which no trigger marks).
 *
 * After either, the rollups count every change committed before `refreshedAt`.
 */
@Injectable()
export class ProgrammeRollupsService {
  private readonly logger = new Logger(ProgrammeRollupsService.name);

  constructor(
    private readonly repository: ProgrammeRollupsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  refresh(): Promise<RollupRefreshResult> {
    return this.run('incremental', []);
  }

  /** Rebuilds the given local months (YYYY-MM), or every month from the first record when none is given. */
  rebuild(months?: string[]): Promise<RollupRefreshResult> {
    return this.run('rebuild', months?.map((m) => `${m.slice(0, 7)}-01`) ?? null);
  }

  private async run(kind: RollupRefreshResult['kind'], requested: string[] | null): Promise<RollupRefreshResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const started = Date.now();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext('programme-rollups'))`);
      try {
        // The snapshot is taken after the lock: never older than the refresh before it.
        await runner.query(`BEGIN ISOLATION LEVEL REPEATABLE READ`);
        try {
          const [state] = await runner.query(`SELECT refreshed_at AS "refreshedAt" FROM programme_rollup_state WHERE id = 1`);
          const dirty = await this.repository.dirty(runner);
          const current = `${todayInVietnam().slice(0, 7)}-01`;
          const months = new Set<string>([current, ...dirty.months, ...(requested ?? [])]);
          const last: Date | null = state?.refreshedAt ?? null;
          if (last) {
            months.add(monthOf(last));
            months.add(monthOf(new Date(last.getTime() - LATE_COMMIT_MARGIN_MS)));
          }
          if (!last || requested === null) {
            // Every month from the first record: the first build, or a full rebuild.
            const first = await this.repository.firstMonth(runner);
            for (let m = first; m && m < current; m = nextMonthOf(m)) months.add(m);
          }
          const ordered = [...months].filter((m) => m <= current).sort();
          // Scans only arrive now: after a first build, a scheduled refresh recomputes the copied-label
          // signals of the serials scanned since the previous refresh; a rebuild, of its months' serials.
          const sinceLast = kind === 'incremental' && last ? new Date(last.getTime() - LATE_COMMIT_MARGIN_MS) : null;
          for (const month of ordered) await this.repository.recomputeMonth(runner, month, !sinceLast);
          if (sinceLast) await this.repository.recomputeCopiedLabels(runner, sinceLast, new Date(Date.now() + 86_400_000));
          await this.repository.clearDirty(runner, dirty.maxId, ordered);
          const refreshedAt = await this.repository.stamp(runner, kind, ordered.length, Date.now() - started);
          await runner.query('COMMIT');
          const result = { kind, months: ordered.map((m) => m.slice(0, 7)), refreshedAt, durationMs: Date.now() - started };
          this.logger.log(`Programme rollups (${kind}): ${result.months.join(', ')} in ${result.durationMs} ms`);
          return result;
        } catch (error) {
          await runner.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('programme-rollups'))`).catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }
}
