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

interface PgPool {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Rows of a query. Outside a transaction (db is the data source) it goes straight to the pg pool,
 * as a named prepared statement when `name` is given: each pooled connection parses and plans it
 * once. Inside a transaction it runs on the transaction's connection. Hot paths only.
 */
export async function queryRows<T>(db: Db, text: string, values: unknown[], name?: string): Promise<T[]> {
  if (db instanceof DataSource) {
    const pool = (db.driver as unknown as { master: PgPool }).master;
    return (await pool.query({ name, text, values })).rows as T[];
  }
  return db.query(text, values);
}
