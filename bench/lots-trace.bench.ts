// Genealogy benchmark (issue 4): a synthetic genealogy of 1,000,000 lots loaded with COPY into the
// dedicated database `nguon_bench` (kept between runs; `--reload` rebuilds it), then trace p50/p99
// through the API (in-process app, HTTP with keep-alive) versus the raw recursive SQL on the same
// data. Also times /audit/verify over the million-event hash chain the loader writes.
// Run: node --import @swc-node/register/esm-register bench/lots-trace.bench.ts [--reload] [--samples 2000] [--lots 1000000] [--no-verify]
//   (TEST_DATABASE_ADMIN_URL and TEST_REDIS_URL as for the tests)
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { benchConfig, keptBenchDatabase } from './bench-environment.js';
import { eventHash, generateShortCode, TraceRepository, type EventHashLine, type EventHashRow } from '../libs/traceability/src/index.js';
import { createTestFacility, createTestGrowingArea, createTestPartner, createTestProduct, signupOrganization } from '../libs/testing/src/index.js';
import { createApiApp } from '../apps/api/src/app.factory.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const reload = args.includes('--reload');
const TOTAL_LOTS = option('lots', 1_000_000);
const SAMPLES = option('samples', 2000);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n: number) => `${n.toFixed(2)} ms`;
const now = () => Number(process.hrtime.bigint()) / 1e6;

// ------------------------------------------------------------------ database

const { databaseName, databaseUrl } = await keptBenchDatabase({ reload });
const config = benchConfig(databaseUrl, { QUEUE_PREFIX: 'benchlots', PUBLIC_BASE_URL: 'https://nguon.example' });
const api = await createApiApp(config);
await api.listen(0, '127.0.0.1');
const port = (api.getHttpServer().address() as AddressInfo).port;
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();

/** The bench organization is remembered in a table of its own so later runs reuse the loaded data. */
await db.query(`CREATE TABLE IF NOT EXISTS bench_lots_state (organization_id uuid, token_email text, token_password text, lots int, harvests uuid[], packs uuid[])`);
let state = (await db.query(`SELECT * FROM bench_lots_state LIMIT 1`)).rows[0];

if (!state) {
  const org = await signupOrganization(api.getHttpServer(), { organizationName: 'HTX Benchmark 1M' });
  console.log(`loading a synthetic genealogy of ${TOTAL_LOTS.toLocaleString('en')} lots into ${databaseName}…`);
  const started = now();
  const loaded = await loadGenealogy(org.organizationId, TOTAL_LOTS);
  await db.query(`INSERT INTO bench_lots_state VALUES ($1, $2, $3, $4, $5, $6)`, [org.organizationId, org.email, org.password, TOTAL_LOTS, loaded.harvests, loaded.packs]);
  state = (await db.query(`SELECT * FROM bench_lots_state LIMIT 1`)).rows[0];
  console.log(`loaded in ${((now() - started) / 1000).toFixed(1)} s`);
}

/**
 * A layered supply chain like the product's: harvests are merged (2–3 each), merged paddy milled
 * (1–2 lots each), milled rice split into parts, parts packed (1–2 each). Parents are drawn from a
 * window near the child's position, so lots are reused (one harvest feeds ~1.3 merges) and a trace
 * stays the size of a real one (tens of lots) while the table holds a million. Every lot has its
 * creating event, with lines, in one hash chain that verifies.
 */
