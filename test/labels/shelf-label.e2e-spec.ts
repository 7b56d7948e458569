import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { createLabelLot, downloadLabelPdf, pdfText, signupOrganization, startTestApp, testConfig, waitForLabelJob, withPdf, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

/** The linear barcodes on a PDF page, read as a till's scanner would, from a 300-dpi raster. */
async function readLinearBarcodes(file: string, directory: string): Promise<{ format: string; text: string }[]> {
  execFileSync('pdftoppm', ['-r', '300', '-f', '1', '-l', '1', '-png', file, join(directory, 'page')]);
  const png = await readFile(join(directory, 'page-1.png'));
  const results = await readBarcodes(new Uint8Array(png), { formats: ['EAN13', 'ITF'], maxNumberOfSymbols: 30 });
  return results.filter((r) => r.isValid).map((r) => ({ format: r.format, text: r.text }));
}

describe('labels for a shop shelf', () => {
  let t: TestApp;
  let storageDir: string;

  beforeAll(async () => {
    // zxing-wasm would fetch its WebAssembly from a CDN: it is given the packaged file instead.
    const wasm = await readFile(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true });
    storageDir = await mkdtemp(join(tmpdir(), 'nguon-shelf-'));
    t = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storageDir, PUBLIC_BASE_URL: 'https://truyxuat.example.vn' }), createWorkerApp);
  });
  afterAll(async () => {
    await t?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('prints net content, the producer’s address, “Xuất xứ” and an EAN-13 barcode a scanner decodes to the GTIN', async () => {
    const org = await signupOrganization(t.server, { organizationName: 'HTX Nông nghiệp Thanh Xương' });
    // The commune picked from the 2025 list: stored, and printed, in its official current form.
    await request(t.server).patch('/api/v1/organization').set(org.auth).send({ communeCode: '03334' }).expect(200);
    const lot = await createLabelLot(t.dataSource, org.organizationId, { gtin: true });
    await t.dataSource.query(`UPDATE product SET net_content = 2, net_content_unit = 'kg' WHERE id = $1`, [lot.productId]);
    const created = await request(t.server).post('/api/v1/label-jobs').set(org.auth).send({ lotId: lot.lotId, templateId: 'a4-3x8-70x37', count: 3, serialized: true }).expect(202);
    // A public address phones can open: no warning.
    expect(created.body.warnings).toEqual([]);
    const job = await waitForLabelJob(t.server, org, created.body.id);
    expect(job.status).toBe('done');
    const pdf = await downloadLabelPdf(t.server, org, job.id).expect(200);
    await withPdf(pdf.body as Buffer, async (file, directory) => {
      // pdftotext gives "ị" back as a plain "i" (the font builds it from a dotless i and a dot below):
      // the lines are compared without their marks, and the marks elsewhere as extracted.
      const bare = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
      const text = pdfText(file).replace(/\s+/g, ' ');
      expect(bare(text)).toContain(bare('Khối lượng tịnh: 2 kg'));
      expect(bare(text)).toContain(bare('Địa chỉ: Phường Mường Thanh, Điện Biên'));
      expect(text).toContain('Phường Mường Thanh, Điện Biên');
      expect(text).toContain('Xuất xứ: Việt Nam');
      const barcodes = await readLinearBarcodes(file, directory);
      expect(barcodes).toHaveLength(3);
      expect(new Set(barcodes.map((b) => `${b.format} ${b.text}`))).toEqual(new Set([`EAN13 ${lot.gtin!.slice(1)}`]));
    });
  });

  it('warns in the job answer when the labels would point to a loopback address', async () => {
    const local = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storageDir, PUBLIC_BASE_URL: 'http://localhost:3000' }));
    try {
      const org = await signupOrganization(local.server);
      const lot = await createLabelLot(local.dataSource, org.organizationId);
      const created = await request(local.server).post('/api/v1/label-jobs').set(org.auth).send({ lotId: lot.lotId, templateId: 'a4-3x8-70x37', count: 1, serialized: false }).expect(202);
      expect(created.body.warnings).toEqual([expect.objectContaining({ code: 'PUBLIC_BASE_URL_LOOPBACK', url: 'http://localhost:3000' })]);
    } finally {
      await local.close();
    }
  });
});
