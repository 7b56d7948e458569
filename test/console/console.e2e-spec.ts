import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import type { LabelTemplate } from '@app/labels';
import { addUser, createPartner, readLabelQrs, signupOrganization, startBrowserApp, type BrowserApp, type TestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'console');

describe('operator console in a real browser', () => {
  let b: BrowserApp;
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The browser needs a real listening server; its public base URL is the one printed in the QR codes.
    b = await startBrowserApp(createApiApp, { worker: createWorkerApp });
    ({ app: t, baseUrl: base, browser } = b);
  });
  afterAll(async () => {
    await b?.close();
  });

  const login = (org: { email: string; password: string }): Promise<Page> => b.login(org, { acceptDownloads: true });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('takes a clerk from login to printed labels, the public page and a recall', async () => {
    const org: TestOrganization = await signupOrganization(t.server, { organizationName: 'HTX Nông nghiệp Séng Cù' });
    const household = await createPartner(t.server, org, { kind: 'member_household', name: 'Hộ Lò Văn Panh', phone: '0912345678' });
    const page = await login(org);
    expect(await page.textContent('[data-testid=org-name]')).toBe('HTX Nông nghiệp Séng Cù');
    expect(await page.textContent('[data-testid=role]')).toContain('Chủ sở hữu');

    // A product and a growing area, through the screens.
    await page.goto(`${base}/console/#/products/new`);
    await page.fill('[name=nameVi]', 'Gạo nếp Séng Cù');
    await page.selectOption('[name=unit]', 'kg');
    await page.click('form button[type=submit]');
    await page.waitForURL(/#\/products\/[0-9a-f-]{36}$/);
    await page.goto(`${base}/console/#/growing-areas/new`);
    await page.fill('[name=code]', `VN-DBIH-${Date.now() % 100000}`);
    await page.fill('[name=name]', 'Cánh đồng Mường Thanh');
    await page.selectOption('[name=crop]', 'sticky_rice');
    await page.fill('[name=areaHa]', '2,5');
    // Province and commune from the official list: the organization's province is chosen already.
    await page.waitForSelector('[name=communeCode] option[value="03334"]', { state: 'attached' });
    expect(await page.inputValue('[name=provinceCode]')).toBe('11');
    await page.selectOption('[name=communeCode]', '03334');
    await page.check(`[name=ownerPartnerIds][value="${household.id as string}"]`);
    await page.click('form button[type=submit]');
    await page.waitForURL(/#\/growing-areas\/[0-9a-f-]{36}$/);
    await page.selectOption('[name=status]', 'active');
    await page.fill('[name=reason]', 'Được cấp mã số vùng trồng');
    await page.click('form:has([name=reason]) button[type=submit]');
    await page.waitForSelector('.badge.active');

    // Two harvests, then merge-and-pack them.
    const harvest = async (quantity: string, code: string) => {
      await page.goto(`${base}/console/#/harvest`);
      await page.waitForSelector('[name=growingAreaId] option:nth-child(2)', { state: 'attached' });
      await page.selectOption('[name=growingAreaId]', { index: 1 });
      await page.selectOption('[name=partnerId]', household.id as string);
      await page.selectOption('[name=productId]', { index: 1 });
      await page.fill('[name=quantity]', quantity);
      await page.fill('[name=lotCode]', code);
      await page.fill('[name=documentNumber]', `PT-${code}`); // the type defaults to a field tag
      await page.click('form button[type=submit]');
      await page.waitForSelector(`h1:has-text("${code}")`);
    };
    await harvest('400', 'SC-H1');
    await harvest('350', 'SC-H2');
    // FSMA 204 wants the harvest's reference document: the form sent it.
    const harvested = (await request(t.server).get('/api/v1/lots?search=SC-H1').set(org.auth).expect(200)).body.items.find((l: { code: string }) => l.code === 'SC-H1');
    const history = (await request(t.server).get(`/api/v1/lots/${harvested.id}/events`).set(org.auth).expect(200)).body.items;
    expect(history[0].documents).toEqual([{ type: 'field_tag', number: 'PT-SC-H1' }]);
    await page.goto(`${base}/console/#/transform`);
    await page.waitForSelector('[data-lines=inputs] [name=lotId] option:nth-child(3)', { state: 'attached' });
    await page.fill('[name=process]', 'Xay xát và đóng gói');
    const lotOption = async (line: number, code: string) => {
      const select = page.locator(`[data-lines=inputs] .line:nth-child(${line}) [name=lotId]`);
      await select.selectOption((await select.locator('option', { hasText: code }).getAttribute('value'))!);
    };
    await lotOption(1, 'SC-H1');
    await page.fill('[data-lines=inputs] .line:nth-child(1) [name=quantity]', '400');
    await page.click('button:has-text("Thêm lô đầu vào")');
    await lotOption(2, 'SC-H2');
    await page.fill('[data-lines=inputs] .line:nth-child(2) [name=quantity]', '350');
    await page.selectOption('[data-lines=outputs] .line:nth-child(1) [name=productId]', { index: 1 });
    await page.fill('[data-lines=outputs] .line:nth-child(1) [name=quantity]', '500');
    await page.fill('[data-lines=outputs] .line:nth-child(1) [name=lotCode]', 'SC-PACK-1');
    await page.click('form button[type=submit]:has-text("Lưu")');
    await page.waitForSelector('h1:has-text("SC-PACK-1")');
    await page.waitForSelector('.genealogy[data-direction=back] svg');
    const genealogy = await page.textContent('.genealogy[data-direction=back]');
    expect(genealogy).toContain('SC-H1');
    expect(genealogy).toContain('SC-H2');
    await shot(page, '1-lot-page');

    // Print 24 labels and watch the progress bar reach 100%.
    await page.click('button:has-text("In tem cho lô này")');
    await page.waitForSelector('[name=templateId] option:nth-child(2)', { state: 'attached' });
    await page.selectOption('[name=templateId]', 'a4-3x8-70x37');
    await page.fill('[name=count]', '24');
    await page.click('form button[type=submit]');
    await page.waitForSelector('[role=progressbar]');
    await page.waitForSelector('[role=progressbar][aria-valuenow="100"]', { timeout: 60_000 });
    await shot(page, '2-labels-done');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-pdf]')]);
    const pdfPath = join(ARTIFACTS, 'labels.pdf');
    await download.saveAs(pdfPath);
    const templates = await request(t.server).get('/api/v1/label-templates').set(org.auth).expect(200);
    const a4 = templates.body.items.find((x: { id: string }) => x.id === 'a4-3x8-70x37');
    // The first label, cut out of the sheet where the template's numbers (as the API gives them) place it.
    const [first] = await readLabelQrs(pdfPath, a4 as LabelTemplate, { dpi: 300, count: 1 });
    const url = first.payload ?? '';
    expect(url.startsWith(`${base}/l/`)).toBe(true);

    // The consumer's view, then a recall that shows on it at once.
    const consumer = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' })).newPage();
    await consumer.goto(url);
    expect(await consumer.textContent('body')).toContain('Gạo nếp Séng Cù');
    expect(await consumer.textContent('body')).not.toContain('0912345678');
    await page.goto(`${base}/console/#/lots`);
    await page.click('tr:has-text("SC-PACK-1")');
    await page.waitForSelector('button:has-text("Thu hồi lô này")');
    await page.click('button:has-text("Thu hồi lô này")');
    await page.click('button:has-text("Xác nhận thu hồi")');
    expect(await page.textContent('[data-testid=recall-form]')).toContain('Lý do: Không được để trống');
    await page.fill('#recall-reason', 'Phát hiện nấm mốc trong kho');
    await page.click('button:has-text("Xác nhận thu hồi")');
    await page.waitForSelector('.banner-recall');
    await shot(page, '3-recalled-lot');
    await consumer.goto(url);
    const banner = await consumer.textContent('body');
    expect(banner).toMatch(/thu hồi/i);
    expect(banner).toContain('Phát hiện nấm mốc trong kho');
    await consumer.screenshot({ path: join(ARTIFACTS, '4-public-page-recalled.png'), fullPage: true });
  });

  it('shows the server’s validation errors in Vietnamese next to the right field', async () => {
    const org = await signupOrganization(t.server);
    const page = await login(org);
    await page.goto(`${base}/console/#/products/new`);
    await page.fill('[name=nameVi]', 'Cà phê Mường Ảng');
    await page.selectOption('[name=unit]', 'kg');
    await page.fill('[name=gtin]', '8934588012342');
    await page.click('form button[type=submit]');
    await page.waitForSelector('[data-field=gtin].invalid');
    expect(await page.textContent('.field-error[data-for=gtin]')).toBe('Số kiểm tra của GTIN không đúng');
    await page.goto(`${base}/console/#/growing-areas/new`);
    await page.fill('[name=code]', 'VN-X-1');
    await page.fill('[name=name]', 'Vùng thử');
    await page.selectOption('[name=crop]', { index: 1 });
    await page.fill('[name=areaHa]', '0');
    await page.click('form button[type=submit]');
    await page.waitForSelector('[data-field=areaHa].invalid');
    expect(await page.textContent('.field-error[data-for=areaHa]')).toMatch(/Diện tích|lớn hơn 0/);
    expect(await page.textContent('.field-error[data-for=name]')).toBe('');
    await shot(page, '5-validation');
    const count = await t.dataSource.query(`SELECT count(*)::int AS n FROM product WHERE organization_id = $1`, [org.organizationId]);
    expect(count[0].n).toBe(0);
  });

  it('shows a viewer no way to change data, and the API refuses their writes', async () => {
    const org = await signupOrganization(t.server);
    const viewer = await addUser(t.server, org, 'viewer');
    const page = await login({ email: viewer.email, password: 'another long password' });
    expect(await page.textContent('[data-testid=role]')).toContain('Chỉ xem');
    await page.goto(`${base}/console/#/products`);
    // Any h1 could be the previous screen's (the lots): wait for this screen's own.
    await page.waitForSelector('h1:has-text("Sản phẩm")');
    expect(await page.locator('button:has-text("Thêm mới")').count()).toBe(0);
    expect(await page.locator('nav a:has-text("Ghi thu hoạch")').count()).toBe(0);
    await page.goto(`${base}/console/#/labels`);
    // Not the products list's h1: that screen has a (search) form.
    await page.waitForSelector('h1:has-text("In tem QR")');
    expect(await page.locator('form').count()).toBe(0);
    const refused = await request(t.server).post('/api/v1/products').set(viewer.auth).send({ nameVi: 'X', unit: 'kg' }).expect(403);
    expect(refused.body.code).toBe('ROLE_FORBIDDEN');
  });
});
