// The request path (issue 19): the built API (`npm run build` first) started as its own process, as
// in production, and autocannon (in a process of its own, one client address per request) against
// the cheapest route, GET /health/live, and against the authenticated routes a phone and the console
// call most: GET /me, a lot list page on an organization with no lots, with 40 and with 100,000 (its
// first page, and every page in turn, whose lots none of the others asked for lately), one lot, and a
// shipment (a write: event, hash chain, mass balance). Each figure is printed as a ratio to
// /health/live measured in the same run (just before and just after that route, averaged), then a CPU
// profile of the API during one route's load, summed by package.
// Run: npm run build && node --import @swc-node/register/esm-register bench/request-path.bench.ts
//   [--api dist/apps/api/src/main.js] [--seconds 10] [--warmup 3] [--connections 32] [--lots 100000] [--tcp] [--log-level info] [--profile lots-0,me|live|lots-small|lots-100k|lots-pages|lot|ship|none]
//   PostgreSQL over its Unix socket (/var/run/postgresql, PGHOST to choose another directory) unless --tcp (bench-environment.ts).
//   (TEST_DATABASE_ADMIN_URL and TEST_REDIS_URL as for the tests)
import 'reflect-metadata';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { promisify } from 'node:util';
import pg from 'pg';
import request from 'supertest';
import { BENCH_TRUST_PROXY, createBenchEnvironment, overSocket } from './bench-environment.js';
import { summariseProfile, type CpuProfile } from './cpu-profile.js';
import { encodeKeysetCursor } from '../libs/traceability/src/common/keyset-cursor.js';
import { createTestGrowingArea, createTestPartner, createTestProduct, signupOrganization } from '../libs/testing/src/index.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SECONDS = Number(option('seconds', '10'));
const WARMUP = Number(option('warmup', '3'));
const CONNECTIONS = Number(option('connections', '32'));
const BIG_LOTS = Number(option('lots', '100000'));
/** An organization whose lots fill two pages: what a page costs when the organization is small. */
const SMALL_LOTS = 40;
const LOG_LEVEL = option('log-level', 'info');
const PROFILE = option('profile', 'lots-0');
// --api: another build of the API to measure (e.g. one of main copied under dist/, for a before/after).
const MAIN = option('api', 'dist/apps/api/src/main.js');
if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);

const env = await createBenchEnvironment('request-path');
const databaseUrl = env.config.databaseUrl!;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
const port = await freePort();
const inspectorPort = await freePort();
const origin = `http://127.0.0.1:${port}`;
// The API as production starts it, with the inspector open (for the profile; idle until then).
const api = spawn(process.execPath, [`--inspect=127.0.0.1:${inspectorPort}`, MAIN], {
  env: {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '20',
    REDIS_URL: env.config.redisUrl,
    QUEUE_PREFIX: env.config.queuePrefix,
    STORAGE_DIR: env.config.storageDir,
    PUBLIC_BASE_URL: 'https://nguon.example',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    TRUST_PROXY: BENCH_TRUST_PROXY,
  },
  // Its log lines go where a service manager would take them; here nowhere, but still written.
  stdio: ['ignore', 'ignore', 'pipe'],
});
let apiErrors = '';
api.stderr!.on('data', (chunk: Buffer) => {
  apiErrors = (apiErrors + chunk.toString()).slice(-4000);
});
const db = new pg.Client({ connectionString: databaseUrl });

async function stopApi(): Promise<void> {
  if (api.exitCode !== null) return;
  const exited = new Promise((resolve) => api.once('exit', resolve));
  api.kill('SIGTERM');
  await exited;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  statuses: string;
  bad: number;
}

/** autocannon in a process of its own (not sharing the API's or this process's event loop), each request from another address. */
const RUNNER = `
const autocannon = require('autocannon');
const { url, paths, connections, duration, method, body, headers } = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
let n = 0;
autocannon({
  url, connections, duration, method, body, headers,
  requests: [{ setupRequest: (request) => ({ ...request, path: paths[n % paths.length], headers: { ...request.headers, 'x-forwarded-for': '10.' + ((n >> 16) & 255) + '.' + ((n >> 8) & 255) + '.' + (n++ & 255) } }) }],
}, (error, result) => {
  if (error) throw error;
  process.stdout.write(JSON.stringify(result));
});
`;

interface Case {
  name: string;
  /** Requested in turn (the ship route spreads its load over several lots, as phones do). */
  paths: string[];
  method?: 'GET' | 'POST';
  body?: unknown;
  token?: string;
  /** The status every answer must have. */
  expect: number;
}

