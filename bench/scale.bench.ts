// Scale-out benchmark (issue 18): in one run, public page throughput with 1 versus 2 API processes
// and label throughput with 1 versus 2 worker processes, each a built program (`npm run build`
// first) in its own process on its own port, against a scratch database on real PostgreSQL and
// Redis. With 2 APIs the load is spread round robin by the client: two autocannon processes (in
// their own processes, 25 connections each, keep-alive), one per API; with 1 API both aim at it, so
// the load generator costs the same in both cases. Label jobs are posted alternately through both APIs.
// CPU per process is read from /proc/<pid>/stat before and after each measurement, so the
// per-process figures (requests per API CPU-second, labels per worker CPU-second) hold on a shared
// machine where requests/s do not; the machine's whole busy time (/proc/stat) is printed beside them,
// so the share taken by others (the load generator, PostgreSQL, Redis, other work) is visible.
// Cases run in interleaved rounds; medians are reported.
// Run: npm run build && node --import @swc-node/register/esm-register bench/scale.bench.ts [seconds] [rounds] [jobs] [labels]
//   (default 8 s per page measurement, 2 rounds, 4 label jobs of 5,000 labels per label measurement)
import 'reflect-metadata';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import { promisify } from 'node:util';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { BENCH_TRUST_PROXY, createBenchEnvironment } from './bench-environment.js';
import { buildGenealogy, createLabelLot, decodeQr, printLabels, signupOrganization } from '../libs/testing/src/index.js';
import { createApiApp } from '../apps/api/src/app.factory.js';
import { createWorkerApp } from '../apps/worker/src/worker.factory.js';

const seconds = Number(process.argv[2] ?? 8);
const rounds = Number(process.argv[3] ?? 2);
const jobsPerRun = Number(process.argv[4] ?? 4);
const labelsPerJob = Number(process.argv[5] ?? 5000);
const CONNECTIONS_PER_GENERATOR = 25;
const BASE = 'https://nguon.example';
const PHONE_HEADERS = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'Mozilla/5.0 (Linux; Android 11; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
};

/** autocannon in its own process, one client address per request (the APIs trust the proxy header from loopback). */
const RUNNER = `
const autocannon = require('autocannon');
const { url, connections, duration, headers, offset } = JSON.parse(process.argv[1]);
let n = offset;
autocannon({
  url, connections, duration, headers,
  requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'x-forwarded-for': '198.18.' + ((n >> 8) & 3) + '.' + (n++ & 255) } }) }],
}, (error, result) => {
  if (error) throw error;
  process.stdout.write(JSON.stringify({ total: result.requests.total, average: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts }));
});
`;
interface LoadResult {
  total: number;
  average: number;
  p99: number;
  non2xx: number;
  errors: number;
}
async function load(url: string, duration: number, offset: number): Promise<LoadResult> {
  const options = JSON.stringify({ url, connections: CONNECTIONS_PER_GENERATOR, duration, headers: PHONE_HEADERS, offset });
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', RUNNER, options], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as LoadResult;
}

const TICKS = 100;
/** CPU seconds (user + system) of a live process, from fields 14 and 15 of /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}
/** The whole machine's busy CPU seconds (all but idle and iowait), from /proc/stat. */
function machineBusySeconds(): number {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const env = await createBenchEnvironment('scale', {
  PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
  RATE_LIMIT_PER_MINUTE: '100000000',
  PUBLIC_BASE_URL: BASE,
});
const { runId, config } = env;
const children: ChildProcess[] = [];

/** The built program's environment: the bench's database, queue prefix and storage; quiet. */
function programEnv(port?: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    STORAGE_DIR: config.storageDir,
    JWT_SECRET: config.jwtSecret,
    PUBLIC_BASE_URL: BASE,
    TRUST_PROXY: BENCH_TRUST_PROXY,
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
    RATE_LIMIT_PER_MINUTE: '100000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    API_PROCESSES: '1',
    ...(port ? { PORT: String(port), HOST: '127.0.0.1' } : {}),
  };
}

/** A port nothing listens on now (the machine is shared with other work). */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

