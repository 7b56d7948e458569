import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, pgError, withRetries, type Db, type ExplainFailure } from '@app/database';
import { DomainException } from '../../common/domain.exception.js';

/**
 * How lot operations reach the database, through the one transaction helper of libs/database. Either
 * one transaction (harvest, receive, inspect, void), or, for operations whose only write is their
 * guarded event (transform, split, ship), no transaction at all. Either way the work is retried on
 * serialization failures, deadlocks and clashes of random codes, and constraint violations that
 * slipped past the checks become coded errors, never a 500. Inside the caller's transaction (the
 * demo seeder) the work runs there.
 */
@Injectable()
export class LotTransactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One transaction per operation. An operation that ends by appending its event passes
   * `commitWithAppend`: the append travels with its COMMIT in one round trip, so the organization's
   * chain head is locked only while PostgreSQL works (see CommitWithLastStatement).
   */
  transaction<T>(db: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>, options: { commitWithAppend?: boolean } = {}): Promise<T> {
    return inTransaction(this.dataSource, work, { within: db, explain: explainLotFailure, commitWithLastStatement: options.commitWithAppend });
  }

  /**
   * An operation whose only write is its event: read without locks, check, then one guarded append
   * statement that locks the consumed lots, re-checks mass balance on them and writes everything —
   * atomic on its own, so no transaction and no lock is held across round trips.
   */
  atomically<T>(db: EntityManager | undefined, work: (q: Db, attempt: number) => Promise<T>): Promise<T> {
    return withRetries((attempt) => work(db ?? this.dataSource, attempt), { final: !!db, explain: explainLotFailure });
  }
}

/**
 * After a failed write: retry a random short code or a generated lot code that was taken (the next
 * draw skips it), or turn a constraint the checks let through into a coded error.
 */
const explainLotFailure: ExplainFailure = (error, attempt) => {
  const { code, constraint } = pgError(error);
  if (attempt.canRetry && code === '23505' && (constraint === 'lot_short_code_key' || (constraint === 'lot_organization_id_code_key' && attempt.number === 1))) return 'retry';
  if (code === '23505' && constraint === 'lot_organization_id_code_key') {
    throw new DomainException('LOT_CODE_TAKEN', 'lotCode: another lot of this organization already has this code', 'conflict', { field: 'lotCode' });
  }
  if (code === '23514' && constraint === 'lot_check') {
    throw new DomainException('LOT_OVERCONSUMED', 'quantity: more than the lot has left', 'validation', { field: 'quantity' });
  }
};