async function loadGenealogy(organizationId: string, total: number): Promise<{ harvests: string[]; packs: string[] }> {
  const setup = await db.query(`SELECT 1`); // keep the connection warm
  void setup;
  const pool = { query: (sql: string, params: unknown[]) => db.query(sql, params).then((r) => r.rows) } as never;
  const productId = await createTestProduct(pool, organizationId, { nameVi: 'Thóc nếp', unit: 'kg' });
  const householdId = await createTestPartner(pool, organizationId, { name: 'Hộ A' });
  const areaIds: string[] = [];
  for (let i = 0; i < 20; i++) areaIds.push(await createTestGrowingArea(pool, organizationId, { name: `Ruộng ${i}`, owners: [householdId], areaHa: '1000' }));
  const facilityId = await createTestFacility(pool, organizationId);

  const shares = { harvest: 0.4, merged: 0.2, milled: 0.15, split: 0.15, packed: 0.1 };
  const counts = {
    harvest: Math.round(total * shares.harvest),
    merged: Math.round(total * shares.merged),
    milled: Math.round(total * shares.milled),
    split: Math.round(total * shares.split),
    packed: 0,
  };
  counts.packed = total - counts.harvest - counts.merged - counts.milled - counts.split;

  const levels: { kind: 'harvest' | 'processed' | 'split' | 'packed'; count: number; fanIn: [number, number]; process: string }[] = [
    { kind: 'harvest', count: counts.harvest, fanIn: [0, 0], process: '' },
    { kind: 'processed', count: counts.merged, fanIn: [2, 3], process: 'merging' },
    { kind: 'processed', count: counts.milled, fanIn: [1, 2], process: 'milling' },
    { kind: 'split', count: counts.split, fanIn: [1, 1], process: 'split' },
    { kind: 'packed', count: counts.packed, fanIn: [1, 2], process: 'packing' },
  ];

  const escape = (value: string | null) => (value === null ? '\\N' : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));
  const row = (cells: (string | null)[]) => `${cells.map(escape).join('\t')}\n`;
  const eventRows: string[] = [];
  const lotRows: string[] = [];
  const lineRows: string[] = [];
  const linkRows: string[] = [];
  const shortCodes = new Set<string>();
  const baseTime = Date.parse('2025-01-01T00:00:00Z');
  let seq = 0;
  let prevHash: string | null = null;
  let lotNumber = 0;
  let previous: string[] = [];
  let harvests: string[] = [];
  let packs: string[] = [];
  const rand = (a: number, b: number) => a + Math.floor(Math.random() * (b - a + 1));

  // Flush buffered rows to the database with COPY in the order foreign keys need (replica mode skips them anyway).
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`SET session_replication_role = replica`);
  const copy = async (table: string, columns: string, rows: string[]) => {
    if (!rows.length) return;
    const stream = client.query(copyStreams.from(`COPY ${table} (${columns}) FROM STDIN`));
    await pipeline(Readable.from(rows.splice(0)), stream);
  };
  const flush = async () => {
    await copy('event', 'id, organization_id, seq, type, epcis_event_type, action, biz_step, disposition, event_time, event_time_offset, record_time, recorded_by, growing_area_id, facility_id, documents, details, prev_hash, hash', eventRows);
    await copy('lot', 'id, organization_id, code, product_id, kind, quantity, unit, consumed, status, growing_area_id, household_partner_id, facility_id, produced_at, produced_at_offset, short_code, created_event_id', lotRows);
    await copy('event_line', 'organization_id, event_id, lot_id, direction, quantity, unit, quantity_in_lot_unit', lineRows);
    await copy('lot_link', 'organization_id, parent_lot_id, child_lot_id, event_id, event_type, quantity, unit', linkRows);
  };

  for (const [levelIndex, level] of levels.entries()) {
    const current: string[] = [];
    for (let i = 0; i < level.count; i++) {
      const lotId = randomUUID();
      const eventId = randomUUID();
      const eventTime = new Date(baseTime + levelIndex * 86_400_000 + i);
      let shortCode = generateShortCode();
      while (shortCodes.has(shortCode)) shortCode = generateShortCode();
      shortCodes.add(shortCode);
      const parents: string[] = [];
      if (level.fanIn[1] > 0) {
        // A window around the proportional position in the previous level: neighbours share parents.
        const center = Math.floor((i / level.count) * previous.length);
        const fanIn = rand(level.fanIn[0], level.fanIn[1]);
        while (parents.length < fanIn) {
          const parent = previous[Math.min(previous.length - 1, Math.max(0, center + rand(-2, 2)))];
          if (!parents.includes(parent)) parents.push(parent);
        }
      }
      const areaId = level.kind === 'harvest' ? areaIds[i % areaIds.length] : null;
      const lines: EventHashLine[] = [
        ...parents.map((parent) => ({ lotId: parent, direction: 'input' as const, quantity: '1', unit: 'kg', quantityInLotUnit: '1' })),
        { lotId, direction: 'output', quantity: '100', unit: 'kg', quantityInLotUnit: '100' },
      ];
      const event: EventHashRow = {
        id: eventId,
        organizationId,
        seq: String(++seq),
        type: level.kind === 'harvest' ? 'harvest' : level.kind === 'split' ? 'split' : 'transform',
        epcisEventType: level.kind === 'harvest' ? 'ObjectEvent' : 'TransformationEvent',
        action: level.kind === 'harvest' ? 'ADD' : null,
        bizStep: level.kind === 'harvest' ? 'commissioning' : level.kind === 'split' ? 'repackaging' : level.kind === 'packed' ? 'packing' : 'commissioning',
        disposition: 'active',
        eventTime,
        eventTimeOffset: '+07:00',
        recordTime: eventTime,
        recordedBy: null,
        growingAreaId: areaId,
        facilityId: level.kind === 'harvest' ? null : facilityId,
        sourcePartnerId: null,
        destinationPartnerId: null,
        documents: [],
        details: level.process ? { process: level.process } : {},
        voidsEventId: null,
        reason: null,
      };
      const hash = eventHash(prevHash, event, lines);
      eventRows.push(
        row([
          eventId,
          organizationId,
          event.seq as string,
          event.type,
          event.epcisEventType,
          event.action,
          event.bizStep,
          event.disposition,
          eventTime.toISOString(),
          '+07:00',
          eventTime.toISOString(),
          null,
          areaId,
          event.facilityId,
          '[]',
          JSON.stringify(event.details),
          prevHash,
          hash,
        ]),
      );
      prevHash = hash;
      lotRows.push(
        row([
          lotId,
          organizationId,
          `B-${++lotNumber}`,
          productId,
          level.kind,
          '100',
          'kg',
          '0',
          'active',
          areaId,
          level.kind === 'harvest' ? householdId : null,
          level.kind === 'harvest' ? null : facilityId,
          eventTime.toISOString(),
          '+07:00',
          shortCode,
          eventId,
        ]),
      );
      for (const line of lines) lineRows.push(row([organizationId, eventId, line.lotId, line.direction, line.quantity, line.unit, line.quantityInLotUnit]));
      for (const parent of parents) linkRows.push(row([organizationId, parent, lotId, eventId, event.type, '1', 'kg']));
      current.push(lotId);
      if (lotRows.length >= 50_000) await flush();
    }
    await flush();
    if (level.kind === 'harvest') harvests = current.slice();
    if (level.kind === 'packed') packs = current.slice();
    previous = current;
    console.log(`  level ${levelIndex}: ${level.count.toLocaleString('en')} ${level.process || 'harvest'} lots`);
  }
  await client.query(`INSERT INTO event_chain_head (organization_id, last_seq, last_hash) VALUES ($1, $2, $3)`, [organizationId, seq, prevHash]);
  await client.query(`SET session_replication_role = origin`);
  await client.query(`ANALYZE lot; ANALYZE lot_link; ANALYZE event; ANALYZE event_line`);
  await client.end();
  const sample = (list: string[]) => Array.from({ length: Math.min(5000, list.length) }, () => list[Math.floor(Math.random() * list.length)]);
  return { harvests: sample(harvests), packs: sample(packs) };
}

