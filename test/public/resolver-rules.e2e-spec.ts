import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { PublicLotService, SUSPICIOUS_SERIAL_DISTINCT_DAYS } from '@app/traceability';
import { acceptTradeLink, buildGenealogy, createPartner, printLabels, signupOrganization, startTestApp, testConfig, type Genealogy } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const BASE = 'https://truyxuat.example.vn';
const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1';
const suffix = () => `${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1000)}`;

describe('public resolver: labels, caching, custody, integrity, limits', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let storageDir: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'nguon-public-rules-'));
    t = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storageDir, PUBLIC_BASE_URL: BASE, LOG_LEVEL: 'error', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }), createWorkerApp);
  });
  afterAll(async () => {
    await t?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => request(t.server).get(path).set({ 'User-Agent': PHONE_UA, Accept: 'text/html', ...headers });

  describe('one label (serial)', () => {
    let g: Genealogy;
    let serials: string[];
    beforeAll(async () => {
      g = await buildGenealogy(t.server, suffix());
      const { job } = await printLabels(t.server, g.org, g.packed.id, 3);
      serials = [job.serialFirst, String(BigInt(job.serialFirst) + 1n), job.serialLast];
    });

    it('says when a label was first scanned, at its GS1 and short URLs alike', async () => {
      const path = `/01/${g.gtin}/10/${g.packed.code}/21/${serials[0]}`;
      const first = await get(path).expect(200);
      expect(first.text).toContain('Đây là lần quét đầu tiên của tem này.');
      expect(first.headers['cache-control']).toBe('public, no-cache, stale-if-error=86400');
      const second = await get(`/l/${g.packed.shortCode}/${serials[0]}`).expect(200);
      expect(second.text).toContain('Tem được quét lần đầu lúc');
      expect(second.text).not.toContain('Đây là lần quét đầu tiên');
    });

    it('resolves GTIN + serial alone (serials are unique) and refuses an unknown one', async () => {
      const item = await get(`/01/${g.gtin}/21/${serials[1]}`).expect(200);
      expect(item.text).toContain(g.packed.code);
      expect(item.text).toContain(`<code>${serials[1]}</code>`);
      await get(`/01/${g.gtin}/21/999999999999`).expect(404);
    });

    it('warns when a serial was not issued for this lot', async () => {
      const page = await get(`/01/${g.gtin}/10/${g.packed.code}/21/999999999999`).expect(200);
      expect(page.text).toContain('số sê-ri này không được cấp cho lô hàng này');
      const otherLot = await get(`/l/${g.milled.shortCode}/${serials[2]}`).expect(200);
      expect(otherLot.text).toContain('số sê-ri này không được cấp cho lô hàng này');
    });

    it('warns when a label has been scanned on unusually many days (a copied label)', async () => {
      const days = SUSPICIOUS_SERIAL_DISTINCT_DAYS + 5;
      await t.dataSource.query(
        `INSERT INTO scan (organization_id, lot_id, serial, scanned_at, scanned_on, client_class, representation)
         SELECT $1, $2, $3, now() - make_interval(days => d), (now() - make_interval(days => d))::date, 'android', 'html' FROM generate_series(1, $4) AS d`,
        [g.org.organizationId, g.packed.id, serials[2], days],
      );
      const page = await get(`/l/${g.packed.shortCode}/${serials[2]}`).expect(200);
      expect(page.text).toContain(`Tem này đã được quét ${days} lần trong ${days} ngày khác nhau`);
      const stats = await request(t.server).get(`/api/v1/lots/${g.packed.id}/scans?top=5&days=60`).set(g.org.auth).expect(200);
      expect(stats.body.topSerials[0]).toMatchObject({ serial: serials[2], suspicious: true });
      expect(stats.body.byDay.length).toBeGreaterThan(days - 1);
      await request(t.server).get(`/api/v1/lots/${g.packed.id}/scans?top=0`).set(g.org.auth).expect(400);
    });

    it('counts GET resolutions by client class, not HEAD or OPTIONS, and keeps no IP', async () => {
      const before = (await request(t.server).get(`/api/v1/lots/${g.milled.id}/scans`).set(g.org.auth).expect(200)).body;
      await get(`/l/${g.milled.shortCode}`, { 'User-Agent': 'facebookexternalhit/1.1' }).expect(200);
      await get(`/l/${g.milled.shortCode}`, { 'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0' }).expect(200);
      await get(`/l/${g.milled.shortCode}?linkType=gs1:pip`, { 'User-Agent': 'Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36' }).expect(307);
      await request(t.server).head(`/l/${g.milled.shortCode}`).expect(200);
      await request(t.server).options(`/l/${g.milled.shortCode}`).expect(204);
      const after = (await request(t.server).get(`/api/v1/lots/${g.milled.id}/scans`).set(g.org.auth).expect(200)).body;
      expect(after.total - before.total).toBe(3);
      expect((after.byClientClass.bot ?? 0) - (before.byClientClass.bot ?? 0)).toBe(1);
      expect((after.byClientClass.desktop ?? 0) - (before.byClientClass.desktop ?? 0)).toBe(1);
      expect(after.consumer - before.consumer).toBe(2);
      const columns = await t.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'scan'`);
      expect(columns.map((c: { column_name: string }) => c.column_name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/ip|agent|address/)]));
    });
  });

  it('serves hits from the cache and rebuilds the page on any new event in the genealogy', async () => {
    const g = await buildGenealogy(t.server, suffix());
    const views = t.app.get(PublicLotService);
    const spy = jest.spyOn(views, 'lotView');
    try {
      const path = `/l/${g.packed.shortCode}`;
      const first = await get(path).expect(200);
      await get(path).expect(200);
      await get(`${path}?lang=en`).expect(200);
      await get(path, { Accept: 'application/ld+json' }).expect(200);
      expect(spy).toHaveBeenCalledTimes(1);
      // An inspection two steps upstream (the milled rice) is a new event on the packed lot's genealogy.
      await request(t.server)
        .post(`/api/v1/lots/${g.milled.id}/inspect`)
        .set(g.org.auth)
        .send({ result: 'conformant', inspectedAt: new Date().toISOString(), documents: [{ type: 'lab_report', number: 'KQ-001' }], notes: 'Ghi chú nội bộ của phòng thí nghiệm' })
        .expect(201);
      const after = await get(path).expect(200);
      expect(spy).toHaveBeenCalledTimes(2);
      expect(after.headers.etag).not.toBe(first.headers.etag);
      expect(after.text).toContain('Kiểm nghiệm');
      expect(after.text).toContain('Kết quả: đạt');
      expect(after.text).not.toContain('Ghi chú nội bộ của phòng thí nghiệm');
      expect(after.text).not.toContain('KQ-001');
    } finally {
      spy.mockRestore();
    }
  });

  it('follows custody across organizations: the receiver’s lot shows the whole journey, and an upstream recall reaches it at once', async () => {
    const g = await buildGenealogy(t.server, suffix());
    const shop = await signupOrganization(t.server, { organizationName: `Cửa hàng Đặc sản Tây Bắc ${suffix()}`, province: 'Hà Nội' });
    const partner = await createPartner(t.server, g.org, { kind: 'retailer', name: 'Cửa hàng Đặc sản Tây Bắc', linkedOrganizationId: shop.organizationId, province: 'Hà Nội' });
    await acceptTradeLink(t.server, shop, g.org.organizationId);
    const shipped = await request(t.server)
      .post(`/api/v1/lots/${g.packed.id}/ship`)
      .set(g.org.auth)
      // The genealogy's steps are a few minutes apart from its harvest; this one comes after them.
      .send({ partnerId: partner.id, quantity: '20', unit: 'pack', shippedAt: new Date(g.harvestedAt.getTime() + 5 * 60_000).toISOString() })
      .expect(201);
    const received = await request(t.server).post(`/api/v1/shipments/${shipped.body.shipment.id}/receive`)
      .set(shop.auth)
      .send({ receivedAt: new Date(g.harvestedAt.getTime() + 5 * 60_000).toISOString() })
      .expect(201);
    const path = `/l/${received.body.lot.shortCode}`;
    const page = await get(path).expect(200);
    for (const text of [...g.areaCodes, 'Chế biến: Xay xát', 'Đóng gói', 'Tiếp nhận', g.product.nameVi]) expect([text, page.text.includes(text)]).toEqual([text, true]);
    expect(page.text).toContain('OCOP 4 sao');
    expect(page.text).toMatch(/đã kiểm chứng chuỗi \d+ sự kiện/);

    await request(t.server).post('/api/v1/recalls').set(g.org.auth).send({ lotId: g.milled.id, reason: 'Nấm mốc trong kho' }).expect(201);
    const recalled = await get(path).expect(200);
    expect(recalled.text).toContain('SẢN PHẨM ĐANG BỊ THU HỒI');
    expect(recalled.text).toContain('Nấm mốc trong kho');
  });

  it('answers a voided lot with 410 Gone', async () => {
    const g = await buildGenealogy(t.server, suffix());
    const lot = await request(t.server).get(`/api/v1/lots/${g.packed.id}`).set(g.org.auth).expect(200);
    // The packed lot has been shipped: void the shipment first, then the packing.
    await request(t.server).get(`/l/${g.packed.shortCode}`).expect(200);
    const shipmentEvent = (await request(t.server).get(`/api/v1/lots/${g.packed.id}/events`).set(g.org.auth).expect(200)).body.items.find((e: { type: string }) => e.type === 'ship');
    await request(t.server).post(`/api/v1/events/${shipmentEvent.id}/void`).set(g.org.auth).send({ reason: 'Nhập nhầm' }).expect(201);
    await request(t.server).post(`/api/v1/events/${lot.body.createdEventId}/void`).set(g.org.auth).send({ reason: 'Nhập nhầm lô' }).expect(201);
    const gone = await get(`/l/${g.packed.shortCode}`).expect(410);
    expect(gone.text).toContain('Lô hàng đã bị hủy');
    expect(gone.text).not.toContain(g.product.nameVi);
  });

  it('flags a journal whose rows were edited behind the application’s back', async () => {
    const g = await buildGenealogy(t.server, suffix());
    const admin = new pg.Client({ connectionString: t.config.databaseUrl });
    await admin.connect();
    try {
      // Bypass the append-only trigger for this session only, as someone with database access could.
      await admin.query(`SET session_replication_role = replica`);
      await admin.query(`UPDATE event SET event_time = event_time - interval '30 days' WHERE organization_id = $1 AND type = 'harvest'`, [g.org.organizationId]);
    } finally {
      await admin.end();
    }
    const page = await get(`/l/${g.packed.shortCode}`).expect(200);
    expect(page.text).toContain('không kiểm chứng được tính toàn vẹn');
    expect(page.text).not.toContain('Nhật ký sản xuất toàn vẹn');
  });

  it('limits each client on the public paths only, generously', async () => {
    // Behind a proxy on this host (TRUST_PROXY), whose X-Forwarded-For names each client.
    const limited = await startTestApp(createApiApp, testConfig({ PUBLIC_BASE_URL: BASE, LOG_LEVEL: 'error', PUBLIC_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'loopback' }));
    try {
      for (let i = 0; i < 3; i++) await request(limited.server).get('/.well-known/gs1resolver').expect(200);
      const refused = await request(limited.server).get('/l/ZZZZZZZZ').expect(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      await request(limited.server).get('/health/live').expect(200);
      // Another client (behind the proxy) has its own allowance.
      await request(limited.server).get('/.well-known/gs1resolver').set('X-Forwarded-For', '203.0.113.9').expect(200);
    } finally {
      await limited.close();
    }
    expect(testConfig({}).publicRateLimitPerMinute).toBe(600);
  });
});
