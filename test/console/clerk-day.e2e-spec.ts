import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { createGrowingArea, createPartner, createProduct, signupOrganization, startBrowserApp, type BrowserApp, type TestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'console-clerk');
/** Vietnam's calendar date today. */
const todayVn = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
/** Text as a person reads it: every kind of space as one plain space. */
const plain = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The problems a clerk met in a day of use (issue 15), each tested in Chromium as a person would meet it. */
describe('the clerk’s day in the console', () => {
  let b: BrowserApp;
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    b = await startBrowserApp(createApiApp, { worker: createWorkerApp });
    ({ app: t, baseUrl: base, browser } = b);
  });
  afterAll(async () => {
    await b?.close();
  });

  const login = (org: { email: string; password: string }): Promise<Page> => b.login(org);

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
    // The URL changes before the screen does: wait for the table without the other lot, not for a row
    // the whole list showed too.
    await page.waitForSelector('tbody:has(tr:has-text("TIM-MUONG-1")):not(:has(tr:has-text("KHAC-2")))');
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
    for (let i = 0; i < 10 && !(await page.locator('tr:focus').count()); i++) await page.keyboard.press('Tab');
    expect(await page.locator('tr:focus').textContent()).toContain('PHIM-1');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/lots/${lot.id}$`));
    await page.waitForSelector('h1:has-text("PHIM-1")');
  });
  it('enters a past harvest after a back-dated activation, and a refusal says since when the area is active', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'draft' });
    await createProduct(t.server, org);
    const daysAgo = (n: number) => new Date(Date.now() + 7 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);
    const page = await login(org);
    await page.goto(`${base}/console/#/growing-areas/${area.id}`);
    await page.selectOption('[name=status]', 'active');
    await page.fill('[name=reason]', 'Được cấp mã số vùng trồng');
    await page.fill('[name=effectiveAt]', daysAgo(60));
    await page.fill('[name=evidenceReference]', '125/QĐ-CCTTBVTV');
    await page.click('form:has([name=reason]) button[type=submit]');
    await page.waitForSelector('h2 .badge.active');
    expect(await page.textContent('body')).toContain('125/QĐ-CCTTBVTV');
    const history = (await request(t.server).get(`/api/v1/growing-areas/${area.id}/status-history`).set(org.auth).expect(200)).body.items;
    expect(history.map((c: { toStatus: string }) => c.toStatus)).toEqual(['draft', 'active']);
    expect(new Date(history[1].effectiveAt).getTime()).toBeLessThan(new Date(history[1].changedAt).getTime());

    const harvestOn = async (date: string, code: string) => {
      await page.goto(`${base}/console/#/harvest`);
      await page.waitForSelector('[name=growingAreaId] option:nth-child(2)', { state: 'attached' });
      await page.selectOption('[name=growingAreaId]', { index: 1 });
      await page.selectOption('[name=productId]', { index: 1 });
      await page.fill('[name=quantity]', '300');
      await page.fill('[name=harvestedAt]', date);
      await page.fill('[name=lotCode]', code);
      await page.click('form button[type=submit]');
    };
    await harvestOn(daysAgo(30), 'CU-30');
    await page.waitForSelector('h1:has-text("CU-30")');
    await harvestOn(daysAgo(90), 'CU-90');
    await page.waitForSelector('.alert.error');
    const refusal = await page.textContent('.alert.error');
    const since = new Date(`${daysAgo(60)}T00:00:00+07:00`).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    expect(refusal).toContain(`hoạt động từ ngày ${since}`);
    // The API refuses an activation dated in the future.
    const tomorrow = new Date(Date.now() + 7 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    const refused = await request(t.server).post(`/api/v1/growing-areas/${area.id}/status`).set(org.auth).send({ status: 'suspended', reason: 'x', effectiveAt: tomorrow }).expect(422);
    expect(refused.body.code).toBe('STATUS_EFFECTIVE_IN_FUTURE');
  });
  it('takes a clerk from login to 30 printed labels in at most 40 actions, with Vietnamese words for every code', async () => {
    const org = await signupOrganization(t.server, { organizationName: 'HTX Séng Cù Mường Thanh' });
    const household = await createPartner(t.server, org, { kind: 'member_household', name: 'Hộ Lò Văn Panh' });
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    // Every click, keystroke-filled field, choice and tick the clerk makes is one action.
    let actions = 0;
    const act = {
      click: async (selector: string) => { actions++; await page.click(selector); },
      fill: async (selector: string, value: string) => { actions++; await page.fill(selector, value); },
      select: async (selector: string, value: string) => { actions++; await page.selectOption(selector, value); },
      check: async (selector: string) => { actions++; await page.check(selector); },
    };
    await page.goto(`${base}/console/`);
    await act.fill('#email', org.email);
    await act.fill('#password', org.password);
    await act.click('button[type=submit]');
    await page.waitForSelector('[data-testid=org-name]');

    // A product; an empty name is named as empty, not "too long, must be text".
    await act.click('nav a:has-text("Sản phẩm")');
    await act.click('button:has-text("Thêm mới")');
    await page.waitForSelector('[name=nameVi]');
    await act.click('form button[type=submit]');
    expect(await page.textContent('.field-error[data-for=nameVi]')).toBe('Không được để trống');
    await act.fill('[name=nameVi]', 'Gạo nếp Séng Cù');
    expect(await page.locator('[name=ocopGroup] option', { hasText: 'Thực phẩm' }).count()).toBe(1);
    await act.select('[name=ocopGroup]', '1');
    await act.click('form button[type=submit]');
    await page.waitForURL(/#\/products\/[0-9a-f-]{36}$/);
    expect(await page.textContent('.alert.ok')).toContain('Đã tạo: Gạo nếp Séng Cù');
    // Its OCOP certificate, on the product's own page: stars are a choice, not a number to type.
    await act.select('[data-testid=product-certificate-form] [name=level]', '4');
    await act.fill('[data-testid=product-certificate-form] [name=number]', '125/QĐ-UBND');
    await act.fill('[data-testid=product-certificate-form] [name=issuedAt]', todayVn());
    await act.click('[data-testid=product-certificate-form] button[type=submit]');
    await page.waitForSelector('td:has-text("125/QĐ-UBND")');
    await page.goto(`${base}/console/#/products`);
    await page.waitForSelector('tbody tr:has-text("Gạo nếp Séng Cù") .stars');
    expect(await page.textContent('tbody tr:has-text("Gạo nếp Séng Cù")')).toContain('Thực phẩm');
    await page.goto(`${base}/console/#/certifications`);
    expect(await page.textContent('tbody tr:has-text("125/QĐ-UBND")')).toContain('Sản phẩm: Gạo nếp Séng Cù');

    // A growing area: households ticked, location as latitude and longitude.
    await act.click('nav a:has-text("Vùng trồng")');
    // The certificates list has a "Thêm mới" too: wait for the areas' list before clicking it.
    await page.waitForSelector('h1:has-text("Vùng trồng")');
    await act.click('button:has-text("Thêm mới")');
    await page.waitForSelector('[name=code]');
    expect(await page.textContent('[data-field=ownerPartnerIds]')).toContain('Đánh dấu một hoặc nhiều hộ');
    await act.fill('[name=code]', `VN-DBIH-${Date.now() % 100000}`);
    await act.fill('[name=name]', 'Cánh đồng Mường Thanh');
    await act.select('[name=crop]', 'sticky_rice');
    await act.fill('[name=areaHa]', '2,5');
    await act.check(`[name=ownerPartnerIds][value="${household.id as string}"]`);
    await act.fill('[name="location.lat"]', '21,3857');
    await act.fill('[name="location.lng"]', '103,0169');
    await act.click('form button[type=submit]');
    await page.waitForURL(/#\/growing-areas\/[0-9a-f-]{36}$/);
    await act.select('[name=status]', 'active');
    await act.fill('[name=reason]', 'Được cấp mã số vùng trồng');
    await act.click('form:has([name=reason]) button[type=submit]');
    await page.waitForSelector('h2 .badge.active');
    const statusHistory = await page.textContent('table:has(th:has-text("Có hiệu lực từ"))');
    expect(statusHistory).toContain('Đăng ký');
    expect(statusHistory).not.toContain('Registered');
    await page.goto(`${base}/console/#/growing-areas`);
    const areaRow = await page.textContent('tbody tr:has-text("Cánh đồng Mường Thanh")');
    expect(areaRow).not.toContain('sticky_rice');
    expect(areaRow).toMatch(/Lúa nếp|nếp/i);
    const area = (await request(t.server).get('/api/v1/growing-areas?q=muong thanh').set(org.auth).expect(200)).body.items[0];
    expect(area.location).toEqual({ type: 'Point', coordinates: [103.0169, 21.3857] });
    expect(area.areaHa).toBe('2.5');

    // A harvest: the only area and the only product are chosen already.
    await act.click('nav a:has-text("Ghi thu hoạch")');
    await page.waitForSelector('[name=quantity]');
    await act.fill('[name=quantity]', '1.200');
    await act.click('form button[type=submit]');
    await page.waitForSelector('[data-testid=void-origin]');
    expect(plain(await page.textContent('[data-testid=available]'))).toBe('1 200 kg');
    const harvestCode = (await page.textContent('h1'))!.split(' — ').pop()!;

    // Milling and packing all of it into 2 kg packs: the output product is the input's.
    await act.click('button:has-text("Chế biến / Đóng gói")');
    await page.waitForSelector('[data-lines=inputs] [name=quantity]');
    await act.fill('[name=process]', 'Xay xát và đóng gói');
    await act.fill('[data-lines=inputs] [name=quantity]', '1.200');
    await act.fill('[data-lines=outputs] [name=quantity]', '1.000');
    await act.click('form button[type=submit]:has-text("Lưu")');
    await page.waitForSelector('.genealogy[data-direction=back] svg');
    // The family tree shows each quantity whole, on its own line.
    const amounts = await page.locator('.genealogy[data-direction=back] [data-amount]').allTextContents();
    expect(amounts.map(plain)).toEqual(expect.arrayContaining(['1 000 kg', '1 200 kg']));

    // 30 labels.
    await act.click('button:has-text("In tem cho lô này")');
    await page.waitForSelector('[name=templateId] option:nth-child(2)', { state: 'attached' });
    expect(await page.locator('[name=templateId] option', { hasText: 'a4-3x8-70x37' }).count()).toBe(0);
    await act.fill('[name=count]', '30');
    await act.click('form button[type=submit]');
    await page.waitForSelector('[role=progressbar][aria-valuenow="100"]', { timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'journey-labels.png'), fullPage: true });
    // This test server's public address is 127.0.0.1: the console and the API both say no phone can open it.
    expect(await page.textContent('[data-testid=label-warning]')).toContain(base);
    const packedLotId = new URL(page.url().replace('#/labels', '')).searchParams.get('lotId');
    const jobs = (await request(t.server).get(`/api/v1/lots/${packedLotId}/label-jobs`).set(org.auth).expect(200)).body.items;
    expect(jobs[0].warnings).toEqual([expect.objectContaining({ code: 'PUBLIC_BASE_URL_LOOPBACK', url: base })]);
    expect(actions).toBeLessThanOrEqual(40);
    console.log(`clerk journey: ${actions} actions`);

    // The used-up harvest lot is no longer offered as an input.
    await page.goto(`${base}/console/#/transform`);
    await page.waitForSelector('[data-lines=inputs] [name=lotId]');
    expect(await page.locator('[data-lines=inputs] [name=lotId] option', { hasText: harvestCode }).count()).toBe(0);
    await context.close();
  });
});
