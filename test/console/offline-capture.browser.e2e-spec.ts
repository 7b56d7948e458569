import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
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

  /** A phone camera's JPEG, with the EXIF block a camera writes (here a marker to look for). */
  const cameraPhoto = () => sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#4a7a3a' } }).jpeg().withExif({ IFD0: { Copyright: 'EXIF-RUONG' } }).toBuffer();

  async function harvestOffline(page: Page, lotCode: string, quantity: string, photo?: Buffer) {
    await page.goto(`${base}/console/#/harvest`);
    await page.waitForSelector('[name=growingAreaId] option:nth-child(2)', { state: 'attached' });
    await page.selectOption('[name=growingAreaId]', { index: 1 });
    await page.selectOption('[name=productId]', { index: 1 });
    await page.fill('[name=quantity]', quantity);
    await page.fill('[name=lotCode]', lotCode);
    if (photo) await page.setInputFiles('[data-testid=harvest-photos]', { name: 'ruong.jpg', mimeType: 'image/jpeg', buffer: photo });
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
    await harvestOffline(page, 'OFF-1', '100', await cameraPhoto());
    await harvestOffline(page, 'OFF-2', '900.000');
    await harvestOffline(page, 'OFF-3', '200');
    expect(await states(page)).toEqual(['waiting', 'waiting', 'waiting']);
    // The menu counts what is not sent yet.
    await page.locator('nav a[href="#/outbox"]', { hasText: 'Chờ gửi (3)' }).waitFor();
    // The phone's position is kept with each entry, and sent with it.
    expect(await page.textContent('.outbox-entry:has-text("OFF-1")')).toContain('21.3857, 103.0169 (± 12 m)');
    // Its photo waits with it.
    expect(await page.getAttribute('.outbox-entry:has-text("OFF-1") [data-testid=photos-waiting]', 'data-waiting')).toBe('1');
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
    // OFF-1's photo follows it and redraws the outbox once more (a "loading" screen first): read the states
    // from the screen drawn after the photo was sent.
    await offlinePage.waitForSelector('main:has(.outbox-entry:has-text("OFF-1") [data-state=sent]):not(:has([data-testid=photos-waiting]))');
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
    // Each harvest event carries where the phone was when it was written (the corrected one too), under the event's hash.
    const positions = await t.dataSource.query(`SELECT details->'position' AS position FROM event WHERE organization_id = $1 AND type = 'harvest'`, [org.organizationId]);
    expect(positions.map((r: { position: unknown }) => r.position)).toEqual(Array(3).fill({ latitude: 21.3857, longitude: 103.0169, accuracyM: 12 }));
    // Staff see it on the lot's page; the consumer's page does not show it.
    const sentLot = await t.dataSource.query(`SELECT id FROM lot WHERE organization_id = $1 AND code = 'OFF-1'`, [org.organizationId]);
    await offlinePage.goto(`${base}/console/#/lots/${sentLot[0].id}`);
    expect(await offlinePage.textContent('[data-testid=harvest-position]')).toBe('21.3857, 103.0169 (± 12 m)');
    // The photo kept with OFF-1 followed it to its lot, once, resized and without EXIF, and shows on the lot's page.
    const photos = await t.dataSource.query(`SELECT width FROM evidence_photo WHERE organization_id = $1 AND lot_id = $2`, [org.organizationId, sentLot[0].id]);
    expect(photos).toEqual([{ width: 1280 }]);
    await offlinePage.waitForSelector('[data-testid=evidence-photo] img[src^="blob:"]');
    const [stored] = (await request(t.server).get(`/api/v1/lots/${sentLot[0].id}/photos`).set(org.auth).expect(200)).body.items;
    const image = await request(t.server).get(stored.imageUrl).set(org.auth).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect((image.body as Buffer).subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect((image.body as Buffer).includes(Buffer.from('EXIF-RUONG'))).toBe(false);
    const publicUrl = await offlinePage.getAttribute('[data-testid=public-url]', 'href');
    const publicPage = await request(t.server).get(new URL(publicUrl as string).pathname).set('Accept', 'text/html').expect(200);
    expect(publicPage.text).not.toContain('103.0169');
    await offlinePage.goto(`${base}/console/#/outbox`);
    await offlinePage.locator('[data-state=sent]').nth(2).waitFor();

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
    const rows = await t.dataSource.query(`SELECT product_name, position FROM input_application WHERE organization_id = $1`, [org.organizationId]);
    expect(rows).toEqual([{ product_name: 'Phân hữu cơ vi sinh Sông Gianh', position: { latitude: 21.3857, longitude: 103.0169, accuracyM: 12 } }]);
    await context.close();
  });

  it('logs a fertiliser use offline from the field form, the area picked from the list kept on the device, and corrects a refused one', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const { context, page } = await login(org);
    // Online once (the menu's field form reads the areas and keeps them), then no network, and the page opened again.
    await page.goto(`${base}/console/#/field-input`);
    await page.waitForSelector('[name=growingAreaId] option:nth-child(2)', { state: 'attached' });
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[name=growingAreaId] option:nth-child(2)', { state: 'attached' });
    expect(await page.textContent('main')).toContain('Đang mất mạng');
    await page.selectOption('[name=growingAreaId]', area.id);
    await page.fill('[name=appliedAt]', '2026-01-06');
    await page.selectOption('[name=kind]', 'pesticide');
    await page.fill('[name=productName]', 'Anvil 5SC');
    await page.fill('[name=dose]', '1');
    await page.fill('[name=phiDays]', '7');
    await page.click('form button[type=submit]');
    await page.waitForSelector('.outbox-entry:has-text("Anvil 5SC") [data-state=waiting]');
    // The link returns: refused (a dose without its unit), said in Vietnamese, corrected in the same form and sent.
    await context.setOffline(false);
    await page.waitForSelector('.outbox-entry:has-text("Anvil 5SC") [data-state=refused]');
    await page.click('.outbox-entry:has-text("Anvil 5SC") [data-testid=edit]');
    await page.waitForSelector('[name=doseUnit]');
    expect(await page.inputValue('[name=growingAreaId]')).toBe(area.id);
    await page.fill('[name=doseUnit]', 'l/ha');
    await page.click('form button[type=submit]');
    await page.waitForSelector('.outbox-entry:has-text("Anvil 5SC") [data-state=sent]');
    const rows = await t.dataSource.query(`SELECT product_name, dose_unit, phi_days, position FROM input_application WHERE organization_id = $1`, [org.organizationId]);
    expect(rows).toEqual([{ product_name: 'Anvil 5SC', dose_unit: 'l/ha', phi_days: 7, position: { latitude: 21.3857, longitude: 103.0169, accuracyM: 12 } }]);
    await context.close();
  });

  it('adds an evidence photo of a growing area from a file input; it shows on the area page, resized, without EXIF', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const { context, page } = await login(org);
    await page.goto(`${base}/console/#/growing-areas/${area.id}`);
    await page.waitForSelector('[data-testid=evidence-photos]');
    await page.fill('[name=photoCaption]', 'Cột mốc <b>góc</b> bắc');
    await page.setInputFiles('[data-testid=evidence-photo-input]', { name: 'moc.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto() });
    await page.waitForSelector('[data-testid=evidence-photo] img[src^="blob:"]');
    // The caption is text, never markup.
    expect(await page.textContent('[data-testid=evidence-photo] figcaption')).toBe('Cột mốc <b>góc</b> bắc');
    const rows = await t.dataSource.query(`SELECT width, caption FROM evidence_photo WHERE organization_id = $1 AND growing_area_id = $2`, [org.organizationId, area.id]);
    expect(rows).toEqual([{ width: 1280, caption: 'Cột mốc <b>góc</b> bắc' }]);
    // Still there when the page is opened again.
    await page.reload();
    await page.waitForSelector('[data-testid=evidence-photo] img[src^="blob:"]');
    await context.close();
  });

  it('shares the public lot page: the address copied when the phone has no share sheet, and said so', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const product = await createProduct(t.server, org);
    const lot = (await request(t.server).post('/api/v1/lots/harvest').set(org.auth).send({ growingAreaId: area.id, productId: product.id, quantity: '5', unit: 'kg', harvestedAt: new Date().toISOString() }).expect(201)).body;
    const page = await b.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    const context = page.context();
    await page.goto(lot.uri);
    // Headless Chromium on Linux has no share sheet: the fallback is taken.
    await page.evaluate('delete Navigator.prototype.share');
    await page.click('a[data-share]');
    await page.waitForSelector('#share-note:has-text("Đã chép đường dẫn")');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(lot.uri);
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
    // Saved online, the harvest carries the phone's position too (asked for when the form opened).
    const [{ id, position }] = await t.dataSource.query(`SELECT id, details->'position' AS position FROM event WHERE organization_id = $1 AND type = 'harvest'`, [org.organizationId]);
    expect(position).toEqual({ latitude: 21.3857, longitude: 103.0169, accuracyM: 12 });
    await page.goto(`${base}/console/#/events/${id}`);
    expect(await page.textContent('[data-testid=event-position]')).toContain('21.3857, 103.0169 (± 12 m)');
    await context.close();
  });
});
