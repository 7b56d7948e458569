import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { createGrowingArea, createProduct, signupOrganization, startBrowserApp, type BrowserApp, type TestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

/**
 * Issue 15, field capture without a network: harvests written on a phone with no signal wait on the device,
 * survive the browser closing, and are sent once each when the link returns. Service workers need a real
 * port and a secure origin: the API listens on 127.0.0.1.
 */
describe('offline field capture in the console', () => {
  let b: BrowserApp;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    b = await startBrowserApp(createApiApp);
    ({ app: t, baseUrl: base } = b);
  });
  afterAll(async () => {
    await b?.close();
  });

  async function login(org: TestOrganization): Promise<{ context: BrowserContext; page: Page }> {
    const page = await b.login(org, {
      viewport: { width: 420, height: 900 },
      permissions: ['geolocation'], geolocation: { latitude: 21.3857, longitude: 103.0169, accuracy: 12 },
    });
    return { context: page.context(), page };
  }

  const harvestEvents = async (org: TestOrganization) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM event WHERE organization_id = $1 AND type = 'harvest'`, [org.organizationId]))[0].n as number;
  const lotQuantities = async (org: TestOrganization) =>
    Object.fromEntries((await t.dataSource.query(`SELECT code, quantity::text AS quantity FROM lot WHERE organization_id = $1 ORDER BY code`, [org.organizationId]) as { code: string; quantity: string }[])
      .map((l) => [l.code, Number(l.quantity)]));
  const states = (page: Page) => page.$$eval('[data-state]', (els) => els.map((e) => e.getAttribute('data-state')).sort());

  async function harvestOffline(page: Page, lotCode: string, quantity: string) {
    await page.goto(`${base}/console/#/harvest`);
    await page.waitForSelector('[name=growingAreaId] option:nth-child(2)', { state: 'attached' });
    await page.selectOption('[name=growingAreaId]', { index: 1 });
    await page.selectOption('[name=productId]', { index: 1 });
    await page.fill('[name=quantity]', quantity);
    await page.fill('[name=lotCode]', lotCode);
    await page.click('form button[type=submit]');
    await page.waitForSelector(`.outbox-entry:has-text("${lotCode}") [data-state=waiting]`);
  }

  it('serves an installable console: a manifest in Vietnamese and a service worker scoped to /console/', async () => {
    const manifest = await request(t.server).get('/console/manifest.webmanifest').expect(200);
    const body = JSON.parse(manifest.text);
    expect(body).toMatchObject({ short_name: 'Nguồn', lang: 'vi', start_url: '/console/', scope: '/console/', display: 'standalone' });
    for (const icon of body.icons) await request(t.server).get(icon.src).expect(200);
    const sw = await request(t.server).get('/console/sw.js').expect(200);
    expect(sw.headers['content-type']).toMatch(/javascript/);
    const index = await request(t.server).get('/console/').expect(200);
    expect(index.text).toContain('rel="manifest"');
  });

  it('keeps three harvests written offline through a browser restart, sends them once each, and lets the refused one be corrected', async () => {
    const org = await signupOrganization(t.server);
    // 2,5 ha of sticky rice: 900 tonnes is far beyond what it can yield, and the server refuses it.
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    await createProduct(t.server, org);
    const { context, page } = await login(org);

    // Online once: the harvest form's lists are read (and kept), the service worker is installed.
    await page.goto(`${base}/console/#/harvest`);
    await page.waitForSelector('[name=growingAreaId] option:nth-child(2)', { state: 'attached' });
    const scope = await page.evaluate('navigator.serviceWorker.ready.then((r) => r.scope)');
    expect(scope).toBe(`${base}/console/`);
    // The console's shell is kept whole: page, styles, every module, manifest and icons.
    const kept = await page.evaluate("caches.open('nguon-console-v1').then((c) => c.keys()).then((k) => k.map((r) => new URL(r.url).pathname))") as string[];
    expect(kept).toEqual(expect.arrayContaining(['/console/', '/console/app.css', '/console/app.js', '/console/offline.js', '/console/lots.js', '/console/manifest.webmanifest']));

    await context.setOffline(true);
    await harvestOffline(page, 'OFF-1', '100');
    await harvestOffline(page, 'OFF-2', '900.000');
    await harvestOffline(page, 'OFF-3', '200');
    expect(await states(page)).toEqual(['waiting', 'waiting', 'waiting']);
    // The menu counts what is not sent yet.
    await page.locator('nav a[href="#/outbox"]', { hasText: 'Chờ gửi (3)' }).waitFor();
    // The phone's position is kept with each entry (the harvest API has no field for it).
    expect(await page.textContent('.outbox-entry:has-text("OFF-1")')).toContain('21.3857, 103.0169');
    await page.close();

    // The browser closed; a new page opens with no network: from the service worker, with the entries kept.
    const offlinePage = await context.newPage();
    const response = await offlinePage.goto(`${base}/console/#/outbox`);
    expect(response?.fromServiceWorker()).toBe(true);
    await offlinePage.waitForSelector('[data-testid=org-name]');
    await offlinePage.waitForSelector('h1:has-text("Chờ gửi")');
    expect(await states(offlinePage)).toEqual(['waiting', 'waiting', 'waiting']);
    expect(await harvestEvents(org)).toBe(0);

    // The link returns: sent by themselves; the implausible one refused with the server's reason in Vietnamese.
    await context.setOffline(false);
    await offlinePage.locator('[data-state=refused]').waitFor();
    await offlinePage.locator('[data-state=sent]').nth(1).waitFor();
    expect(await states(offlinePage)).toEqual(['refused', 'sent', 'sent']);
    expect(await offlinePage.textContent('.outbox-entry:has-text("OFF-2") [data-testid=reason]')).toBe('Sản lượng vượt mức hợp lý của vùng trồng.');
    expect(await harvestEvents(org)).toBe(2);
    expect(await lotQuantities(org)).toEqual({ 'OFF-1': 100, 'OFF-3': 200 });

    // Corrected on the device and sent again.
    await offlinePage.click('.outbox-entry:has-text("OFF-2") [data-testid=edit]');
    await offlinePage.waitForSelector('[name=quantity]');
    expect(await offlinePage.inputValue('[name=lotCode]')).toBe('OFF-2');
    expect(await offlinePage.inputValue('[name=growingAreaId]')).toBe(area.id);
    await offlinePage.fill('[name=quantity]', '300');
    await offlinePage.click('form button[type=submit]');
    await offlinePage.waitForSelector('h1:has-text("Chờ gửi")');
    await offlinePage.locator('[data-state=sent]').nth(2).waitFor();
    expect(await harvestEvents(org)).toBe(3);
    expect(await lotQuantities(org)).toEqual({ 'OFF-1': 100, 'OFF-2': 300, 'OFF-3': 200 });

    // An entry sent again with its key (its answer lost on the way, say) is answered, not written twice.
    await offlinePage.evaluate(`new Promise((resolve, reject) => {
      const opening = indexedDB.open('nguon-offline');
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const store = opening.result.transaction('outbox', 'readwrite').objectStore('outbox');
        const all = store.getAll();
        all.onsuccess = () => {
          for (const entry of all.result) store.put({ ...entry, state: 'waiting' });
          store.transaction.oncomplete = () => resolve(true);
        };
      };
    })`);
    await offlinePage.reload();
    await offlinePage.locator('[data-state=sent]').nth(2).waitFor();
    expect(await harvestEvents(org)).toBe(3);
    await context.close();
  });

  it('opens the harvest form offline with the lists kept from the last time online, and says entries are kept', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const { context, page } = await login(org);
    await page.goto(`${base}/console/#/harvest`);
    await page.waitForSelector('[name=growingAreaId] option:nth-child(2)', { state: 'attached' });
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[name=growingAreaId] option:nth-child(2)', { state: 'attached' });
    expect(await page.textContent('[name=growingAreaId]')).toContain(area.code as string);
    expect(await page.textContent('main')).toContain('Đang mất mạng');
    // A required field left empty is still named before anything is kept.
    await page.click('form button[type=submit]');
    await page.waitForSelector('.field.invalid[data-field=productId]');
    expect(await page.$$('[data-state]')).toHaveLength(0);
    await context.close();
  });
  it('keeps a fertiliser use typed on its area’s page when the signal drops, and sends it when it returns', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const { context, page } = await login(org);
    await page.goto(`${base}/console/#/growing-areas/${area.id}`);
    await page.waitForSelector('[name=productName]');
    await context.setOffline(true);
    await page.fill('[name=appliedAt]', '2026-01-05');
    await page.selectOption('[name=kind]', 'fertiliser');
    await page.fill('[name=productName]', 'Phân hữu cơ vi sinh Sông Gianh');
    await page.fill('[name=phiDays]', '0');
    await page.click('form:has([name=productName]) button[type=submit]');
    await page.waitForSelector('.outbox-entry:has-text("Sông Gianh") [data-state=waiting]');
    expect(await page.textContent('.outbox-entry')).toContain('Sử dụng phân bón / thuốc');
    await context.setOffline(false);
    await page.waitForSelector('.outbox-entry:has-text("Sông Gianh") [data-state=sent]');
    const rows = await t.dataSource.query(`SELECT product_name FROM input_application WHERE organization_id = $1`, [org.organizationId]);
    expect(rows).toEqual([{ product_name: 'Phân hữu cơ vi sinh Sông Gianh' }]);
    await context.close();
  });

  it('keeps a harvest whose answers were all lost on the way with its key, and is answered, not written twice, when sent again', async () => {
    const org = await signupOrganization(t.server);
    await createGrowingArea(t.server, org, { status: 'active' });
    await createProduct(t.server, org);
    const { context, page } = await login(org);
    // The server writes the harvest, but the answer never reaches the phone (three times: the console's own retries).
    await page.route('**/api/v1/lots/harvest', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    }, { times: 3 });
    await page.goto(`${base}/console/#/harvest`);
    await page.waitForSelector('[name=growingAreaId] option:nth-child(2)', { state: 'attached' });
    await page.selectOption('[name=growingAreaId]', { index: 1 });
    await page.selectOption('[name=productId]', { index: 1 });
    await page.fill('[name=quantity]', '150');
    await page.fill('[name=lotCode]', 'LOST-1');
    await page.click('form button[type=submit]');
    await page.waitForSelector('.outbox-entry:has-text("LOST-1") [data-state=sent]');
    expect(await harvestEvents(org)).toBe(1);
    await context.close();
  });
});
