// Single-event API throughput (issue 4): concurrent POSTs that each record one event — through HTTP,
// auth, validation, mass balance under row locks and the per-organization hash chain — against the
// in-process API, with the load generated from a worker thread so it does not share the API's event
// loop. Afterwards the chains are verified and the balances checked against what was accepted.
// Baseline, measured in the same run with the same clients: an authenticated read that does no
// domain work (GET /api/v1/me), the ceiling of any authenticated request on this machine.
// Goal (issue 4): ≥ 1,000 events/s.
// --compare-page-notifications: each case runs six times on the same organizations, to measure what
// the public pages' notifications cost (in this process only): without them (the event table's
// trigger disabled: the way before issue 12), with them (here no public page is cached, so no write
// waits for its notifications), and with every write waiting for its notifications' echo before it is
// answered (the worst case: as if each write had a freshly cached page to drop), in the order off,
// on, echo, echo, on, off so that a drift over the runs cancels out.
// Run: node --import @swc-node/register/esm-register bench/lots-events.bench.ts [--seconds 20] [--warmup 20] [--concurrency 32]
//   [--only 4:ship | 1:transform | 1:me | 1:live] [--tcp] [--processes N] [--profile] [--compare-page-notifications] [--idempotency-keys]
//   --idempotency-keys: each write run is followed by the same run with a fresh Idempotency-Key on every request
//   (uses the `nguon_bench` database, creating and migrating it if needed; fresh organizations per run)
import 'reflect-metadata';
import { createServer, type AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import request from 'supertest';
import { BENCH_TRUST_PROXY, benchConfig, keptBenchDatabase, overSocket } from './bench-environment.js';
import { createTestGrowingArea, createTestPartner, createTestProduct, signupOrganization } from '../libs/testing/src/index.js';
import { createApiApp } from '../apps/api/src/app.factory.js';
import { PublicPageService } from '../apps/api/src/public/pages/public-page.service.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SECONDS = option('seconds', 20);
// Unmeasured load first, so that the measured runs see the JIT-compiled steady state of a running server.
const WARMUP_SECONDS = option('warmup', 20);
const CONCURRENCY = option('concurrency', 32);
const LOTS_PER_ORG = 200;

// PostgreSQL over its Unix socket when it runs on this host (as on a single-host deployment); --tcp for TCP loopback.
const { databaseUrl } = await keptBenchDatabase();
const config = benchConfig(databaseUrl, { DATABASE_POOL_SIZE: '20', QUEUE_PREFIX: 'benchevents', PUBLIC_BASE_URL: 'https://nguon.example' });
const api = await createApiApp(config);
await api.listen(0, '127.0.0.1');
const port = (api.getHttpServer().address() as AddressInfo).port;
// --processes N: the load goes to the built API (`npm run build` first) started as in production with
// API_PROCESSES=N, in processes of its own; this process then only sets up, generates load and checks.
const PROCESSES = option('processes', 0);
let cluster: ChildProcess | undefined;
const ports = [port];
if (PROCESSES) {
  const clusterPort = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  cluster = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, REDIS_URL: config.redisUrl, QUEUE_PREFIX: config.queuePrefix,
      DATABASE_POOL_SIZE: '20', PUBLIC_BASE_URL: config.publicBaseUrl, API_PROCESSES: String(PROCESSES), PORT: String(clusterPort), HOST: '127.0.0.1', TRUST_PROXY: BENCH_TRUST_PROXY },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let ready = false; !ready; await new Promise((resolve) => setTimeout(resolve, 200))) {
    if (cluster.exitCode !== null) throw new Error(`the API exited with ${cluster.exitCode}`);
    ready = await fetch(`http://127.0.0.1:${clusterPort}/health/ready`).then((r) => r.ok, () => false);
  }
  ports[0] = clusterPort;
}
const server = api.getHttpServer();
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const sql = { query: (text: string, params: unknown[]) => db.query(text, params).then((r) => r.rows) } as never;
const KEYED = args.includes('--idempotency-keys');
const COMPARE = args.includes('--compare-page-notifications');
if (COMPARE && PROCESSES) throw new Error('--compare-page-notifications measures the API in this process: without --processes');
type PageNotifications = 'off' | 'on' | 'echo';
/** The public pages' notifications: the trigger that sends them, and (`echo`) every write waiting for them. */
async function pageNotifications(mode: PageNotifications): Promise<void> {
  await db.query(`ALTER TABLE event ${mode === 'off' ? 'DISABLE' : 'ENABLE'} TRIGGER event_notify_lot_pages`);
  const pages = api.get(PublicPageService);
  pages.trustNotifications = mode !== 'off';
  pages.settleEveryWrite = mode === 'echo';
}
// The kept database may come from a run that stopped with them off.
await pageNotifications('on');

