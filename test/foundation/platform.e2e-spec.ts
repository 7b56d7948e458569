import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueueEvents } from 'bullmq';
import pg from 'pg';
import request from 'supertest';
import { runMigrations } from '@app/database';
import { JobName, QueueProducer, redisConnectionOptions } from '@app/queue';
import { startTcpProxy, startTestApp, testConfig, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

describe('platform', () => {
  let t: TestApp & { worker?: unknown };
  beforeAll(async () => {
    t = await startTestApp(createApiApp, testConfig(), createWorkerApp);
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs a health job through Redis and the worker, end to end', async () => {
    expect(t.config.redisUrl).toMatch(/^redis:/);
    const producer = t.app.get(QueueProducer);
    const queue = producer.queue(JobName.HealthCheck);
    const events = new QueueEvents(queue.name, { connection: redisConnectionOptions(t.config.redisUrl!), prefix: t.config.queuePrefix });
    try {
      await events.waitUntilReady();
      const requestedAt = new Date().toISOString();
      const job = await producer.add(JobName.HealthCheck, `probe-${Date.now()}`, { requestedAt });
      const result = (await job.waitUntilFinished(events, 60_000)) as { status: string; requestedAt: string };
      expect(result).toMatchObject({ status: 'ok', requestedAt });
      // The same key is one job: adding it again does not run it twice.
      const again = await producer.add(JobName.HealthCheck, job.id!.replace(`${JobName.HealthCheck}.`, ''), { requestedAt: 'later' });
      expect(again.id).toBe(job.id);
    } finally {
      await events.close();
    }
  });

  it('applies migrations once when several processes start together', async () => {
    const admin = new pg.Client({ connectionString: process.env.NGUON_TEST_ADMIN_URL });
    await admin.connect();
    const name = `${process.env.NGUON_TEST_DATABASE}_mig`;
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(process.env.NGUON_TEST_ADMIN_URL!);
      url.pathname = `/${name}`;
      const results = await Promise.all([1, 2, 3, 4].map(() => runMigrations(url.toString())));
      const applied = results.flat();
      expect(new Set(applied).size).toBe(applied.length);
      expect(results.filter((r) => r.length > 0)).toHaveLength(1);
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      const rows = await db.query(`SELECT count(*)::int AS n FROM migration`);
      await db.end();
      expect(rows.rows[0].n).toBe(applied.length);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it('reports not ready when PostgreSQL becomes unreachable', async () => {
    const databaseUrl = new URL(t.config.databaseUrl!);
    const proxy = await startTcpProxy(Number(databaseUrl.port || 5432));
    databaseUrl.port = String(proxy.port);
    const app = await startTestApp(createApiApp, testConfig({ DATABASE_URL: databaseUrl.toString() }));
    try {
      await request(app.server).get('/health/ready').expect(200);
      await proxy.cut();
      const response = await request(app.server).get('/health/ready').expect(503);
      expect(response.body).toEqual({ status: 'not_ready', checks: { database: 'down', queue: 'ok' } });
      await request(app.server).get('/health/live').expect(200);
    } finally {
      await app.close().catch(() => undefined);
    }
  });

  it('stops with one line naming a bad variable', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, ['dist/apps/api/src/main.js'], {
      env: { ...process.env, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr.trim()).toBe('Invalid configuration: PORT must be a whole number, got "not-a-port"');
  });
});
