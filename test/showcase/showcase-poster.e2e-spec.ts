import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createProgrammeOffice, decodeQr, grantOversight, pdfInfo, pdfText, signupOrganization, startTestApp, testConfig, withPdf, type TestOrganization } from '@app/testing';
import { searchKey } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const BASE = 'https://ocop.example.vn';

/** The QR poster (issue 20): rendered by the worker, A4 and A5, its QR code opens the producer page. */
describe('OCOP showcase: QR poster', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let storageDir: string;
  let coop: TestOrganization;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'nguon-poster-'));
    t = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storageDir, PUBLIC_BASE_URL: BASE }), createWorkerApp);
    const office = await createProgrammeOffice(t, { province: 'Điện Biên' });
    coop = await signupOrganization(t.server, { province: 'Điện Biên', organizationName: 'HTX Chè Shan tuyết Phình Sáng' });
    await grantOversight(t.server, office, coop);
    const [product] = await t.dataSource.query(`INSERT INTO product (organization_id, name_vi, name_search, unit, ocop_group) VALUES ($1, $2, $3, 'kg', 2) RETURNING id`, [
      coop.organizationId,
      'Chè Shan tuyết cổ thụ',
      searchKey('Chè Shan tuyết cổ thụ'),
    ]);
    await t.dataSource.query(
      `INSERT INTO certification (organization_id, kind, level, issuing_level, number, issuer, issued_at, expires_at, scope_type, scope_id)
       VALUES ($1, 'ocop', 4, 'provincial', '12/QĐ-UBND', 'UBND tỉnh Điện Biên', '2025-01-01', '2028-12-31', 'product', $2)`,
      [coop.organizationId, product.id],
    );
  });
  afterAll(async () => {
    await t.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  async function poster(size: 'a4' | 'a5'): Promise<Buffer> {
    const created = await request(t.server).post('/api/v1/organization/public-profile/posters').set(coop.auth).send({ size }).expect(202);
    let status = created.body;
    for (let i = 0; i < 600 && status.status === 'queued'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await request(t.server).get(`/api/v1/organization/public-profile/posters/${created.body.id}`).set(coop.auth).expect(200)).body;
    }
    expect(status.status).toBe('done');
    const pdf = await request(t.server)
      .get(status.pdfPath)
      .set(coop.auth)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    return pdf.body as Buffer;
  }

  it('refuses a poster until the cooperative is in the catalogue', async () => {
    const refused = await request(t.server).post('/api/v1/organization/public-profile/posters').set(coop.auth).send({ size: 'a4' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'SHOWCASE_NOT_LISTED', details: { field: 'listed' } });
    const bad = await request(t.server).post('/api/v1/organization/public-profile/posters').set(coop.auth).send({ size: 'a3' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('renders A4 and A5 posters whose QR code opens the producer page, with Vietnamese text', async () => {
    await request(t.server).put('/api/v1/organization/public-profile').set(coop.auth).send({ listed: true, welcomesVisitors: true }).expect(200);
    const page = `${BASE}/ocop/11/producers/${coop.organizationId}`;
    for (const [size, mm] of [['a4', '210.0 x 297.0'], ['a5', '148.0 x 210.0']] as const) {
      const pdf = await poster(size);
      expect(await decodeQr(pdf, 1)).toBe(page);
      await withPdf(pdf, async (file) => {
        expect(pdfInfo(file)).toEqual({ pages: 1, pageSizeMm: mm });
        const text = pdfText(file);
        expect(text).toContain('HTX Chè Shan tuyết Phình Sáng');
        // pdftotext reads the dot below of “ụ” (drawn as u + a combining mark by the font's shaping) as a plain u.
        expect(text).toMatch(/Chè Shan tuyết cổ th[uụ]/);
        expect(text).toContain('Quét mã');
      });
    }
    // The same content asked again is the same poster, already made.
    const again = await request(t.server).post('/api/v1/organization/public-profile/posters').set(coop.auth).send({ size: 'a4' }).expect(202);
    expect(again.body.status).toBe('done');
  });

  it('answers 404 for another organization’s poster', async () => {
    const first = await request(t.server).post('/api/v1/organization/public-profile/posters').set(coop.auth).send({ size: 'a5' }).expect(202);
    const other = await signupOrganization(t.server);
    await request(t.server).get(`/api/v1/organization/public-profile/posters/${first.body.id}/pdf`).set(other.auth).expect(404);
  });
});
