import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';

/** Anything that runs SQL: the data source, or a transaction's entity manager. */
export type Db = Pick<EntityManager, 'query'>;

/** PostgreSQL error code and constraint of a failed query (TypeORM wraps the driver error). */
export function pgError(error: unknown): { code?: string; constraint?: string } {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  return { code: e?.driverError?.code ?? e?.code, constraint: e?.driverError?.constraint ?? e?.constraint };
}

/**
 * A transaction whose last statement may carry its COMMIT (LotsService opens such transactions for
 * operations that end by appending their event): the statement that locks the organization's chain
 * head and the commit that releases it go to PostgreSQL in one round trip, so the head is never held
 * while the application is busy with other requests. `client` is the transaction's own connection.
 */
export interface CommitWithLastStatement {
  client: { query(text: string): Promise<unknown> };
  committed: boolean;
}

const COMMIT_WITH_LAST_STATEMENT = Symbol('nguon.commitWithLastStatement');

export function allowCommitWithLastStatement(manager: EntityManager, state: CommitWithLastStatement): void {
  (manager as unknown as Record<symbol, unknown>)[COMMIT_WITH_LAST_STATEMENT] = state;
}

export function commitWithLastStatement(db: Db): CommitWithLastStatement | undefined {
  return (db as unknown as Record<symbol, CommitWithLastStatement | undefined>)[COMMIT_WITH_LAST_STATEMENT];
}

/**
 * Replaces `$1…$n` with SQL literals, for the one statement sent with its COMMIT over the simple
 * query protocol (which takes no parameters). pg's escapeLiteral doubles quotes and backslashes;
 * every placeholder in such a statement carries an explicit cast, so types resolve as with binds.
 */
export function inlineParameters(sql: string, parameters: unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = parameters[Number(n) - 1];
    if (value === null || value === undefined) return 'NULL';
    return pg.escapeLiteral(String(value));
  });
}

const hotPools = new WeakMap<DataSource, pg.Pool>();

/**
 * Connections for the hot paths of recording events (the reads and writes of ship, transform and
 * split), beside the application's pool and configured like it, with two differences: each
 * connection plans a named statement once and keeps that generic plan (these statements look rows
 * up by organization and id, where the generic plan is the right one; PostgreSQL would otherwise
 * re-plan some of them at every call, which cost more than running them), and pipeline mode, so a
 * batch of statements goes out in one round trip (AppendLanes).
 */
export function hotPool(dataSource: DataSource): pg.Pool {
  let pool = hotPools.get(dataSource);
  if (!pool) {
    const options = (dataSource.driver as unknown as { master: { options: pg.PoolConfig } }).master.options;
    pool = new pg.Pool({ ...options, pipeline: true, options: '-c plan_cache_mode=force_generic_plan' } as pg.PoolConfig);
    // An idle connection that drops (PostgreSQL restarted) is replaced on next use, not fatal.
    pool.on('error', () => undefined);
    hotPools.set(dataSource, pool);
  }
  return pool;
}

export async function closeHotPool(dataSource: DataSource): Promise<void> {
  const pool = hotPools.get(dataSource);
  hotPools.delete(dataSource);
  await pool?.end();
}

/**
 * Rows of a query. Outside a transaction (db is the data source) it goes to the hot-path pool as a
 * named prepared statement: each connection parses and plans it once. Inside a transaction it runs
 * on the transaction's connection. Hot paths only.
 */
export async function queryRows<T>(db: Db, text: string, values: unknown[], name: string): Promise<T[]> {
  if (db instanceof DataSource) return (await hotPool(db).query({ name, text, values })).rows as T[];
  return db.query(text, values);
}
