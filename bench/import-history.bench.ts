// Historical harvest import (issue 14): 100,000 harvest rows in one CSV file through the dry run
// (streamed, every row checked with HarvestOperation's rules) and the commit (one transaction of
// chunked set-based inserts, hash chain computed in process, as the worker runs it), against the
// same-run baseline of a plain COPY of the same rows into a scratch table. The commit runs in the
// built worker (dist/apps/worker/src/main.js, `npm run build` first), a process of its own whose RSS
// is sampled from /proc every 20 ms while it commits 10,000 and then 100,000 rows: what the worker
// holds, without the bench's own copy of the rows or the API. `--in-process` commits in this
// process instead (no build needed; its RSS then includes the API and the bench's data).
// Run: node --expose-gc --import @swc-node/register/esm-register bench/import-history.bench.ts [--rows 100000] [--small 10000] [--xlsx] [--in-process]
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import request from 'supertest';
import { createBenchEnvironment } from './bench-environment.js';
import { createGrowingArea, createPartner, createProduct, signupOrganization, startBuiltProcess, xlsxOf, type BuiltProcess, type TestOrganization } from '../libs/testing/src/index.js';
import { createApiApp } from '../apps/api/src/app.factory.js';
import { AuditService, ImportCommitter, ImportsRepository, ImportsService, type Caller } from '../libs/traceability/src/index.js';
import { runMigrations } from '../libs/database/src/index.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => Number(args[args.indexOf(name) + 1] || 0) || fallback;
const ROWS = args.includes('--rows') ? arg('--rows', 100_000) : 100_000;
const SMALL = args.includes('--small') ? arg('--small', 10_000) : 10_000;
const AREAS = 100;
const HEADERS = ['Mã số vùng trồng', 'Sản phẩm', 'Ngày thu hoạch', 'Số lượng', 'Đơn vị', 'Hộ thu hoạch', 'Mã lô'];

const WORKER_MAIN = 'dist/apps/worker/src/main.js';
const IN_PROCESS = args.includes('--in-process') || !existsSync(WORKER_MAIN);

/** Resident set size (bytes) and CPU seconds (user + system) of a process, from /proc. */
function procStats(pid: number): { rss: number; cpuS: number } {
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { rss: rssKb * 1024, cpuS: (Number(fields[11]) + Number(fields[12])) / 100 };
}

