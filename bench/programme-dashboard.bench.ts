// Province dashboard benchmark (issue 13): a large province — by default 500 cooperatives, 1,000,000
// lots and 10,000,000 scans, loaded with COPY into the kept database `nguon_bench_programme` — and, in
// the same run and interleaved rounds, the dashboard API (GET /api/v1/programme/dashboard as the
// province's office, over HTTP) against the raw SQL it runs (the same statements run directly, in
// parallel as the service runs them: the rollup reads and the live figures). Reports p50/p99 of each
// and their ratio. Goal: API p99 ≤ 2× raw SQL p99 and ≤ 300 ms.
// Also reported, once each: the rollups' refresh at this scale (full rebuild of every month, an
// incremental refresh with a quiet current month, and one with a whole past month marked dirty), and
// the old live SQL of the same figures (every lot and scan of the period read on each request).
// Run: node --import @swc-node/register/esm-register bench/programme-dashboard.bench.ts [coops] [lots] [scans] [requests] [--reload]
//   (defaults 500 1000000 10000000 30; the data is kept between runs unless its size differs or --reload;
//   --keep-rollups skips the full rebuild when the rollups were built by an earlier run)
import 'reflect-metadata';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { adminUrl, benchConfig } from './bench-environment.js';
import { runMigrations } from '../libs/database/src/index.js';
import { periodMonths, ProgrammeRepository, ProgrammeRollupsRepository, ProgrammeRollupsService, todayInVietnam, type ProgrammeScope } from '../libs/traceability/src/index.js';
import { createProgrammeOffice } from '../libs/testing/src/index.js';
import { createApiApp } from '../apps/api/src/app.factory.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const reload = process.argv.includes('--reload');
const keepRollups = process.argv.includes('--keep-rollups');
const COOPS = Number(args[0] ?? 500);
const LOTS = Number(args[1] ?? 1_000_000);
const SCANS = Number(args[2] ?? 10_000_000);
const REQUESTS = Number(args[3] ?? 30);
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const DATABASE = 'nguon_bench_programme';

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

async function copy(db: pg.PoolClient, sql: string, rows: number, line: (i: number) => string): Promise<void> {
  let i = 0;
  const source = new Readable({
    read() {
      let chunk = '';
      for (let n = 0; n < 5000 && i < rows; n++, i++) chunk += line(i);
      this.push(chunk || null);
    },
  });
  await pipeline(source, db.query(copyFrom(sql)));
}

