import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createProgrammeOffice, grantOversight, programmeRows, signupOrganization, startTestApp, type TestApp, type TestOrganization } from '@app/testing';
import { ProgrammeRollupsService } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';

type Rows = ReturnType<typeof programmeRows>;

/**
 * The province dashboard on seeded data whose answers are known (worked out by hand below), for the
 * period 1 January – 30 June 2026, judged as of 30 June 2026. Rows are written with SQL so that each
 * figure's inputs are exactly the ones listed.
 */
describe('programme office: province dashboard', () => {
  let t: TestApp;
  let office: TestOrganization;
  let a: TestOrganization; // Phường Mường Thanh: the busy cooperative
  let b: TestOrganization; // Xã Thanh Yên: receives a recalled lot
  let d: TestOrganization; // Phường Mường Thanh: linked, records nothing
  let pending: TestOrganization; // invited, never accepted
  let foreign: TestOrganization; // Sơn La, with a forged active link row
  const ids: Record<string, string> = {};
  const period = { from: '2026-01-01', to: '2026-06-30' };
  const q = (db: TestApp['dataSource'], sql: string, params: unknown[]) => db.query(sql, params);

  let event: Rows['event'], product: Rows['product'], ocop: Rows['ocop'], area: Rows['area'], lot: Rows['lot'], labels: Rows['labels'], scan: Rows['scan'], setCommune: Rows['setCommune'];

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    ({ event, product, ocop, area, lot, labels, scan, setCommune } = programmeRows(t.dataSource));
    office = await createProgrammeOffice(t, { province: 'Điện Biên' });
    // A signs up and accepts the office's invitation through the API; the others are rows, which is
    // all the dashboard reads (their users would only cost password hashing on a loaded machine).
    a = await signupOrganization(t.server, { province: 'Điện Biên' });
    await grantOversight(t.server, office, a);
    const organization = async (province: string, linkStatus: string) => {
      const [row] = await q(t.dataSource, `INSERT INTO organization (name, kind, province, province_code) VALUES ($1, 'cooperative', $2, $3) RETURNING id`, [
        `HTX ${randomUUID().slice(0, 8)}`,
        province,
        province === 'Điện Biên' ? '11' : '14',
      ]);
      // The foreign cooperative's "active" link is forged: a link outside the office's province never counts.
      await q(t.dataSource, `INSERT INTO organization_link (kind, from_organization_id, to_organization_id, status, requested_by_organization_id) VALUES ('oversight', $1, $2, $3, $1)`, [
        office.organizationId,
        row.id,
        linkStatus,
      ]);
      return { organizationId: row.id as string } as TestOrganization;
    };
    b = await organization('Điện Biên', 'active');
    d = await organization('Điện Biên', 'active');
    pending = await organization('Điện Biên', 'pending');
    foreign = await organization('Sơn La', 'active');
    await setCommune(a.organizationId, '03334', 'Phường Mường Thanh');
    await setCommune(d.organizationId, '03334', 'Phường Mường Thanh');
    await setCommune(b.organizationId, '03349', 'Xã Thanh Yên');
    const A = a.organizationId;
    const B = b.organizationId;

    // A's OCOP products: P1 4★ long valid (covered), P2 3★ expiring tomorrow (lots without a growing
    // area), P3 5★ expiring 15 Sept (no lots), P4 3★ expired on 1 March.
    const p1 = await product(A, 'Gạo nếp Séng Cù', 1);
    const p2 = await product(A, 'Rượu men lá', 2);
    const p3 = await product(A, 'Mật ong bạc hà', 1);
    const p4 = await product(A, 'Miến dong', 1);
    const p5 = await product(A, 'Ngô nếp', 1); // no certificate
    await ocop(A, p1, 4, '2027-12-31');
    await ocop(A, p2, 3, '2026-07-01');
    await ocop(A, p3, 5, '2026-09-15');
    await ocop(A, p4, 3, '2026-03-01');
    const ga1 = await area(A, 'GA1', 'sticky_rice', 12.5, 'active');
    const ga2 = await area(A, 'GA2', 'rice', 2, 'revoked');
    const l1 = await lot(A, p1, 'harvest', 500, '2026-03-10T08:00:00+07:00', ga1);
    await lot(A, p2, 'processed', 200, '2026-04-05T08:00:00+07:00');
    const l3 = await lot(A, p1, 'packed', 100, '2026-05-02T08:00:00+07:00');
    await q(t.dataSource, `INSERT INTO lot_link (organization_id, parent_lot_id, child_lot_id, event_id, event_type, quantity, unit) VALUES ($1, $2, $3, $4, 'transform', 100, 'kg')`, [
      A,
      l1,
      l3,
      await event(A, 'transform', '2026-05-02T08:00:00+07:00'),
    ]);
    ids.l1 = l1;
    await lot(A, p5, 'harvest', 300, '2025-12-01T08:00:00+07:00', ga2); // from a revoked area, still in stock
    const l5 = await lot(A, p5, 'harvest', 60, '2025-11-01T08:00:00+07:00', ga1, 'recalled');
    await labels(A, l1, 100, '2026-03-12T09:00:00+07:00');
    await labels(A, l5, 10, '2025-11-02T09:00:00+07:00');
    await labels(A, l1, 999, '2026-04-06T09:00:00+07:00', 'failed');
    await event(A, 'harvest', '2026-03-10T08:00:00+07:00', { yieldOverride: { reason: 'mùa bội thu' } });

    // B: a harvest in February; receives part of A's recalled lot.
    const p6 = await product(B, 'Cà phê Mường Ảng', 2);
    const ga3 = await area(B, 'GA3', 'coffee', 5, 'active');
    await lot(B, p6, 'harvest', 400, '2026-02-10T08:00:00+07:00', ga3);
    const l6 = await lot(B, await product(B, 'Ngô nếp (nhận từ A)', 1), 'received', 50, '2026-01-20T08:00:00+07:00', null, 'recalled');
    await labels(B, l6, 40, '2026-01-25T09:00:00+07:00');
    const recallId = randomUUID();
    await event(A, 'recall', '2026-06-01T08:00:00+07:00', { recallId, rootLotId: l5, rootLotCode: 'L5' }, [{ lotId: l5, direction: 'observed', quantity: 60, unit: 'kg' }]);
    await event(B, 'recall', '2026-06-01T08:00:00+07:00', { recallId, rootLotId: null, rootLotCode: 'L5' }, [{ lotId: l6, direction: 'observed', quantity: 50, unit: 'kg' }]);

    // Scans of L1: March, two phones (one twice) and a bot; April, one label scanned on 21 days.
    await scan(A, l1, '2026-03-20T10:00:00+07:00', 'h1');
    await scan(A, l1, '2026-03-21T10:00:00+07:00', 'h1');
    await scan(A, l1, '2026-03-22T10:00:00+07:00', 'h2');
    await scan(A, l1, '2026-03-22T11:00:00+07:00', 'bot', 'bot');
    for (let day = 1; day <= 21; day++) await scan(A, l1, `2026-04-${String(day).padStart(2, '0')}T10:00:00+07:00`, 'h3', 'android', 'S1');

    // The foreign cooperative has everything too: none of it may count.
    const px = await product(foreign.organizationId, 'Chè Sơn La', 2);
    await ocop(foreign.organizationId, px, 5, '2026-07-01');
    await lot(foreign.organizationId, px, 'harvest', 999, '2026-03-01T08:00:00+07:00');
    await event(foreign.organizationId, 'harvest', '2026-03-01T08:00:00+07:00');
    // The dashboard reads the worker's rollups: rebuilt here from every record (the scans above were
    // written straight into past months, which only a rebuild counts).
    await t.app.get(ProgrammeRollupsService).rebuild();
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string, auth = office.auth) => request(t.server).get(path).set(auth);

  it('computes every figure of the dashboard over the active linked cooperatives of the province only', async () => {
    const { body } = await get(`/api/v1/programme/dashboard?from=${period.from}&to=${period.to}`).expect(200);
    expect(body.period).toEqual({ from: '2026-01-01', to: '2026-06-30', asOf: '2026-06-30' });
    expect(body.cooperatives).toEqual({ linked: 3, active: 2, inactive: 1 });
    expect(body.ocop).toEqual({ products: 4, stars3: 1, stars4: 1, stars5: 1, valid: 3, expiringWithin90Days: 2, expiringWithin30Days: 1, expired: 1 });
    expect(body.coverage).toEqual({ certifiedProducts: 3, covered: 1, share: 0.3333, shortfalls: { noLots: 1, noGrowingArea: 1, noLabels: 0 } });
    expect(body.growingAreas.byStatus).toEqual([
      { status: 'active', areas: 2, areaHa: '17.5000' },
      { status: 'revoked', areas: 1, areaHa: '2.0000' },
    ]);
    expect(body.growingAreas.totalAreaHa).toBe('19.5');
    expect(body.growingAreas.suspendedOrRevokedWithStockOnSale).toEqual([expect.objectContaining({ status: 'revoked', lotsOnSale: 1 })]);
    const month = (m: string) => body.monthly.find((row: { month: string }) => row.month === m);
    expect(body.monthly.map((row: { month: string }) => row.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(month('2026-01')).toMatchObject({ lots: 1, harvestLots: 0, labelsPrinted: 40, scans: 0 });
    expect(month('2026-02')).toMatchObject({ lots: 1, harvestLots: 1, harvestedKg: '400.000000', processedLots: 0 });
    expect(month('2026-03')).toMatchObject({ lots: 1, harvestLots: 1, harvestedKg: '500.000000', labelsPrinted: 100, scans: 3, distinctClients: 2 });
    expect(month('2026-04')).toMatchObject({ lots: 1, processedLots: 1, processedKg: '200.000000', labelsPrinted: 0, scans: 21, distinctClients: 1 });
    expect(month('2026-05')).toMatchObject({ lots: 1, processedLots: 1, processedKg: '100.000000' });
    expect(month('2026-06')).toMatchObject({ lots: 0, labelsPrinted: 0, scans: 0 });
    expect(body.recalls.open).toBe(1);
    expect(body.recalls.items[0]).toMatchObject({ organizationId: a.organizationId, rootLotCode: 'L5', lots: 2, organizations: 2, labelsPrinted: 50 });
    expect(body.signals).toEqual({ yieldOverrides: 1, copiedLabels: 1 });
    // Whole months: each device counted once in the month.
    expect(body.monthly.every((row: { distinctClientsPer: string }) => row.distinctClientsPer === 'month')).toBe(true);
    expect(body.freshness.monthly).toMatchObject({ source: 'rollup', computedAt: expect.any(String) });
    expect(body.freshness.cooperatives).toMatchObject({ source: 'live', computedAt: body.computedAt });
  });

  it('lists the products that fall short of coverage and why, and certificates by state', async () => {
    const { body } = await get(`/api/v1/programme/coverage?from=${period.from}&to=${period.to}`).expect(200);
    const byName = Object.fromEntries(body.items.map((row: { productName: string; shortfall: string | null }) => [row.productName, row.shortfall]));
    expect(byName).toEqual({ 'Gạo nếp Séng Cù': null, 'Rượu men lá': 'no_growing_area', 'Mật ong bạc hà': 'no_lots' });
    const expiring = await get(`/api/v1/programme/certificates?state=expiring30&to=${period.to}`).expect(200);
    expect(expiring.body.items.map((row: { productName: string; expiresAt: string }) => [row.productName, row.expiresAt])).toEqual([['Rượu men lá', '2026-07-01']]);
  });

  it('filters by commune, OCOP group and cooperative, and drills down to a cooperative’s lots', async () => {
    const commune = await get(`/api/v1/programme/dashboard?from=${period.from}&to=${period.to}&communeCode=03334`).expect(200);
    expect(commune.body.cooperatives).toEqual({ linked: 2, active: 1, inactive: 1 });
    const group = await get(`/api/v1/programme/dashboard?from=${period.from}&to=${period.to}&ocopGroup=1`).expect(200);
    expect(group.body.ocop).toMatchObject({ products: 3, valid: 2, expired: 1 });
    const one = await get(`/api/v1/programme/dashboard?from=${period.from}&to=${period.to}&organizationId=${b.organizationId}`).expect(200);
    expect(one.body.cooperatives).toEqual({ linked: 1, active: 1, inactive: 0 });
    const list = await get(`/api/v1/programme/cooperatives?from=${period.from}&to=${period.to}`).expect(200);
    expect(list.body.items.map((row: { id: string }) => row.id).sort()).toEqual([a, b, d].map((o) => o.organizationId).sort());
    const lots = await get(`/api/v1/programme/cooperatives/${a.organizationId}/lots?from=${period.from}&to=${period.to}`).expect(200);
    expect(lots.body.items).toHaveLength(3);
    expect(lots.body.items.find((row: { id: string }) => row.id === ids.l1)).toMatchObject({ growingAreaCode: expect.stringMatching(/^GA1-/), labelsPrinted: 100 });
  });

  it('answers 404 for another province’s or an unlinked cooperative on every programme route, and 403 to cooperatives', async () => {
    for (const other of [foreign, pending]) {
      for (const path of [
        `/api/v1/programme/cooperatives/${other.organizationId}`,
        `/api/v1/programme/cooperatives/${other.organizationId}/lots`,
        `/api/v1/programme/dashboard?organizationId=${other.organizationId}`,
        `/api/v1/programme/coverage?organizationId=${other.organizationId}`,
        `/api/v1/programme/certificates?organizationId=${other.organizationId}`,
        `/api/v1/programme/growing-areas?organizationId=${other.organizationId}`,
        `/api/v1/programme/cooperatives?organizationId=${other.organizationId}`,
      ]) {
        const response = await get(path);
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
    }
    for (const path of ['/api/v1/programme/dashboard', '/api/v1/programme/cooperatives', '/api/v1/programme/growing-areas']) {
      const response = await get(path, a.auth);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 403, code: 'PROGRAMME_OFFICE_ONLY' });
    }
    const bad = await get(`/api/v1/programme/dashboard?from=2026-13-01`).expect(400);
    expect(bad.body.message).toContain('from');
    const reversed = await get(`/api/v1/programme/dashboard?from=2026-06-01&to=2026-01-01`).expect(422);
    expect(reversed.body.code).toBe('PERIOD_REVERSED');
  });
});