interface Tenant {
  organizationId: string;
  token: string;
  partnerId: string;
  productId: string;
  lotIds: string[];
}

/** An organization with 200 harvest lots of 100,000 kg each to draw from. */
async function tenant(): Promise<Tenant> {
  const org = await signupOrganization(server, { organizationName: `HTX Bench ${Date.now()}` });
  const householdId = await createTestPartner(sql, org.organizationId, { name: 'Hộ bench' });
  const partnerId = await createTestPartner(sql, org.organizationId, { kind: 'distributor', name: 'Nhà phân phối bench' });
  const productId = await createTestProduct(sql, org.organizationId, { nameVi: 'Thóc bench', unit: 'kg' });
  const areaId = await createTestGrowingArea(sql, org.organizationId, { areaHa: '100000', owners: [householdId] });
  const lotIds: string[] = [];
  for (let i = 0; i < LOTS_PER_ORG; i++) {
    const lot = await request(server)
      .post('/api/v1/lots/harvest')
      .set(org.auth)
      .send({ growingAreaId: areaId, productId, quantity: '100000', unit: 'kg', harvestedAt: '2026-10-01', partnerId: householdId });
    if (lot.status !== 201) throw new Error(`harvest: ${lot.status} ${JSON.stringify(lot.body)}`);
    lotIds.push(lot.body.id);
  }
  return { organizationId: org.organizationId, token: org.token, partnerId, productId, lotIds };
}

