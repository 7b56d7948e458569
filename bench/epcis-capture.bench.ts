// EPCIS 2.0 capture throughput (issue 14): one EPCISDocument of N events (default 10,000: a quarter
// each of harvests, millings, inspections and shipments, 100 growing areas), checked against GS1's
// schema and recorded through the lot operations in one transaction (GS1-Capture-Error-Behaviour:
// rollback), against the same-run baseline of a plain COPY of the same rows (one per event) into a
// scratch table.
// Run: node --import @swc-node/register/esm-register bench/epcis-capture.bench.ts [--events 10000] [--proceed]
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { DataSource } from 'typeorm';
import copyStreams from 'pg-copy-streams';
import { createBenchEnvironment } from './bench-environment.js';
import { createTestFacility, createTestGrowingArea, createTestProduct, signupOrganization } from '../libs/testing/src/index.js';
import { createApiApp } from '../apps/api/src/app.factory.js';
import { CaptureRunner, CaptureService, gs1CheckDigit, type Caller } from '../libs/traceability/src/index.js';
import { runMigrations } from '../libs/database/src/index.js';

const args = process.argv.slice(2);
const EVENTS = Math.max(4, Number(args[args.indexOf('--events') + 1] || 0) || 10_000);
const AREAS = 100;
const BEHAVIOUR = args.includes('--proceed') ? 'proceed' : 'rollback';

const environment = await createBenchEnvironment('epcis-capture');
try {
  await runMigrations(environment.config.databaseUrl!);
  const app = await createApiApp(environment.config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const org = await signupOrganization(app.getHttpServer());
  const caller: Caller = { organizationId: org.organizationId, userId: org.userId, role: 'owner', apiKeyId: null };
  const dataSource = app.get(DataSource);

  const gtin = (reference: string) => `0${reference}${gs1CheckDigit(reference)}`;
  const paddyGtin = gtin('893456789101');
  const riceGtin = gtin('893456789102');
  await createTestProduct(dataSource, org.organizationId, { nameVi: 'Thóc', unit: 'kg', gtin: paddyGtin });
  await createTestProduct(dataSource, org.organizationId, { nameVi: 'Gạo', unit: 'kg', gtin: riceGtin });
  const areaCodes = Array.from({ length: AREAS }, (_, i) => `VN-BENCH-${String(i).padStart(3, '0')}`);
  for (const code of areaCodes) await createTestGrowingArea(dataSource, org.organizationId, { code, areaHa: '1000' });
  await createTestFacility(dataSource, org.organizationId);
  const buyerGln = `893456700001${gs1CheckDigit('893456700001')}`;
  await dataSource.query(`INSERT INTO partner (organization_id, kind, name, name_search, gln, province) VALUES ($1, 'distributor', 'Nhà phân phối', 'nha phan phoi', $2, 'Hà Nội')`, [org.organizationId, buyerGln]);

  // The document: per lot, harvest → milling → inspection → shipment, times one second apart.
  const lots = Math.floor(EVENTS / 4);
  const base = Date.now() - (EVENTS + 60) * 1000;
  let tick = 0;
  const time = () => new Date(base + 1000 * tick++).toISOString();
  const paddy = (i: number) => `https://id.gs1.org/01/${paddyGtin}/10/T${i}`;
  const rice = (i: number) => `https://id.gs1.org/01/${riceGtin}/10/G${i}`;
  const common = () => ({ eventID: `urn:uuid:${randomUUID()}`, eventTime: time(), eventTimeZoneOffset: '+07:00' });
  const eventList: Record<string, unknown>[] = [];
  for (let i = 0; i < lots; i++) {
    eventList.push({ type: 'ObjectEvent', ...common(), action: 'ADD', bizStep: 'commissioning', disposition: 'active', quantityList: [{ epcClass: paddy(i), quantity: 100, uom: 'KGM' }], ilmd: { 'nguon:growingAreaCode': areaCodes[i % AREAS] } });
    eventList.push({ type: 'TransformationEvent', ...common(), bizStep: 'commissioning', inputQuantityList: [{ epcClass: paddy(i), quantity: 100, uom: 'KGM' }], outputQuantityList: [{ epcClass: rice(i), quantity: 65, uom: 'KGM' }], ilmd: { 'nguon:process': 'Xay xát' } });
    eventList.push({ type: 'ObjectEvent', ...common(), action: 'OBSERVE', bizStep: 'inspecting', disposition: 'conformant', quantityList: [{ epcClass: rice(i), quantity: 65, uom: 'KGM' }] });
    eventList.push({ type: 'ObjectEvent', ...common(), action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', quantityList: [{ epcClass: rice(i), quantity: 60, uom: 'KGM' }], destinationList: [{ type: 'owning_party', destination: `https://id.gs1.org/417/${buyerGln}` }] });
  }
  const document = {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { nguon: 'https://nguon.example.vn/ns/epcis#' }],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { eventList },
  };
  const text = JSON.stringify(document);
  const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

  let start = process.hrtime.bigint();
  const job = await app.get(CaptureService).submit(caller, JSON.parse(text), Buffer.byteLength(text), BEHAVIOUR);
  const submitS = seconds(start);
  start = process.hrtime.bigint();
  const done = await app.get(CaptureRunner).run({ organizationId: org.organizationId, captureId: job.captureID });
  const runS = seconds(start);
  if (done?.status !== 'done' || done.capturedCount !== eventList.length) throw new Error(`capture: ${JSON.stringify({ ...done, errors: done?.errors.slice(0, 3) })}`);

  // Baseline: one row per event (its id, type, lot, quantity, unit, time), COPYed into a scratch table.
  const client = new pg.Client({ connectionString: environment.config.databaseUrl });
  await client.connect();
  await client.query(`CREATE TEMP TABLE epcis_copy (organization_id uuid, event_id text, type text, biz_step text, epc_class text, quantity numeric, uom text, event_time timestamptz)`);
  const rows = eventList.map((e: any) => {
    const line = (e.quantityList ?? e.outputQuantityList)[0];
    return [org.organizationId, e.eventID, e.type, e.bizStep, line.epcClass, line.quantity, line.uom, e.eventTime].join('\t');
  });
  start = process.hrtime.bigint();
  await pipeline(Readable.from([rows.join('\n') + '\n']), client.query(copyStreams.from(`COPY epcis_copy FROM STDIN`)));
  const copyS = seconds(start);
  await client.end();

  const rate = (s: number) => Math.round(eventList.length / s);
  console.log(`EPCIS capture bench, ${eventList.length} events (${(text.length / 1024 / 1024).toFixed(1)} MiB JSON-LD), ${BEHAVIOUR === 'rollback' ? 'rollback (one transaction)' : 'proceed (a transaction per event)'}`);
  console.log(`  submit (schema + limits + store): ${submitS.toFixed(2)} s  ${rate(submitS)} events/s`);
  console.log(`  capture job (plan + operations):  ${runS.toFixed(2)} s  ${rate(runS)} events/s`);
  console.log(`  end to end:                       ${(submitS + runS).toFixed(2)} s  ${rate(submitS + runS)} events/s`);
  console.log(`  baseline COPY:                    ${copyS.toFixed(3)} s  ${rate(copyS)} rows/s`);
  console.log(`  ratio end to end / COPY: ${(copyS / (submitS + runS)).toFixed(4)}`);
  await app.close();
} finally {
  await environment.dispose();
}
