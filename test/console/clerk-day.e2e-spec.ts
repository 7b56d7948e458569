import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { createGrowingArea, createProduct, signupOrganization, startTestApp, testConfig, type TestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'console-clerk');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Vietnam's calendar date today. */
const todayVn = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
/** Text as a person reads it: every kind of space as one plain space. */
const plain = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The problems a clerk met in a day of use (issue 15), each tested in Chromium as a person would meet it. */
describe('the clerk’s day in the console', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const port = 40000 + Math.floor(Math.random() * 20000);
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp(createApiApp, testConfig({ PUBLIC_BASE_URL: base, PORT: String(port) }), createWorkerApp);
    await t.app.listen(port, '127.0.0.1');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function login(org: { email: string; password: string }): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${base}/console/`);
    await page.fill('#email', org.email);
    await page.fill('#password', org.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=org-name]');
    return page;
  }

  /** A cooperative with an active area and a product, made through the API. */
  async function cooperative(): Promise<{ org: TestOrganization; areaId: string; productId: string }> {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const product = await createProduct(t.server, org);
    return { org, areaId: area.id as string, productId: product.id as string };
  }

  const harvestByApi = async (org: TestOrganization, areaId: string, productId: string, lotCode: string, quantity = '100') =>
    (await request(t.server).post('/api/v1/lots/harvest').set(org.auth).send({ growingAreaId: areaId, productId, quantity, unit: 'kg', harvestedAt: todayVn(), lotCode }).expect(201)).body;

  it('reads “25.000” as twenty-five thousand, shows it before saving, and saves 25000', async () => {
    const { org } = await cooperative();
    const page = await login(org);
    await page.goto(`${base}/console/#/harvest`);
    await page.waitForSelector('[name=growingAreaId] option:nth-child(2)', { state: 'attached' });
    await page.selectOption('[name=growingAreaId]', { index: 1 });
    await page.selectOption('[name=productId]', { index: 1 });
    await page.fill('[name=quantity]', '25.000');
    expect(plain(await page.textContent('[data-preview-for=quantity]'))).toBe('= 25 000 kg');
    await page.selectOption('[name=unit]', 't');
    expect(plain(await page.textContent('[data-preview-for=quantity]'))).toBe('= 25 000 tấn');
    await page.selectOption('[name=unit]', 'kg');
    await page.fill('[name=quantity]', '1.25.0');
    expect(await page.textContent('[data-preview-for=quantity]')).toContain('Không đọc được');
    await page.fill('[name=quantity]', '25.000');
    await page.fill('[name=lotCode]', 'SC-25K');
    await page.click('form button[type=submit]');
    await page.waitForSelector('h1:has-text("SC-25K")');
    expect(plain(await page.textContent('[data-testid=available]'))).toBe('25 000 kg');
    const lots = (await request(t.server).get('/api/v1/lots?search=SC-25K').set(org.auth).expect(200)).body.items;
    expect(lots.map((l: { quantity: string }) => l.quantity)).toEqual(['25000']);
    // The area's "2,5" is two and a half hectares, by the same reader.
    await page.goto(`${base}/console/#/growing-areas/new`);
    await page.fill('[name=areaHa]', '2,5');
    expect(plain(await page.textContent('[data-preview-for=areaHa]'))).toBe('= 2,5 ha');
  });

  it('finds a lot by part of its code from the search box, and the API takes the same `q`', async () => {
    const { org, areaId, productId } = await cooperative();
    await harvestByApi(org, areaId, productId, 'TIM-MUONG-1');
    await harvestByApi(org, areaId, productId, 'KHAC-2');
    const byQ = (await request(t.server).get('/api/v1/lots?q=muong').set(org.auth).expect(200)).body.items;
    expect(byQ.map((l: { code: string }) => l.code)).toEqual(['TIM-MUONG-1']);
    const page = await login(org);
    await page.goto(`${base}/console/#/lots`);
    await page.waitForSelector('tr:has-text("KHAC-2")');
    await page.fill('input[type=search]', 'muong');
    await page.press('input[type=search]', 'Enter');
    await page.waitForURL(/#\/lots\?q=muong$/);
    await page.waitForSelector('tbody tr:has-text("TIM-MUONG-1")');
    expect(await page.locator('tbody tr').count()).toBe(1);
  });
  it('undoes a wrong harvest from the lot page: shows what it reverses, asks a reason, keeps the original', async () => {
    const { org, areaId, productId } = await cooperative();
    const lot = await harvestByApi(org, areaId, productId, 'SAI-1', '250');
    const page = await login(org);
    await page.goto(`${base}/console/#/lots/${lot.id}`);
    await page.click('[data-testid=void-origin]');
    expect(plain(await page.textContent('[data-testid=void-reverses]'))).toBe('hủy lô SAI-1 (250 kg)');
    await page.click('button:has-text("Xác nhận hủy")');
    expect(await page.textContent('[data-testid=void-form]')).toContain('Lý do: Không được để trống');
    await page.fill('#void-reason', 'Nhập nhầm vùng trồng');
    await page.click('button:has-text("Xác nhận hủy")');
    await page.waitForSelector('td .badge.voided');
    const after = (await request(t.server).get(`/api/v1/lots/${lot.id}`).set(org.auth).expect(200)).body;
    expect(after.status).toBe('voided');
    const events = (await request(t.server).get(`/api/v1/lots/${lot.id}/events`).set(org.auth).expect(200)).body.items;
    const harvest = events.find((e: { type: string }) => e.type === 'harvest');
    expect(harvest.voided.reason).toBe('Nhập nhầm vùng trồng');
    // The event view shows the void and offers no second one.
    await page.goto(`${base}/console/#/events/${harvest.id}`);
    await page.waitForSelector('h1 .badge.voided');
    expect(await page.locator('[data-testid=void-event]').count()).toBe(0);
  });

  it('warns in the recall dialog that the reason is public', async () => {
    const { org, areaId, productId } = await cooperative();
    const lot = await harvestByApi(org, areaId, productId, 'THU-HOI-1');
    const page = await login(org);
    await page.goto(`${base}/console/#/lots/${lot.id}`);
    await page.click('button:has-text("Thu hồi lô này")');
    expect(await page.textContent('[data-testid=recall-public-warning]')).toContain('HIỆN CÔNG KHAI');
  });

  it('opens a lot from the list with the keyboard alone', async () => {
    const { org, areaId, productId } = await cooperative();
    const lot = await harvestByApi(org, areaId, productId, 'PHIM-1');
    const page = await login(org);
    await page.goto(`${base}/console/#/lots`);
    await page.waitForSelector('tbody tr:has-text("PHIM-1")');
    // Tab from the search box through its buttons to the first row, then Enter.
    await page.focus('input[type=search]');
    for (let i = 0; i < 10 && !(await page.evaluate('document.activeElement?.tagName === "TR"')); i++) await page.keyboard.press('Tab');
    expect(String(await page.evaluate('document.activeElement?.textContent'))).toContain('PHIM-1');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/lots/${lot.id}$`));
    await page.waitForSelector('h1:has-text("PHIM-1")');
  });
});