/** The load generator, in plain JavaScript for a worker thread: closed loop, `concurrency` requests in flight. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { ports, tenants, mode, concurrency, durationMs, keyPrefix } = workerData;
const agents = ports.map(() => new http.Agent({ keepAlive: true, maxSockets: concurrency }));
const latencies = [];
const statuses = {};
let next = 0;
const deadline = Date.now() + durationMs;
function body(i) {
  const t = tenants[i % tenants.length];
  const lotId = t.lotIds[Math.floor(i / tenants.length) % t.lotIds.length];
  if (mode === 'live') return { t, method: 'GET', path: '/health/live' };
  if (mode === 'me') return { t, method: 'GET', path: '/api/v1/me' };
  if (mode === 'ship') return { t, path: '/api/v1/lots/' + lotId + '/ship', body: { partnerId: t.partnerId, quantity: '1', unit: 'kg', shippedAt: '2026-10-02T08:00:00+07:00' } };
  return { t, path: '/api/v1/lots/transform', body: { inputs: [{ lotId, quantity: '1', unit: 'kg' }], outputs: [{ productId: t.productId, quantity: '0.8', unit: 'kg' }], occurredAt: '2026-10-02T08:00:00+07:00', process: 'drying' } };
}
function one() {
  return new Promise((resolve) => {
    const { t, path, body: payload, method = 'POST' } = body(next++);
    const data = payload ? JSON.stringify(payload) : '';
    const started = process.hrtime.bigint();
    // Each request as if from another phone: the API rate-limits per client address (behind a proxy).
    const forwardedFor = '10.' + ((next >> 16) & 255) + '.' + ((next >> 8) & 255) + '.' + (next & 255);
    const replica = next % ports.length;
    const headers = { authorization: 'Bearer ' + t.token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), 'x-forwarded-for': forwardedFor };
    if (keyPrefix && payload) headers['idempotency-key'] = keyPrefix + next;
    const req = http.request({ host: '127.0.0.1', port: ports[replica], path, method, agent: agents[replica], headers }, (res) => {
      res.resume();
      res.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
        resolve();
      });
    });
    req.on('error', () => { statuses.error = (statuses.error || 0) + 1; resolve(); });
    req.end(data);
  });
}
async function loop() { while (Date.now() < deadline) await one(); }
const started = Date.now();
Promise.all(Array.from({ length: concurrency }, loop)).then(() => {
  agents.forEach((agent) => agent.destroy());
  parentPort.postMessage({ latencies, statuses, seconds: (Date.now() - started) / 1000 });
});
`;

function load(tenants: Tenant[], mode: string, seconds = SECONDS, keyed = false): Promise<{ latencies: number[]; statuses: Record<string, number>; seconds: number }> {
  // A fresh key per request (the prefix is new for every run), as a phone sends for each new write.
  const keyPrefix = keyed ? `bench-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-` : null;
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { ports, tenants, mode, concurrency: CONCURRENCY, durationMs: seconds * 1000, keyPrefix } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** --profile: a CPU profile of the API's thread during the load, for finding where time goes. */
async function startProfiler(): Promise<(file: string) => Promise<void>> {
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/** CPU seconds used so far by the processes on this host that `which` picks (Linux /proc; null elsewhere). */
async function cpuSeconds(which: (pid: number, comm: string, ppid: number) => boolean): Promise<number | null> {
  const { readdir, readFile } = await import('node:fs/promises');
  try {
    let ticks = 0;
    for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      const [, comm, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      if (!rest) continue;
      const fields = rest.split(' ');
      if (!which(Number(pid), comm, Number(fields[1]))) continue;
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    }
    return ticks / 100; // USER_HZ
  } catch {
    return null;
  }
}
const postgresCpuSeconds = () => cpuSeconds((_, comm) => comm === 'postgres');
/** The API's CPU: this process, or with --processes the primary and its API processes. */
const apiCpuSeconds = () =>
  cluster ? cpuSeconds((pid, _, ppid) => pid === cluster!.pid || ppid === cluster!.pid) : Promise.resolve((process.cpuUsage().user + process.cpuUsage().system) / 1e6);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

console.log(
  `single-event throughput: ${CONCURRENCY} concurrent clients for ${SECONDS} s per run after ${WARMUP_SECONDS} s of warm-up, ${PROCESSES ? `the built API with API_PROCESSES=${PROCESSES}` : 'the API in this process'} (pool 20, PostgreSQL over ${overSocket ? 'Unix socket' : 'TCP'}), Node ${process.version}, ${availableParallelism()} CPUs`,
);
{
  const warm = [await tenant()];
  for (const mode of ['ship', 'transform']) await load(warm, mode, WARMUP_SECONDS / 2);
  const baseline = await load(warm, 'me');
  const answered = baseline.statuses['200'] ?? 0;
  const sorted = baseline.latencies.sort((a, b) => a - b);
  console.log(
    `baseline  GET /api/v1/me (auth + 1 query, no domain work)  ${(answered / baseline.seconds).toFixed(0)} req/s  p50 ${percentile(sorted, 50).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  statuses ${JSON.stringify(baseline.statuses)}`,
  );
}
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(':') : null;
for (const organizations of only ? [Number(only[0])] : [1, 4]) {
  for (const mode of only ? [only[1] as 'ship' | 'transform'] : (['ship', 'transform'] as const)) {
    const tenants: Tenant[] = [];
    for (let i = 0; i < organizations; i++) tenants.push(await tenant());
    let accountedEvents = 0;
    let accountedKg = 0;
    const rates: Record<PageNotifications, number[]> = { off: [], on: [], echo: [] };
    const runs = (COMPARE ? (['off', 'on', 'echo', 'echo', 'on', 'off'] as const) : (['on'] as const)).flatMap((notifications) =>
      (KEYED ? [false, true] : [false]).map((keyed) => ({ notifications, keyed })),
    );
    let accountedKeys = 0;
    for (const { notifications, keyed } of runs) {
      if (COMPARE) await pageNotifications(notifications);
      const profiler = args.includes('--profile') ? await startProfiler() : null;
      const pgBefore = await postgresCpuSeconds();
      const cpuBefore = await apiCpuSeconds();
      const eluBefore = performance.eventLoopUtilization();
      const result = await load(tenants, mode, SECONDS, keyed);
      const elu = performance.eventLoopUtilization(eluBefore);
      const cpuAfter = await apiCpuSeconds();
      const pgAfter = await postgresCpuSeconds();
      if (profiler) await profiler(`/tmp/lots-events-${organizations}-${mode}${keyed ? '-keyed' : ''}.cpuprofile`);
      const accepted = result.statuses['201'] ?? 0;
      if (!keyed) rates[notifications].push(accepted / result.seconds);
      const latencies = result.latencies.sort((a, b) => a - b);
      // Every accepted request wrote one event, gave out exactly its quantity, and the chains verify.
      const ids = tenants.map((t) => t.organizationId);
      const [{ events: allEvents, consumed, keys: allKeys }] = (
        await db.query(
          `SELECT (SELECT count(*) FROM event WHERE organization_id = ANY($1::uuid[]) AND type = $2)::int AS events,
                  (SELECT coalesce(sum(consumed), 0) FROM lot WHERE organization_id = ANY($1::uuid[]) AND kind = 'harvest')::text AS consumed,
                  (SELECT count(*) FROM idempotency_key WHERE organization_id = ANY($1::uuid[]))::int AS keys`,
          [ids, mode],
        )
      ).rows;
      const keys = allKeys - accountedKeys;
      accountedKeys = allKeys;
      // With several runs (--compare-page-notifications, --idempotency-keys) the same organizations serve them all: this run's events are the rest.
      const events = allEvents - accountedEvents;
      const consumedKg = Number(consumed) - accountedKg;
      accountedEvents = allEvents;
      accountedKg = Number(consumed);
      const verified = [];
      for (const t of tenants) verified.push((await request(server).get('/api/v1/audit/verify').set('Authorization', `Bearer ${t.token}`)).body.valid);
      console.log(
        `${(mode + (keyed ? '+key' : '')).padEnd(13)} ${organizations} org${organizations > 1 ? 's' : ' '}  ${COMPARE ? `page notifications ${notifications.padEnd(6)}  ` : ''}${(accepted / result.seconds).toFixed(0).padStart(5)} events/s  ` +
          `p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(latencies, 99).toFixed(1).padStart(6)} ms  ` +
          `statuses ${JSON.stringify(result.statuses)}  ` +
          (cluster ? '' : `API event loop ${(elu.active / Math.max(accepted, 1)).toFixed(2)} ms/event (busy ${(elu.utilization * 100).toFixed(0)}%), `) +
          `API CPU${cluster ? '' : ' (load generator included)'} ${cpuBefore === null || cpuAfter === null ? 'n/a' : (((cpuAfter - cpuBefore) * 1000) / Math.max(accepted, 1)).toFixed(2) + ' ms/event'}  ` +
          `PostgreSQL CPU ${pgBefore === null || pgAfter === null ? 'n/a' : (((pgAfter - pgBefore) * 1000) / Math.max(accepted, 1)).toFixed(2) + ' ms/event'}  ` +
          `events written ${events} (${events === accepted ? 'all accepted, no more' : 'MISMATCH'})${keyed ? `  keys recorded ${keys} (${keys === accepted ? 'one per event' : 'MISMATCH'})` : ''}  consumed ${consumedKg} kg  chains ${verified.every(Boolean) ? 'valid' : 'BROKEN'}`,
      );
    }
    if (COMPARE) {
      const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
      const off = mean(rates.off);
      console.log(
        `${mode.padEnd(9)} ${organizations} org${organizations > 1 ? 's' : ' '}  page notifications ÷ off (${off.toFixed(0)} events/s): ` +
          `on ${(mean(rates.on) / off).toFixed(2)}, on with every write waiting for its echo ${(mean(rates.echo) / off).toFixed(2)}`,
      );
    }
  }
}
if (COMPARE) await pageNotifications('on');
if (cluster) {
  const exited = new Promise((resolve) => cluster!.once('exit', resolve));
  cluster.kill('SIGTERM');
  await exited;
}
await db.end();
await api.close();