// ------------------------------------------------------------------ measure

const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: state.token_email, password: state.token_password }),
});
const token = ((await login.json()) as { accessToken: string }).accessToken;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
// Each request from another address, as from many auditors behind a proxy: thousands of traces a
// minute from one address would meet the API's per-address rate limit.
let sent = 0;
const forwardedFor = () => `10.${(++sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`;

/** GET with node:http (keep-alive). As a client it costs this VM about 0.4 ms of CPU per request. */
function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': forwardedFor() } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * GET over one raw keep-alive socket, one request at a time: the HTTP counterpart of node-postgres,
 * which the raw SQL is timed with (itself a thin client on a raw socket), so that the comparison is
 * of the API and the SQL, not of two clients. Reads the status and a Content-Length body; the API
 * always sends Content-Length for JSON.
 */
const socket = net.connect(port, '127.0.0.1');
await new Promise((resolve) => socket.once('connect', resolve));
socket.setNoDelay(true);
let received: Buffer = Buffer.alloc(0);
let answer: ((response: { status: number; body: string }) => void) | null = null;
socket.on('data', (chunk: Buffer) => {
  received = received.length ? Buffer.concat([received, chunk]) : chunk;
  const headEnd = received.indexOf('\r\n\r\n');
  if (headEnd < 0) return;
  const head = received.subarray(0, headEnd).toString('latin1');
  const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? NaN);
  if (Number.isNaN(length)) throw new Error(`no Content-Length in ${head.slice(0, 200)}`);
  if (received.length < headEnd + 4 + length) return;
  const body = received.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
  received = received.subarray(headEnd + 4 + length);
  const settle = answer!;
  answer = null;
  settle({ status: Number(head.slice(9, 12)), body });
});
function getLean(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    answer = resolve;
    socket.write(`GET ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${token}\r\nx-forwarded-for: ${forwardedFor()}\r\n\r\n`);
  });
}