async function load(c: Case, seconds: number): Promise<Figures> {
  const headers: Record<string, string> = { ...(c.token ? { authorization: `Bearer ${c.token}` } : {}), ...(c.body ? { 'content-type': 'application/json' } : {}) };
  // In a file: the paths of every page of lots are more than one command-line argument may hold.
  const options = `${tmpdir()}/request-path-${process.pid}.json`;
  await writeFile(options, JSON.stringify({ url: origin, paths: c.paths, connections: CONNECTIONS, duration: seconds, method: c.method ?? 'GET', body: c.body ? JSON.stringify(c.body) : undefined, headers }));
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', RUNNER, options], { maxBuffer: 64 * 1024 * 1024 });
  const result = JSON.parse(stdout);
  const counts: Record<string, { count: number }> = result.statusCodeStats ?? {};
  const statuses = Object.entries(counts)
    .map(([status, { count }]) => `${status}×${count}`)
    .join(' ');
  const total = Object.values(counts).reduce((sum, { count }) => sum + count, 0);
  const good = counts[c.expect]?.count ?? 0;
  return { rps: good / result.duration, p50: result.latency.p50, p99: result.latency.p99, statuses, bad: total - good + result.errors + result.timeouts };
}

/** A CPU profile of the API process during `run`, through its inspector (Node's own WebSocket client). */
async function profiled<T>(run: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let id = 0;
  const pending = new Map<number, (value: unknown) => void>();
  socket.onmessage = (message) => {
    const data = JSON.parse(String(message.data));
    pending.get(data.id)?.(data.result);
  };
  const send = (method: string, params: object = {}) =>
    new Promise<any>((resolve) => {
      pending.set(++id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 200 });
  await send('Profiler.start');
  const result = await run();
  const { profile } = await send('Profiler.stop');
  socket.close();
  return { result, profile };
}

try {
  for (let ready = false; !ready; await new Promise((resolve) => setTimeout(resolve, 200))) {
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}: ${apiErrors}`);
    ready = await fetch(`${origin}/health/ready`).then((r) => r.ok, () => false);
  }
  await db.connect();
  const sql = { query: (text: string, params: unknown[]) => db.query(text, params).then((r) => r.rows) } as never;

  // An organization without lots, one with SMALL_LOTS and one with BIG_LOTS: a few recorded through
  // the API (harvests to read and ship from), the rest copies of one of them made by PostgreSQL
  // (generate_series), each with its own code and short code, created over the past months.
  async function organizationWithLots(name: string, lots: number, harvests: number) {
    const org = await signupOrganization(origin, { organizationName: name });
    const household = await createTestPartner(sql, org.organizationId, { name: 'Hộ bench' });
    const distributor = await createTestPartner(sql, org.organizationId, { kind: 'distributor', name: 'Nhà phân phối bench' });
    const product = await createTestProduct(sql, org.organizationId, { nameVi: 'Thóc bench', unit: 'kg' });
    const area = await createTestGrowingArea(sql, org.organizationId, { areaHa: '100000', owners: [household] });
    const lotIds: string[] = [];
    for (let i = 0; i < harvests; i++) {
      const lot = await request(origin)
        .post('/api/v1/lots/harvest')
        .set(org.auth)
        .set('x-forwarded-for', '10.255.0.1')
        .send({ growingAreaId: area, productId: product, quantity: '100000', unit: 'kg', harvestedAt: '2026-10-01', partnerId: household });
      if (lot.status !== 201) throw new Error(`harvest: ${lot.status} ${JSON.stringify(lot.body)}`);
      lotIds.push(lot.body.id);
    }
    await db.query(
      `INSERT INTO lot (organization_id, code, product_id, kind, quantity, unit, status, growing_area_id, household_partner_id, produced_at, short_code, created_event_id, created_at)
       SELECT t.organization_id, 'S-' || g, t.product_id, t.kind, t.quantity, t.unit, t.status, t.growing_area_id, t.household_partner_id,
              t.produced_at - g * interval '1 minute', 'BN' || $4 || lpad(g::text, 9, '0'), t.created_event_id, now() - g * interval '1 minute'
       FROM lot t, generate_series(1, $2::int - $3::int) AS g WHERE t.id = $1`,
      [lotIds[0], lots, harvests, randomBytes(3).toString('hex').slice(0, 5).toUpperCase()],
    );
    return { ...org, distributor, lotIds };
  }
  // The path of every page of an organization's lots, from its cursor: walked in turn (as an export or
  // a partner's sync walks them), each page is asked for again only after the other 4,999, so none
  // counts as asked for lately and none of its answers is still kept (LotAnswers keeps 20,000 at most):
  // what a page costs when none of its lots was asked for lately.
  async function everyPage(organizationId: string): Promise<string[]> {
    const { rows } = await db.query(
      `SELECT created_at::text AS value, id FROM (SELECT created_at, id, row_number() OVER (ORDER BY created_at DESC, id DESC) AS n
       FROM lot WHERE organization_id = $1) page_ends WHERE n % 20 = 0 ORDER BY n`,
      [organizationId],
    );
    return ['/api/v1/lots?limit=20', ...rows.map((end: { value: string; id: string }) => `/api/v1/lots?limit=20&cursor=${encodeURIComponent(encodeKeysetCursor(end))}`)];
  }
  const started = Date.now();
  const empty = await signupOrganization(origin, { organizationName: 'HTX Không lô' });
  const small = await organizationWithLots('HTX Bốn mươi lô', SMALL_LOTS, 1);
  const big = await organizationWithLots('HTX Trăm nghìn lô', BIG_LOTS, CONNECTIONS);
  const { distributor, lotIds: shipLots } = big;
  await db.query('ANALYZE lot');
  console.log(`seeded ${SMALL_LOTS} and ${BIG_LOTS.toLocaleString('en')} lots in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Shipments spread over the harvests recorded through the API: each takes 1 kg of 100,000.
  const cases: Case[] = [
    { name: 'GET /health/live', paths: ['/health/live'], expect: 200 },
    { name: 'GET /api/v1/me', paths: ['/api/v1/me'], token: empty.token, expect: 200 },
    { name: 'GET /api/v1/lots?limit=20 (0 lots)', paths: ['/api/v1/lots?limit=20'], token: empty.token, expect: 200 },
    { name: `GET /api/v1/lots?limit=20 (${SMALL_LOTS} lots)`, paths: ['/api/v1/lots?limit=20'], token: small.token, expect: 200 },
    { name: `GET /api/v1/lots?limit=20 (${BIG_LOTS.toLocaleString('en')} lots)`, paths: ['/api/v1/lots?limit=20'], token: big.token, expect: 200 },
    { name: `  every page in turn (${BIG_LOTS.toLocaleString('en')} lots)`, paths: await everyPage(big.organizationId), token: big.token, expect: 200 },
    { name: 'GET /api/v1/lots/{id}', paths: [`/api/v1/lots/${shipLots[1]}`], token: big.token, expect: 200 },
  ];
  const shipCase = (): Case => ({
    name: 'POST /api/v1/lots/{id}/ship',
    method: 'POST',
    paths: shipLots.map((id) => `/api/v1/lots/${id}/ship`),
    token: big.token,
    body: { partnerId: distributor, quantity: '1', unit: 'kg', shippedAt: '2026-10-02T08:00:00+07:00' },
    expect: 201,
  });
  const profileKeys: Record<string, number> = { live: 0, me: 1, 'lots-0': 2, 'lots-small': 3, 'lots-100k': 4, 'lots-pages': 5, lot: 6, ship: 7 };

  console.log(
    `request path: the built API in its own process (LOG_LEVEL=${LOG_LEVEL}, pool 20, PostgreSQL over ${overSocket ? `its Unix socket (${new URL(databaseUrl).searchParams.get('host')})` : 'TCP'}), ` +
      `autocannon ${CONNECTIONS} connections, ${SECONDS} s per route after ${WARMUP} s of warm-up, Node ${process.version}, ${availableParallelism()} CPUs, load ${loadavg()[0].toFixed(1)}`,
  );
  // A warm-up of every route first, so the measured runs see a JIT-compiled server.
  for (const c of [...cases, shipCase()]) await load(c, WARMUP);
  // Every route between two runs of /health/live, and its ratio to their mean: the machine's load
  // drifts (other work on it), and this keeps each ratio to the baseline of its own moment.
  const results: { c: Case; f: Figures; live: number }[] = [];
  let liveBefore = await load(cases[0], SECONDS);
  const lives = [liveBefore.rps];
  for (const c of [...cases.slice(1), shipCase()]) {
    const f = await load(c, SECONDS);
    const liveAfter = await load(cases[0], SECONDS);
    lives.push(liveAfter.rps);
    results.push({ c, f, live: (liveBefore.rps + liveAfter.rps) / 2 });
    liveBefore = liveAfter;
  }

  const row = (name: string, f: Figures, live: number) =>
    `${name.padEnd(44)} ${f.rps.toFixed(0).padStart(6)} req/s  ${(f.rps / live).toFixed(2).padStart(5)}× of ${live.toFixed(0).padStart(5)}  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms  ${f.statuses}${f.bad ? `  (${f.bad} unexpected)` : ''}`;
  console.log(`GET /health/live: ${lives.map((rps) => rps.toFixed(0)).join(', ')} req/s (before, between and after the others)`);
  for (const { c, f, live } of results) console.log(row(c.name, f, live));

  for (const key of PROFILE === 'none' ? [] : PROFILE.split(',')) {
    if (!(key in profileKeys)) throw new Error(`--profile: one of ${Object.keys(profileKeys).join(', ')}, got ${key}`);
    const c = key === 'ship' ? shipCase() : cases[profileKeys[key]];
    const { result, profile } = await profiled(() => load(c, SECONDS));
    await writeFile(`${tmpdir()}/request-path-${key}.cpuprofile`, JSON.stringify(profile));
    console.log(`\nCPU profile of the API during ${c.name} (${result.rps.toFixed(0)} req/s while profiled; ${tmpdir()}/request-path-${key}.cpuprofile), self time by package:`);
    for (const { name, share } of summariseProfile(profile).slice(0, 15)) console.log(`  ${(share * 100).toFixed(1).padStart(5)} %  ${name}`);
  }
} finally {
  await stopApi();
  await db.end().catch(() => undefined);
  await env.dispose();
}
