import { DataSource, EntityManager } from 'typeorm';
import { pgError } from './database-errors.js';

/** Anything that runs SQL: the data source, or a transaction's entity manager. */
export type Db = Pick<EntityManager, 'query'>;

/**
 * What to do with an error besides the serialization failures and deadlocks every try retries:
 * answer 'retry' to try again (honoured while tries are left), throw a coded error instead, or
 * return nothing to let the error through. `canRetry` is false on the last try, or when the work
 * ran in a transaction it does not own.
 */
export type ExplainFailure = (error: unknown, attempt: { number: number; canRetry: boolean }) => 'retry' | void;

export interface RetryOptions {
  /** Tries in all (default 5). */
  attempts?: number;
  explain?: ExplainFailure;
}

export interface TransactionOptions extends RetryOptions {
  /**
   * The work runs inside this transaction, which its owner commits (the demo seeder records its
   * data through the operations): no transaction of its own, no retry.
   */
  within?: EntityManager;
  /**
   * The work's last statement may carry the COMMIT (see CommitWithLastStatement): for work that ends
   * by appending an event, so the organization's chain head is locked only while PostgreSQL works.
   */
  commitWithLastStatement?: boolean;
}

const DEFAULT_ATTEMPTS = 5;

/**
 * The one way to run work in a transaction (docs/architecture.md): retried on serialization
 * failures and deadlocks (40001, 40P01) with a short random back-off, and on whatever `explain`
 * says; rolled back on any error.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if (options.within) return work(options.within);
  for (let attempt = 1; ; attempt++) {
    const runner = dataSource.createQueryRunner();
    const state: CommitWithLastStatement = { client: undefined as never, committed: false };
    try {
      await runner.connect();
      await runner.startTransaction();
      if (options.commitWithLastStatement) {
        state.client = (runner as unknown as { databaseConnection: CommitWithLastStatement['client'] }).databaseConnection;
        (runner.manager as unknown as Record<symbol, unknown>)[COMMIT_WITH_LAST_STATEMENT] = state;
      }
      const result = await work(runner.manager);
      if (state.committed) {
        // Committed with the last statement: tell TypeORM, as its own commitTransaction() would.
        Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
      } else {
        await runner.commitTransaction();
      }
      return result;
    } catch (error) {
      if (!state.committed && runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await afterFailure(error, attempt, state.committed, options);
    } finally {
      await runner.release();
    }
  }
}

/**
 * Work that is atomic without a transaction (one statement that checks and writes), retried like
 * a transaction. `final`: no retry (the work runs in a transaction somebody else owns).
 */
export async function withRetries<T>(work: (attempt: number) => Promise<T>, options: RetryOptions & { final?: boolean } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      await afterFailure(error, attempt, !!options.final, options);
    }
  }
}

async function afterFailure(error: unknown, attempt: number, final: boolean, options: RetryOptions): Promise<void> {
  const canRetry = !final && attempt < (options.attempts ?? DEFAULT_ATTEMPTS);
  const { code } = pgError(error);
  if (canRetry && (code === '40001' || code === '40P01')) {
    await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    return;
  }
  if (options.explain?.(error, { number: attempt, canRetry }) === 'retry' && canRetry) return;
  throw error;
}

/**
 * A transaction whose last statement may carry its COMMIT: the statement that locks the
 * organization's chain head and the commit that releases it go to PostgreSQL in one round trip, so
 * the head is never held while the application is busy with other requests. `client` is the
 * transaction's own connection; `committed` turns true once the statement went out with its COMMIT.
 */
export interface CommitWithLastStatement {
  client: { query(text: string): Promise<unknown> };
  committed: boolean;
}

const COMMIT_WITH_LAST_STATEMENT = Symbol('nguon.commitWithLastStatement');

/** The transaction's CommitWithLastStatement when it was opened with `commitWithLastStatement`. */
export function commitWithLastStatement(db: Db): CommitWithLastStatement | undefined {
  return (db as unknown as Record<symbol, CommitWithLastStatement | undefined>)[COMMIT_WITH_LAST_STATEMENT];
}
