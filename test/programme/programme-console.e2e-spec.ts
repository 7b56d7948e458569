import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Browser, type BrowserContext } from 'playwright-core';
import request from 'supertest';
import { createLotTestSetup, createProgrammeOffice, pdfText, grantOversight, signupOrganization, startTestApp, testConfig, type TestApp, type TestOrganization, launchChromium } from '@app/testing';
import { ProgrammeAlertsService, ProgrammeRollupsService } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'programme');
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * The office's journey in Chromium with no network but the service itself (map tiles would be
 * refused): log in → dashboard → filter by commune → a cooperative → one of its lots, at desktop and
 * phone widths.
 */
describe('console: the programme office’s dashboard in a real browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let office: TestOrganization;
  let muongThanh: TestOrganization;
  let lotCode: string;
  const problems: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp(createApiApp, testConfig({ PUBLIC_BASE_URL: base, PORT: String(port) }), createWorkerApp);
    await t.app.listen(port, '127.0.0.1');
    browser = await launchChromium();

    office = await createProgrammeOffice(t, { province: 'Điện Biên' });
    muongThanh = await signupOrganization(t.server, { organizationName: 'HTX Nông nghiệp Mường Thanh', province: 'Điện Biên' });
    const thanhYen = await signupOrganization(t.server, { organizationName: 'HTX Chè Thanh Yên', province: 'Điện Biên' });
    for (const coop of [muongThanh, thanhYen]) await grantOversight(t.server, office, coop);
    await t.dataSource.query(`UPDATE organization SET commune = 'Phường Mường Thanh', commune_code = '03334' WHERE id = $1`, [muongThanh.organizationId]);
    await t.dataSource.query(`UPDATE organization SET commune = 'Xã Thanh Yên', commune_code = '03349' WHERE id = $1`, [thanhYen.organizationId]);
    const s = await createLotTestSetup(t.dataSource, muongThanh.organizationId);
    // One area drawn as a field boundary, one as a point; a third in the other cooperative.
    await t.dataSource.query(`UPDATE growing_area SET location = $2 WHERE id = $1`, [
      s.areaId,
      JSON.stringify({ type: 'Polygon', coordinates: [[[103.016, 21.367], [103.021, 21.367], [103.021, 21.372], [103.016, 21.372], [103.016, 21.367]]] }),
    ]);
    await t.dataSource.query(`UPDATE growing_area SET location = $2 WHERE id = $1`, [s.secondAreaId, JSON.stringify({ type: 'Point', coordinates: [103.03, 21.36] })]);
    const other = await createLotTestSetup(t.dataSource, thanhYen.organizationId);
    await t.dataSource.query(`UPDATE growing_area SET location = $2, status = 'suspended' WHERE id = $1`, [other.areaId, JSON.stringify({ type: 'Point', coordinates: [103.05, 21.33] })]);
    const harvest = await request(t.server)
      .post('/api/v1/lots/harvest')
      .set(muongThanh.auth)
      .send({ growingAreaId: s.areaId, productId: s.paddyId, quantity: '1200', unit: 'kg', harvestedAt: `${new Date().getUTCFullYear()}-01-15`, partnerId: s.householdId })
      .expect(201);
    lotCode = harvest.body.code ?? harvest.body.lot?.code;
    // An OCOP certificate 20 days from expiry, and this morning's alerts computed as the worker would.
    const expires = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await t.dataSource.query(
      `INSERT INTO certification (organization_id, kind, level, issuing_level, number, issuer, issued_at, expires_at, scope_type, scope_id)
       VALUES ($1, 'ocop', 4, 'provincial', '12/QĐ-UBND', 'UBND tỉnh Điện Biên', '2023-06-01', $2, 'product', $3)`,
      [muongThanh.organizationId, expires, s.paddyId],
    );
    await t.app.get(ProgrammeAlertsService).compute();
    // The worker's rollup refresh, as its ten-minute schedule would run it.
    await t.app.get(ProgrammeRollupsService).refresh();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function context(width: number, height: number): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN' });
    // No network: only the service answers; anything else (tiles, CDNs) is refused and recorded.
    await ctx.route('**/*', (route) => {
      if (route.request().url().startsWith(base)) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    return ctx;
  }

  for (const [name, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]] as const) {
    it(`walks from the dashboard to a cooperative’s lot (${name})`, async () => {
      const ctx = await context(width, height);
      const page = await ctx.newPage();
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
      });
      await page.goto(`${base}/console/#/login`);
      await page.fill('#email', office.email);
      await page.fill('#password', office.password);
      await page.click('form button[type=submit]');
      await page.waitForSelector('[data-testid=kpi-cooperatives]');
      // The office's menu is the province's, not a cooperative's empty workspace.
      const menu = await page.locator('nav a').allTextContents();
      expect(menu).toContain('Tổng quan tỉnh');
      expect(menu).not.toContain('Lô hàng');
      expect(await page.textContent('[data-testid=kpi-cooperatives]')).toBe('2');
      await page.waitForSelector('[data-testid=chart-monthly][data-drawn=true]');
      await page.waitForSelector('[data-testid=programme-map][data-drawn=true]');
      expect(await page.getAttribute('[data-testid=programme-map]', 'data-areas')).toBe('3');
      // The areas are drawn as vector shapes on the plain background (no tile images).
      expect(await page.locator('[data-testid=programme-map] path.leaflet-interactive').count()).toBe(3);
      expect(await page.locator('[data-testid=programme-map] img.leaflet-tile').count()).toBe(0);
      expect(await page.textContent('[data-testid=freshness]')).toContain('Số liệu tính lúc');
      // Each section says when its figures were computed: live, or summed by the worker.
      expect(await page.textContent('[data-testid=freshness-monthly]')).toMatch(/^Cập nhật lúc .*máy xử lý tổng hợp mỗi 10 phút/);
      expect(await page.textContent('[data-testid=freshness-coverage]')).toContain('máy xử lý tổng hợp');
      expect(await page.textContent('[data-testid=freshness-cooperatives]')).toMatch(/^Cập nhật lúc .*tính trực tiếp/);
      // This morning's alerts: the certificate running out, named in Vietnamese, linked to its cooperative.
      const alert = page.locator('[data-testid=alert-certificate_expiring]');
      expect(await alert.count()).toBe(1);
      expect(await alert.textContent()).toMatch(/Khẩn.*Giấy chứng nhận OCOP sắp hết hạn.*4★ · còn (19|20|21) ngày.*HTX Nông nghiệp Mường Thanh/);
      expect(await page.textContent('[data-testid=alerts-freshness]')).toContain('Tính lúc');
      await page.screenshot({ path: join(ARTIFACTS, `1-dashboard-${name}.png`), fullPage: true });

      // The monthly report: the worker makes it while the row shows progress; the PDF downloads.
      await page.fill('[data-testid=report-month]', '2026-01');
      await page.click('[data-testid=report-make]');
      await page.waitForSelector('[data-testid=reports] tr[data-status=done]');
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=reports] tr[data-status=done] [data-testid=report-pdf]')]);
      expect(pdf.suggestedFilename()).toBe('bao-cao-ocop-2026-01.pdf');
      const saved = join(ARTIFACTS, `report-${name}.pdf`);
      await pdf.saveAs(saved);
      expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfText(saved)).toContain('Báo cáo OCOP tháng 01/2026 — Điện Biên');

      await page.selectOption('[data-testid=filter-commune]', '03334');
      await page.click('[data-testid=filter-apply]');
      await page.waitForURL(/communeCode=03334/); // (the console's CSP refuses string evaluation)
      await page.waitForSelector('[data-testid=kpi-cooperatives]:text-is("1")');
      await page.waitForSelector('[data-testid=programme-map][data-drawn=true]');
      expect(await page.getAttribute('[data-testid=programme-map]', 'data-areas')).toBe('2');
      await page.screenshot({ path: join(ARTIFACTS, `2-filtered-${name}.png`), fullPage: true });

      await page.click(`[data-testid=cooperative-${muongThanh.organizationId}]`);
      await page.waitForSelector('[data-testid=cooperative-lots]');
      expect(await page.textContent('[data-testid=cooperative-name]')).toBe('HTX Nông nghiệp Mường Thanh');
      await page.screenshot({ path: join(ARTIFACTS, `3-cooperative-${name}.png`), fullPage: true });
      await page.click(`[data-testid="lot-${lotCode}"]`);
      await page.waitForURL(/#\/lots\//);
      // Read-only, through the switcher: the header names the cooperative being read, the lot screen its lot.
      await page.waitForSelector('[data-testid=org-name]:text-is("HTX Nông nghiệp Mường Thanh")');
      await page.waitForSelector(`main :text("${lotCode}")`);
      expect(await page.locator('[data-testid=cooperative-lots]').count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, `4-lot-${name}.png`), fullPage: true });
      await ctx.close();
      expect(problems).toEqual([]);
      expect(outside).toEqual([]);
    });
  }
});
