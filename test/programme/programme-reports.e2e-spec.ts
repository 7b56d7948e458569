import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  createProgrammeOffice,
  grantOversight,
  pdfText,
  programmeRows,
  rowsOfXlsx,
  signupOrganization,
  startTestApp,
  withPdf,
  type TestApp,
  type TestOrganization,
} from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

type Json = Record<string, any>;

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'programme');

/**
 * The monthly province report for June 2026, rendered by the real worker over rows whose figures are
 * worked out by hand:
 * - Phường Mường Thanh (cooperative A, active): P1 4★ (group 1) harvested 500 kg from an active area
 *   and labelled (100 labels, 3 scans) — covered; P2 3★ (group 2, certificate ends 1 August) processed
 *   200 kg without a growing area — short; a 50 kg lot in May that June must not count.
 * - Xã Thanh Yên (cooperative B, no events): P3 5★ (group 1) with no lots — short; 100 kg of an
 *   uncertified group-3 product harvested in June.
 */
describe('programme office: the monthly report, XLSX and PDF', () => {
  let t: TestApp;
  let office: TestOrganization;
  let otherOffice: TestOrganization;
  let a: TestOrganization;
  let b: TestOrganization;
  const month = '2026-06';

  const post = (who: TestOrganization, body: Json) => request(t.server).post('/api/v1/programme/reports').set(who.auth).send(body);
  async function finished(id: string): Promise<Json> {
    for (;;) {
      const { body } = await request(t.server).get(`/api/v1/programme/reports/${id}`).set(office.auth).expect(200);
      if (body.status === 'done' || body.status === 'failed') return body;
      expect(body.progress).toBeGreaterThanOrEqual(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const download = async (path: string) => (await request(t.server).get(path).set(office.auth).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  }).expect(200)).body as Buffer;
  const sheet = async (bytes: Buffer, index: number) => (await rowsOfXlsx(bytes, index)).slice(1);

  beforeAll(async () => {
    t = await startTestApp(createApiApp, undefined, createWorkerApp);
    const rows = programmeRows(t.dataSource);
    office = await createProgrammeOffice(t, { province: 'Điện Biên' });
    otherOffice = await createProgrammeOffice(t, { province: 'Sơn La' });
    a = await signupOrganization(t.server, { province: 'Điện Biên' });
    b = await signupOrganization(t.server, { province: 'Điện Biên' });
    for (const coop of [a, b]) await grantOversight(t.server, office, coop);
    await rows.setCommune(a.organizationId, '03334', 'Phường Mường Thanh');
    await rows.setCommune(b.organizationId, '03349', 'Xã Thanh Yên');
    const A = a.organizationId;
    const B = b.organizationId;

    const p1 = await rows.product(A, 'Gạo nếp Séng Cù', 1);
    const p2 = await rows.product(A, 'Rượu men lá', 2);
    const p3 = await rows.product(B, 'Mật ong bạc hà', 1);
    const p4 = await rows.product(B, 'Ngô nếp', 3);
    await rows.ocop(A, p1, 4, '2027-12-31');
    await rows.ocop(A, p2, 3, '2026-08-01');
    await rows.ocop(B, p3, 5, '2028-01-01');
    const area = await rows.area(A, 'GA1', 'sticky_rice', 12.5, 'active');
    const l1 = await rows.lot(A, p1, 'harvest', 500, '2026-06-10T08:00:00+07:00', area);
    await rows.lot(A, p2, 'processed', 200, '2026-06-12T08:00:00+07:00');
    await rows.lot(A, p1, 'harvest', 50, '2026-05-20T08:00:00+07:00', area);
    await rows.lot(B, p4, 'harvest', 100, '2026-06-15T08:00:00+07:00');
    await rows.labels(A, l1, 100, '2026-06-11T09:00:00+07:00');
    for (const [i, client] of ['h1', 'h2', 'h3'].entries()) await rows.scan(A, l1, `2026-06-2${i}T10:00:00+07:00`, client);
    await rows.event(A, 'harvest', '2026-06-10T08:00:00+07:00');
  });
  afterAll(async () => {
    await t?.close();
  });

  let report: Json;

  it('renders the month in the worker, with progress, into a workbook whose figures are the ones worked out by hand', async () => {
    const requested = await post(office, { month }).expect(202);
    expect(requested.body).toMatchObject({ month, status: 'queued', files: null });
    report = await finished(requested.body.id);
    expect(report).toMatchObject({ status: 'done', progress: 100, errorCode: null, contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const xlsx = await download(report.files.xlsx.href);
    const summary = Object.fromEntries(await sheet(xlsx, 0));
    expect(summary).toMatchObject({
      'Tháng': month,
      'Hợp tác xã liên kết': 2,
      'Hợp tác xã hoạt động trong tháng': 1,
      'Sản phẩm OCOP còn hiệu lực': 3,
      'Sản phẩm 3 sao': 1,
      'Sản phẩm 4 sao': 1,
      'Sản phẩm 5 sao': 1,
      'Giấy chứng nhận hết hạn trong 90 ngày': 1,
      'Sản phẩm OCOP được truy xuất đầy đủ': 1,
      'Độ phủ truy xuất (tỷ lệ)': 0.3333,
      'Lô sản xuất trong tháng': 3,
      'Thu hoạch (kg)': 600,
      'Chế biến (kg)': 200,
      'Tem đã in': 100,
      'Lượt quét': 3,
    });
    // Per commune: code, name, cooperatives, active, certified, covered, share, lots, harvested, processed, labels, scans.
    expect(await sheet(xlsx, 1)).toEqual([
      ['03334', 'Phường Mường Thanh', 1, 1, 2, 1, 0.5, 2, 500, 200, 100, 3],
      ['03349', 'Xã Thanh Yên', 1, 0, 1, 0, 0, 1, 100, 0, 0, 0],
    ]);
    // Per group: group, name, valid, 3★, 4★, 5★, then the same activity columns.
    const groups = await sheet(xlsx, 2);
    expect(groups.map((row) => row[0])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(groups[0].slice(2)).toEqual([2, 0, 1, 1, 2, 1, 0.5, 1, 500, 0, 100, 3]);
    expect(groups[1].slice(2)).toEqual([1, 1, 0, 0, 1, 0, 0, 1, 0, 200, 0, 0]);
    expect(groups[2].slice(2, 6)).toEqual([0, 0, 0, 0]);
    expect(groups[2].slice(9, 11)).toEqual([1, 100]);
    expect((await sheet(xlsx, 3)).map((row) => [row[0], row[4]])).toEqual([['Rượu men lá', '01/08/2026']]);
    expect((await sheet(xlsx, 4)).map((row) => [row[0], row[5]]).sort()).toEqual([
      ['Mật ong bạc hà', 'không có lô trong tháng'],
      ['Rượu men lá', 'lô không truy được về vùng trồng'],
    ]);
  });

  it('writes a Vietnamese PDF with the same tables', async () => {
    const pdf = await download(report.files.pdf.href);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `report-${month}.pdf`), pdf);
    const text = await withPdf(pdf, async (file) => pdfText(file));
    expect(text).toContain('Báo cáo OCOP tháng 06/2026 — Điện Biên');
    expect(text).toContain('Phường Mường Thanh');
    expect(text).toContain('Xã Thanh Yên');
    expect(text).toContain('Rượu men lá');
    expect(text).toContain('lô không truy được về vùng trồng');
  });

  it('makes the same report again for the same month: same figures, same tables', async () => {
    const again = await finished((await post(office, { month }).expect(202)).body.id);
    expect(again.id).not.toBe(report.id);
    expect(again.contentSha256).toBe(report.contentSha256);
    const [first, second] = [await download(report.files.xlsx.href), await download(again.files.xlsx.href)];
    for (const index of [0, 1, 2, 3, 4]) expect(await sheet(second, index)).toEqual(await sheet(first, index));
    const listed = (await request(t.server).get('/api/v1/programme/reports').set(office.auth).expect(200)).body.items.map((r: Json) => r.id);
    expect(listed.slice(0, 2)).toEqual([again.id, report.id]);
  });

  it('answers another office 404 for the report and its files, and cooperatives 403', async () => {
    for (const path of [`/api/v1/programme/reports/${report.id}`, `/api/v1/programme/reports/${report.id}/report.pdf`, `/api/v1/programme/reports/${report.id}/report.xlsx`]) {
      const res = await request(t.server).get(path).set(otherOffice.auth).expect(404);
      expect(res.body.code).toBe('REPORT_NOT_FOUND');
    }
    expect((await request(t.server).get('/api/v1/programme/reports').set(otherOffice.auth).expect(200)).body.items).toEqual([]);
    expect((await post(a, { month }).expect(403)).body.code).toBe('PROGRAMME_OFFICE_ONLY');
  });

  it('refuses a malformed or future month, naming the field, and writes nothing', async () => {
    const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM programme_report WHERE office_id = $1`, [office.organizationId]))[0].n;
    const before = await count();
    for (const body of [{ month: '2026-13' }, { month: '06/2026' }, {}, { month: 202606 }]) {
      const res = await post(office, body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body)).toContain('month');
    }
    const future = await post(office, { month: '2099-01' }).expect(422);
    expect(future.body).toMatchObject({ code: 'REPORT_MONTH_IN_FUTURE' });
    expect(JSON.stringify(future.body)).toContain('month');
    expect(await count()).toBe(before);
  });

  it('answers 409 REPORT_NOT_READY for the files of a report not done yet', async () => {
    const [row] = await t.dataSource.query(`INSERT INTO programme_report (office_id, month, status) VALUES ($1, '2026-05', 'rendering') RETURNING id`, [office.organizationId]);
    const res = await request(t.server).get(`/api/v1/programme/reports/${row.id}/report.pdf`).set(office.auth).expect(409);
    expect(res.body.code).toBe('REPORT_NOT_READY');
  });
});
