import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pngjs from 'pngjs';
import request from 'supertest';
import { type Browser } from 'playwright-core';
import { formatDate } from '@app/traceability';
import { buildGenealogy, decodeQr, printLabels, startBrowserApp, type BrowserApp, type Genealogy } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');
const PHONE = { width: 360, height: 740 };

/** A stand-in product photo (the real one lives on the cooperative's image host). */
function productPhoto(): Buffer {
  const png = new pngjs.PNG({ width: 320, height: 240 });
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      png.data[i] = 200 - y / 3;
      png.data[i + 1] = 170 + x / 8;
      png.data[i + 2] = 90;
      png.data[i + 3] = 255;
    }
  }
  return pngjs.PNG.sync.write(png);
}

describe('public lot page in a real browser (Chromium, phone viewport)', () => {
  let b: BrowserApp;
  let t: BrowserApp['app'];
  let storageDir: string;
  let browser: Browser;
  let g: Genealogy;
  let origin: string;
  let labelPath: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'nguon-browser-'));
    const base = 'https://truyxuat.example.vn';
    b = await startBrowserApp(createApiApp, { worker: createWorkerApp, config: { STORAGE_DIR: storageDir, PUBLIC_BASE_URL: base, LOG_LEVEL: 'error' } });
    ({ app: t, baseUrl: origin, browser } = b);
    g = await buildGenealogy(t.server, Date.now().toString(36).toUpperCase());
    const { pdf } = await printLabels(t.server, g.org, g.packed.id, 1);
    labelPath = (await decodeQr(pdf, 1)).slice(base.length);
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await b?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  async function openPhone(options: { javaScriptEnabled?: boolean; locale?: string } = {}) {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: options.locale ?? 'vi-VN', javaScriptEnabled: options.javaScriptEnabled ?? true });
    const photo = productPhoto();
    await context.route('https://images.example.vn/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: photo }));
    return context;
  }

  it('shows the key facts on a 360×740 phone screen, without JavaScript, with nothing wider than the screen', async () => {
    const context = await openPhone({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(origin + labelPath);
    expect(response?.status()).toBe(200);

    const heading = page.locator('h1');
    await expect(heading.textContent()).resolves.toBe(g.product.nameVi);
    expect(await heading.isVisible()).toBe(true);
    // The name, photo, OCOP rating and the verified journal are above the fold.
    const box = await heading.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(PHONE.height);
    expect(await page.locator('.ocop').isVisible()).toBe(true);
    expect(await page.locator('.ocop').textContent()).toContain('OCOP 4 sao');
    expect(await page.locator('.hero img').evaluate((img) => {
      const image = img as unknown as { complete: boolean; naturalWidth: number };
      return image.complete && image.naturalWidth > 0;
    })).toBe(true);

    for (const text of [g.areaCodes[0], g.areaCodes[1], formatDate(g.harvestedAt, 'vi'), 'Hành trình sản phẩm', 'Chế biến: Xay xát', 'Đóng gói', 'Vận chuyển', 'Nhật ký sản xuất toàn vẹn']) {
      expect([text, await page.getByText(text, { exact: false }).first().isVisible()]).toEqual([text, true]);
    }
    expect(await page.getByText('Đây là lần quét đầu tiên của tem này.').isVisible()).toBe(true);
    const widths = await page.evaluate(() => {
      // Runs in the page (no DOM types in this Node project).
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return { scroll: root.scrollWidth, client: root.clientWidth };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);

    await page.screenshot({ path: join(ARTIFACTS, 'public-lot-page-360x740.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'public-lot-page-360-full.png'), fullPage: true });
    await context.close();
  });

  it('switches to English through the visible link', async () => {
    const context = await openPhone();
    const page = await context.newPage();
    await page.goto(`${origin}/l/${g.packed.shortCode}`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\?lang=en$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe(g.product.nameEn);
    expect(await page.getByText('Journey of this product').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'public-lot-page-360-en.png'), fullPage: true });
    await context.close();
  });

  it('puts the recall banner first on the screen once the lot is recalled', async () => {
    // A genealogy of its own: the recall must not reach the lot the other tests show.
    const recalled = await buildGenealogy(t.server, `R${Date.now().toString(36).toUpperCase()}`);
    const { job } = await printLabels(t.server, recalled.org, recalled.packed.id, 1);
    await request(t.server).post('/api/v1/recalls').set(recalled.org.auth).send({ lotId: recalled.milled.id, reason: 'Phát hiện nấm mốc trong kho' }).expect(201);
    const context = await openPhone({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/01/${recalled.gtin}/10/${recalled.packed.code}/21/${job.serialFirst}`);
    const banner = page.getByRole('alert');
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toContain('SẢN PHẨM ĐANG BỊ THU HỒI');
    expect(await banner.textContent()).toContain('Phát hiện nấm mốc trong kho');
    const box = await banner.boundingBox();
    expect(box!.y).toBeLessThan(100);
    await page.screenshot({ path: join(ARTIFACTS, 'public-lot-page-360-recalled.png') });
    await context.close();
  });
});