async function startApi(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], { env: programEnv(port), stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API on port ${port} exited with ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A built worker; ready once it has logged its start line (LOG_LEVEL info on its stdout). */
async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/apps/worker/src/main.js'], { env: { ...programEnv(), LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (seen.length < 100_000) seen += chunk.toString();
      if (seen.includes('Worker started')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  child.stdout!.resume();
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

try {
  // The data, through an API and a worker in this process, which are then closed.
  const setupApi = await createApiApp(config);
  const setupWorker = await createWorkerApp(config);
  await setupApi.init();
  await setupApi.getHttpAdapter().getInstance().ready();
  const server = setupApi.getHttpServer();
  const g = await buildGenealogy(server, runId.toUpperCase().slice(0, 10));
  const { pdf } = await printLabels(server, g.org, g.packed.id, 1);
  const labelPath = (await decodeQr(pdf, 1)).slice(BASE.length);
  const lotPath = `/01/${g.gtin}/10/${g.packed.code}`;
  const org = await signupOrganization(server);
  const labelLot = await createLabelLot(setupApi.get(DataSource), org.organizationId, { ocopStars: 4 });
  await setupWorker.close();
  await setupApi.close();

  const ports = [await freePort(), await freePort()];
  const apis = [await startApi(ports[0]), await startApi(ports[1])];
  const origins = ports.map((port) => `http://127.0.0.1:${port}`);
  const loadBefore = os.loadavg()[0].toFixed(1);

  // Public pages: 1 API (both generators on API 1) versus 2 APIs (one generator each).
  interface PageFigures {
    requestsPerSecond: number;
    perApi: { requests: number; cpu: number }[];
    machineBusy: number;
    p99: number;
    non2xx: number;
    errors: number;
  }
  const pageCases: [string, string, number][] = [
    ['lot page (GET /01/{gtin}/10/{lot}, HTML, warm)', lotPath, 1],
    ['lot page (GET /01/{gtin}/10/{lot}, HTML, warm)', lotPath, 2],
    ['label page (… /21/{serial}: revalidated, scan recorded)', labelPath, 1],
    ['label page (… /21/{serial}: revalidated, scan recorded)', labelPath, 2],
  ];
  const pageRuns: PageFigures[][] = pageCases.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    for (const [i, [name, path, count]] of pageCases.entries()) {
      const targets = count === 1 ? [origins[0], origins[0]] : origins;
      await Promise.all(targets.map((origin, k) => load(origin + path, 2, k * 512))); // warm-up
      const cpuBefore = apis.map((api) => cpuSeconds(api.pid!));
      const busyBefore = machineBusySeconds();
      const started = process.hrtime.bigint();
      const results = await Promise.all(targets.map((origin, k) => load(origin + path, seconds, k * 512)));
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = apis.map((api, k) => cpuSeconds(api.pid!) - cpuBefore[k]);
      const perApi = count === 1 ? [{ requests: results[0].total + results[1].total, cpu: cpu[0] }] : results.map((result, k) => ({ requests: result.total, cpu: cpu[k] }));
      const figures: PageFigures = {
        requestsPerSecond: results.reduce((sum, result) => sum + result.average, 0),
        perApi,
        machineBusy: (machineBusySeconds() - busyBefore) / wall,
        p99: Math.max(...results.map((result) => result.p99)),
        non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
        errors: results.reduce((sum, result) => sum + result.errors, 0),
      };
      pageRuns[i].push(figures);
      const perCpu = perApi.map((p) => Math.round(p.requests / p.cpu)).join(' + ');
      console.log(`round ${round}: ${name}, ${count} API: ${Math.round(figures.requestsPerSecond)} req/s, ${perCpu} req per API CPU-s, machine ${figures.machineBusy.toFixed(2)} CPUs busy`);
    }
  }

  // Label jobs: 1 worker versus 2, the same jobs posted alternately through both APIs.
  interface LabelFigures {
    labelsPerSecond: number;
    workerCpu: number[];
    apiCpu: number;
    machineBusy: number;
  }
  const workers = [await startWorker()];
  const labelRuns: LabelFigures[][] = [[], []];
  const renderJobs = async (): Promise<void> => {
    const ids: string[] = [];
    for (let j = 0; j < jobsPerRun; j++) {
      const created = await request(origins[j % 2])
        .post('/api/v1/label-jobs')
        .set(org.auth)
        .send({ lotId: labelLot.lotId, templateId: 'a4-3x8-70x37', count: labelsPerJob, serialized: true })
        .expect(202);
      ids.push(created.body.id as string);
    }
    for (const [j, id] of ids.entries()) {
      for (;;) {
        const job = (await request(origins[j % 2]).get(`/api/v1/label-jobs/${id}`).set(org.auth).expect(200)).body as { status: string; error?: unknown };
        if (job.status === 'failed') throw new Error(`label job failed: ${JSON.stringify(job.error)}`);
        if (job.status === 'done') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  for (let round = 1; round <= rounds; round++) {
    for (const count of [1, 2]) {
      while (workers.length < count) workers.push(await startWorker());
      while (workers.length > count) await stop(workers.pop()!);
      const workerBefore = workers.map((worker) => cpuSeconds(worker.pid!));
      const apiBefore = apis.map((api) => cpuSeconds(api.pid!));
      const busyBefore = machineBusySeconds();
      const started = process.hrtime.bigint();
      await renderJobs();
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const figures: LabelFigures = {
        labelsPerSecond: (jobsPerRun * labelsPerJob) / wall,
        workerCpu: workers.map((worker, k) => cpuSeconds(worker.pid!) - workerBefore[k]),
        apiCpu: apis.reduce((sum, api, k) => sum + cpuSeconds(api.pid!) - apiBefore[k], 0),
        machineBusy: (machineBusySeconds() - busyBefore) / wall,
      };
      labelRuns[count - 1].push(figures);
      const totalWorkerCpu = figures.workerCpu.reduce((a, b) => a + b, 0);
      console.log(
        `round ${round}: ${count} worker(s): ${Math.round(figures.labelsPerSecond)} labels/s, ${Math.round((jobsPerRun * labelsPerJob) / totalWorkerCpu)} labels per worker CPU-s ` +
          `(worker CPU-s ${figures.workerCpu.map((c) => c.toFixed(1)).join(' + ')}), machine ${figures.machineBusy.toFixed(2)} CPUs busy`,
      );
    }
  }
  for (const worker of workers) await stop(worker);

  console.log(
    `\nScale-out benchmark — built API and worker processes on separate ports, Node ${process.version}, ${os.cpus().length} CPUs, ` +
      `load average ${loadBefore} → ${os.loadavg()[0].toFixed(1)} (1 min); ${rounds} interleaved rounds, medians`,
  );
  console.log(`\nPublic pages: 2 autocannon processes × ${CONNECTIONS_PER_GENERATOR} connections, ${seconds} s, keep-alive, phone headers, 1,024 client addresses`);
  console.log('| page | APIs | req/s | × 1 API | req per API CPU-second (each API) | API CPUs busy | machine CPUs busy | p99 ms | non-2xx | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const pageSummary = pageRuns.map((runs) => ({
    requestsPerSecond: median(runs.map((f) => f.requestsPerSecond)),
    perCpu: runs[0].perApi.map((_, k) => median(runs.map((f) => f.perApi[k].requests / f.perApi[k].cpu))),
    apiBusy: median(runs.map((f) => f.perApi.reduce((sum, p) => sum + p.cpu, 0) / seconds)),
    machineBusy: median(runs.map((f) => f.machineBusy)),
    p99: median(runs.map((f) => f.p99)),
    non2xx: runs.reduce((sum, f) => sum + f.non2xx, 0),
    errors: runs.reduce((sum, f) => sum + f.errors, 0),
  }));
  for (const [i, [name, , count]] of pageCases.entries()) {
    const f = pageSummary[i];
    const single = pageSummary[count === 1 ? i : i - 1].requestsPerSecond;
    console.log(
      `| ${name} | ${count} | ${Math.round(f.requestsPerSecond)} | ${(f.requestsPerSecond / single).toFixed(2)} | ${f.perCpu.map(Math.round).join(' / ')} | ` +
        `${f.apiBusy.toFixed(2)} | ${f.machineBusy.toFixed(2)} | ${f.p99} | ${f.non2xx} | ${f.errors} |`,
    );
  }
  console.log(`\nLabel jobs: ${jobsPerRun} jobs × ${labelsPerJob} serialized labels (a4-3x8-70x37) per measurement, posted alternately through both APIs`);
  console.log('| workers | labels/s | × 1 worker | labels per worker CPU-second | worker CPU-s (each) | API CPU-s | machine CPUs busy |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const [k, runs] of labelRuns.entries()) {
    const labels = jobsPerRun * labelsPerJob;
    const rate = median(runs.map((f) => f.labelsPerSecond));
    const perCpu = median(runs.map((f) => labels / f.workerCpu.reduce((a, b) => a + b, 0)));
    console.log(
      `| ${k + 1} | ${Math.round(rate)} | ${(rate / median(labelRuns[0].map((f) => f.labelsPerSecond))).toFixed(2)} | ${Math.round(perCpu)} | ` +
        `${runs.at(-1)!.workerCpu.map((c) => c.toFixed(1)).join(' / ')} | ${median(runs.map((f) => f.apiCpu)).toFixed(1)} | ${median(runs.map((f) => f.machineBusy)).toFixed(2)} |`,
    );
  }
  console.log('(machine CPUs busy: the whole machine during the measurement, of its ' + os.cpus().length + ': the load generator, PostgreSQL, Redis and any other work included)');

  // What the run left in PostgreSQL, per row (docs/capacity.md): the scans above, the label jobs.
  const db = new pg.Client({ connectionString: config.databaseUrl });
  await db.connect();
  try {
    await db.query('VACUUM ANALYZE scan, label_job');
    console.log('\n| table | rows | total bytes (heap + indexes + TOAST) | bytes per row |');
    console.log('|---|---:|---:|---:|');
    for (const table of ['scan', 'label_job']) {
      const { rows } = await db.query<{ rows: string; bytes: string }>(`SELECT (SELECT count(*) FROM ${table}) AS rows, pg_total_relation_size('${table}') AS bytes`);
      const [{ rows: count, bytes }] = rows;
      console.log(`| ${table} | ${count} | ${bytes} | ${Number(count) ? Math.round(Number(bytes) / Number(count)) : '—'} |`);
    }
  } finally {
    await db.end();
  }
} finally {
  for (const child of children) await stop(child).catch(() => undefined);
  await env.dispose();
}
