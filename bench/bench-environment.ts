// A scratch deployment for benchmarks: its own database on the real PostgreSQL (migrated), its own
// BullMQ prefix on the real Redis and its own storage directory, all removed by dispose().
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig, type AppConfig } from '../libs/config/src/index.js';
import { runMigrations } from '../libs/database/src/index.js';

export const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

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
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      STORAGE_DIR: storageDir,
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      ...overrides,
    });
    return { runId, config, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