/** The province: cooperatives of Điện Biên with products (a third OCOP-certified), areas, lots and scans. */
async function build(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const db = await pool.connect();
  const started = process.hrtime.bigint();
  await db.query(`ALTER TABLE event DISABLE TRIGGER USER`); // the lot-page notifications: none needed here
  await db.query(`
    INSERT INTO organization (id, name, kind, province, province_code, commune, commune_code)
    SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'HTX ' || n, 'cooperative', 'Điện Biên', '11',
      CASE WHEN n % 2 = 0 THEN 'Phường Mường Thanh' ELSE 'Xã Thanh Yên' END, CASE WHEN n % 2 = 0 THEN '03334' ELSE '03349' END
    FROM generate_series(1, $1) n`, [COOPS]);
  const org = (n: number) => `00000000-0000-4000-8000-${(n + 1).toString(16).padStart(12, '0')}`;
  // Four products per cooperative, product k of cooperative n: id ...-a<n><k>.
  const product = (n: number, k: number) => `00000000-0000-4000-a000-${(n * 4 + k).toString(16).padStart(12, '0')}`;
  const area = (n: number, k: number) => `00000000-0000-4000-b000-${(n * 2 + k).toString(16).padStart(12, '0')}`;
  await db.query(`
    INSERT INTO product (id, organization_id, name_vi, name_search, unit, ocop_group)
    SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(n * 4 + k), 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(n + 1), 12, '0'))::uuid,
      'Sản phẩm ' || n || '-' || k, 'san pham', 'kg', 1 + (n + k) % 6
    FROM generate_series(0, $1 - 1) n, generate_series(0, 3) k`, [COOPS]);
  await db.query(`
    INSERT INTO certification (organization_id, kind, level, issuing_level, number, issuer, issued_at, expires_at, scope_type, scope_id)
    SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n + 1), 12, '0'))::uuid, 'ocop', 3 + n % 3, 'provincial', n || '/QĐ-UBND', 'UBND tỉnh', '2024-01-01',
      date '2026-06-01' + (n % 200), 'product', ('00000000-0000-4000-a000-' || lpad(to_hex(n * 4), 12, '0'))::uuid
    FROM generate_series(0, $1 - 1) n`, [COOPS]);
  await db.query(`
    INSERT INTO growing_area (id, organization_id, code, name, name_search, crop, area_ha, province, province_code, status, location)
    SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(n * 2 + k), 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(n + 1), 12, '0'))::uuid,
      'BENCH-' || n || '-' || k, 'Vùng ' || n, 'vung', CASE k WHEN 0 THEN 'sticky_rice' ELSE 'tea' END, 5 + n % 7, 'Điện Biên', '11',
      CASE WHEN n % 50 = 0 AND k = 1 THEN 'revoked' ELSE 'active' END,
      json_build_object('type', 'Point', 'coordinates', json_build_array(103 + (n % 100) * 0.01, 21 + (n / 100) * 0.01))
    FROM generate_series(0, $1 - 1) n, generate_series(0, 1) k`, [COOPS]);
  console.log(`registry: ${COOPS} cooperatives, ${COOPS * 4} products, ${COOPS * 2} areas (${seconds(started).toFixed(1)} s)`);

  // Lots: spread over 2025-07 … 2026-06, 60 % harvests from an area, the rest processed.
  const lotId = (i: number) => `00000000-0000-4000-c000-${i.toString(16).padStart(12, '0')}`;
  const t0 = process.hrtime.bigint();
  await copy(db, `COPY lot (id, organization_id, code, product_id, kind, quantity, unit, growing_area_id, produced_at, short_code) FROM STDIN`, LOTS, (i) => {
    const n = i % COOPS;
    const harvest = i % 5 < 3;
    const day = new Date(Date.UTC(2025, 6, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    return `${lotId(i)}\t${org(n)}\tB-${i}\t${product(n, i % 4)}\t${harvest ? 'harvest' : 'processed'}\t${100 + (i % 900)}\tkg\t${harvest ? area(n, i % 2) : '\\N'}\t${day}T08:00:00+07\t${i.toString(36).padStart(8, '0').slice(-8)}\n`;
  });
  console.log(`lots: ${LOTS.toLocaleString('en')} by COPY in ${seconds(t0).toFixed(1)} s`);
  const t1 = process.hrtime.bigint();
  const events = Math.min(LOTS, COOPS * 20);
  await copy(db, `COPY event (organization_id, seq, type, epcis_event_type, event_time, hash) FROM STDIN`, events, (i) => {
    const day = new Date(Date.UTC(2026, 0, 1) + (i % 180) * 86_400_000).toISOString().slice(0, 10);
    // Nine cooperatives in ten recorded something in the period.
    return `${org((i % COOPS) % 10 === 9 ? (i % COOPS) - 1 : i % COOPS)}\t${i + 1}\tharvest\tObjectEvent\t${day}T08:00:00+07\th${i}\n`;
  });
  await copy(db, `COPY scan (organization_id, lot_id, serial, scanned_at, scanned_on, client_class, representation, client_hash) FROM STDIN`, SCANS, (i) => {
    const l = (i * 7919) % LOTS;
    // In time order, as scans arrive (the table's physical order follows scanned_at).
    const at = new Date(Date.UTC(2025, 6, 1) + Math.floor((i * 365 * 86_400) / SCANS) * 1000);
    const local = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    return `${org(l % COOPS)}\t${lotId(l)}\t${i % 10 === 0 ? `S${l}` : '\\N'}\t${at.toISOString()}\t${local}\t${i % 20 === 0 ? 'bot' : 'android'}\thtml\tc${i % 50_000}\n`;
  });
  console.log(`events ${events.toLocaleString('en')} and scans ${SCANS.toLocaleString('en')} by COPY in ${seconds(t1).toFixed(1)} s`);
  await db.query(`ALTER TABLE event ENABLE TRIGGER USER`);
  const t2 = process.hrtime.bigint();
  await db.query(`VACUUM ANALYZE`);
  console.log(`VACUUM ANALYZE in ${seconds(t2).toFixed(1)} s`);
  await db.query(`CREATE TABLE IF NOT EXISTS bench_programme_size (coops int, lots int, scans int)`);
  await db.query(`INSERT INTO bench_programme_size VALUES ($1, $2, $3)`, [COOPS, LOTS, SCANS]);
  db.release();
  await pool.end();
}

async function main(): Promise<void> {
  const url = Object.assign(new URL(adminUrl), { pathname: `/${DATABASE}` }).toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE])).rowCount === 1;
  let fresh = !exists || reload;
  if (exists && !reload) {
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    const size = await probe.query(`SELECT * FROM bench_programme_size`).catch(() => ({ rows: [] }));
    await probe.end();
    const row = size.rows[0];
    fresh = !row || row.coops !== COOPS || row.lots !== LOTS || row.scans !== SCANS;
  }
  if (fresh) {
    if (exists) await admin.query(`DROP DATABASE "${DATABASE}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${DATABASE}"`);
  }
  await admin.end();
  await runMigrations(url);
  if (fresh) await build(url);
  else console.log(`reusing ${DATABASE} (${COOPS} cooperatives, ${LOTS} lots, ${SCANS} scans)`);

  const app = (await createApiApp(benchConfig(url, { QUEUE_PREFIX: `benchprog${Date.now()}` }))) as NestFastifyApplication;
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  const office = await createProgrammeOffice({ app, server }, { province: 'Điện Biên' });
  const dataSource = app.get(DataSource);
  await dataSource.query(
    `INSERT INTO organization_link (kind, from_organization_id, to_organization_id, status, requested_by_organization_id)
     SELECT 'oversight', $1, o.id, 'active', $1 FROM organization o WHERE o.kind = 'cooperative' AND o.province = 'Điện Biên' AND o.name LIKE 'HTX %'
     ON CONFLICT DO NOTHING`,
    [office.organizationId],
  );
  const repository = app.get(ProgrammeRepository);
  const organizationIds: string[] = (await dataSource.query(`SELECT to_organization_id AS id FROM organization_link WHERE from_organization_id = $1 AND status = 'active'`, [office.organizationId])).map(
    (r: { id: string }) => r.id,
  );
  const scope: ProgrammeScope = {
    office: { id: office.organizationId, name: '', province: 'Điện Biên', provinceCode: '11' },
    organizationIds,
    filters: { ...PERIOD },
    start: new Date(`${PERIOD.from}T00:00:00+07:00`),
    end: new Date('2026-07-01T00:00:00+07:00'),
    asOf: PERIOD.to,
  };
  const rollups = app.get(ProgrammeRollupsRepository);
  const refresher = app.get(ProgrammeRollupsService);
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = process.hrtime.bigint();
    const result = await run();
    console.log(`${name.padEnd(44)} ${(seconds(t) * 1000).toFixed(0).padStart(8)} ms`);
    return result;
  };

  console.log('\nrollup refresh at this scale:');
  if (keepRollups && (await rollups.state()).refreshedAt) console.log('full rebuild skipped (--keep-rollups)');
  else {
    const full = await timed('full rebuild (every month)', () => refresher.rebuild());
    console.log(`  (${full.months.length} months: ${full.months[0]} … ${full.months.at(-1)})`);
  }
  await timed('incremental, quiet current month', () => refresher.refresh());
  // A backdated lot (or a label printed for an old lot) marks its month dirty: the next refresh
  // recomputes that whole month — June holds 1/12 of the lots and scans.
  await dataSource.query(`INSERT INTO programme_rollup_dirty (month) VALUES ('2026-06-01')`);
  await timed('incremental, + one whole past month dirty', () => refresher.refresh());
  await timed('rebuild one month on demand (2026-03)', () => refresher.rebuild(['2026-03']));

  const months = periodMonths(PERIOD.from, PERIOD.to, todayInVietnam());
  // What the API runs now: the rollup reads and the live figures, in parallel as the service does.
  const raw = () =>
    Promise.all([
      repository.cooperatives(scope),
      repository.ocop(scope),
      rollups.coverage(scope, months),
      repository.growingAreas(scope),
      rollups.monthly(scope, months),
      repository.recalls(scope),
      repository.yieldOverrides(scope),
      rollups.copiedLabels(scope),
      rollups.state(),
    ]);
  const path = `/api/v1/programme/dashboard?from=${PERIOD.from}&to=${PERIOD.to}`;
  const first = await request(server).get(path).set(office.auth);
  if (first.status !== 200) throw new Error(`dashboard: ${first.status} ${JSON.stringify(first.body)}`);
  console.log(
    `\ndashboard: ${first.body.cooperatives.linked} cooperatives, coverage ${first.body.coverage.covered}/${first.body.coverage.certifiedProducts}, ${first.body.monthly.reduce((n: number, m: { scans: number }) => n + m.scans, 0).toLocaleString('en')} scans in the period, rollups of ${first.body.freshness.monthly.computedAt}`,
  );

  // The old live SQL of the same figures, once, statement by statement (it is what the rollups replace).
  console.log('\nold live SQL (every lot and scan of the period), once each:');
  const oldStarted = process.hrtime.bigint();
  const liveMonthly = await timed('monthly (lots, kg, labels, scans, clients)', () => repository.monthly(scope));
  const liveCoverage = await timed('coverage (genealogy to a growing area)', () => repository.coverage(scope));
  const liveSignals = await timed('signals (copied labels over every scan)', () => repository.signals(scope));
  await timed('cooperatives, ocop, growing areas, recalls', () => Promise.all([repository.cooperatives(scope), repository.ocop(scope), repository.growingAreas(scope), repository.recalls(scope)]));
  console.log(`${'old live SQL, total'.padEnd(44)} ${(seconds(oldStarted) * 1000).toFixed(0).padStart(8)} ms`);
  const [rollupMonthly, rollupCoverage, copied] = await Promise.all([rollups.monthly(scope, months), rollups.coverage(scope, months), rollups.copiedLabels(scope)]);
  const same =
    JSON.stringify(rollupMonthly.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'distinctClientsPer')))) === JSON.stringify(liveMonthly) &&
    JSON.stringify(rollupCoverage) === JSON.stringify(liveCoverage) &&
    copied === liveSignals.copiedLabels;
  console.log(`rollups equal the live SQL: ${same ? 'yes' : 'NO'}`);

  await raw(); // warm both paths alike
  const api: number[] = [];
  const sql: number[] = [];
  const cut: number[] = [];
  const cutPath = `/api/v1/programme/dashboard?from=2026-01-10&to=2026-06-20`;
  for (let i = 0; i < REQUESTS; i++) {
    // Interleaved, so a noisy neighbour slows both alike.
    let t = process.hrtime.bigint();
    const response = await request(server).get(path).set(office.auth);
    if (response.status !== 200) throw new Error(`dashboard: ${response.status}`);
    api.push(seconds(t) * 1000);
    t = process.hrtime.bigint();
    await raw();
    sql.push(seconds(t) * 1000);
    t = process.hrtime.bigint();
    const cutResponse = await request(server).get(cutPath).set(office.auth);
    if (cutResponse.status !== 200) throw new Error(`dashboard: ${cutResponse.status}`);
    cut.push(seconds(t) * 1000);
  }
  const row = (name: string, values: number[]) => console.log(`${name.padEnd(44)} p50 ${percentile(values, 50).toFixed(0).padStart(6)} ms   p99 ${percentile(values, 99).toFixed(0).padStart(6)} ms`);
  console.log(`\n${REQUESTS} requests each, interleaved (${COOPS} cooperatives, ${LOTS.toLocaleString('en')} lots, ${SCANS.toLocaleString('en')} scans):`);
  row('raw SQL the API runs (rollups + live)', sql);
  row('dashboard API (HTTP)', api);
  row('dashboard API, period cutting months', cut);
  console.log(`API p99 / raw SQL p99 = ${(percentile(api, 99) / percentile(sql, 99)).toFixed(2)} (goal ≤ 2), API p99 ${percentile(api, 99) <= 300 ? '≤' : '>'} 300 ms`);
  await app.close();
}

await main();