const organizationId: string = state.organization_id;
const targets: { lotId: string; direction: 'back' | 'forward' }[] = Array.from({ length: SAMPLES }, (_, i) =>
  i % 2 === 0 ? { lotId: state.packs[i % state.packs.length], direction: 'back' as const } : { lotId: state.harvests[i % state.harvests.length], direction: 'forward' as const },
);
// The raw SQL, written by hand here rather than taken from the app. The goal's baseline is the plain
// recursive query that answers a trace: every lot reached (its own and its product's columns) and
// every link between them (quantity, unit, event), as rows. The walk that returns lot ids alone is
// shown for reference: it reads only the link table, and a trace must also read each lot.
const walk = (direction: 'back' | 'forward') => {
  const [from, to] = direction === 'back' ? ['child_lot_id', 'parent_lot_id'] : ['parent_lot_id', 'child_lot_id'];
  return `WITH RECURSIVE reach(id) AS (SELECT $2::uuid UNION SELECT k.${to} FROM lot_link k JOIN reach r ON k.${from} = r.id WHERE k.organization_id = $1)`;
};
const rawIds = { back: `${walk('back')} SELECT id FROM reach`, forward: `${walk('forward')} SELECT id FROM reach` };
const graphSql = (direction: 'back' | 'forward') => `${walk(direction)}
  SELECT 'lot' AS row, l.id, l.code, l.short_code, l.kind, l.status, l.quantity, l.unit, l.consumed, l.produced_at, l.produced_at_offset,
    l.expires_at, l.growing_area_id, l.household_partner_id, l.facility_id, p.name_vi, p.name_en, p.gtin, NULL::uuid AS to_lot_id, NULL::uuid AS event_id, NULL AS event_type
  FROM lot l JOIN product p ON p.id = l.product_id WHERE l.organization_id = $1 AND l.id = ANY(ARRAY(SELECT id FROM reach))
  UNION ALL
  SELECT 'link', k.parent_lot_id, NULL, NULL, NULL, NULL, k.quantity, k.unit, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, k.child_lot_id, k.event_id, k.event_type
  FROM lot_link k WHERE k.organization_id = $1 AND k.${direction === 'back' ? 'child_lot_id' : 'parent_lot_id'} = ANY(ARRAY(SELECT id FROM reach))`;
const rawGraph = { back: graphSql('back'), forward: graphSql('forward') };

interface Method {
  name: string;
  /** Runs one trace, answers the number of lots it found. */
  run: (target: (typeof targets)[number]) => Promise<number>;
}

/**
 * Every method traces the same lots, interleaved: for each target all methods run back to back, in
 * an order that rotates. This VM's vCPUs are sometimes descheduled by the host (steal time), which
 * puts millisecond spikes into any query's latency (even `SELECT 1` has a p99 of about 3 ms here);
 * interleaving spreads those over every method alike instead of over whichever ran at a bad moment.
 */
