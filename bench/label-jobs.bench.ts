// End-to-end label job benchmark (issue 5): POST /api/v1/label-jobs → worker → PDF in storage, with
// the real API (in this process) against a scratch database on real PostgreSQL and Redis. The worker
// runs in this process too, or with --worker-process as the built worker (`npm run build` first) in
// its own process, whose RSS and CPU time are then measured alone (Linux /proc).
// Labels per CPU-second survive a busy machine better than labels/s.
// Run: node --import @swc-node/register/esm-register bench/label-jobs.bench.ts [--worker-process] [count…]
//   (defaults: 10000 100000; TEST_DATABASE_ADMIN_URL and TEST_REDIS_URL as for the tests)
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createBenchEnvironment } from './bench-environment.js';
import { JobName, QueueProducer } from '../libs/queue/src/index.js';
import { createLabelLot, signupOrganization } from '../libs/testing/src/index.js';
import { createApiApp } from '../apps/api/src/app.factory.js';
import { createWorkerApp } from '../apps/worker/src/worker.factory.js';

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const workerProcess = process.argv.includes('--worker-process');

/** RSS in bytes and CPU seconds (user + system) of a process, from /proc. */
function processUsage(pid: number): { rss: number; cpuSeconds: number } {
  const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses; 100 ticks a second.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { rss: rssKb * 1024, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 };
}
function usage(child: ChildProcess | undefined): { rss: number; cpuSeconds: number } {
  if (child) return processUsage(child.pid!);
  const cpu = process.cpuUsage();
  return { rss: process.memoryUsage().rss, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}
const env = await createBenchEnvironment('label-jobs', {
  PUBLIC_BASE_URL: 'https://nguon.example',
});
const { config } = env;

try {
  const api = await createApiApp(config);
  await api.init();
  await api.getHttpAdapter().getInstance().ready();
  let child: ChildProcess | undefined;
  if (workerProcess) {
    child = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: config.databaseUrl, REDIS_URL: config.redisUrl, QUEUE_PREFIX: config.queuePrefix, STORAGE_DIR: config.storageDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const worker = workerProcess ? undefined : await createWorkerApp(config);
  // A started worker has scheduled the re-enqueue sweep: wait for it so start-up is not timed.
  const producer = api.get(QueueProducer);
  while (!(await producer.queue(JobName.RequeueStuckJobs).getJobScheduler(JobName.RequeueStuckJobs))) await new Promise((r) => setTimeout(r, 100));
  const server = api.getHttpServer();
  try {
    const org = await signupOrganization(server);
    const lot = await createLabelLot(api.get(DataSource), org.organizationId, { ocopStars: 4 });
    const where = workerProcess ? 'worker in its own process (figures: that process)' : 'API + worker in one process';
    console.log(`label jobs end to end: ${where} (Node ${process.version}), a4-3x8-70x37, serialized`);
    for (const count of counts.length ? counts : [10_000, 100_000]) {
      const before = usage(child);
      let peakRss = before.rss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, usage(child).rss)), 20);
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
      const cpuSeconds = usage(child).cpuSeconds - before.cpuSeconds;
      clearInterval(sampler);
      if (job.status !== 'done') throw new Error(`job failed: ${JSON.stringify(job.error)}`);
      console.log(
        `${String(count).padStart(7)} labels  ${(count / seconds).toFixed(0).padStart(6)} labels/s  ${(count / cpuSeconds).toFixed(0).padStart(6)} labels/CPU-s  ` +
          `${seconds.toFixed(2).padStart(6)} s ` +
          `(202 in ${accepted.toFixed(0)} ms)  ${job.pages} pages  ${(job.fileSize / 1e6).toFixed(1)} MB  ${(job.fileSize / count).toFixed(0)} B/label  ` +
          `peak RSS ${(peakRss / 1e6).toFixed(0)} MB (+${((peakRss - before.rss) / 1e6).toFixed(0)} MB)`,
      );
    }
  } finally {
    await worker?.close();
    if (child) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child!.once('exit', resolve));
    }
    await api.close();
  }
} finally {
  await env.dispose();
}
