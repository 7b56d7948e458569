// Spreadsheet import throughput (issue 14): N member households in one XLSX file, through reading,
// the dry run (every row checked by the API's request rules and PartnersService.check) and the commit
// (every row written by PartnersService.create, as the worker does), against the same-run baseline of a
// plain COPY of the same rows into a scratch table.
// Run: node --import @swc-node/register/esm-register bench/import.bench.ts [--rows 10000]
// The goal is for 100,000 historical harvest rows (≥ 20,000 rows/s end to end, dry run
// ≥ 50,000 rows/s); harvests are not an import kind yet, so this measures the registry kinds' path.
import 'reflect-metadata';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { createBenchEnvironment } from './bench-environment.js';
import { signupOrganization, xlsxOf } from '../libs/testing/src/index.js';
import { createApiApp } from '../apps/api/src/app.factory.js';
import { shapeCheckFor } from '../apps/api/src/imports/import-shapes.js';
import { ImportCommitter, ImportKinds, ImportsService, ImportsRepository, locateTable, readSpreadsheet, type Caller } from '../libs/traceability/src/index.js';
import { runMigrations } from '../libs/database/src/index.js';

const args = process.argv.slice(2);
const ROWS = Number(args[args.indexOf('--rows') + 1] || 0) || 10_000;

const environment = await createBenchEnvironment('import');
try {
  await runMigrations(environment.config.databaseUrl!);
  const app = await createApiApp(environment.config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const org = await signupOrganization(app.getHttpServer());
  const caller: Caller = { organizationId: org.organizationId, userId: org.userId, role: 'owner', apiKeyId: null };

  const rows: unknown[][] = [['Loại', 'Tên hộ / đối tác', 'Số điện thoại', 'Số CCCD', 'Xã', 'Tỉnh']];
  for (let i = 0; i < ROWS; i++) rows.push(['Hộ thành viên', `Hộ Lò Văn ${i}`, 912000000 + i, 11090000000 + i, 'Thanh Xương', 'Điện Biên']);
  const file = await xlsxOf(rows);
  const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

  let start = process.hrtime.bigint();
  locateTable(await readSpreadsheet(file, 'ho.xlsx', { maxBytes: 200 * 1024 * 1024, maxRows: ROWS }), app.get(ImportKinds).get('partners').columns);
  const readS = seconds(start);

  const imports = app.get(ImportsService);
  Object.assign(imports.limits, { maxBytes: 200 * 1024 * 1024, maxRows: ROWS });
  start = process.hrtime.bigint();
  const { view } = await imports.upload(caller, 'partners', 'ho.xlsx', file, shapeCheckFor('partners'));
  const dryRunS = seconds(start);
  if (view.validRows !== ROWS) throw new Error(`dry run: ${view.validRows} valid rows of ${ROWS}: ${JSON.stringify(view.errors.slice(0, 3))}`);

  const repository = app.get(ImportsRepository);
  const job = (await repository.find(org.organizationId, view.id))!;
  Object.assign(job, { status: 'queued', mode: 'all_or_nothing', committedBy: org.userId, committedByRole: 'owner' });
  await repository.save(job);
  start = process.hrtime.bigint();
  const result = await app.get(ImportCommitter).commit({ organizationId: org.organizationId, importId: view.id, userId: org.userId, role: 'owner' });
  const commitS = seconds(start);
  if (result.status !== 'done') throw new Error(`commit: ${result.status}`);

  // Baseline: the same rows, COPYed into a scratch table of the same columns.
  const client = new pg.Client({ connectionString: environment.config.databaseUrl });
  await client.connect();
  await client.query(`CREATE TEMP TABLE partner_copy (organization_id uuid, kind text, name text, phone text, citizen_id text, commune text, province text)`);
  const csv = rows.slice(1).map((r) => [org.organizationId, 'member_household', r[1], `0${r[2]}`, `0${r[3]}`, r[4], r[5]].join('\t')).join('\n') + '\n';
  start = process.hrtime.bigint();
  await pipeline(Readable.from([csv]), client.query(copyStreams.from(`COPY partner_copy FROM STDIN`)));
  const copyS = seconds(start);
  await client.end();

  const rate = (s: number) => Math.round(ROWS / s);
  console.log(`import bench, ${ROWS} member households (XLSX ${(file.length / 1024).toFixed(0)} KiB)`);
  console.log(`  read + header:        ${readS.toFixed(2)} s  ${rate(readS)} rows/s`);
  console.log(`  upload (read + dry run): ${dryRunS.toFixed(2)} s  ${rate(dryRunS)} rows/s`);
  console.log(`  commit (services):    ${commitS.toFixed(2)} s  ${rate(commitS)} rows/s`);
  console.log(`  end to end:           ${(dryRunS + commitS).toFixed(2)} s  ${rate(dryRunS + commitS)} rows/s`);
  console.log(`  baseline COPY:        ${copyS.toFixed(3)} s  ${rate(copyS)} rows/s`);
  console.log(`  ratio end to end / COPY: ${(copyS / (dryRunS + commitS)).toFixed(4)}`);
  await app.close();
} finally {
  await environment.dispose();
}
