import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestGrowingArea, createTestProduct, signupOrganization, startBuiltProcess, startTestApp, uploadImport, waitForImport, waitUntil, type BuiltProcess, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

const ROWS = 30_000;
const AREAS = 20;

/**
 * The built worker is killed (SIGKILL, no shutdown) while it commits a large historical import, then
 * started again. The commit is one transaction: nothing of it may be visible after the kill, and the
 * restarted worker takes the job up again and imports every row exactly once, the chain intact.
 */
describe('a worker killed in the middle of an import', () => {
  let t: TestApp;
  let workers: BuiltProcess[] = [];
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterEach(async () => {
    for (const worker of workers) await worker.stop('SIGKILL');
    workers = [];
  });
  afterAll(async () => {
    await t.close();
  });

  const startWorker = async () => {
    const worker = startBuiltProcess('dist/apps/worker/src/main.js', { LOG_LEVEL: 'warn' });
    workers.push(worker);
    return worker;
  };
  const count = async (table: string, organizationId: string) =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [organizationId]))[0].n);

  it('leaves nothing half-written, and the restarted worker imports every row once', async () => {
    const org = await signupOrganization(t.server);
    await createTestProduct(t.dataSource, org.organizationId, { nameVi: 'Thóc nếp Séng Cù', unit: 'kg' });
    const codes: string[] = [];
    for (let a = 0; a < AREAS; a++) codes.push(`VN-KILL-${String(a).padStart(4, '0')}`);
    for (const code of codes) await createTestGrowingArea(t.dataSource, org.organizationId, { code, areaHa: '100000' });
    const lines = ['Mã số vùng trồng;Sản phẩm;Ngày thu hoạch;Số lượng;Đơn vị'];
    for (let i = 0; i < ROWS; i++) {
      const day = new Date(Date.UTC(2025, 0, 1 + (Math.floor(i / AREAS) % 360)));
      lines.push(`${codes[i % AREAS]};Thóc nếp Séng Cù;${day.getUTCDate()}/${day.getUTCMonth() + 1}/2025;${100 + Math.floor(i / 100)},${i % 100};kg`);
    }
    const upload = await uploadImport(t.server, org, 'harvests', Buffer.from(lines.join('\n'), 'utf8'), 'mua-2025.csv').expect(201);
    expect(upload.body).toMatchObject({ totalRows: ROWS, validRows: ROWS, errorRows: 0 });
    const id = upload.body.id as string;
    await request(t.server).post(`/api/v1/imports/${id}/commit`).set(org.auth).send({}).expect(202);

    // The worker starts, gets past its first chunks (their progress is saved), and is killed.
    const first = await startWorker();
    const progress = async () => (await t.dataSource.query(`SELECT status, processed_rows FROM import_job WHERE id = $1`, [id]))[0];
    await waitUntil(async () => (await progress()).processed_rows > 0, 'the commit to get past its first chunk');
    first.child.kill('SIGKILL');
    await first.exited;
    expect((await progress()).status).toBe('committing');

    // Nothing of the commit is visible: no lot, no event, no remembered key, the chain head untouched.
    expect(await count('lot', org.organizationId)).toBe(0);
    expect(await count('event', org.organizationId)).toBe(0);
    expect(await count('import_record_key', org.organizationId)).toBe(0);
    expect(await count('event_chain_head', org.organizationId)).toBe(0);

    // Restarted, the worker takes the stalled job up again and commits it from the first row.
    await startWorker();
    const done = await waitForImport(t.server, org, id);
    expect(done).toMatchObject({ status: 'done', createdCount: ROWS, processedRows: ROWS });
    expect(await count('lot', org.organizationId)).toBe(ROWS);
    expect(await count('event', org.organizationId)).toBe(ROWS);
    expect(await count('import_record_key', org.organizationId)).toBe(ROWS);
    const verify = await request(t.server).get('/api/v1/audit/verify').set(org.auth).expect(200);
    expect(verify.body).toMatchObject({ valid: true, eventsChecked: ROWS });
    // Every lot once: distinct codes, one harvest event each.
    const [{ codes: distinct }] = await t.dataSource.query(`SELECT count(DISTINCT code)::int AS codes FROM lot WHERE organization_id = $1`, [org.organizationId]);
    expect(distinct).toBe(ROWS);
  });
});
