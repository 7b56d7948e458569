import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import request from 'supertest';
import { createLotTestSetup, createProgrammeOffice, grantOversight, signupOrganization, startBrowserApp, type BrowserApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

const SIZES = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };

/**
 * The showcase in Chromium at phone and desktop sizes (issue 20): browse the province's catalogue,
 * filter by group and commune, open the producer, then the product, then its latest lot's page.
 */
describe('OCOP showcase in a real browser', () => {
  let b: BrowserApp;
  let t: BrowserApp['app'];
  let browser: Browser;
  let origin: string;
  let coop: TestOrganization;
  let coopName: string;
  let lotCode: string;
  let paddyId: string;
  const productName = 'Thóc nếp Séng Cù';

  beforeAll(async () => {
    b = await startBrowserApp(createApiApp, { config: { LOG_LEVEL: 'error' } });
    ({ app: t, baseUrl: origin, browser } = b);
    const office = await createProgrammeOffice(t, { province: 'Điện Biên' });
    coopName = `HTX Nếp Tú Lệ ${Date.now().toString(36)}`;
    coop = await signupOrganization(t.server, { province: 'Điện Biên', organizationName: coopName });
    await grantOversight(t.server, office, coop);
    await t.dataSource.query(`UPDATE organization SET commune = 'Phường Mường Thanh', commune_code = '03334' WHERE id = $1`, [coop.organizationId]);
    const s = await createLotTestSetup(t.dataSource, coop.organizationId);
    paddyId = s.paddyId;
    await t.dataSource.query(`UPDATE product SET ocop_group = 1 WHERE id = $1`, [s.paddyId]);
    await t.dataSource.query(
      `INSERT INTO certification (organization_id, kind, level, issuing_level, number, issuer, issued_at, expires_at, scope_type, scope_id)
       VALUES ($1, 'ocop', 4, 'provincial', '77/QĐ-UBND', 'UBND tỉnh Điện Biên', '2025-01-01', '2028-12-31', 'product', $2)`,
      [coop.organizationId, s.paddyId],
    );
    const lot = await request(t.server)
      .post('/api/v1/lots/harvest')
      .set(coop.auth)
      .send({ growingAreaId: s.areaId, productId: s.paddyId, quantity: '100', unit: 'kg', harvestedAt: '2026-10-01', partnerId: s.householdId })
      .expect(201);
    lotCode = lot.body.code;
    await request(t.server).put('/api/v1/organization/public-profile').set(coop.auth).send({ listed: true, storyVi: 'Nếp Tú Lệ thơm dẻo, trồng ruộng bậc thang.' }).expect(200);
  });
  afterAll(async () => {
    await b?.close();
  });

  for (const [size, viewport] of Object.entries(SIZES)) {
    it(`browses → filters → producer → product → latest lot (${size})`, async () => {
      const context = await browser.newContext({ viewport, locale: 'vi-VN' });
      const page = await context.newPage();
      const external: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) external.push(r.url());
      });
      try {
        await page.goto(`${origin}/ocop/11`);
        expect(await page.title()).toContain('Sản phẩm OCOP');
        // The search narrows to this file's product among whatever else the province lists.
        await page.fill('input[name=q]', 'thoc nep seng cu');
        await page.selectOption('[data-testid=filter-group]', '1');
        await page.selectOption('[data-testid=filter-commune]', '03334');
        await Promise.all([page.waitForURL(/group=1/), page.click('form.f button[type=submit]')]);
        expect(page.url()).toContain('commune=03334');
        expect(await page.locator('#products').getByText(productName).count()).toBeGreaterThan(0);
        // Nothing wider than the screen on a phone.
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

        await Promise.all([page.waitForURL(/\/producers\//), page.locator('#producers a', { hasText: coopName }).click()]);
        expect(await page.locator('[data-testid=producer-name]').textContent()).toBe(coopName);
        expect(await page.textContent('body')).toContain('Nếp Tú Lệ thơm dẻo');

        await Promise.all([page.waitForURL(/\/ocop\/products\//), page.locator('#products a', { hasText: productName }).first().click()]);
        expect(await page.locator('[data-testid=product-name]').textContent()).toBe(productName);
        expect(await page.locator('[data-testid=producer-link]').textContent()).toBe(coopName);

        await Promise.all([page.waitForURL(/\/l\//), page.click('[data-testid=latest-lot]')]);
        expect(await page.textContent('body')).toContain(lotCode);
        expect(await page.locator('[data-testid=showcase-links]').count()).toBe(1);

        // English switch on the catalogue keeps the page and changes the words.
        await page.goto(`${origin}/ocop/11`);
        await Promise.all([page.waitForURL(/lang=en/), page.click('[data-testid=lang-switch]')]);
        expect(await page.title()).toContain('OCOP products of');
        // The map draws from this service's Leaflet, once scrolled into view (no tiles configured: plain background).
        await page.locator('#map').scrollIntoViewIfNeeded();
        await page.locator('#map[data-drawn]').waitFor();
        expect(await page.locator('#map').getAttribute('data-drawn')).not.toBe('failed');
        expect(external).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('edits the public page in the console: a photo from a file input appears resized on the public pages, without EXIF', async () => {
    const context = await browser.newContext({ viewport: SIZES.phone, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/console/`);
      await page.fill('#email', coop.email);
      await page.fill('#password', coop.password);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=org-name]');
      await page.goto(`${origin}/console/#/showcase`);
      await page.waitForSelector('[data-testid=product-photos]');
      expect(await page.locator('[data-testid=public-page-link]').count()).toBe(1);
      const photo = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: { r: 180, g: 140, b: 60 } } })
        .jpeg({ quality: 92 })
        .withExif({ IFD0: { Copyright: 'EXIF-BI-MAT' } })
        .toBuffer();
      await page.setInputFiles(`[data-testid=product-photo-${paddyId}]`, { name: 'thoc.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.waitForSelector('[data-testid=product-photos] img');
      const product = await request(t.server).get(`/ocop/products/${paddyId}`).set('accept', 'text/html').expect(200);
      const src = /<img class="hero" src="([^"]+)"/.exec(product.text)![1];
      const served = await fetch(`${origin}${src}`);
      const bytes = Buffer.from(await served.arrayBuffer());
      expect(served.headers.get('content-type')).toBe('image/webp');
      expect(bytes.length).toBeLessThanOrEqual(30 * 1024);
      expect(bytes.includes(Buffer.from('EXIF-BI-MAT'))).toBe(false);
      expect((await sharp(bytes).metadata()).width).toBeLessThanOrEqual(640);
    } finally {
      await context.close();
    }
  });
});
