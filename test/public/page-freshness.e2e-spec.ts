import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { PgNotifications } from '@app/database';
import { PublicLotService, ScanRecorder } from '@app/traceability';
import { LOT_PAGES_CHANNEL } from '../../apps/api/src/public/pages/page-freshness.js';
import { PublicPageService } from '../../apps/api/src/public/pages/public-page.service.js';
import { acceptTradeLink, buildGenealogy, createPartner, signupOrganization, startPostgresProxy, startTestApp, testConfig, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

const BASE = 'https://truyxuat.example.vn';
const PHONE = 'Mozilla/5.0 (Linux; Android 11; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const RECALL_BANNER = 'SẢN PHẨM ĐANG BỊ THU HỒI';
const suffix = () => `${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1000)}`;
const config = (overrides: Record<string, string> = {}) =>
  testConfig({ PUBLIC_BASE_URL: BASE, LOG_LEVEL: 'error', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', ...overrides });

/** Every statement any connection of this process sends to PostgreSQL while `work` runs, but the scan log's. */
async function queriesDuring(work: () => Promise<void>): Promise<string[]> {
  const spy = jest.spyOn(pg.Client.prototype, 'query');
  try {
    await work();
    return spy.mock.calls
      .map(([query]) => (typeof query === 'string' ? query : ((query as { text?: string; name?: string })?.text ?? (query as { name?: string })?.name ?? '')))
      .filter((text) => !/\bscan(_salt)?\b/.test(text));
  } finally {
    spy.mockRestore();
  }
}

/** Resolves when `emitter` emits `event`, or fails after `ms`. */
function next(emitter: PgNotifications, event: 'lost' | 'restored', ms = 30_000): Promise<void> {
  return Promise.race([
    once(emitter, event).then(() => undefined),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no '${event}' within ${ms} ms`)), ms).unref()),
  ]);
}

/** Starts listening for a notification that this organization's pages changed; `heard` resolves when it comes. */
async function listenFor(notifications: PgNotifications, organizationId: string): Promise<{ heard: Promise<void> }> {
  let hear!: () => void;
  const heard = new Promise<void>((resolve) => (hear = resolve));
  const stop = await notifications.subscribe(LOT_PAGES_CHANNEL, (payload) => {
    if (payload === organizationId) hear();
  });
  return { heard: heard.finally(stop) };
}

describe('public pages: kept current by notifications, across processes, through outages', () => {
  let t: TestApp;
  let admin: pg.Client;

  beforeAll(async () => {
    t = await startTestApp(createApiApp, config());
    admin = new pg.Client({ connectionString: t.config.databaseUrl });
    await admin.connect();
  }, 180_000);
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  const page = (app: TestApp, path: string, headers: Record<string, string> = {}) => request(app.server).get(path).set({ 'User-Agent': PHONE, Accept: HTML, ...headers });

  it('serves a cached page without a single query to PostgreSQL', async () => {
    const g = await buildGenealogy(t.server, suffix());
    const path = `/01/${g.gtin}/10/${g.packed.code}`;
    expect(t.app.get(PublicPageService).notificationsLive).toBe(true);
    const cold = await queriesDuring(async () => {
      await page(t, path).expect(200);
      await page(t, `/l/${g.packed.shortCode}`).expect(200);
    });
    expect(cold.length).toBeGreaterThan(3); // the counter sees the queries that build a page
    const warm = await queriesDuring(async () => {
      for (let i = 0; i < 10; i++) {
        await page(t, path).expect(200);
        await page(t, `/l/${g.packed.shortCode}?lang=en`).expect(200);
        await page(t, path, { Accept: 'application/ld+json' }).expect(200);
        await page(t, `${path}?linkType=linkset`).expect(200);
      }
    });
    expect(warm).toEqual([]);
  });

  it('shows a new event of another organization on the genealogy at the next request', async () => {
    const g = await buildGenealogy(t.server, suffix());
    const shop = await signupOrganization(t.server, { organizationName: `Cửa hàng Đặc sản ${suffix()}`, province: 'Hà Nội' });
    const partner = await createPartner(t.server, g.org, { kind: 'retailer', name: 'Cửa hàng Đặc sản', linkedOrganizationId: shop.organizationId, province: 'Hà Nội' });
    await acceptTradeLink(t.server, shop, g.org.organizationId);
    const at = new Date(g.harvestedAt.getTime() + 5 * 60_000).toISOString();
    const shipped = await request(t.server).post(`/api/v1/lots/${g.packed.id}/ship`).set(g.org.auth).send({ partnerId: partner.id, quantity: '10', unit: 'pack', shippedAt: at }).expect(201);
    const received = await request(t.server).post(`/api/v1/shipments/${shipped.body.shipment.id}/receive`).set(shop.auth).send({ receivedAt: at }).expect(201);
    const path = `/l/${received.body.lot.shortCode}`;
    const views = t.app.get(PublicLotService);
    const builds = jest.spyOn(views, 'lotView');
    try {
      expect((await page(t, path).expect(200)).text).not.toContain('Kiểm nghiệm');
      const built = builds.mock.calls.length;
      await page(t, path).expect(200);
      expect(builds).toHaveBeenCalledTimes(built); // served from memory
      // The cooperative (another organization than the shop's) inspects the milled rice upstream.
      await request(t.server)
        .post(`/api/v1/lots/${g.milled.id}/inspect`)
        .set(g.org.auth)
        .send({ result: 'conformant', inspectedAt: new Date().toISOString(), documents: [{ type: 'lab_report', number: 'KQ-77' }] })
        .expect(201);
      const after = await page(t, path).expect(200);
      expect(after.text).toContain('Kiểm nghiệm');
      expect(builds.mock.calls.length).toBeGreaterThan(built);
    } finally {
      builds.mockRestore();
    }
  });

  it('shows a recall made through one API instance on the very next request to another', async () => {
    const second = await startTestApp(createApiApp, config());
    try {
      const g = await buildGenealogy(t.server, suffix());
      const path = `/01/${g.gtin}/10/${g.packed.code}`;
      const builds = jest.spyOn(second.app.get(PublicLotService), 'lotView');
      expect((await page(second, path).expect(200)).text).not.toContain(RECALL_BANNER);
      await page(second, path).expect(200);
      expect(builds).toHaveBeenCalledTimes(1); // the second instance serves it from its memory
      await request(t.server).post('/api/v1/recalls').set(g.org.auth).send({ lotId: g.harvests[0].id, reason: 'Nấm mốc trong kho' }).expect(201);
      const after = await page(second, path).expect(200);
      expect(after.text).toContain(RECALL_BANNER);
      expect(after.text).toContain('Nấm mốc trong kho');
    } finally {
      await second.close();
    }
  });

  it('asks the database at every request while notifications are down, and trusts nothing cached before once they are back', async () => {
    const proxy = await startPostgresProxy(t.config.databaseUrl!);
    const app = await startTestApp(createApiApp, config({ DATABASE_URL: proxy.url }));
    try {
      const g = await buildGenealogy(t.server, suffix());
      const path = `/l/${g.packed.shortCode}`;
      const pages = app.app.get(PublicPageService);
      const notifications = app.app.get(PgNotifications);
      await page(app, path).expect(200);
      expect(pages.notificationsLive).toBe(true);

      // The notification session is killed and kept from reconnecting; the pool still works.
      proxy.blockNotifications(true);
      const lost = next(notifications, 'lost');
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'nguon-notifications' AND datname = current_database()`);
      await lost;
      expect(pages.notificationsLive).toBe(false);

      // A recall written without any notification (a bare UPDATE, as if its notification were lost).
      await admin.query(`UPDATE lot SET status = 'recalled', recalled_at = now(), recall_reason = 'Thu hồi thử nghiệm' WHERE id = $1`, [g.packed.id]);
      const during = await page(app, path).expect(200);
      expect(during.text).toContain(RECALL_BANNER);
      expect(during.headers.warning).toBeUndefined();

      // A registry edit nobody is told about (triggers off for this session): the page's version does
      // not cover it, so only rebuilding what was cached before the reconnection shows it.
      await admin.query('BEGIN');
      await admin.query(`SET LOCAL session_replication_role = replica`);
      await admin.query(`UPDATE product SET name_vi = 'Gạo nếp Séng Cù (mới)' WHERE id = $1`, [g.product.id]);
      await admin.query('COMMIT');
      const restored = next(notifications, 'restored');
      proxy.blockNotifications(false);
      await restored;
      expect(pages.notificationsLive).toBe(true);
      expect((await page(app, path).expect(200)).text).toContain('Gạo nếp Séng Cù (mới)');

      // Notifications drive the cache again: no query for a cached page, and a change shows at once.
      expect(await queriesDuring(async () => void (await page(app, path).expect(200)))).toEqual([]);
      // (Made through the other instance; this one is asked once it has heard of it: how soon another
      // process hears is the test above, without the proxy's extra hop.)
      const { heard } = await listenFor(notifications, g.org.organizationId);
      await request(t.server).patch(`/api/v1/products/${g.product.id}`).set(g.org.auth).send({ nameVi: 'Gạo nếp Séng Cù Điện Biên' }).expect(200);
      await heard;
      expect((await page(app, path).expect(200)).text).toContain('Gạo nếp Séng Cù Điện Biên');
    } finally {
      await app.close();
      await proxy.close();
    }
  });

  it('serves cached pages marked stale while PostgreSQL is unreachable, answers 503 (never 500) for the rest, and writes the scans afterwards', async () => {
    const proxy = await startPostgresProxy(t.config.databaseUrl!);
    const app = await startTestApp(createApiApp, config({ DATABASE_URL: proxy.url }));
    try {
      const g = await buildGenealogy(t.server, suffix());
      const path = `/01/${g.gtin}/10/${g.packed.code}`;
      await page(app, path).expect(200);
      await page(app, `/l/${g.packed.shortCode}`).expect(200);
      await page(app, `/01/${g.gtin}`).expect(200);
      await app.app.get(PublicPageService).flushScans();
      const before = Number((await admin.query(`SELECT count(*) FROM scan WHERE lot_id = $1`, [g.packed.id])).rows[0].count);

      proxy.pause();
      const stale = await page(app, path).expect(200);
      expect(stale.headers.warning).toBe('111 - "Revalidation Failed"');
      expect(stale.headers['cache-control']).toContain('stale-if-error');
      expect(stale.text).toContain(g.product.nameVi);
      expect(stale.text).toContain('Hệ thống đang tạm gián đoạn: thông tin dưới đây là bản đã lưu');
      const english = await page(app, `${path}?lang=en`).expect(200);
      expect(english.text).toContain('this is a saved copy and may not be current');
      const jsonLd = await page(app, path, { Accept: 'application/ld+json' }).expect(200);
      expect(jsonLd.headers.warning).toBe('111 - "Revalidation Failed"');
      expect(JSON.parse(jsonLd.text)['@type']).toBe('SomeProducts');
      // A label whose scans were never read: the page goes without its block rather than failing.
      const label = await page(app, `/l/${g.packed.shortCode}/123456789`).expect(200);
      expect(label.headers.warning).toBeDefined();
      await page(app, `/01/${g.gtin}`).expect(200);
      expect((await page(app, `/public/lots/${g.packed.shortCode}/recall-status`, { Accept: 'application/json' }).expect(200)).body.recalled).toBe(false);

      // Pages never cached here: 503, in Vietnamese for people, in English on request, JSON for programs.
      const uncached = `/l/${g.milled.shortCode}`;
      const vi = await page(app, uncached).expect(503);
      expect(vi.headers['retry-after']).toBe('10');
      expect(vi.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(vi.text).toContain('Tạm thời gián đoạn');
      expect(vi.text).toContain('DATABASE_UNAVAILABLE');
      expect((await page(app, `${uncached}?lang=en`).expect(503)).text).toContain('Temporarily unavailable');
      expect((await page(app, uncached, { 'Accept-Language': 'en-US,en;q=0.9' }).expect(503)).text).toContain('briefly unavailable');
      const json = await page(app, uncached, { Accept: 'application/json' }).expect(503);
      expect(json.body).toEqual({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: expect.any(String) });
      expect(json.headers['retry-after']).toBe('10');
      await page(app, `/01/${g.gtin}/10/${g.harvests[0].code}`, { Accept: 'application/ld+json' }).expect(503);

      // The scans of the outage wait in memory, and are written once the database is back.
      const recorder = app.app.get(ScanRecorder);
      await app.app.get(PublicPageService).flushScans();
      expect(recorder.pending).toBe(4); // the four lot resolutions above (HTML, English, JSON-LD, label)
      proxy.resume();
      await app.app.get(PublicPageService).flushScans();
      expect(recorder.pending).toBe(0);
      const after = Number((await admin.query(`SELECT count(*) FROM scan WHERE lot_id = $1`, [g.packed.id])).rows[0].count);
      expect(after - before).toBe(4);
      const fresh = await page(app, path).expect(200);
      expect(fresh.headers.warning).toBeUndefined();
      expect(fresh.text).not.toContain('Hệ thống đang tạm gián đoạn');
    } finally {
      await app.close().catch(() => undefined);
      await proxy.close();
    }
  });
});
