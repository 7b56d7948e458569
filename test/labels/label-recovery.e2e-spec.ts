import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Redis } from 'ioredis';
import request from 'supertest';
import { findTemplate, labelsPerPage } from '@app/labels';
import { JobName, QueueProducer } from '@app/queue';
import {
  createLabelLot,
  downloadLabelPdf,
  pdfInfo,
  readLabelQrs,
  signupOrganization,
  startBuiltProcess,
  startTestApp,
  testConfig,
  waitForLabelJob,
  withPdf,
  type BuiltProcess,
  type TestOrganization,
} from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

/** A real worker process (the built app), so it can be killed the hard way. */
const startWorkerProcess = (storageDir: string) => startBuiltProcess('dist/apps/worker/src/main.js', { STORAGE_DIR: storageDir, LOG_LEVEL: 'warn' });

/** Loses this run's queue: only the keys under its QUEUE_PREFIX (other runs share this Redis). */
async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

describe('label jobs survive a worker crash and a Redis loss', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let storageDir: string;
  const children: BuiltProcess[] = [];
  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'nguon-label-recovery-'));
    // The API alone: each test decides when a worker runs.
    t = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storageDir }));
  });
  afterAll(async () => {
    for (const child of children) await child.stop('SIGKILL');
    await t.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  async function createJob(org: TestOrganization, lotId: string, count: number) {
    const response = await request(t.server)
      .post('/api/v1/label-jobs')
      .set(org.auth)
      .send({ lotId, templateId: 'a4-3x8-70x37', count, serialized: true })
      .expect(202);
    return response.body as { id: string; serialFirst: string; serialLast: string };
  }

  const pdfOf = async (org: TestOrganization, id: string): Promise<Buffer> => (await downloadLabelPdf(t.server, org, id).expect(200)).body;

  it('completes a job whose queue entry was lost with Redis, re-enqueued from PostgreSQL at worker start', async () => {
    const org = await signupOrganization(t.server);
    const lot = await createLabelLot(t.dataSource, org.organizationId);
    const job = await createJob(org, lot.lotId, 30);

    const early = await request(t.server).get(`/api/v1/label-jobs/${job.id}/pdf`).set(org.auth).expect(409);
    expect(early.body).toMatchObject({ code: 'LABEL_JOB_NOT_READY', details: { status: 'queued', progress: 0, total: 30 } });

    const producer = t.app.get(QueueProducer);
    expect(await producer.getJob(JobName.RenderLabels, job.id)).toBeDefined();
    expect(await deleteQueueKeys(t.config.redisUrl!, t.config.queuePrefix)).toBeGreaterThan(0);
    expect(await producer.getJob(JobName.RenderLabels, job.id)).toBeUndefined();

    const worker = await createWorkerApp(t.config);
    try {
      const finished = await waitForLabelJob(t.server, org, job.id);
      expect(finished).toMatchObject({ status: 'done', progress: 30, pages: 2, serialFirst: job.serialFirst, serialLast: job.serialLast });
    } finally {
      await worker.close();
    }
    const template = findTemplate('a4-3x8-70x37')!;
    await withPdf(await pdfOf(org, job.id), async (file) => {
      expect(pdfInfo(file).pages).toBe(2);
      const decoded = await readLabelQrs(file, template, { dpi: 300, count: 30, firstPage: 2, lastPage: 2 });
      expect(decoded.map((d) => d.payload)).toEqual(
        decoded.map((d) => `${t.config.publicBaseUrl}/l/${lot.shortCode}/${BigInt(job.serialFirst) + BigInt(d.index)}`),
      );
      expect(decoded).toHaveLength(30 - labelsPerPage(template));
    });
  });

  it('accepts a job while Redis is unreachable and renders it once the sweep finds the queued row', async () => {
    // An API replica whose Redis is down (nothing listens on port 1): the row is committed all the same.
    const log = console.error;
    const quiet = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (!/ECONNREFUSED/.test(String(args[0]))) log(...args);
    });
    const cut = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storageDir, REDIS_URL: 'redis://127.0.0.1:1' }));
    const org = await signupOrganization(cut.server);
    const lot = await createLabelLot(cut.dataSource, org.organizationId);
    let id: string;
    try {
      const response = await request(cut.server)
        .post('/api/v1/label-jobs')
        .set(org.auth)
        .send({ lotId: lot.lotId, templateId: 'roll-50x30', count: 5, serialized: true })
        .expect(202);
      expect(response.body.status).toBe('queued');
      id = response.body.id;
    } finally {
      await cut.close();
      quiet.mockRestore();
    }
    expect(await t.app.get(QueueProducer).getJob(JobName.RenderLabels, id)).toBeUndefined();

    const worker = await createWorkerApp(t.config);
    try {
      const finished = await waitForLabelJob(t.server, org, id);
      expect(finished).toMatchObject({ status: 'done', progress: 5, pages: 5 });
    } finally {
      await worker.close();
    }
  });

  it('finishes a job whose worker process was killed mid-render, with the serials allocated before the crash', async () => {
    const org = await signupOrganization(t.server);
    const lot = await createLabelLot(t.dataSource, org.organizationId);
    // Long enough to be caught mid-render (progress is on the row from the second page on).
    const count = 4_000;
    const job = await createJob(org, lot.lotId, count);

    const first = startWorkerProcess(storageDir);
    children.push(first);
    const midway = await waitForLabelJob(t.server, org, job.id, { until: (r) => r.status === 'rendering' && r.progress > 0, intervalMs: 20 });
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const afterCrash = await waitForLabelJob(t.server, org, job.id, { until: () => true });
    expect(afterCrash.status).toBe('rendering');
    expect(afterCrash.progress).toBeLessThan(count);
    expect(midway.progress).toBeGreaterThan(0);

    const second = startWorkerProcess(storageDir);
    children.push(second);
    try {
      const finished = await waitForLabelJob(t.server, org, job.id, { intervalMs: 200 });
      const template = findTemplate('a4-3x8-70x37')!;
      const pages = Math.ceil(count / labelsPerPage(template));
      expect(finished).toMatchObject({ status: 'done', progress: count, pages, serialFirst: job.serialFirst, serialLast: job.serialLast });
      expect(finished.attempts).toBeGreaterThanOrEqual(2);
      expect(BigInt(finished.serialLast) - BigInt(finished.serialFirst)).toBe(BigInt(count - 1));

      // No serial is printed twice: the job's range overlaps no other job's, so each serial belongs to it alone.
      const overlaps = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM label_job a JOIN label_job b ON a.id <> b.id
          WHERE a.id = $1 AND b.serialized AND int8range(a.serial_first, a.serial_last, '[]') && int8range(b.serial_first, b.serial_last, '[]')`,
        [job.id],
      );
      expect(overlaps[0].n).toBe(0);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM label_job WHERE lot_id = $1`, [lot.lotId]))[0].n).toBe(1);

      // The re-rendered PDF carries exactly the allocated serials: check the first and the last sheet.
      await withPdf(await pdfOf(org, job.id), async (file) => {
        expect(pdfInfo(file).pages).toBe(pages);
        const firstSheet = await readLabelQrs(file, template, { dpi: 300, count, firstPage: 1, lastPage: 1 });
        const lastSheet = await readLabelQrs(file, template, { dpi: 300, count, firstPage: pages, lastPage: pages });
        for (const label of [...firstSheet, ...lastSheet]) {
          expect(label.payload).toBe(`${t.config.publicBaseUrl}/l/${lot.shortCode}/${BigInt(job.serialFirst) + BigInt(label.index)}`);
        }
        expect(lastSheet[lastSheet.length - 1].payload).toBe(`${t.config.publicBaseUrl}/l/${lot.shortCode}/${job.serialLast}`);
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\nworker output:\n${first.output()}${second.output()}`);
    } finally {
      await second.stop();
    }
  });
});
