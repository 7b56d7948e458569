// Deployments for benchmarks on the real PostgreSQL and Redis: a scratch one (its own database,
// BullMQ prefix and storage directory, all removed by dispose()), or the kept `nguon_bench` database
// that the lots benchmarks load once and reuse.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig, type AppConfig } from '../libs/config/src/index.js';
import { runMigrations } from '../libs/database/src/index.js';

/** PostgreSQL's Unix socket directory on this host, when it has one (PGHOST chooses another). */
const SOCKET_DIR = process.env.PGHOST?.startsWith('/') ? process.env.PGHOST : '/var/run/postgresql';
/**
 * PostgreSQL on this host is reached over its Unix socket (the `?host=<directory>` form of
 * DATABASE_URL, docs/architecture.md), else over TCP; `--tcp` on a bench's command line forces TCP.
 */
export const overSocket = !process.argv.includes('--tcp') && existsSync(`${SOCKET_DIR}/.s.PGSQL.5432`);
export const adminUrl =
  process.env.TEST_DATABASE_ADMIN_URL ?? (overSocket ? `postgres://postgres@localhost/postgres?host=${SOCKET_DIR}` : 'postgres://postgres@127.0.0.1:5432/postgres');
export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The load generator is a proxy on this host as far as the API is concerned. */
export const BENCH_TRUST_PROXY = 'loopback';

/**
 * The bench app's configuration: quiet, and no auth rate limit in the way of the load. The load
 * generators send each request "from" its own address in X-Forwarded-For, as clients behind a proxy
 * on this host would be, so the proxy on loopback is trusted (TRUST_PROXY).
 */
export function benchConfig(databaseUrl: string, overrides: Record<string, string>): AppConfig {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    TRUST_PROXY: BENCH_TRUST_PROXY,
    ...overrides,
  });
}

/** The kept benchmark database `nguon_bench`: created when missing (or dropped first with `reload`), then migrated. */
export async function keptBenchDatabase(options: { reload?: boolean } = {}): Promise<{ databaseName: string; databaseUrl: string }> {
  const databaseName = 'nguon_bench';
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${databaseName}` }).toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [databaseName])).rowCount === 1;
  if (exists && options.reload) await admin.query(`DROP DATABASE "${databaseName}" WITH (FORCE)`);
  if (!exists || options.reload) await admin.query(`CREATE DATABASE "${databaseName}"`);
  await admin.end();
  await runMigrations(databaseUrl);
  return { databaseName, databaseUrl };
}

export interface BenchEnvironment {
  runId: string;
  config: AppConfig;
  dispose(): Promise<void>;
}

export async function createBenchEnvironment(name: string, overrides: Record<string, string> = {}): Promise<BenchEnvironment> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const databaseName = `nguon_bench_${runId}`;
  const prefix = `bench${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${databaseName}` }).toString();
  const storageDir = await mkdtemp(join(tmpdir(), `nguon-${name}-bench-`));

  const dispose = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.end();
    await rm(storageDir, { recursive: true, force: true });
    const redis = new Redis(redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  };

  try {
    await runMigrations(databaseUrl);
    const config = benchConfig(databaseUrl, { QUEUE_PREFIX: prefix, STORAGE_DIR: storageDir, ...overrides });
    return { runId, config, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
