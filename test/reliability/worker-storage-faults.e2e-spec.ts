import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, statfs, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { JobName, QueueProducer } from '@app/queue';
import { labelFileKey, LocalLabelStorage, type StorageWriteStream } from '@app/traceability';
import {
  createLabelLot,
  downloadLabelPdf,
  signupOrganization,
  startBuiltProcess,
  startTestApp,
  testConfig,
  waitForLabelJob,
  waitUntil,
  type BuiltProcess,
  type TestApp,
  type TestOrganization,
} from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const WORKER_MAIN = 'dist/apps/worker/src/main.js';

/** Partial files left in a storage directory (none when the directory does not exist). */
async function partialFiles(storageDir: string): Promise<string[]> {
  return readdir(join(storageDir, '.partial')).catch(() => []);
}

/**
 * A real, tiny file system for the label storage: a 1 MiB tmpfs that the test fills up or remounts
 * read-only (the machine runs the tests as root; a mount it cannot make fails the suite, never skips).
 */
async function mountTinyStorage(): Promise<{ dir: string; remount(mode: 'ro' | 'rw'): void; unmount(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'nguon-tiny-storage-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0755', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`this test mounts a 1 MiB tmpfs and needs root (CAP_SYS_ADMIN): ${(error as { stderr?: Buffer }).stderr?.toString() ?? error}`);
  }
  return {
    dir,
    remount: (mode) => void execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'pipe' }),
    unmount: async () => {
      await waitUntil(() => (execFileSync('umount', [dir], { stdio: 'pipe' }), true), `unmounting ${dir}`, 10_000, 200);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe('a worker whose label storage is full or read-only', () => {
  let t: TestApp;
  let storage: Awaited<ReturnType<typeof mountTinyStorage>>;
  let worker: BuiltProcess;
  const filler = () => join(storage.dir, 'filler.bin');

  beforeAll(async () => {
    storage = await mountTinyStorage();
    // The API in this process (it serves the PDFs from the same storage); the worker as its own process.
    t = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storage.dir }));
    worker = startBuiltProcess(WORKER_MAIN, { STORAGE_DIR: storage.dir, LOG_LEVEL: 'warn' });
    await waitUntil(() => worker.output().includes('Worker started') || !worker.running(), 'the worker to start');
    if (!worker.running()) throw new Error(`the worker did not start:\n${worker.output()}`);
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await storage?.unmount();
  });

  /** Leaves `bytes` free on the tiny storage by writing a file of zeros over the rest. */
  async function fillLeaving(bytes: number): Promise<void> {
    await rm(filler(), { force: true });
    const { bavail, bsize } = await statfs(storage.dir);
    await writeFile(filler(), Buffer.alloc(Math.max(0, bavail * bsize - bytes)));
  }

  async function createJob(org: TestOrganization, lotId: string, count: number): Promise<string> {
    const response = await request(t.server).post('/api/v1/label-jobs').set(org.auth).send({ lotId, templateId: 'roll-50x30', count, serialized: true }).expect(202);
    return response.body.id;
  }

  async function expectStoredPdf(org: TestOrganization, id: string): Promise<void> {
    const job = await waitForLabelJob(t.server, org, id);
    expect(job).toMatchObject({ status: 'done', progress: job.total });
    const pdf = (await downloadLabelPdf(t.server, org, id).expect(200)).body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(job.sha256);
  }

  it('retries a job on a full disk, fails it with STORAGE_FULL saying so, goes on with other jobs, and prints once space is freed', async () => {
    const org = await signupOrganization(t.server);
    const lot = await createLabelLot(t.dataSource, org.organizationId);
    // 400 thermal labels make a PDF of about half a megabyte: far more than the 96 KB left.
    await fillLeaving(96 * 1024);
    try {
      const big = await createJob(org, lot.lotId, 400);

      // Between attempts the job waits, queued, with the reason on its row...
      const waiting = await waitForLabelJob(t.server, org, big, { until: (job) => job.status === 'queued' && job.error?.code === 'STORAGE_FULL' });
      expect(waiting.error.message).toMatch(/disk is full/);
      // ...and the worker renders a job that fits meanwhile.
      const small = await createJob(org, lot.lotId, 2);
      await expectStoredPdf(org, small);

      const failed = await waitForLabelJob(t.server, org, big);
      expect(failed).toMatchObject({ status: 'failed', error: { code: 'STORAGE_FULL', message: expect.stringMatching(/label storage disk is full \(no space left on device\).*gave up after 5 attempts/) } });
      // Every attempt the queue allows (JOB_OPTIONS: 5) was made before giving up.
      expect(failed.attempts).toBe(5);
      const refused = await request(t.server).get(`/api/v1/label-jobs/${big}/pdf`).set(org.auth).expect(409);
      expect(refused.body).toMatchObject({ code: 'LABEL_JOB_FAILED', details: { errorCode: 'STORAGE_FULL' } });
      expect(await partialFiles(storage.dir)).toEqual([]);
      expect(worker.running()).toBe(true);
    } finally {
      await rm(filler(), { force: true });
    }

    // Space is back: the same print run fits now, in the same worker process.
    const again = await createJob(org, lot.lotId, 400);
    await expectStoredPdf(org, again);
    expect(worker.running()).toBe(true);
    expect(await partialFiles(storage.dir)).toEqual([]);
    expect(worker.output()).not.toMatch(/uncaught|unhandled/i);
  });

  it('fails a job at once with STORAGE_UNAVAILABLE when the storage is read-only, and prints again once it is writable', async () => {
    const org = await signupOrganization(t.server);
    const lot = await createLabelLot(t.dataSource, org.organizationId);
    storage.remount('ro');
    try {
      const id = await createJob(org, lot.lotId, 3);
      const failed = await waitForLabelJob(t.server, org, id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'STORAGE_UNAVAILABLE', message: expect.stringMatching(/read-only/) } });
      expect(worker.running()).toBe(true);
    } finally {
      storage.remount('rw');
    }
    expect(await partialFiles(storage.dir)).toEqual([]);
    await expectStoredPdf(org, await createJob(org, lot.lotId, 3));
    expect(worker.running()).toBe(true);
  });
});

