import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createLotTestSetup, signupOrganization, startTestApp, type TestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

// A page asked for again is joined from the lots' answers kept under the versions of their rows
// (LotAnswers). Whatever changes a lot's answer (an event through the API, or any writer of the
// product, growing area, household or facility, here another connection's UPDATE) must show on the
// next page, exactly as the lot's own answer (GET /lots/{id}, made afresh each time) shows it.

interface Page {
  items: { id: string; code: string }[];
  total: number | null;
  nextCursor: string | null;
}

describe('pages of lots stay current while their answers are kept', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A cooperative with three lots: two harvests (TRANG-A, TRANG-B) and packs milled from B at a facility. */
  async function cooperative() {
    const org = await signupOrganization(t.server);
    const s = await createLotTestSetup(t.dataSource, org.organizationId);
    const post = (path: string, body: Record<string, unknown>) => request(t.server).post(path).set(org.auth).send(body);
    const harvest = (code: string) =>
      post('/api/v1/lots/harvest', { growingAreaId: s.areaId, productId: s.paddyId, quantity: '1000', unit: 'kg', harvestedAt: '2026-10-01T07:00:00+07:00', lotCode: code, partnerId: s.householdId }).expect(201);
    const a = (await harvest('TRANG-A')).body;
    const b = (await harvest('TRANG-B')).body;
    const milled = (
      await post('/api/v1/lots/transform', {
        inputs: [{ lotId: b.id, quantity: '400', unit: 'kg' }],
        outputs: [{ productId: s.packId, quantity: '500', unit: 'pack', lotCode: 'TRANG-GOI/1' }],
        occurredAt: '2026-10-03',
        process: 'Xay xát, đóng gói',
        facilityId: s.facilityId,
      }).expect(201)
    ).body.outputs[0];
    return { org, s, post, a, b, milled };
  }

  const page = async (org: TestOrganization, query: string) => (await request(t.server).get(`/api/v1/lots?${query}`).set(org.auth).expect(200)).body as Page;
  const lot = async (org: TestOrganization, id: string) => (await request(t.server).get(`/api/v1/lots/${id}`).set(org.auth).expect(200)).body;

  /** The page asked for three times (first time, again with nothing kept, again with all kept): each the lots' own answers. */
  async function expectCurrent(org: TestOrganization, query = 'limit=20'): Promise<Page> {
    const pages = [await page(org, query), await page(org, query), await page(org, query)];
    const answers = await Promise.all(pages[0].items.map((item) => lot(org, item.id)));
    for (const p of pages) expect(p).toEqual({ ...pages[0], items: answers });
    return pages[0];
  }

  it('shows every change to a lot, its product, area, household and facility, made by any writer', async () => {
    const { org, s, post, a, b, milled } = await cooperative();
    const first = await expectCurrent(org);
    expect(first.items.map((item) => item.code)).toEqual(['TRANG-GOI/1', 'TRANG-B', 'TRANG-A']);
    expect(first.total).toBe(3);

    // Events through the API: a shipment changes what is available, a recall the status.
    await post(`/api/v1/lots/${a.id}/ship`, { partnerId: s.distributorId, quantity: '250.5', unit: 'kg', shippedAt: '2026-10-04' }).expect(201);
    expect((await expectCurrent(org)).items[2]).toMatchObject({ id: a.id, available: '749.5', consumed: '250.5' });
    await post('/api/v1/recalls', { lotId: milled.id, reason: 'Bao bì rách' }).expect(201);
    expect((await expectCurrent(org)).items[0]).toMatchObject({ id: milled.id, status: 'recalled', recallReason: 'Bao bì rách' });

    // The rows around a lot, changed by another writer than this API (no event, no cache told).
    const update = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
    await update(`UPDATE product SET name_vi = $2 WHERE id = $1`, [s.paddyId, 'Thóc Séng Cù mùa mới']);
    expect((await expectCurrent(org)).items[1]).toMatchObject({ product: { nameVi: 'Thóc Séng Cù mùa mới' } });
    await update(`UPDATE growing_area SET name = $2 WHERE id = $1`, [s.areaId, 'Ruộng bậc thang Mù Cang Chải']);
    expect((await expectCurrent(org)).items[2]).toMatchObject({ growingArea: { id: s.areaId, name: 'Ruộng bậc thang Mù Cang Chải' } });
    await update(`UPDATE partner SET name = $2 WHERE id = $1`, [s.householdId, 'Hộ Lò Văn Pọm (con)']);
    expect((await expectCurrent(org)).items[2]).toMatchObject({ household: { id: s.householdId, name: 'Hộ Lò Văn Pọm (con)' } });
    await update(`UPDATE facility SET name = $2 WHERE id = $1`, [s.facilityId, 'Xưởng xay Yên Bái']);
    expect((await expectCurrent(org)).items[0]).toMatchObject({ facility: { id: s.facilityId, name: 'Xưởng xay Yên Bái' } });
    await update(`UPDATE lot SET display_name = $2 WHERE id = $1`, [b.id, 'Lô "đầu mùa" \\ hạt chắc']);
    expect((await expectCurrent(org)).items[1]).toMatchObject({ displayName: 'Lô "đầu mùa" \\ hạt chắc' });
  });

  it('pages with a cursor and filters the same way, each page its own', async () => {
    const { org } = await cooperative();
    const codes = (p: Page) => p.items.map((item) => item.code);
    const harvests = await expectCurrent(org, 'limit=2&kind=harvest');
    expect(codes(harvests)).toEqual(['TRANG-B', 'TRANG-A']);
    const firstTwo = await expectCurrent(org, 'limit=2');
    expect(codes(firstTwo)).toEqual(['TRANG-GOI/1', 'TRANG-B']);
    expect(firstTwo.total).toBeNull();
    const rest = await expectCurrent(org, `limit=2&cursor=${encodeURIComponent(firstTwo.nextCursor!)}`);
    expect(codes(rest)).toEqual(['TRANG-A']);
    expect(rest.nextCursor).toBeNull();
  });

  it("answers another organization's page with its own lots only, never one kept for the first", async () => {
    const { org } = await cooperative();
    expect((await expectCurrent(org)).items).toHaveLength(3);
    const other = await signupOrganization(t.server);
    for (let i = 0; i < 2; i++) {
      const response = await request(t.server).get('/api/v1/lots?limit=20').set(other.auth).expect(200);
      expect(response.body).toEqual({ items: [], total: 0, nextCursor: null });
    }
  });
});
