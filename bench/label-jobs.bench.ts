// End-to-end label job benchmark (issue 5): POST /api/v1/label-jobs → worker → PDF in storage, with
// the real API and worker in this process against a scratch database on real PostgreSQL and Redis.
// Run: node --import @swc-node/register/esm-register bench/label-jobs.bench.ts [count…]
//   (defaults: 10000 100000; TEST_DATABASE_ADMIN_URL and TEST_REDIS_URL as for the tests)
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import request from 'supertest';
import { loadConfig } from '../libs/config/src/index.js';
import { runMigrations } from '../libs/database/src/index.js';
import { createLabelLot, signupOrganization } from '../libs/testing/src/index.js';
import { createApiApp } from '../apps/api/src/app.factory.js';
import { createWorkerApp } from '../apps/worker/src/worker.factory.js';
import { DataSource } from 'typeorm';

const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const databaseName = `nguon_bench_${runId}`;
const prefix = `bench${runId}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${databaseName}"`);
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${databaseName}` }).toString();
const storageDir = await mkdtemp(join(tmpdir(), 'nguon-label-jobs-bench-'));

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
    PUBLIC_BASE_URL: 'https://nguon.example',
  });
  const api = await createApiApp(config);
  await api.init();
  await api.getHttpAdapter().getInstance().ready();
  const worker = await createWorkerApp(config);
  const server = api.getHttpServer();
  try {
    const org = await signupOrganization(server);
    const lot = await createLabelLot(api.get(DataSource), org.organizationId, { ocopStars: 4 });
    console.log(`label jobs end to end: API + worker in one process (Node ${process.version}), a4-3x8-70x37, serialized`);
    for (const count of counts.length ? counts : [10_000, 100_000]) {
      const rssBefore = process.memoryUsage().rss;
      let peakRss = rssBefore;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
      const started = process.hrtime.bigint();
      const created = await request(server)
        .post('/api/v1/label-jobs')
        .set(org.auth)
        .send({ lotId: lot.lotId, templateId: 'a4-3x8-70x37', count, serialized: true, outline: true })
        .expect(202);
      const accepted = Number(process.hrtime.bigint() - started) / 1e6;
      let job: Record<string, any>;
      for (;;) {
        job = (await request(server).get(`/api/v1/label-jobs/${created.body.id}`).set(org.auth).expect(200)).body;
        if (job.status === 'done' || job.status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(sampler);
      if (job.status !== 'done') throw new Error(`job failed: ${JSON.stringify(job.error)}`);
      console.log(
        `${String(count).padStart(7)} labels  ${(count / seconds).toFixed(0).padStart(6)} labels/s  ${seconds.toFixed(2).padStart(6)} s ` +
          `(202 in ${accepted.toFixed(0)} ms)  ${job.pages} pages  ${(job.fileSize / 1e6).toFixed(1)} MB  ${(job.fileSize / count).toFixed(0)} B/label  ` +
          `peak RSS ${(peakRss / 1e6).toFixed(0)} MB (+${((peakRss - rssBefore) / 1e6).toFixed(0)} MB)`,
      );
    }
  } finally {
    await worker.close();
    await api.close();
  }
} finally {
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
}
