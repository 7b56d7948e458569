import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { addUser, createLotTestSetup, createPartner, signupOrganization, startTestApp, type TestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

describe('trade links: shipments reach another organization only once it has accepted them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (sql: string, params: unknown[]) => Number((await t.dataSource.query(sql, params))[0].n);
  const incoming = async (org: TestOrganization) => (await request(t.server).get('/api/v1/shipments?direction=incoming').set(org.auth).expect(200)).body.items;

  /** A cooperative with a 500 kg harvest lot, and a shop on the platform. */
  async function coopAndShop() {
    const coop = await signupOrganization(t.server);
    const shop = await signupOrganization(t.server, { province: 'Hà Nội' });
    const s = await createLotTestSetup(t.dataSource, coop.organizationId);
    const lot = (
      await request(t.server)
        .post('/api/v1/lots/harvest')
        .set(coop.auth)
        .send({ growingAreaId: s.areaId, productId: s.paddyId, quantity: '500', unit: 'kg', harvestedAt: '2026-10-01T07:00:00+07:00', partnerId: s.householdId })
        .expect(201)
    ).body;
    const ship = (partnerId: string, quantity = '100') =>
      request(t.server).post(`/api/v1/lots/${lot.id}/ship`).set(coop.auth).send({ partnerId, quantity, unit: 'kg', shippedAt: '2026-10-02' });
    return { coop, shop, s, lot, ship };
  }

  it('refuses to ship to a partner whose organization has not accepted, writing nothing; ships once it accepts', async () => {
    const { coop, shop, lot, ship } = await coopAndShop();
    const partner = await createPartner(t.server, coop, { kind: 'retailer', name: 'Cửa hàng Nông sản Sạch', linkedOrganizationId: shop.organizationId });

    // Naming the shop asked it for a trade link; the shop sees the request, the cooperative waits.
    const theirs = (await request(t.server).get('/api/v1/organization-links?kind=trade').set(shop.auth).expect(200)).body.items;
    expect(theirs).toEqual([
      expect.objectContaining({ status: 'pending', fromOrganizationId: coop.organizationId, toOrganizationId: shop.organizationId, awaitingOurAnswer: true, other: expect.objectContaining({ id: coop.organizationId }) }),
    ]);
    const ours = (await request(t.server).get('/api/v1/organization-links?kind=trade&status=pending').set(coop.auth).expect(200)).body.items;
    expect(ours).toEqual([expect.objectContaining({ id: theirs[0].id, awaitingOurAnswer: false })]);

    const events = await count(`SELECT count(*) AS n FROM event WHERE organization_id = $1`, [coop.organizationId]);
    const refused = await ship(partner.id).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'PARTNER_LINK_NOT_CONFIRMED', details: { field: 'partnerId', linkedOrganizationId: shop.organizationId } });
    expect(await incoming(shop)).toEqual([]);
    expect(await count(`SELECT count(*) AS n FROM shipment WHERE organization_id = $1 OR receiver_organization_id = $2`, [coop.organizationId, shop.organizationId])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM event WHERE organization_id = $1`, [coop.organizationId])).toBe(events);
    expect((await request(t.server).get(`/api/v1/lots/${lot.id}`).set(coop.auth).expect(200)).body.available).toBe('500');

    // The asking side cannot accept for the other; the shop's recorders cannot either.
    expect((await request(t.server).post(`/api/v1/organization-links/${theirs[0].id}/accept`).set(coop.auth).expect(403)).body.code).toBe('LINK_ANSWER_NOT_YOURS');
    const clerk = await addUser(t.server, shop, 'recorder');
    expect((await request(t.server).post(`/api/v1/organization-links/${theirs[0].id}/accept`).set(clerk.auth).expect(403)).body.code).toBe('ROLE_FORBIDDEN');
    await request(t.server).post(`/api/v1/organization-links/${theirs[0].id}/accept`).set(shop.auth).expect(200);

    const shipped = (await ship(partner.id).expect(201)).body;
    expect(shipped.shipment).toMatchObject({ status: 'in_transit', direction: 'outgoing' });
    expect((await incoming(shop)).map((s: { id: string }) => s.id)).toEqual([shipped.shipment.id]);
    const received = await request(t.server).post(`/api/v1/shipments/${shipped.shipment.id}/receive`).set(shop.auth).send({}).expect(201);
    expect(received.body.lot).toMatchObject({ quantity: '100' });
    await request(t.server).get(`/api/v1/lots/${received.body.lot.id}`).set(shop.auth).expect(200);
  });

  it('refuses again at once when either side ends the link; a new request needs a new acceptance', async () => {
    const { coop, shop, ship } = await coopAndShop();
    const partner = await createPartner(t.server, coop, { kind: 'distributor', linkedOrganizationId: shop.organizationId });
    const [link] = (await request(t.server).get('/api/v1/organization-links?kind=trade').set(shop.auth).expect(200)).body.items;
    await request(t.server).post(`/api/v1/organization-links/${link.id}/accept`).set(shop.auth).expect(200);
    await ship(partner.id, '10').expect(201);

    await request(t.server).post(`/api/v1/organization-links/${link.id}/end`).set(shop.auth).expect(200);
    expect((await ship(partner.id, '10').expect(403)).body.code).toBe('PARTNER_LINK_NOT_CONFIRMED');
    expect(await incoming(shop)).toHaveLength(1);

    // Saving the partner again asks nothing more; naming another organization, then this one again, does.
    await request(t.server).patch(`/api/v1/partners/${partner.id}`).set(coop.auth).send({ linkedOrganizationId: shop.organizationId, phone: '0912 000 111' }).expect(200);
    const pendingNow = () => request(t.server).get('/api/v1/organization-links?kind=trade&status=pending').set(shop.auth).expect(200);
    expect((await pendingNow()).body.items).toHaveLength(0);
    await request(t.server).patch(`/api/v1/partners/${partner.id}`).set(coop.auth).send({ linkedOrganizationId: null }).expect(200);
    await request(t.server).patch(`/api/v1/partners/${partner.id}`).set(coop.auth).send({ linkedOrganizationId: shop.organizationId }).expect(200);
    const pending = (await pendingNow()).body.items;
    expect(pending).toHaveLength(1);
    // A declined request grants nothing.
    await request(t.server).post(`/api/v1/organization-links/${pending[0].id}/decline`).set(shop.auth).expect(200);
    expect((await ship(partner.id, '10').expect(403)).body.code).toBe('PARTNER_LINK_NOT_CONFIRMED');

    // The cooperative can also ask explicitly; the sender ending its own link works the same.
    const asked = await request(t.server).post('/api/v1/organization-links').set(coop.auth).send({ kind: 'trade', organizationId: shop.organizationId }).expect(201);
    await request(t.server).post(`/api/v1/organization-links/${asked.body.id}/accept`).set(shop.auth).expect(200);
    await ship(partner.id, '10').expect(201);
    await request(t.server).post(`/api/v1/organization-links/${asked.body.id}/end`).set(coop.auth).expect(200);
    expect((await ship(partner.id, '10').expect(403)).body.code).toBe('PARTNER_LINK_NOT_CONFIRMED');
    expect(await incoming(shop)).toHaveLength(2);
  });

  it('accepts shipments only in the direction agreed, and keeps shipping to partners off the platform', async () => {
    const { coop, shop, s, ship } = await coopAndShop();
    // The shop naming the cooperative asks the cooperative; it lets nobody push into the shop.
    await createPartner(t.server, shop, { kind: 'processor', linkedOrganizationId: coop.organizationId });
    const toShop = await createPartner(t.server, coop, { kind: 'retailer', linkedOrganizationId: shop.organizationId });
    const [fromShop] = (await request(t.server).get('/api/v1/organization-links?kind=trade&status=pending').set(coop.auth).expect(200)).body.items.filter(
      (l: { awaitingOurAnswer: boolean }) => l.awaitingOurAnswer,
    );
    await request(t.server).post(`/api/v1/organization-links/${fromShop.id}/accept`).set(coop.auth).expect(200);
    expect((await ship(toShop.id).expect(403)).body.code).toBe('PARTNER_LINK_NOT_CONFIRMED');

    // A partner that names no organization is off the platform: nobody has to accept.
    const shipped = (await ship(s.distributorId).expect(201)).body;
    const [row] = await t.dataSource.query(`SELECT receiver_organization_id FROM shipment WHERE id = $1`, [shipped.shipment.id]);
    expect(row.receiver_organization_id).toBeNull();
    expect(await incoming(shop)).toEqual([]);
  });
});
