import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { findTemplate } from '@app/labels';
import { JobName, QueueProducer } from '@app/queue';
import { LabelJobRequeuer } from '@app/traceability';
import {
  createLabelLot,
  downloadLabelPdf,
  pdfInfo,
  pdfText,
  readLabelQrs,
  signupOrganization,
  startTestApp,
  testConfig,
  waitForLabelJob,
  withPdf,
  type TestOrganization,
} from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

function serialRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let serial = BigInt(first); serial <= BigInt(last); serial++) out.push(serial.toString());
  return out;
}

describe('label jobs', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let storageDir: string;
  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'nguon-label-jobs-'));
    t = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storageDir, PUBLIC_BASE_URL: 'https://truyxuat.example.vn' }), createWorkerApp);
  });
  afterAll(async () => {
    await t.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const base = 'https://truyxuat.example.vn';
  const countJobs = async (organizationId: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM label_job WHERE organization_id = $1`, [organizationId]))[0].n);
  const lastSerial = async () => (await t.dataSource.query(`SELECT last_serial::text AS s FROM label_serial_counter`))[0].s as string;

  it('lists the templates with their exact geometry in millimetres', async () => {
    const response = await request(t.server).get('/api/v1/label-templates').set((await signupOrganization(t.server)).auth).expect(200);
    const byId = Object.fromEntries(response.body.items.map((item: { id: string }) => [item.id, item]));
    expect(Object.keys(byId)).toEqual(expect.arrayContaining(['a4-3x8-70x37', 'a4-4x10-48x25', 'a4-2x7-99x38', 'roll-50x30', 'roll-40x30', 'roll-100x150']));
    expect(byId['a4-3x8-70x37']).toMatchObject({
      kind: 'sheet',
      pageWidthMm: 210,
      pageHeightMm: 297,
      columns: 3,
      rows: 8,
      labelsPerPage: 24,
      labelWidthMm: 70,
      labelHeightMm: 37,
      marginTopMm: 0.5,
      marginLeftMm: 0,
      gapXMm: 0,
      gapYMm: 0,
    });
    expect(byId['a4-2x7-99x38']).toMatchObject({ labelWidthMm: 99.1, labelHeightMm: 38.1, pitchXMm: 101.6, gapXMm: 2.5, labelsPerPage: 14 });
    expect(byId['a4-4x10-48x25']).toMatchObject({ labelWidthMm: 48.5, labelHeightMm: 25.4, labelsPerPage: 40 });
    expect(byId['roll-50x30']).toMatchObject({ kind: 'roll', pageWidthMm: 50, pageHeightMm: 30, labelsPerPage: 1, minQrModuleMm: 0.33 });
    expect(byId['roll-50x30'].layout.qr.widthMm).toBeGreaterThan(15);
  });

  it('prints 50 serialized 3×8 labels from position 5: every QR scans at 300 dpi and carries its own serial', async () => {
    const org = await signupOrganization(t.server, { organizationName: 'HTX Nông nghiệp Thanh Xương, Điện Biên' });
    const lot = await createLabelLot(t.dataSource, org.organizationId, { ocopStars: 4 });
    const created = await request(t.server)
      .post('/api/v1/label-jobs')
      .set(org.auth)
      .send({ lotId: lot.lotId, templateId: 'a4-3x8-70x37', count: 50, serialized: true, startPosition: 5, outline: true })
      .expect(202);
    expect(created.body).toMatchObject({ id: expect.any(String), status: 'queued', total: 50, expectedPages: 3 });
    const { serialFirst, serialLast } = created.body;
    expect(BigInt(serialLast) - BigInt(serialFirst)).toBe(49n);

    const job = await waitForLabelJob(t.server, org, created.body.id);
    expect(job).toMatchObject({ status: 'done', progress: 50, total: 50, percent: 100, pages: 3, serialFirst, serialLast });
    expect(job.error).toBeUndefined();

    const download = await downloadLabelPdf(t.server, org, job.id).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="tem-${lot.lotCode}-a4-3x8-70x37-${serialFirst}-${serialLast}.pdf"`);
    const pdf = download.body as Buffer;
    expect(pdf.length).toBe(job.fileSize);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(job.sha256);

    await withPdf(pdf, async (file) => {
      expect(pdfInfo(file)).toEqual({ pages: 3, pageSizeMm: '210.0 x 297.0' });
      const template = findTemplate('a4-3x8-70x37')!;
      const decoded = await readLabelQrs(file, template, { dpi: 300, startPosition: 5, count: 50 });
      const serials = serialRange(serialFirst, serialLast);
      expect(decoded.map((d) => d.payload)).toEqual(serials.map((serial) => `${base}/l/${lot.shortCode}/${serial}`));
      expect(new Set(decoded.map((d) => d.payload)).size).toBe(50);

      const text = pdfText(file);
      expect(text).toContain('Điện Biên');
      expect(text).toContain('Gạo nếp Séng Cù Điện Biên');
      expect(text).toContain(lot.lotCode);
      expect(text).toContain(lot.growingAreaCode);
      expect(text).toContain('OCOP');
      // A long URL may wrap onto a second line of the label.
      expect(text.replace(/\s+/g, '')).toContain(`truyxuat.example.vn/l/${lot.shortCode}`);
      expect(text).toContain(serialLast);
    });
  });

  it('prints thermal 50×30 labels with Digital Link payloads that scan at 150 dpi', async () => {
    const org = await signupOrganization(t.server);
    const lot = await createLabelLot(t.dataSource, org.organizationId, { gtin: true });
    const created = await request(t.server)
      .post('/api/v1/label-jobs')
      .set(org.auth)
      .send({ lotId: lot.lotId, templateId: 'roll-50x30', count: 24, serialized: true })
      .expect(202);
    const job = await waitForLabelJob(t.server, org, created.body.id);
    expect(job).toMatchObject({ status: 'done', pages: 24 });

    const pdf = (await downloadLabelPdf(t.server, org, job.id).expect(200)).body as Buffer;
    await withPdf(pdf, async (file) => {
      expect(pdfInfo(file)).toEqual({ pages: 24, pageSizeMm: '50.0 x 30.0' });
      const decoded = await readLabelQrs(file, findTemplate('roll-50x30')!, { dpi: 150, count: 24 });
      const expected = serialRange(job.serialFirst, job.serialLast).map((serial) => `${base}/01/${lot.gtin}/10/${lot.lotCode}/21/${serial}`);
      expect(decoded.map((d) => d.payload)).toEqual(expected);
    });
  });

  it('prints unserialized English labels on 4×10 sheets, all carrying the lot URI', async () => {
    const org = await signupOrganization(t.server);
    const lot = await createLabelLot(t.dataSource, org.organizationId, { productNameEn: 'Séng Cù sticky rice' });
    const created = await request(t.server)
      .post('/api/v1/label-jobs')
      .set(org.auth)
      .send({ lotId: lot.lotId, templateId: 'a4-4x10-48x25', count: 10, serialized: false, language: 'en', offsetXMm: 1.5, offsetYMm: -1 })
      .expect(202);
    expect(created.body).toMatchObject({ serialFirst: null, serialLast: null, language: 'en', offsetXMm: 1.5, offsetYMm: -1 });
    const job = await waitForLabelJob(t.server, org, created.body.id);
    const pdf = (await downloadLabelPdf(t.server, org, job.id).expect(200)).body as Buffer;
    await withPdf(pdf, async (file) => {
      const text = pdfText(file);
      expect(text).toContain('Séng Cù sticky rice');
      expect(text).toContain('Harvested: 2026-03-15');
      const template = findTemplate('a4-4x10-48x25')!;
      // Printer calibration moves every label: read the cells where they were moved to.
      const shifted = { ...template, marginLeftMm: template.marginLeftMm + 1.5, marginTopMm: template.marginTopMm - 1 };
      const decoded = await readLabelQrs(file, shifted, { dpi: 300, count: 10 });
      expect(decoded.map((d) => d.payload)).toEqual(Array(10).fill(`${base}/l/${lot.shortCode}`));
    });
  });

  it('prints the snapshot taken at creation, even when the product is renamed and the job re-rendered', async () => {
    const org = await signupOrganization(t.server);
    const lot = await createLabelLot(t.dataSource, org.organizationId, { productNameVi: 'Chè Shan tuyết Tủa Chùa' });
    const created = await request(t.server)
      .post('/api/v1/label-jobs')
      .set(org.auth)
      .send({ lotId: lot.lotId, templateId: 'a4-2x7-99x38', count: 3, serialized: true })
      .expect(202);
    await t.dataSource.query(`UPDATE product SET name_vi = 'Chè xanh đổi tên', updated_at = now() WHERE id = $1`, [lot.productId]);
    const first = await waitForLabelJob(t.server, org, created.body.id);
    expect(first.snapshot.productNameVi).toBe('Chè Shan tuyết Tủa Chùa');

    // A reprint: the row goes back to queued and the re-enqueue sweep renders it again.
    await t.dataSource.query(`UPDATE label_job SET status = 'queued', file_key = NULL, file_size = NULL, file_sha256 = NULL WHERE id = $1`, [first.id]);
    await t.worker!.get(LabelJobRequeuer).requeueStuck();
    const again = await waitForLabelJob(t.server, org, first.id);
    expect(again).toMatchObject({ status: 'done', serialFirst: first.serialFirst, serialLast: first.serialLast, attempts: 2 });
    const text = await withPdf((await downloadLabelPdf(t.server, org, first.id).expect(200)).body, async (file) => pdfText(file));
    expect(text).toContain('Chè Shan tuyết Tủa Chùa');
    expect(text).not.toContain('đổi tên');

    // A new job prints the new name.
    const renamed = await request(t.server)
      .post('/api/v1/label-jobs')
      .set(org.auth)
      .send({ lotId: lot.lotId, templateId: 'a4-2x7-99x38', count: 1, serialized: false })
      .expect(202);
    expect(renamed.body.snapshot.productNameVi).toBe('Chè xanh đổi tên');
  });

  it('fails a job that breaks a rule at once, with its code, and refuses its PDF', async () => {
    const org = await signupOrganization(t.server);
    const lot = await createLabelLot(t.dataSource, org.organizationId);
    const created = await request(t.server)
      .post('/api/v1/label-jobs')
      .set(org.auth)
      .send({ lotId: lot.lotId, templateId: 'roll-40x30', count: 2, serialized: true })
      .expect(202);
    await waitForLabelJob(t.server, org, created.body.id);
    // A template retired after the job was created: no retry can render it.
    await t.dataSource.query(`UPDATE label_job SET status = 'queued', template_id = 'retired-template', file_key = NULL, file_size = NULL, file_sha256 = NULL WHERE id = $1`, [
      created.body.id,
    ]);
    await t.worker!.get(LabelJobRequeuer).requeueStuck();
    const failed = await waitForLabelJob(t.server, org, created.body.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'LABEL_TEMPLATE_UNKNOWN', message: expect.stringContaining('templateId') } });
    const queued = await t.app.get(QueueProducer).getJob(JobName.RenderLabels, created.body.id);
    expect(await queued!.getState()).toBe('failed');
    expect(queued!.attemptsMade).toBe(1);
    const pdf = await request(t.server).get(`/api/v1/label-jobs/${created.body.id}/pdf`).set(org.auth).expect(409);
    expect(pdf.body).toMatchObject({ code: 'LABEL_JOB_FAILED', details: { errorCode: 'LABEL_TEMPLATE_UNKNOWN' } });
  });

  it('schedules the re-enqueue sweep in the queue when a worker starts', async () => {
    const scheduler = await t.app.get(QueueProducer).queue(JobName.RequeueStuckJobs).getJobScheduler(JobName.RequeueStuckJobs);
    expect(scheduler).toMatchObject({ name: JobName.RequeueStuckJobs, every: 60_000 });
  });

  it('prints OCOP stars only while the certification is valid', async () => {
    const org = await signupOrganization(t.server);
    const expired = await createLabelLot(t.dataSource, org.organizationId, { ocopStars: 5, ocopExpired: true });
    const valid = await createLabelLot(t.dataSource, org.organizationId, { ocopStars: 3 });
    const job = async (lotId: string) =>
      (await request(t.server).post('/api/v1/label-jobs').set(org.auth).send({ lotId, templateId: 'roll-100x150', count: 1, serialized: false }).expect(202)).body;
    expect((await job(expired.lotId)).snapshot.ocop).toBeNull();
    expect((await job(valid.lotId)).snapshot.ocop).toMatchObject({ stars: 3, validUntil: '2027-12-31' });
  });

  it('allocates globally unique, contiguous serial ranges to concurrent jobs', async () => {
    const org = await signupOrganization(t.server);
    const other = await signupOrganization(t.server);
    const lot = await createLabelLot(t.dataSource, org.organizationId);
    const otherLot = await createLabelLot(t.dataSource, other.organizationId);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        request(t.server)
          .post('/api/v1/label-jobs')
          .set((i % 2 ? other : org).auth)
          .send({ lotId: (i % 2 ? otherLot : lot).lotId, templateId: 'roll-40x30', count: 3 + i, serialized: true }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(202));
    const serials = responses.flatMap((r) => serialRange(r.body.serialFirst, r.body.serialLast));
    expect(serials).toHaveLength(responses.reduce((sum, r) => sum + r.body.count, 0));
    expect(new Set(serials).size).toBe(serials.length);
    // Nor does any of them share a serial with any other job of the deployment.
    const overlaps = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM label_job a JOIN label_job b ON a.id <> b.id
        WHERE a.id = ANY($1::uuid[]) AND b.serialized AND int8range(a.serial_first, a.serial_last, '[]') && int8range(b.serial_first, b.serial_last, '[]')`,
      [responses.map((r) => r.body.id)],
    );
    expect(overlaps[0].n).toBe(0);
    await Promise.all(responses.map((r, i) => waitForLabelJob(t.server, i % 2 ? other : org, r.body.id)));
  });

  it('lists a lot’s jobs newest first, page by page, and previews one label', async () => {
    const org = await signupOrganization(t.server);
    const lot = await createLabelLot(t.dataSource, org.organizationId);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await request(t.server)
        .post('/api/v1/label-jobs')
        .set(org.auth)
        .send({ lotId: lot.lotId, templateId: 'roll-50x30', count: 2, serialized: true });
      ids.push(response.body.id);
    }
    const page1 = await request(t.server).get(`/api/v1/lots/${lot.lotId}/label-jobs?limit=2`).set(org.auth).expect(200);
    expect(page1.body.items.map((job: { id: string }) => job.id)).toEqual([ids[2], ids[1]]);
    const page2 = await request(t.server).get(`/api/v1/lots/${lot.lotId}/label-jobs?limit=2&cursor=${page1.body.nextCursor}`).set(org.auth).expect(200);
    expect(page2.body.items.map((job: { id: string }) => job.id)).toEqual([ids[0]]);
    expect(page2.body.nextCursor).toBeUndefined();

    const preview = await request(t.server)
      .get(`/api/v1/label-jobs/${ids[0]}/preview`)
      .set(org.auth)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    const job = page2.body.items[0];
    await withPdf(preview.body, async (file) => {
      expect(pdfInfo(file)).toEqual({ pages: 1, pageSizeMm: '50.0 x 30.0' });
      const [label] = await readLabelQrs(file, findTemplate('roll-50x30')!, { dpi: 300, count: 1 });
      expect(label.payload).toBe(`${base}/l/${lot.shortCode}/${job.serialFirst}`);
    });
  });

  it('creates one job for a request repeated with the same Idempotency-Key', async () => {
    const org = await signupOrganization(t.server);
    const lot = await createLabelLot(t.dataSource, org.organizationId);
    const body = { lotId: lot.lotId, templateId: 'roll-40x30', count: 5, serialized: true };
    const first = await request(t.server).post('/api/v1/label-jobs').set(org.auth).set('Idempotency-Key', `labels-${lot.lotId}`).send(body).expect(202);
    const again = await request(t.server).post('/api/v1/label-jobs').set(org.auth).set('Idempotency-Key', `labels-${lot.lotId}`).send(body).expect(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.serialFirst).toBe(first.body.serialFirst);
    expect(await countJobs(org.organizationId)).toBe(1);
  });

  describe('bad input gets a clear error and creates no job', () => {
    let org: TestOrganization;
    let lotId: string;
    beforeAll(async () => {
      org = await signupOrganization(t.server);
      lotId = (await createLabelLot(t.dataSource, org.organizationId)).lotId;
    });

    const valid = () => ({ lotId, templateId: 'a4-3x8-70x37', count: 10, serialized: true });
    const refused = async (body: Record<string, unknown>, status: number, code: string, field?: string, as = () => org) => {
      const before = await lastSerial();
      const response = await request(t.server).post('/api/v1/label-jobs').set(as().auth).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
      expect(response.body).toEqual({ statusCode: status, code, message: expect.any(String), ...(response.body.details ? { details: expect.any(Object) } : {}) });
      if (field) {
        expect(response.body.details.field).toBe(field);
        expect(response.body.message).toContain(field);
      }
      expect(await countJobs(as().organizationId)).toBe(0);
      expect(await lastSerial()).toBe(before);
      return response.body;
    };

    it('refuses a count of zero or less, or above LABEL_JOB_MAX_COUNT', async () => {
      await refused({ ...valid(), count: 0 }, 422, 'LABEL_COUNT_INVALID', 'count');
      await refused({ ...valid(), count: -3 }, 422, 'LABEL_COUNT_INVALID', 'count');
      const tooMany = await refused({ ...valid(), count: t.config.labelJobMaxCount + 1 }, 422, 'LABEL_COUNT_TOO_LARGE', 'count');
      expect(tooMany.details.max).toBe(t.config.labelJobMaxCount);
      await refused({ ...valid(), count: 2.5 }, 400, 'VALIDATION_FAILED', 'count');
      await refused({ ...valid(), count: '10' }, 400, 'VALIDATION_FAILED', 'count');
    });

    it('refuses an unknown template', async () => {
      const body = await refused({ ...valid(), templateId: 'a4-9x9' }, 422, 'LABEL_TEMPLATE_UNKNOWN', 'templateId');
      expect(body.details.known).toContain('a4-3x8-70x37');
    });

    it('refuses a start position outside the sheet', async () => {
      await refused({ ...valid(), startPosition: 25 }, 422, 'LABEL_START_POSITION_OUT_OF_RANGE', 'startPosition');
      await refused({ ...valid(), startPosition: 0 }, 422, 'LABEL_START_POSITION_OUT_OF_RANGE', 'startPosition');
      await refused({ ...valid(), templateId: 'roll-50x30', startPosition: 2 }, 422, 'LABEL_START_POSITION_OUT_OF_RANGE', 'startPosition');
    });

    it('refuses a printer offset beyond ±5 mm', async () => {
      await refused({ ...valid(), offsetXMm: 5.5 }, 422, 'LABEL_OFFSET_OUT_OF_RANGE', 'offsetXMm');
      await refused({ ...valid(), offsetYMm: -6 }, 422, 'LABEL_OFFSET_OUT_OF_RANGE', 'offsetYMm');
    });

    it('answers 404 for another organization’s lot and jobs', async () => {
      const other = await signupOrganization(t.server);
      const theirs = await createLabelLot(t.dataSource, other.organizationId);
      await refused({ ...valid(), lotId: theirs.lotId }, 404, 'LOT_NOT_FOUND', 'lotId');
      await refused({ ...valid(), lotId: '00000000-0000-4000-8000-000000000000' }, 404, 'LOT_NOT_FOUND', 'lotId');
      const job = await request(t.server)
        .post('/api/v1/label-jobs')
        .set(other.auth)
        .send({ lotId: theirs.lotId, templateId: 'roll-40x30', count: 1, serialized: false })
        .expect(202);
      for (const path of [`/api/v1/label-jobs/${job.body.id}`, `/api/v1/label-jobs/${job.body.id}/pdf`, `/api/v1/label-jobs/${job.body.id}/preview`]) {
        const response = await request(t.server).get(path).set(org.auth).expect(404);
        expect(response.body.code).toBe('LABEL_JOB_NOT_FOUND');
      }
      expect((await request(t.server).get(`/api/v1/lots/${theirs.lotId}/label-jobs`).set(org.auth).expect(404)).body.code).toBe('LOT_NOT_FOUND');
      expect((await request(t.server).get('/api/v1/label-jobs/not-a-uuid').set(org.auth).expect(400)).body.code).toBe('INVALID_ID');
    });

    it('refuses a recalled or voided lot', async () => {
      const recalled = await createLabelLot(t.dataSource, org.organizationId, { lotStatus: 'recalled' });
      const voided = await createLabelLot(t.dataSource, org.organizationId, { lotStatus: 'voided' });
      await refused({ ...valid(), lotId: recalled.lotId }, 422, 'LOT_RECALLED', 'lotId');
      await refused({ ...valid(), lotId: voided.lotId }, 422, 'LOT_VOIDED', 'lotId');
    });

    it('refuses a payload too long for the template’s smallest readable module, keeping the serials', async () => {
      // A long public base URL and a GTIN with a 20-character lot code: too much for a 40×30 mm thermal label.
      const config = testConfig({ STORAGE_DIR: storageDir, PUBLIC_BASE_URL: 'https://truy-xuat-nguon-goc.so-nong-nghiep-va-moi-truong.dienbien.gov.vn/tem-nhan' });
      const longApp = await startTestApp(createApiApp, config);
      try {
        const lot = await createLabelLot(longApp.dataSource, org.organizationId, { gtin: true, lotCode: 'DBMUONGANG2026000123' });
        const before = await lastSerial();
        const response = await request(longApp.server)
          .post('/api/v1/label-jobs')
          .set(org.auth)
          .send({ lotId: lot.lotId, templateId: 'roll-40x30', count: 100, serialized: true })
          .expect(422);
        expect(response.body).toMatchObject({ code: 'LABEL_PAYLOAD_TOO_LONG', details: { field: 'templateId', minModuleMm: 0.33 } });
        expect(await countJobs(org.organizationId)).toBe(0);
        expect(await lastSerial()).toBe(before);
      } finally {
        await longApp.close();
      }
    });

    it('refuses unknown fields and wrong types with 400', async () => {
      await refused({ ...valid(), copies: 2 }, 400, 'VALIDATION_FAILED');
      await refused({ ...valid(), serialized: 'yes' }, 400, 'VALIDATION_FAILED', 'serialized');
      await refused({ ...valid(), language: 'fr' }, 400, 'VALIDATION_FAILED', 'language');
      await refused({ ...valid(), lotId: 'lot-1' }, 400, 'VALIDATION_FAILED', 'lotId');
    });
  });
});