const environment = await createBenchEnvironment('import-history');
let worker: BuiltProcess | null = null;
try {
  await runMigrations(environment.config.databaseUrl!);
  const app = await createApiApp(environment.config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  const imports = app.get(ImportsService);
  const committer = app.get(ImportCommitter);
  const repository = app.get(ImportsRepository);
  const limits = { maxBytes: 200 * 1024 * 1024, maxRows: 1_000_000 };
  Object.assign(imports.limits, limits);
  Object.assign(committer.limits, limits);
  if (!IN_PROCESS) {
    const { config } = environment;
    worker = startBuiltProcess(WORKER_MAIN, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: config.queuePrefix,
      STORAGE_DIR: config.storageDir,
      // `--profile-worker <dir>`: the worker writes a V8 CPU profile there when it stops.
      // `--worker-node-options '<flags>'`: flags for the worker's node (a heap limit, say).
      ...(args.includes('--worker-node-options') ? { NODE_OPTIONS: args[args.indexOf('--worker-node-options') + 1] } : {}),
      ...(args.includes('--profile-worker') ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${args[args.indexOf('--profile-worker') + 1]}` } : {}),
    });
    const started = Date.now();
    while (!/Worker started/.test(worker.output()) && Date.now() - started < 120_000) {
      if (!worker.running()) throw new Error(`the worker stopped: ${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
  /** CPU seconds of this process (user + system) since `from`: what the work costs here whatever the machine's load (PostgreSQL's share is not in it). */
  const cpuSeconds = (from: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(from);
    return (used.user + used.system) / 1e6;
  };

  /** An organization with AREAS active areas (100 ha each, since 2024), a household owning each, one product. */
  async function cooperative(): Promise<{ org: TestOrganization; caller: Caller; codes: string[]; phones: string[] }> {
    const org = await signupOrganization(server);
    await createProduct(server, org, { nameVi: 'Thóc nếp Séng Cù', unit: 'kg' });
    const codes: string[] = [];
    const phones: string[] = [];
    for (let a = 0; a < AREAS; a++) {
      const phone = `09120${String(a).padStart(5, '0')}`;
      const household = await createPartner(server, org, { kind: 'member_household', name: `Hộ Lò Văn ${a}`, phone });
      const area = await createGrowingArea(server, org, { ownerPartnerIds: [household.id], areaHa: '100' });
      await request(server).post(`/api/v1/growing-areas/${area.id}/status`).set(org.auth).send({ status: 'active', reason: 'Cấp mã', effectiveAt: '2024-01-01' }).expect(200);
      codes.push(area.code as string);
      phones.push(phone);
    }
    return { org, caller: { organizationId: org.organizationId, userId: org.userId, role: 'owner', apiKeyId: null }, codes, phones };
  }

  /** n harvest rows: Vietnamese decimals, dd/mm/yyyy dates over 2025, a household each, lot codes generated. */
  function harvestRows(n: number, codes: string[], phones: string[]): string[][] {
    const rows: string[][] = [];
    for (let i = 0; i < n; i++) {
      const a = i % AREAS;
      const day = Math.floor(i / AREAS) % 360;
      const date = new Date(Date.UTC(2025, 0, 1 + day));
      const dd = String(date.getUTCDate()).padStart(2, '0');
      const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
      rows.push([codes[a], 'Thóc nếp Séng Cù', `${dd}/${mm}/2025`, `${500 + Math.floor(i / 100)},${String(i % 100).padStart(2, '0')}`, 'kg', phones[a], '']);
    }
    return rows;
  }
  const csvOf = (rows: string[][]) => Buffer.from([HEADERS, ...rows].map((r) => r.join(';')).join('\r\n') + '\r\n', 'utf8');

  /** Upload (dry run) and commit of one file; RSS sampled every 20 ms during the commit. */
  async function importFile(c: Awaited<ReturnType<typeof cooperative>>, file: Buffer, name: string, expected: number) {
    let start = process.hrtime.bigint();
    let cpu = process.cpuUsage();
    const { view } = await imports.upload(c.caller, 'harvests', name, file, async () => undefined);
    const dryRunS = seconds(start);
    const dryRunCpuS = cpuSeconds(cpu);
    if (view.validRows !== expected) throw new Error(`dry run: ${view.validRows} valid rows of ${expected}: ${JSON.stringify(view.errors.slice(0, 3))}`);
    if (!IN_PROCESS) {
      // The built worker commits: queued as the API queues it, status polled as the console polls it.
      const before = procStats(worker!.child.pid!);
      let rssPeak = before.rss;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, procStats(worker!.child.pid!).rss)), 20);
      start = process.hrtime.bigint();
      await imports.requestCommit(c.caller, view.id, {});
      let job = await repository.find(c.org.organizationId, view.id);
      while (job && job.status !== 'done' && job.status !== 'failed') {
        await new Promise((resolve) => setTimeout(resolve, 25));
        job = await repository.find(c.org.organizationId, view.id);
      }
      const commitS = seconds(start);
      clearInterval(sampler);
      const after = procStats(worker!.child.pid!);
      if (job?.status !== 'done') throw new Error(`commit: ${job?.status} ${JSON.stringify(job?.errorMessage)}\n${worker!.output().slice(-2000)}`);
      return { dryRunS, commitS, dryRunCpuS, commitCpuS: after.cpuS - before.cpuS, rssBefore: before.rss, rssPeak, retainedPeak: 0 };
    }
    const job = (await repository.find(c.org.organizationId, view.id))!;
    Object.assign(job, { status: 'queued', mode: 'all_or_nothing', committedBy: c.org.userId, committedByRole: 'owner' });
    await repository.save(job);
    cpu = process.cpuUsage();
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    start = process.hrtime.bigint();
    // After each chunk: what the commit really holds (heap after a full GC), besides the RSS high-water mark.
    let retainedPeak = 0;
    const result = await committer.commit({ organizationId: c.org.organizationId, importId: view.id, userId: c.org.userId, role: 'owner' }, async () => {
      global.gc?.();
      retainedPeak = Math.max(retainedPeak, process.memoryUsage().heapUsed);
    });
    const commitS = seconds(start);
    const commitCpuS = cpuSeconds(cpu);
    clearInterval(sampler);
    if (result.status !== 'done') throw new Error(`commit: ${result.status} ${JSON.stringify((await repository.find(c.org.organizationId, view.id))?.errorMessage)}`);
    return { dryRunS, commitS, dryRunCpuS, commitCpuS, rssBefore, rssPeak, retainedPeak };
  }

  // 10,000 rows in one organization, then 100,000 in another: RSS of the commit at both sizes.
  const small = await cooperative();
  const smallRun = await importFile(small, csvOf(harvestRows(SMALL, small.codes, small.phones)), 'small.csv', SMALL);
  const big = await cooperative();
  const bigRows = harvestRows(ROWS, big.codes, big.phones);
  const bigFile = csvOf(bigRows);
  const bigRun = await importFile(big, bigFile, 'big.csv', ROWS);
  const verify = await app.get(AuditService).verify(big.caller);

  // Baseline: the same rows COPYed into a scratch table of text columns, in the same run.
  const client = new pg.Client({ connectionString: environment.config.databaseUrl });
  await client.connect();
  await client.query(`CREATE TEMP TABLE harvest_copy (area_code text, product text, harvested text, quantity text, unit text, household text, lot_code text)`);
  const tsv = bigRows.map((r) => r.join('\t')).join('\n') + '\n';
  let start = process.hrtime.bigint();
  await pipeline(Readable.from([tsv]), client.query(copyStreams.from(`COPY harvest_copy FROM STDIN`)));
  const copyS = seconds(start);
  if (args.includes('--explain')) {
    // Where PostgreSQL's time goes when rows like the import's are inserted (rolled back): indexes, each foreign key's checks.
    await client.query('BEGIN');
    const org = big.org.organizationId;
    const plans = [
      `INSERT INTO event SELECT (md5(id::text || 'x'))::uuid, organization_id, seq + 10000000, type, epcis_event_type, action, biz_step, disposition, event_time, event_time_offset, record_time, recorded_by, growing_area_id, facility_id, source_partner_id, destination_partner_id, documents, details, voids_event_id, reason, prev_hash, hash FROM event WHERE organization_id = '${org}' LIMIT 20000`,
      `INSERT INTO lot (id, organization_id, code, display_name, product_id, kind, quantity, unit, status, growing_area_id, household_partner_id, facility_id, produced_at, produced_at_offset, expires_at, short_code, created_event_id, created_at)
         SELECT (md5(id::text || 'x'))::uuid, organization_id, code || 'x', display_name, product_id, kind, quantity, unit, status, growing_area_id, household_partner_id, facility_id, produced_at, produced_at_offset, expires_at, short_code || 'x', created_event_id, created_at FROM lot WHERE organization_id = '${org}' LIMIT 20000`,
      `INSERT INTO event_line (organization_id, event_id, lot_id, direction, quantity, unit, quantity_in_lot_unit) SELECT organization_id, event_id, lot_id, direction, quantity, unit, quantity_in_lot_unit FROM event_line WHERE organization_id = '${org}' LIMIT 20000`,
    ];
    for (const sql of plans) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE) ${sql}`);
      console.log(sql.slice(0, 30), '\n   ', rows.map((r: Record<string, string>) => Object.values(r)[0]).filter((l: string) => /Insert|Trigger|Execution/.test(l)).join('\n    '));
    }
    await client.query('ROLLBACK');
  }
  await client.end();

  let xlsxLine = '';
  if (args.includes('--xlsx')) {
    const x = await cooperative();
    const workbook = await xlsxOf([HEADERS, ...harvestRows(ROWS, x.codes, x.phones)]);
    start = process.hrtime.bigint();
    const { view } = await imports.upload(x.caller, 'harvests', 'big.xlsx', workbook, async () => undefined);
    const s = seconds(start);
    xlsxLine = `  dry run, XLSX (${(workbook.length / 1048576).toFixed(1)} MiB): ${s.toFixed(2)} s  ${Math.round(ROWS / s)} rows/s (${view.validRows} valid)\n`;
  }

  const rate = (n: number, s: number) => Math.round(n / s);
  const mib = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;
  const endToEnd = bigRun.dryRunS + bigRun.commitS;
  console.log(`historical harvest import bench, ${ROWS} rows (CSV ${(bigFile.length / 1048576).toFixed(1)} MiB, ${AREAS} growing areas)`);
  console.log(`  dry run (upload):        ${bigRun.dryRunS.toFixed(2)} s  ${rate(ROWS, bigRun.dryRunS)} rows/s  (Node CPU ${bigRun.dryRunCpuS.toFixed(2)} s: ${rate(ROWS, bigRun.dryRunCpuS)} rows per CPU-second)`);
  console.log(`  commit (${IN_PROCESS ? 'in process' : 'built worker'}):${IN_PROCESS ? '      ' : '    '}${bigRun.commitS.toFixed(2)} s  ${rate(ROWS, bigRun.commitS)} rows/s  (${IN_PROCESS ? 'Node' : 'worker'} CPU ${bigRun.commitCpuS.toFixed(2)} s: ${rate(ROWS, bigRun.commitCpuS)} rows per CPU-second)`);
  console.log(`  end to end:              ${endToEnd.toFixed(2)} s  ${rate(ROWS, endToEnd)} rows/s`);
  console.log(`  baseline COPY (scratch): ${copyS.toFixed(3)} s  ${rate(ROWS, copyS)} rows/s`);
  console.log(`  ratio end to end / COPY: ${(copyS / endToEnd).toFixed(4)}  (COPY is ${(endToEnd / copyS).toFixed(1)}× faster)`);
  console.log(`  load average during the run: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs`);
  console.log(`  chain after import: valid=${verify.valid}, ${verify.eventsChecked} events`);
  const where = IN_PROCESS ? 'this process (API, worker and the bench in one)' : `the worker process (${WORKER_MAIN})`;
  const heap = (run: typeof bigRun) => (IN_PROCESS ? `, heap after GC between chunks ≤ ${mib(run.retainedPeak)}` : '');
  console.log(`  RSS of ${where}:`);
  console.log(`    commit of ${SMALL} rows:  before ${mib(smallRun.rssBefore)}, peak ${mib(smallRun.rssPeak)}${heap(smallRun)} (dry run ${rate(SMALL, smallRun.dryRunS)} rows/s, commit ${rate(SMALL, smallRun.commitS)} rows/s)`);
  console.log(`    commit of ${ROWS} rows: before ${mib(bigRun.rssBefore)}, peak ${mib(bigRun.rssPeak)}${heap(bigRun)}`);
  if (xlsxLine) process.stdout.write(xlsxLine);
  await app.close();
} finally {
  await worker?.stop();
  await environment.dispose();
}
