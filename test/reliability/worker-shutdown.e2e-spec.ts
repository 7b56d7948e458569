import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  createLabelLot,
  exitsWithin,
  freePort,
  signupOrganization,
  startBuiltProcess,
  startTcpProxy,
  startTestApp,
  testConfig,
  waitForLabelJob,
  waitUntil,
  type BuiltProcess,
  type TcpProxy,
  type TestApp,
} from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

/** What a supervisor allows (Docker: 10 s between SIGTERM and SIGKILL). A bound on the exit, not a timing of work. */
const STOP_WITHIN_MS = 10_000;

/**
 * The built worker and API, started against a PostgreSQL and a Redis reached through TCP proxies
 * that the test cuts: both services vanish at once, as in a power cut of their host, and the
 * process is then asked to stop.
 */
describe('stopping the worker and the API while PostgreSQL and Redis are down', () => {
  let storageDir: string;
  let proxies: { database: TcpProxy; redis: TcpProxy };
  let processes: BuiltProcess[] = [];
  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'nguon-shutdown-'));
  });
  afterEach(async () => {
    for (const child of processes) await child.stop('SIGKILL');
    processes = [];
    await proxies?.database.cut();
    await proxies?.redis.cut();
  });
  afterAll(async () => {
    await rm(storageDir, { recursive: true, force: true });
  });

  /** DATABASE_URL and REDIS_URL of this run, through fresh proxies. */
  async function proxiedEnvironment(): Promise<Record<string, string>> {
    proxies = { database: await startTcpProxy(Number(new URL(process.env.DATABASE_URL!).port || 5432)), redis: await startTcpProxy(Number(new URL(process.env.REDIS_URL!).port || 6379)) };
    const databaseUrl = new URL(process.env.DATABASE_URL!);
    databaseUrl.port = String(proxies.database.port);
    const redisUrl = new URL(process.env.REDIS_URL!);
    redisUrl.port = String(proxies.redis.port);
    return { DATABASE_URL: databaseUrl.toString(), REDIS_URL: redisUrl.toString(), STORAGE_DIR: storageDir, LOG_LEVEL: 'warn' };
  }

  function start(main: string, env: Record<string, string>): BuiltProcess {
    const child = startBuiltProcess(main, env);
    processes.push(child);
    return child;
  }

  async function cutBothAndStop(child: BuiltProcess): Promise<void> {
    await proxies.database.cut();
    await proxies.redis.cut();
    child.child.kill('SIGTERM');
    const inTime = await exitsWithin(child.exited, STOP_WITHIN_MS);
    if (!inTime) throw new Error(`still running ${STOP_WITHIN_MS / 1000} s after SIGTERM; output:\n${child.output()}`);
    expect(child.running()).toBe(false);
  }

  it('an idle worker exits within 10 s of SIGTERM', async () => {
    const worker = start('dist/apps/worker/src/main.js', await proxiedEnvironment());
    await waitUntil(() => worker.output().includes('Worker started') || !worker.running(), 'the worker to start');
    expect(worker.running()).toBe(true);
    await cutBothAndStop(worker);
    // It stopped by itself, not by the last-resort deadline that ends a stalled shutdown.
    expect(worker.output()).not.toContain('Still stopping');
    expect(worker.output()).not.toMatch(/uncaught|unhandled/i);
  });

  it('a worker rendering a job exits within 10 s of SIGTERM, and the job is rendered once the services are back', async () => {
    const t: TestApp = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storageDir }));
    try {
      const org = await signupOrganization(t.server);
      const lot = await createLabelLot(t.dataSource, org.organizationId);
      // Enough labels to be mid-render when the services go.
      const created = await request(t.server).post('/api/v1/label-jobs').set(org.auth).send({ lotId: lot.lotId, templateId: 'roll-50x30', count: 4_000, serialized: false }).expect(202);
      const worker = start('dist/apps/worker/src/main.js', await proxiedEnvironment());
      await waitForLabelJob(t.server, org, created.body.id, { until: (job) => job.status === 'rendering' && job.progress > 0 });
      await cutBothAndStop(worker);

      // Nothing was lost: the row is still the truth, and a worker that can reach the services takes the job over.
      const next = start('dist/apps/worker/src/main.js', { STORAGE_DIR: storageDir, LOG_LEVEL: 'warn' });
      const job = await waitForLabelJob(t.server, org, created.body.id);
      expect(job).toMatchObject({ status: 'done', progress: 4_000 });
      expect(job.attempts).toBeGreaterThanOrEqual(2);
      expect(next.running()).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('the API exits within 10 s of SIGTERM, even with a readiness probe caught in the outage', async () => {
    const port = await freePort();
    const api = start('dist/apps/api/src/main.js', { ...(await proxiedEnvironment()), PORT: String(port), HOST: '127.0.0.1' });
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200, 'the API to be ready');
    await proxies.database.cut();
    await proxies.redis.cut();
    const probe = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(probe.status).toBe(503);
    api.child.kill('SIGTERM');
    const inTime = await exitsWithin(api.exited, STOP_WITHIN_MS);
    if (!inTime) throw new Error(`the API still runs ${STOP_WITHIN_MS / 1000} s after SIGTERM; output:\n${api.output()}`);
    expect(api.running()).toBe(false);
    expect(api.output()).not.toContain('Still stopping');
  });
});