describe('the worker start-up sweep of partial files', () => {
  let t: TestApp;
  let storageDir: string;
  const open: StorageWriteStream[] = [];
  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'nguon-partial-sweep-'));
    t = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storageDir }));
  });
  afterAll(async () => {
    for (const stream of open) stream.destroy();
    await t.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  /** A job row in `status`, its queue entry removed so that no worker renders it during the test. */
  async function jobIn(org: TestOrganization, status: 'failed' | 'rendering'): Promise<string> {
    const lot = await createLabelLot(t.dataSource, org.organizationId);
    const created = await request(t.server).post('/api/v1/label-jobs').set(org.auth).send({ lotId: lot.lotId, templateId: 'roll-50x30', count: 1, serialized: true }).expect(202);
    await (await t.app.get(QueueProducer).getJob(JobName.RenderLabels, created.body.id))?.remove();
    await t.dataSource.query(
      `UPDATE label_job SET status = $2, attempts = 1, heartbeat_at = now(),
              error_code = CASE WHEN $2 = 'failed' THEN 'LABEL_RENDER_FAILED' END, error_message = CASE WHEN $2 = 'failed' THEN 'the worker died' END
        WHERE id = $1`,
      [created.body.id, status],
    );
    return created.body.id;
  }

  /** A write left unfinished, as by a process that stopped writing `minutesAgo` minutes ago. */
  async function unfinishedWrite(key: string, minutesAgo: number): Promise<string> {
    const before = new Set(await partialFiles(storageDir));
    const stream = new LocalLabelStorage(storageDir).createWriteStream(key);
    open.push(stream);
    await new Promise((resolve) => stream.write(Buffer.from('%PDF-1.7 half a document'), resolve));
    const [name] = (await partialFiles(storageDir)).filter((file) => !before.has(file));
    const when = new Date(Date.now() - minutesAgo * 60_000);
    await utimes(join(storageDir, '.partial', name), when, when);
    return name;
  }

  it('removes partial files no render will finish and keeps the one a live render is writing', async () => {
    const org = await signupOrganization(t.server);
    const failedJob = await jobIn(org, 'failed');
    const liveJob = await jobIn(org, 'rendering');
    const ofFailedJob = await unfinishedWrite(labelFileKey(org.organizationId, failedJob), 2);
    const ofLiveJob = await unfinishedWrite(labelFileKey(org.organizationId, liveJob), 2);
    const ancient = await unfinishedWrite('label-jobs/unknown/file.pdf', 60);
    expect((await partialFiles(storageDir)).sort()).toEqual([ofFailedJob, ofLiveJob, ancient].sort());

    // The sweep runs while the worker starts, before it answers.
    const worker = await createWorkerApp(testConfig({ STORAGE_DIR: storageDir }));
    try {
      expect(await partialFiles(storageDir)).toEqual([ofLiveJob]);
    } finally {
      await worker.close();
    }
  });
});
