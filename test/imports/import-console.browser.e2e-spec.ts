import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { signupOrganization, startTestApp, testConfig, xlsxOf, type TestApp, launchChromium } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'imports');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('importing households through the console in a real browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const port = 40000 + Math.floor(Math.random() * 20000);
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp(createApiApp, testConfig({ PUBLIC_BASE_URL: base, PORT: String(port) }), createWorkerApp);
    await t.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
    await page.goto(`${base}/console/#/imports`);
    await page.selectOption('[data-testid=import-kind]', 'partners');
    await page.setInputFiles('[data-testid=import-file]', { name, mimeType: XLSX, buffer });
    await page.click('[data-testid=import-check]');
    await page.waitForURL(/#\/imports\/[0-9a-f-]{36}$/);
    await page.waitForSelector('[data-testid=import-summary]');
  }

  it('a clerk imports 300 households with two bad rows, fixes them from the annotated file and imports again', async () => {
    const org = await signupOrganization(t.server, { organizationName: 'HTX Thanh Xương' });
    const rows: unknown[][] = [['Loại *', 'Tên hộ / đối tác *', 'Số điện thoại', 'Xã', 'Tỉnh']];
    for (let i = 1; i <= 300; i++) rows.push(['Hộ thành viên', `Hộ Lò Văn ${i}`, 912000000 + i, 'Thanh Xương', 'Điện Biên']);
    rows[50][0] = 'Hộ lạ';
    rows[120][2] = 'gọi sau';
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${base}/console/`);
    await page.fill('#email', org.email);
    await page.fill('#password', org.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=org-name]');

    await upload(page, 'ho-thanh-vien.xlsx', await xlsxOf(rows));
    expect(await page.textContent('[data-testid=import-summary]')).toBe('Số dòng: 300 · Dòng mới hợp lệ: 298 · Đã có (bỏ qua hoặc cập nhật): 0 · Dòng có lỗi: 2');
    const errorRows = await page.$$eval('table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(errorRows.map((r) => [r[0], r[1]])).toEqual([['51', 'Loại *'], ['121', 'Số điện thoại']]);
    // "Import all" waits for a file without errors.
    expect(await page.isDisabled('[data-testid=import-commit-all]')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'preview.png'), fullPage: false });

    // The valid rows first.
    await page.click('[data-testid=import-commit-valid]');
    await page.waitForSelector('[data-testid=import-done]', { timeout: 150_000 });
    expect(await page.textContent('[data-testid=import-done]')).toContain('Đã tạo: 298');
    expect(await page.getAttribute('[data-testid=import-progress]', 'aria-valuenow')).toBe('100');

    // The annotated file names the two rows; the clerk fixes them there and uploads it again.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=import-annotated]')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const flagged: number[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(6).value) flagged.push(n);
    });
    expect(flagged).toEqual([51, 121]);
    sheet.getCell('A51').value = 'Hộ thành viên';
    sheet.getCell('C121').value = '0912 000 120';
    await upload(page, 'ho-thanh-vien-da-sua.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(await page.textContent('[data-testid=import-summary]')).toBe('Số dòng: 300 · Dòng mới hợp lệ: 2 · Đã có (bỏ qua hoặc cập nhật): 298 · Dòng có lỗi: 0');
    await page.click('[data-testid=import-commit-all]');
    await page.waitForSelector('[data-testid=import-done]', { timeout: 150_000 });
    expect(await page.textContent('[data-testid=import-done]')).toContain('Đã tạo: 2');
    await page.screenshot({ path: join(ARTIFACTS, 'committed.png'), fullPage: false });

    const partners = await request(t.server).get('/api/v1/partners').query({ limit: 1, total: true }).set(org.auth).expect(200);
    expect(partners.body.total).toBe(300);
    const fixed = (await request(t.server).get('/api/v1/partners').query({ q: 'lo van 120' }).set(org.auth).expect(200)).body.items.find((p: { name: string }) => p.name === 'Hộ Lò Văn 120');
    expect(fixed).toMatchObject({ phone: '0912 000 120', kind: 'member_household' });
    await context.close();
  });
});
