import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';

/** Databases of runs older than this, with no connection, were left behind by killed runs. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * One fresh database per test run (so parallel runs never collide; the test apps apply the real
 * migrations to it); Redis must answer — the suite never falls back to another transport.
 */
export default async function globalSetup(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const databaseName = `nguon_test_${runId}`;

  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${redisUrl}: the tests need a real Redis (${(error as Error).message})`);
  } finally {
    redis.disconnect();
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Databases left behind by runs that were killed.
  const stale = await admin.query(
    `SELECT datname FROM pg_database WHERE datname LIKE 'nguon_test_%' AND datname <> $1`,
    [databaseName],
  );
  for (const { datname } of stale.rows) {
    // Only old ones: a run going on next to this one has no connection open between its test files.
    const createdAt = /^nguon_test_([a-z0-9]+)[0-9a-f]{6}$/.exec(datname)?.[1];
    if (!createdAt || Date.now() - parseInt(createdAt, 36) < STALE_AFTER_MS) continue;
    const age = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [datname]);
    if (age.rows[0].n === 0) await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
  }
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  process.env.DATABASE_URL = url.toString();
  process.env.REDIS_URL = redisUrl;
  process.env.QUEUE_PREFIX = `test${runId}`;
  // Every test file's apps count their own per-IP limits, as if alone: shared in Redis, the requests
  // of the files before (all from 127.0.0.1, within the minute) would count against the next one's.
  // test/scale turns it back on for the processes it starts.
  process.env.RATE_LIMIT_SHARED = 'false';
  process.env.NGUON_TEST_ADMIN_URL = adminUrl;
  process.env.NGUON_TEST_DATABASE = databaseName;
  process.env.LOG_LEVEL ??= 'silent';
  process.env.NODE_ENV = 'test';
}
