import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  addTestInputApplication,
  createLotTestSetup,
  createTestPartner,
  signupOrganization,
  startTestApp,
  type LotTestSetup,
  type TestApp,
  type TestOrganization,
} from '@app/testing';
import { MIGRATIONS } from '@app/database';
import { createApiApp } from '../../apps/api/src/app.factory.js';

// The e2e project's testTimeout does not reach tests (a project-level option Jest ignores); the machine is shared.

interface Lot {
  id: string;
  code: string;
  status: string;
}

describe('genealogy, shipments between organizations and recall (docs/rules.md#genealogy-is-a-directed-acyclic-graph, #recalls-propagate, #tenants-are-isolated)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (org: TestOrganization, path: string, body: Record<string, unknown>) => request(t.server).post(path).set(org.auth).send(body);
  const get = (org: TestOrganization, path: string) => request(t.server).get(path).set(org.auth);

  /**
   * A cooperative's season, and a shop on the platform that buys from it:
   *
   *   H1 (area A, 600 kg) ─500 kg─┐
   *   H2 (area B, 400 kg) ─400 kg─┴─ M merge (900 kg) ─900 kg─┐
   *   H3 (area A, 300 kg) ─100 kg─────────────────────────────┴─ R milled rice (700 kg)
   *   R ─300 kg─ R1 (split) ─300 kg─ P1 (600 packs) ── ship 100 packs → distributor (not on the platform)
   *   R ─400 kg─ R2 (split) ─100 kg─ P2 (200 packs)  └─ ship 200 packs → shop ── received as S ─50─ S1 (split)
   */
  async function season() {
    const coop = await signupOrganization(t.server, { organizationName: 'HTX Séng Cù Mường Thanh' });
    const shop = await signupOrganization(t.server, { organizationName: 'Cửa hàng Nông sản Sạch Hà Nội' });
    const s: LotTestSetup = await createLotTestSetup(t.dataSource, coop.organizationId);
    const shopPartnerId = await createTestPartner(t.dataSource, coop.organizationId, { kind: 'retailer', name: 'Cửa hàng Nông sản Sạch', linkedOrganizationId: shop.organizationId, tradeLinkAccepted: true });
    const inWindow = await addTestInputApplication(t.dataSource, coop.organizationId, s.areaId, { appliedAt: '2026-08-01', phiDays: 7, productName: 'Anvil 5SC' });
    await addTestInputApplication(t.dataSource, coop.organizationId, s.areaId, { appliedAt: '2025-01-01', phiDays: 7, productName: 'last year' });
    await addTestInputApplication(t.dataSource, coop.organizationId, s.areaId, { appliedAt: '2026-08-02', phiDays: 7, productName: 'voided', voided: true });

    const harvest = async (code: string, areaId: string, partnerId: string, quantity: string) =>
      (await post(coop, '/api/v1/lots/harvest', { growingAreaId: areaId, productId: s.paddyId, quantity, unit: 'kg', harvestedAt: '2026-10-01T07:00:00+07:00', lotCode: code, partnerId }).expect(201)).body as Lot;
    const H1 = await harvest('H1', s.areaId, s.householdId, '600');
    const H2 = await harvest('H2', s.secondAreaId, s.secondHouseholdId, '400');
    const H3 = await harvest('H3', s.areaId, s.householdId, '300');
    const transform = async (inputs: [Lot, string, string][], productId: string, code: string, quantity: string, unit: string, process: string) =>
      (
        await post(coop, '/api/v1/lots/transform', {
          inputs: inputs.map(([lot, q, u]) => ({ lotId: lot.id, quantity: q, unit: u })),
          outputs: [{ productId, quantity, unit, lotCode: code }],
          facilityId: s.facilityId,
          occurredAt: '2026-10-05T08:00:00+07:00',
          process,
        }).expect(201)
      ).body.outputs[0] as Lot;
    const M = await transform([[H1, '500', 'kg'], [H2, '400', 'kg']], s.paddyId, 'M', '900', 'kg', 'merging');
    const R = await transform([[M, '900', 'kg'], [H3, '100', 'kg']], s.riceId, 'R', '700', 'kg', 'milling');
    const split = (await post(coop, `/api/v1/lots/${R.id}/split`, { parts: [{ quantity: '300', unit: 'kg', lotCode: 'R1' }, { quantity: '0.4', unit: 't', lotCode: 'R2' }], occurredAt: '2026-10-06' }).expect(201)).body;
    const [R1, R2] = split.outputs as Lot[];
    const P1 = await transform([[R1, '300', 'kg']], s.packId, 'P1', '600', 'pack', 'packing');
    const P2 = await transform([[R2, '100', 'kg']], s.packId, 'P2', '200', 'pack', 'packing');
    const toDistributor = (await post(coop, `/api/v1/lots/${P1.id}/ship`, { partnerId: s.distributorId, quantity: '100', unit: 'pack', shippedAt: '2026-10-08', documents: [{ type: 'invoice', number: 'HĐ-7' }] }).expect(201)).body;
    const toShop = (await post(coop, `/api/v1/lots/${P1.id}/ship`, { partnerId: shopPartnerId, quantity: '200', unit: 'pack', shippedAt: '2026-10-08', documents: [{ type: 'delivery_note', number: 'PGH-77' }] }).expect(201)).body;
    const received = (await post(shop, `/api/v1/shipments/${toShop.shipment.id}/receive`, { receivedAt: '2026-10-09T10:00:00+07:00' }).expect(201)).body;
    const S = received.lot as Lot;
    const S1 = (await post(shop, `/api/v1/lots/${S.id}/split`, { parts: [{ quantity: '50', unit: 'pack', lotCode: 'S1' }], occurredAt: '2026-10-10' }).expect(201)).body.outputs[0] as Lot;
    return { coop, shop, s, shopPartnerId, inWindow, H1, H2, H3, M, R, R1, R2, P1, P2, S, S1, toDistributor, toShop, received };
  }

  let world: Awaited<ReturnType<typeof season>>;
  beforeAll(async () => {
    world = await season();
  });

  const codes = (nodes: { code: string }[]) => nodes.map((n) => n.code).sort();
  const edgeList = (trace: { nodes: { id: string; code: string }[]; edges: { parentLotId: string; childLotId: string; quantity: string; unit: string }[] }) => {
    const code = new Map(trace.nodes.map((n) => [n.id, n.code]));
    return trace.edges.map((e) => `${code.get(e.parentLotId)}→${code.get(e.childLotId)} ${e.quantity} ${e.unit}`).sort();
  };

  it('traces a packed lot back to its fields, households and input applications, with exact quantities', async () => {
    const { coop, s, P1, inWindow } = world;
    const trace = (await get(coop, `/api/v1/lots/${P1.id}/trace?direction=back`).expect(200)).body;
    expect(codes(trace.nodes)).toEqual(['H1', 'H2', 'H3', 'M', 'P1', 'R', 'R1']);
    expect(edgeList(trace)).toEqual(['H1→M 500 kg', 'H2→M 400 kg', 'H3→R 100 kg', 'M→R 900 kg', 'R1→P1 300 kg', 'R→R1 300 kg']);
    // Each edge names the event that made it, and edges come in the order of the lots they lead to.
    const code = new Map<string, string>(trace.nodes.map((n: Lot) => [n.id, n.code]));
    const edgeEvents = trace.edges.map((e: { parentLotId: string; childLotId: string; eventType: string }) => `${code.get(e.parentLotId)}→${code.get(e.childLotId)} ${e.eventType}`);
    expect(edgeEvents.sort()).toEqual(['H1→M transform', 'H2→M transform', 'H3→R transform', 'M→R transform', 'R1→P1 transform', 'R→R1 split']);
    const position = new Map<string, number>(trace.nodes.map((n: Lot, i: number) => [n.id, i]));
    const childPositions = trace.edges.map((e: { childLotId: string }) => position.get(e.childLotId)!);
    expect(childPositions).toEqual([...childPositions].sort((a, b) => a - b));
    const splitEdge = trace.edges.find((e: { childLotId: string }) => e.childLotId === world.R1.id);
    const [splitEvent] = await t.dataSource.query(`SELECT type FROM event WHERE id = $1`, [splitEdge.eventId]);
    expect(splitEvent.type).toBe('split');
    const quantities = Object.fromEntries(trace.nodes.map((n: { code: string; quantity: string; unit: string }) => [n.code, `${n.quantity} ${n.unit}`]));
    expect(quantities).toEqual({ H1: '600 kg', H2: '400 kg', H3: '300 kg', M: '900 kg', R: '700 kg', R1: '300 kg', P1: '600 pack' });
    expect(trace.growingAreas.map((a: { id: string }) => a.id).sort()).toEqual([s.areaId, s.secondAreaId].sort());
    expect(trace.households.map((h: { name: string }) => h.name).sort()).toEqual(['Hộ Lò Văn Pọm', 'Hộ Quàng Thị Xôm']);
    expect(trace.inputApplications).toEqual([expect.objectContaining({ id: inWindow, growingAreaId: s.areaId, appliedAt: '2026-08-01', productName: 'Anvil 5SC', phiDays: 7 })]);
    expect(trace.facilities).toEqual([expect.objectContaining({ id: s.facilityId })]);
    expect(trace.nodes.find((n: { code: string }) => n.code === 'P1').uri).toBe(`${t.config.publicBaseUrl}/01/${s.packGtin}/10/P1`);
    // No household phone numbers in a trace.
    expect(JSON.stringify(trace)).not.toContain('0912 345 678');
  });

  it('traces a harvest forward to every lot and every partner it reached', async () => {
    const { coop, s, H1, H3, shopPartnerId } = world;
    const forward = (await get(coop, `/api/v1/lots/${H1.id}/trace?direction=forward`).expect(200)).body;
    expect(codes(forward.nodes)).toEqual(['H1', 'M', 'P1', 'P2', 'R', 'R1', 'R2']);
    expect(edgeList(forward)).toEqual(['H1→M 500 kg', 'M→R 900 kg', 'R1→P1 300 kg', 'R2→P2 0.1 t', 'R→R1 300 kg', 'R→R2 400 kg']);
    expect(forward.shipments.map((x: { partnerId: string; quantity: string; unit: string; status: string }) => `${x.partnerId} ${x.quantity} ${x.unit} ${x.status}`).sort()).toEqual(
      [`${s.distributorId} 100 pack in_transit`, `${shopPartnerId} 200 pack received`].sort(),
    );
    expect(forward.partners).toEqual(
      expect.arrayContaining([
        { id: s.distributorId, name: 'Công ty Phân phối Nông sản Tây Bắc', kind: 'distributor', receivedByOrganization: null },
        { id: shopPartnerId, name: 'Cửa hàng Nông sản Sạch', kind: 'retailer', receivedByOrganization: 'Cửa hàng Nông sản Sạch Hà Nội' },
      ]),
    );
    expect(forward.partners).toHaveLength(2);
    // The shop's own lots stay the shop's: no ids of theirs in the cooperative's trace.
    expect(JSON.stringify(forward)).not.toContain(world.S.id);

    const fromH3 = (await get(coop, `/api/v1/lots/${H3.id}/trace?direction=forward`).expect(200)).body;
    expect(codes(fromH3.nodes)).toEqual(['H3', 'P1', 'P2', 'R', 'R1', 'R2']);
  });

  it('lets the receiver see the shipment, receive it once into its own lot, and trace it back to the sender’s lot', async () => {
    const { coop, shop, toShop, received, S, S1, P1 } = world;
    expect(received.lot).toMatchObject({ code: 'P1', kind: 'received', quantity: '200', unit: 'pack', producedAt: '2026-10-05T08:00:00.000+07:00', expiresAt: '2027-10-05', status: 'active' });
    expect(received.event).toMatchObject({ type: 'receive', bizStep: 'receiving', details: expect.objectContaining({ shipmentId: toShop.shipment.id, from: expect.objectContaining({ lotCode: 'P1', organizationName: 'HTX Séng Cù Mường Thanh' }) }) });
    const incoming = (await get(shop, '/api/v1/shipments?direction=incoming').expect(200)).body;
    expect(incoming.items).toEqual([
      expect.objectContaining({
        id: toShop.shipment.id,
        direction: 'incoming',
        status: 'received',
        lot: expect.objectContaining({ id: null, code: 'P1', productName: 'Gạo nếp Séng Cù túi 500 g' }),
        partner: null,
        from: { organizationId: coop.organizationId, organizationName: 'HTX Séng Cù Mường Thanh' },
        receivedLotId: S.id,
        documents: [{ type: 'delivery_note', number: 'PGH-77' }],
      }),
    ]);
    expect((await get(coop, `/api/v1/shipments/${toShop.shipment.id}`).expect(200)).body).toMatchObject({ status: 'received', receivedLotCode: 'P1', receivedLotId: null });
    expect((await post(shop, `/api/v1/shipments/${toShop.shipment.id}/receive`, {}).expect(409)).body.code).toBe('SHIPMENT_ALREADY_RECEIVED');
    expect((await post(coop, `/api/v1/shipments/${toShop.shipment.id}/receive`, {}).expect(422)).body.code).toBe('SHIPMENT_NOT_RECEIVABLE');
    const stranger = await signupOrganization(t.server);
    expect((await post(stranger, `/api/v1/shipments/${toShop.shipment.id}/receive`, {}).expect(404)).body.code).toBe('SHIPMENT_NOT_FOUND');
    await get(stranger, `/api/v1/shipments/${toShop.shipment.id}`).expect(404);
    // The shop cannot read the cooperative's lot, and vice versa.
    await get(shop, `/api/v1/lots/${P1.id}`).expect(404);
    await get(coop, `/api/v1/lots/${S.id}`).expect(404);

    const back = (await get(shop, `/api/v1/lots/${S1.id}/trace?direction=back`).expect(200)).body;
    expect(codes(back.nodes)).toEqual(['P1', 'S1']);
    expect(edgeList(back)).toEqual(['P1→S1 50 pack']);
    expect(back.upstream).toEqual([
      expect.objectContaining({ lotId: S.id, shipmentId: toShop.shipment.id, fromOrganizationName: 'HTX Séng Cù Mường Thanh', fromLotCode: 'P1', quantity: '200', unit: 'pack' }),
    ]);
  });

  it('migrates existing links: each edge gets the type of the event that made it', async () => {
    const { coop, P1 } = world;
    const before = (await get(coop, `/api/v1/lots/${P1.id}/trace?direction=back`).expect(200)).body.edges;
    const migration = MIGRATIONS.map((M) => new M()).find((m) => m.name === 'LinkEventType1764403800000')!;
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const after = (await get(coop, `/api/v1/lots/${P1.id}/trace?direction=back`).expect(200)).body.edges;
    expect(after).toEqual(before);
    expect(new Set(after.map((e: { eventType: string }) => e.eventType))).toEqual(new Set(['transform', 'split']));
    await expect(
      t.dataSource.query(`UPDATE lot_link SET event_type = 'ship' WHERE child_lot_id = $1`, [P1.id]),
    ).rejects.toThrow(/lot_link_event_type_check/);
  });

  it('stays finite on a cyclic link table (which the API never writes)', async () => {
    const { coop, s } = await (async () => {
      const org = await signupOrganization(t.server);
      return { coop: org, s: await createLotTestSetup(t.dataSource, org.organizationId) };
    })();
    const a = (await post(coop, '/api/v1/lots/harvest', { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-01', lotCode: 'A' }).expect(201)).body;
    const b = (await post(coop, '/api/v1/lots/transform', { inputs: [{ lotId: a.id, quantity: '5', unit: 'kg' }], outputs: [{ productId: s.riceId, quantity: '5', unit: 'kg', lotCode: 'B' }], occurredAt: '2026-10-02', process: 'x' }).expect(201)).body.outputs[0];
    const made = (await post(coop, '/api/v1/lots/transform', { inputs: [{ lotId: b.id, quantity: '5', unit: 'kg' }], outputs: [{ productId: s.riceId, quantity: '5', unit: 'kg', lotCode: 'C' }], occurredAt: '2026-10-02', process: 'x' }).expect(201)).body;
    const c = made.outputs[0];
    // Corrupt the genealogy by hand: C → A closes a cycle A → B → C → A. The link names a real
    // transform event, as every link does, so that nothing else about the table is out of the ordinary.
    await t.dataSource.query(`INSERT INTO lot_link (organization_id, parent_lot_id, child_lot_id, event_id, event_type, quantity, unit) VALUES ($1, $2, $3, $4, 'transform', 1, 'kg')`, [
      coop.organizationId,
      c.id,
      a.id,
      made.event.id,
    ]);
    for (const direction of ['back', 'forward']) {
      const trace = (await get(coop, `/api/v1/lots/${b.id}/trace?direction=${direction}`).expect(200)).body;
      expect(codes(trace.nodes)).toEqual(['A', 'B', 'C']);
      expect(trace.edges).toHaveLength(3);
    }
  });

  describe('recall', () => {
    it('recalls the lot and every descendant, here and in the receiving organization, in one go', async () => {
      // A season of its own: the recall must not reach the lots and shipments the other tests read.
      const world = await season();
      const { coop, shop, s, H1, H2, H3, P2, S, S1, shopPartnerId, toDistributor, toShop } = world;
      // A shipment still on the road to the shop when the recall happens.
      const onTheRoad = (await post(coop, `/api/v1/lots/${P2.id}/ship`, { partnerId: shopPartnerId, quantity: '50', unit: 'pack', shippedAt: '2026-10-11' }).expect(201)).body;
      const coopEventsBefore = Number((await t.dataSource.query(`SELECT count(*) AS n FROM event WHERE organization_id = $1`, [coop.organizationId]))[0].n);

      const recall = await post(coop, '/api/v1/recalls', { lotId: H2.id, reason: 'Dư lượng thuốc BVTV vượt ngưỡng' }).expect(201);
      expect(codes(recall.body.lots)).toEqual(['H2', 'M', 'P1', 'P2', 'R', 'R1', 'R2']);
      expect(recall.body.event).toMatchObject({ type: 'recall', disposition: 'recalled', reason: 'Dư lượng thuốc BVTV vượt ngưỡng', recordedBy: coop.userId });
      expect(recall.body.event.lines).toHaveLength(7);
      const partners = Object.fromEntries(
        recall.body.partners.map((p: { id: string; shipments: { id: string; quantity: string }[] }) => [p.id, p.shipments.map((x) => `${x.id} ${x.quantity}`).sort()]),
      );
      expect(partners).toEqual({
        [s.distributorId]: [`${toDistributor.shipment.id} 100`],
        [shopPartnerId]: [`${onTheRoad.shipment.id} 50`, `${toShop.shipment.id} 200`].sort(),
      });
      expect(recall.body.downstreamOrganizations).toEqual([{ organizationId: shop.organizationId, name: 'Cửa hàng Nông sản Sạch Hà Nội', lotsRecalled: 2 }]);

      // Statuses: downstream recalled on both sides; upstream and unrelated lots untouched.
      const status = async (org: TestOrganization, lot: Lot) => (await get(org, `/api/v1/lots/${lot.id}`).expect(200)).body;
      for (const lot of [world.M, world.R, world.R1, world.R2, world.P1, world.P2]) {
        expect(await status(coop, lot)).toMatchObject({ status: 'recalled', recallReason: 'Dư lượng thuốc BVTV vượt ngưỡng', recalledAt: expect.any(String) });
      }
      expect((await status(coop, H1)).status).toBe('active');
      expect((await status(coop, H3)).status).toBe('active');
      expect((await status(shop, S)).status).toBe('recalled');
      expect((await status(shop, S1)).status).toBe('recalled');

      // One recall event per chain; both chains still verify.
      expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM event WHERE organization_id = $1`, [coop.organizationId]))[0].n)).toBe(coopEventsBefore + 1);
      const shopRecall = (await get(shop, `/api/v1/lots/${S1.id}/events`).expect(200)).body.items.filter((e: { type: string }) => e.type === 'recall');
      expect(shopRecall).toHaveLength(1);
      expect(shopRecall[0]).toMatchObject({ recordedBy: null, details: expect.objectContaining({ recallId: recall.body.event.id, initiatedBy: { organizationId: coop.organizationId, organizationName: 'HTX Séng Cù Mường Thanh' } }) });
      expect(shopRecall[0].lines.map((l: { lotId: string }) => l.lotId).sort()).toEqual([S.id, S1.id].sort());
      for (const org of [coop, shop]) expect((await get(org, '/api/v1/audit/verify').expect(200)).body.valid).toBe(true);

      // Recalled lots cannot be used; the goods still on the road arrive already recalled.
      const refused = await post(coop, `/api/v1/lots/${P2.id}/ship`, { partnerId: s.distributorId, quantity: '1', unit: 'pack', shippedAt: '2026-10-12' }).expect(422);
      expect(refused.body.code).toBe('LOT_RECALLED');
      expect((await post(shop, `/api/v1/lots/${S.id}/split`, { parts: [{ quantity: '1', unit: 'pack' }] }).expect(422)).body.code).toBe('LOT_RECALLED');
      const late = (await post(shop, `/api/v1/shipments/${onTheRoad.shipment.id}/receive`, {}).expect(201)).body;
      expect(late.lot).toMatchObject({ status: 'recalled', recallReason: 'Dư lượng thuốc BVTV vượt ngưỡng' });
      // H1 was not recalled and can still be used.
      await post(coop, `/api/v1/lots/${H1.id}/ship`, { partnerId: s.distributorId, quantity: '1', unit: 'kg', shippedAt: '2026-10-12' }).expect(201);

      expect((await post(coop, '/api/v1/recalls', { lotId: world.M.id, reason: 'again' }).expect(409)).body.code).toBe('LOT_ALREADY_RECALLED');
      const list = (await get(coop, '/api/v1/lots?status=recalled&limit=200').expect(200)).body;
      expect(codes(list.items)).toEqual(['H2', 'M', 'P1', 'P2', 'R', 'R1', 'R2']);
    });

    it('refuses a recall of another organization’s lot, of nothing, and without a reason', async () => {
      const { coop, S } = world;
      expect((await post(coop, '/api/v1/recalls', { lotId: S.id, reason: 'x' }).expect(404)).body).toMatchObject({ code: 'LOT_NOT_FOUND', details: { field: 'lotId' } });
      expect((await post(coop, '/api/v1/recalls', { lotId: world.H1.id }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await post(coop, '/api/v1/recalls', { lotId: world.H1.id, reason: '  ' }).expect(422)).body.code).toBe('RECALL_REASON_REQUIRED');
    });
  });
});
