import pg from 'pg';
import { DataSource } from 'typeorm';
import { PipelinedConnection } from './pipelined-connection.js';
import type { Db } from './transaction.js';

/**
 * The hot paths of recording events (docs/architecture.md): connections of their own beside
 * TypeORM's pool, configured like it, with prepared statements planned once and pipeline mode.
 * The one place besides transaction.ts that reaches into node-postgres and TypeORM's driver.
 */

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
const sharedReaders = new WeakMap<DataSource, PipelinedConnection>();

/** The connection settings of the application's pool, for connections of its own beside it. */
export function poolOptions(dataSource: DataSource): pg.PoolConfig {
  return (dataSource.driver as unknown as { master: { options: pg.PoolConfig } }).master.options;
}

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
    pool = new pg.Pool({ ...poolOptions(dataSource), pipeline: true, options: GENERIC_PLANS } as pg.PoolConfig);
    // An idle connection that drops (PostgreSQL restarted) is replaced on next use, not fatal.
    pool.on('error', () => undefined);
    hotPools.set(dataSource, pool);
  }
  return pool;
}

export async function closeHotPool(dataSource: DataSource): Promise<void> {
  const pool = hotPools.get(dataSource);
  const reader = sharedReaders.get(dataSource);
  hotPools.delete(dataSource);
  sharedReaders.delete(dataSource);
  await Promise.all([pool?.end(), reader?.end()]);
}

/**
 * Generic plans, and no JIT compilation: a generic plan cannot know a LIMIT given as a parameter and
 * costs it as a tenth of the matches, which for a large organization can pass PostgreSQL's JIT
 * threshold; compiling then takes milliseconds for a statement that runs in a tenth of one.
 */
const GENERIC_PLANS = '-c plan_cache_mode=force_generic_plan -c jit=off';

const TIMESTAMPTZ = 1184;
const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date;
const digit = (text: string, i: number) => {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};
const pair = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);

/**
 * A timestamptz as node-postgres reads it (postgres-date), without its regular expressions for the
 * one form a UTC session prints between the years 1000 and 9999: '2026-12-04 19:10:11.123456+00'.
 * The milliseconds are computed as postgres-date computes them (1000 × the fraction, truncated by
 * Date.UTC); anything else (another time zone, another year, BC, infinity) goes to postgres-date.
 * hot-path.spec.ts compares the two on many random texts. A page of lots read whole reads three per lot.
 */
export function parseUtcTimestamptz(text: string): Date {
  const length = text.length;
  if (length < 22 || text.charCodeAt(length - 3) !== 43 /* + */ || text.charCodeAt(length - 2) !== 48 || text.charCodeAt(length - 1) !== 48) return parseTimestamptz(text);
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== ' ' || text[13] !== ':' || text[16] !== ':') return parseTimestamptz(text);
  const year = pair(text, 0) * 100 + pair(text, 2);
  // The year is four digits, the first not 0; a fraction is a dot and 1 to 6 digits.
  if (!(year >= 1000)) return parseTimestamptz(text);
  if (length > 22) {
    if (length > 29 || text.charCodeAt(19) !== 46 /* . */ || length === 23) return parseTimestamptz(text);
    for (let i = 20; i < length - 3; i++) if (Number.isNaN(digit(text, i))) return parseTimestamptz(text);
  }
  const month = pair(text, 5);
  const day = pair(text, 8);
  const hour = pair(text, 11);
  const minute = pair(text, 14);
  const second = pair(text, 17);
  if (Number.isNaN(month + day + hour + minute + second)) return parseTimestamptz(text);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, length > 22 ? 1000 * parseFloat(text.slice(19, length - 3)) : 0));
}

/** The shared reader's type parsers: node-postgres's own, with timestamptz read by parseUtcTimestamptz. */
const READER_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ && format !== 'binary' ? parseUtcTimestamptz : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * The short reads of the hot paths (what an event reads before it is appended: a lot, a partner, a
 * product, each by id) share one pipelined connection: a dozen requests' reads cost one write to the
 * socket. Reads only, each answering in well under a millisecond: anything slow here would hold up
 * the reads queued behind it.
 */
function sharedReader(dataSource: DataSource): PipelinedConnection {
  let reader = sharedReaders.get(dataSource);
  if (!reader) {
    reader = new PipelinedConnection({ ...poolOptions(dataSource), options: GENERIC_PLANS, types: READER_TYPES });
    sharedReaders.set(dataSource, reader);
  }
  return reader;
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

/**
 * Rows of a short read on a hot path: outside a transaction, on the connection those reads share
 * (sharedReader), as a named prepared statement; inside a transaction, on its connection.
 */
export async function readRows<T>(db: Db, text: string, values: unknown[], name: string): Promise<T[]> {
  if (!(db instanceof DataSource)) return db.query(text, values);
  return (await sharedReader(db).query({ name, text, values })).rows as T[];
}
