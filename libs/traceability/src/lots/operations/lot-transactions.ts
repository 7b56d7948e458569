import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException } from '../../common/domain.exception.js';
import { allowCommitWithLastStatement, pgError, type CommitWithLastStatement, type Db } from '../db.js';

/** Up to this many tries of an operation (deadlocks, a random short code or a generated lot code already taken). */
const MAX_ATTEMPTS = 5;

/**
 * How lot operations reach the database. Either one transaction (harvest, receive, inspect, void),
 * or, for operations whose only write is their guarded event (transform, split, ship), no
 * transaction at all. Either way the work is retried on serialization failures, deadlocks and
 * clashes of random codes, and constraint violations that slipped past the checks become coded
 * errors, never a 500. Inside the caller's transaction (the demo seeder) the work runs there.
 */
@Injectable()
export class LotTransactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One transaction per operation. An operation that ends by appending its event passes
   * `commitWithAppend`: the append travels with its COMMIT in one round trip, so the organization's
   * chain head is locked only while PostgreSQL works (see CommitWithLastStatement).
   */
  async transaction<T>(db: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>, options: { commitWithAppend?: boolean } = {}): Promise<T> {
    if (db) return work(db);
    for (let attempt = 1; ; attempt++) {
      const runner = this.dataSource.createQueryRunner();
      const state: CommitWithLastStatement = { client: undefined as never, committed: false };
      try {
        await runner.connect();
        state.client = (runner as unknown as { databaseConnection: CommitWithLastStatement['client'] }).databaseConnection;
        await runner.startTransaction();
        if (options.commitWithAppend) allowCommitWithLastStatement(runner.manager, state);
        const result = await work(runner.manager);
        if (state.committed) {
          // Committed with the append: tell TypeORM, as its own commitTransaction() would.
          Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
        } else {
          await runner.commitTransaction();
        }
        return result;
      } catch (error) {
        if (!state.committed && runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        await retryOrExplain(error, attempt, state.committed);
      } finally {
        await runner.release();
      }
    }
  }

  /**
   * An operation whose only write is its event: read without locks, check, then one guarded append
   * statement that locks the consumed lots, re-checks mass balance on them and writes everything —
   * atomic on its own, so no transaction and no lock is held across round trips.
   */
  async atomically<T>(db: EntityManager | undefined, work: (q: Db, attempt: number) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work(db ?? this.dataSource, attempt);
      } catch (error) {
        await retryOrExplain(error, attempt, !!db);
      }
    }
  }
}

/**
 * After a failed write: retry (serialization failure, deadlock, a random short code or a generated lot
 * code that was taken), or turn a constraint the checks let through into a coded error.
 */
async function retryOrExplain(error: unknown, attempt: number, final: boolean): Promise<void> {
  const { code, constraint } = pgError(error);
  const retry = !final && attempt < MAX_ATTEMPTS;
  if (retry && (code === '40001' || code === '40P01')) {
    await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    return;
  }
  if (retry && code === '23505' && (constraint === 'lot_short_code_key' || (constraint === 'lot_organization_id_code_key' && attempt === 1))) return;
  if (code === '23505' && constraint === 'lot_organization_id_code_key') {
    throw new DomainException('LOT_CODE_TAKEN', 'lotCode: another lot of this organization already has this code', 'conflict', { field: 'lotCode' });
  }
  if (code === '23514' && constraint === 'lot_check') {
    throw new DomainException('LOT_OVERCONSUMED', 'quantity: more than the lot has left', 'validation', { field: 'quantity' });
  }
  throw error;
}