async function measure(methods: Method[]): Promise<{ p50: number; p99: number; mean: number; size: number }[]> {
  for (const target of targets.slice(0, 100)) for (const method of methods) await method.run(target); // warm caches and JIT
  const times = methods.map(() => [] as number[]);
  const sizes = methods.map(() => 0);
  for (const [i, target] of targets.entries()) {
    for (let j = 0; j < methods.length; j++) {
      const m = (i + j) % methods.length;
      const started = now();
      sizes[m] += await methods[m].run(target);
      times[m].push(now() - started);
    }
  }
  return methods.map((method, m) => {
    const sorted = times[m].sort((a, b) => a - b);
    const result = { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, size: sizes[m] / targets.length };
    console.log(`${method.name.padEnd(56)} p50 ${ms(result.p50).padStart(10)}  p99 ${ms(result.p99).padStart(10)}  mean ${ms(result.mean).padStart(10)}  (${result.size.toFixed(1)} lots/trace)`);
    return result;
  });
}

const lotCount = Number((await db.query(`SELECT count(*) AS n FROM lot WHERE organization_id = $1`, [organizationId])).rows[0].n);
const linkCount = Number((await db.query(`SELECT count(*) AS n FROM lot_link WHERE organization_id = $1`, [organizationId])).rows[0].n);
console.log(`\ntrace benchmark: ${lotCount.toLocaleString('en')} lots, ${linkCount.toLocaleString('en')} links, ${SAMPLES} traces (half back from packs, half forward from harvests), sequential, Node ${process.version}`);
const traceRepository = api.get(TraceRepository);
/** The number of lots in a trace answer, which must be a 200. */
function traceSize(response: { status: number; body: string }): number {
  if (response.status !== 200) throw new Error(`trace answered ${response.status}: ${response.body.slice(0, 200)}`);
  return (JSON.parse(response.body) as { nodes: unknown[] }).nodes.length;
}

const [ids, raw, , viaApi, viaNodeHttp] = await measure([
  {
    name: 'raw recursive SQL, lot ids only, prepared',
    run: async (target) => (await db.query({ name: `ids_${target.direction}`, text: rawIds[target.direction], values: [organizationId, target.lotId] })).rowCount ?? 0,
  },
  {
    name: 'raw recursive SQL, lots and links as rows, prepared',
    run: async (target) =>
      (await db.query({ name: `graph_${target.direction}`, text: rawGraph[target.direction], values: [organizationId, target.lotId] })).rows.filter((row) => row.row === 'lot').length,
  },
  { name: 'the API’s trace statement alone (full graph as JSON)', run: async (target) => (await traceRepository.trace(organizationId, target.lotId, target.direction)).nodes.length },
  {
    name: 'API GET /lots/{id}/trace, lean keep-alive client',
    run: async (target) => traceSize(await getLean(`/api/v1/lots/${target.lotId}/trace?direction=${target.direction}`)),
  },
  {
    name: 'API GET /lots/{id}/trace, node:http client',
    run: async (target) => traceSize(await get(`/api/v1/lots/${target.lotId}/trace?direction=${target.direction}`)),
  },
]);
console.log(`API p99 / raw SQL p99 (lots and links) = ${(viaApi.p99 / raw.p99).toFixed(2)}× (goal ≤ 2×); p50 ${(viaApi.p50 / raw.p50).toFixed(2)}×`);
console.log(`API p99 / lot-ids walk p99 = ${(viaApi.p99 / ids.p99).toFixed(2)}×; p50 ${(viaApi.p50 / ids.p50).toFixed(2)}× (for reference)`);
console.log(`with node:http as the client: API p99 / raw SQL p99 (lots and links) = ${(viaNodeHttp.p99 / raw.p99).toFixed(2)}×; p50 ${(viaNodeHttp.p50 / raw.p50).toFixed(2)}×`);

if (args.includes('--no-verify')) {
  socket.destroy();
  agent.destroy();
  await db.end();
  await api.close();
  process.exit(0);
}
const verifyStarted = now();
const verify = await get('/api/v1/audit/verify');
console.log(`\nGET /audit/verify over the whole chain: ${verify.body} in ${((now() - verifyStarted) / 1000).toFixed(1)} s`);

socket.destroy();
agent.destroy();
await db.end();
await api.close();
