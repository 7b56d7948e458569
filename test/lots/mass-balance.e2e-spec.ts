import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createLotTestSetup, signupOrganization, startTestApp, type LotTestSetup, type TestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

// The e2e project's testTimeout does not reach tests (a project-level option Jest ignores); the machine is shared.

describe('transform, split, ship, inspect, void: mass balance (docs/rules.md#immutable-history, #mass-balance)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const one = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0];

  /** Everything an operation could write for an organization, to prove a refusal wrote nothing. */
  async function footprint(org: TestOrganization) {
    return one(
      `SELECT (SELECT count(*) FROM lot WHERE organization_id = $1) AS lots,
              (SELECT count(*) FROM event WHERE organization_id = $1) AS events,
              (SELECT count(*) FROM event_line WHERE organization_id = $1) AS lines,
              (SELECT count(*) FROM lot_link WHERE organization_id = $1) AS links,
              (SELECT count(*) FROM shipment WHERE organization_id = $1) AS shipments,
              (SELECT coalesce(sum(consumed), 0)::text FROM lot WHERE organization_id = $1) AS consumed,
              (SELECT string_agg(status, ',' ORDER BY id) FROM lot WHERE organization_id = $1) AS statuses`,
      [org.organizationId],
    );
  }

  async function expectRefused(org: TestOrganization, send: () => request.Test, status: number, code: string) {
    const before = await footprint(org);
    const response = await send();
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.body.message).toEqual(expect.any(String));
    expect(await footprint(org)).toEqual(before);
    return response.body;
  }

  async function cooperative(): Promise<{ org: TestOrganization; s: LotTestSetup }> {
    const org = await signupOrganization(t.server);
    return { org, s: await createLotTestSetup(t.dataSource, org.organizationId) };
  }

  async function harvestLot(org: TestOrganization, s: LotTestSetup, quantity: string, extra: Record<string, unknown> = {}) {
    const response = await request(t.server)
      .post('/api/v1/lots/harvest')
      .set(org.auth)
      .send({ growingAreaId: s.areaId, productId: s.paddyId, quantity, unit: 'kg', harvestedAt: '2026-10-01T07:00:00+07:00', ...extra });
    expect(response.status).toBe(201);
    return response.body;
  }

  const transform = (org: TestOrganization, body: Record<string, unknown>) => request(t.server).post('/api/v1/lots/transform').set(org.auth).send(body);
  const getLot = async (org: TestOrganization, id: string) => (await request(t.server).get(`/api/v1/lots/${id}`).set(org.auth).expect(200)).body;

  it('merges and mills harvests: inputs give out what they gave, outputs are new lots at the facility', async () => {
    const { org, s } = await cooperative();
    const a = await harvestLot(org, s, '1000');
    const b = await harvestLot(org, s, '500', { growingAreaId: s.secondAreaId });
    const response = await transform(org, {
      inputs: [
        { lotId: a.id, quantity: '0.8', unit: 't' },
        { lotId: b.id, quantity: 500, unit: 'kg' },
      ],
      outputs: [{ productId: s.riceId, quantity: '845.5', unit: 'kg' }],
      facilityId: s.facilityId,
      occurredAt: '2026-10-10T09:00:00+07:00',
      process: 'milling',
      documents: [{ type: 'production_order', number: 'LSX-01' }],
    }).expect(201);
    const { event, outputs } = response.body;
    expect(event).toMatchObject({
      type: 'transform',
      epcisEventType: 'TransformationEvent',
      bizStep: 'commissioning',
      facilityId: s.facilityId,
      eventTime: '2026-10-10T09:00:00.000+07:00',
      documents: [{ type: 'production_order', number: 'LSX-01' }],
      details: expect.objectContaining({ process: 'milling' }),
      seq: '3',
    });
    expect(event.lines).toEqual(
      expect.arrayContaining([
        { lotId: a.id, lotCode: a.code, direction: 'input', quantity: '0.8', unit: 't', quantityInLotUnit: '800' },
        { lotId: b.id, lotCode: b.code, direction: 'input', quantity: '500', unit: 'kg', quantityInLotUnit: '500' },
        { lotId: outputs[0].id, lotCode: 'GNSC-2026-000001', direction: 'output', quantity: '845.5', unit: 'kg', quantityInLotUnit: '845.5' },
      ]),
    );
    expect(outputs).toEqual([
      expect.objectContaining({
        code: 'GNSC-2026-000001',
        kind: 'processed',
        quantity: '845.5',
        available: '845.5',
        facility: { id: s.facilityId, name: 'Xưởng xay xát Thanh Xương' },
        growingArea: null, // two fields commingled
        product: expect.objectContaining({ id: s.riceId }),
      }),
    ]);
    expect(await getLot(org, a.id)).toMatchObject({ quantity: '1000', consumed: '800', available: '200' });
    expect(await getLot(org, b.id)).toMatchObject({ consumed: '500', available: '0', status: 'active' });
  });

  it('packs with unit conversions through the product’s net content', async () => {
    const { org, s } = await cooperative();
    const paddy = await harvestLot(org, s, '300');
    const rice = (
      await transform(org, {
        inputs: [{ lotId: paddy.id, quantity: '300', unit: 'kg' }],
        outputs: [{ productId: s.riceId, quantity: '200', unit: 'kg' }],
        occurredAt: '2026-10-10',
        process: 'milling',
      }).expect(201)
    ).body.outputs[0];
    expect(rice.growingArea).toMatchObject({ id: s.areaId }); // single origin keeps its field
    const packed = await transform(org, {
      inputs: [{ lotId: rice.id, quantity: '100', unit: 'kg' }],
      outputs: [{ productId: s.packId, quantity: '200', unit: 'pack', lotCode: 'SC-TUI-01' }],
      occurredAt: '2026-10-11T10:00:00+07:00',
      process: 'packing',
      facilityId: s.facilityId,
    }).expect(201);
    const packs = packed.body.outputs[0];
    expect(packed.body.event.bizStep).toBe('packing');
    expect(packs).toMatchObject({
      code: 'SC-TUI-01',
      kind: 'packed',
      unit: 'pack',
      quantity: '200',
      expiresAt: '2027-10-11',
      uri: `${t.config.publicBaseUrl}/01/${s.packGtin}/10/SC-TUI-01`,
    });
    // 1.5 kg out of 500 g packs is 3 packs; 250 g is half a pack.
    const split = await request(t.server)
      .post(`/api/v1/lots/${packs.id}/split`)
      .set(org.auth)
      .send({ parts: [{ quantity: '1.5', unit: 'kg' }, { quantity: '250', unit: 'g' }], occurredAt: '2026-10-12' })
      .expect(201);
    expect(split.body.event.lines.filter((l: { direction: string }) => l.direction === 'input').map((l: { quantityInLotUnit: string }) => l.quantityInLotUnit).sort()).toEqual([
      '0.5',
      '3',
    ]);
    expect(split.body.outputs.map((o: { kind: string; quantity: string; unit: string }) => [o.kind, o.quantity, o.unit])).toEqual([
      ['split', '1.5', 'kg'],
      ['split', '250', 'g'],
    ]);
    // Parts keep the parent's production date and expiry.
    expect(split.body.outputs[0]).toMatchObject({ producedAt: '2026-10-11T10:00:00.000+07:00', expiresAt: '2027-10-11' });
    expect(await getLot(org, packs.id)).toMatchObject({ consumed: '3.5', available: '196.5' });

    // Packs cannot be weighed without a net content: paddy has none.
    const incompatible = await expectRefused(
      org,
      () => transform(org, { inputs: [{ lotId: paddy.id, quantity: '1', unit: 'pack' }], outputs: [{ productId: s.riceId, quantity: '1', unit: 'kg' }], occurredAt: '2026-10-12', process: 'x' }),
      422,
      'UNIT_INCOMPATIBLE',
    );
    expect(incompatible.details).toMatchObject({ field: 'inputs[0].unit', lotId: paddy.id });
    await expectRefused(
      org,
      () => transform(org, { inputs: [{ lotId: rice.id, quantity: '1', unit: 'l' }], outputs: [{ productId: s.riceId, quantity: '1', unit: 'kg' }], occurredAt: '2026-10-12', process: 'x' }),
      422,
      'UNIT_INCOMPATIBLE',
    );
  });

  it('refuses to give out more than a lot has, after conversion, and writes nothing', async () => {
    const { org, s } = await cooperative();
    const a = await harvestLot(org, s, '100');
    const b = await harvestLot(org, s, '100');
    await transform(org, { inputs: [{ lotId: a.id, quantity: '60', unit: 'kg' }], outputs: [{ productId: s.riceId, quantity: '40', unit: 'kg' }], occurredAt: '2026-10-02', process: 'drying' }).expect(201);
    const refused = await expectRefused(
      org,
      () =>
        transform(org, {
          inputs: [
            { lotId: b.id, quantity: '10', unit: 'kg' },
            { lotId: a.id, quantity: '0.040001', unit: 't' },
          ],
          outputs: [{ productId: s.riceId, quantity: '30', unit: 'kg' }],
          occurredAt: '2026-10-02',
          process: 'drying',
        }),
      422,
      'LOT_OVERCONSUMED',
    );
    expect(refused.details).toEqual({ field: 'inputs[1].quantity', lotId: a.id, lotCode: a.code, available: '40', requested: '40.001', unit: 'kg' });
    await expectRefused(
      org,
      () => request(t.server).post(`/api/v1/lots/${a.id}/split`).set(org.auth).send({ parts: [{ quantity: '20', unit: 'kg' }, { quantity: '20.5', unit: 'kg' }] }),
      422,
      'LOT_OVERCONSUMED',
    );
    await expectRefused(
      org,
      () => request(t.server).post(`/api/v1/lots/${a.id}/ship`).set(org.auth).send({ partnerId: s.distributorId, quantity: '41', unit: 'kg', shippedAt: '2026-10-03' }),
      422,
      'LOT_OVERCONSUMED',
    );
    // The rest, exactly, is fine.
    await request(t.server).post(`/api/v1/lots/${a.id}/ship`).set(org.auth).send({ partnerId: s.distributorId, quantity: '40', unit: 'kg', shippedAt: '2026-10-03' }).expect(201);
    expect(await getLot(org, a.id)).toMatchObject({ consumed: '100', available: '0' });
  });

  it('holds under a race: 60 concurrent transforms of 3 kg from a 100 kg lot give out at most 100 kg', async () => {
    const { org, s } = await cooperative();
    const lot = await harvestLot(org, s, '100');
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        transform(org, {
          inputs: [{ lotId: lot.id, quantity: '3', unit: 'kg' }],
          outputs: [{ productId: s.riceId, quantity: '2', unit: 'kg', lotCode: `RACE-${i}` }],
          occurredAt: '2026-10-02',
          process: 'drying',
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((status) => status === 201 || status === 409 || status === 422)).toBe(true);
    const accepted = responses.filter((r) => r.status === 201);
    expect(responses.filter((r) => r.status !== 201).every((r) => r.body.code === 'LOT_OVERCONSUMED')).toBe(true);
    // 33 × 3 kg = 99 kg fit; a 34th would not.
    expect(accepted).toHaveLength(33);
    const row = await one(`SELECT consumed::text AS consumed FROM lot WHERE id = $1`, [lot.id]);
    expect(Number(row.consumed)).toBe(99);
    const given = await one(`SELECT sum(quantity_in_lot_unit)::text AS total, count(*) AS n FROM event_line WHERE lot_id = $1 AND direction = 'input'`, [lot.id]);
    expect([Number(given.total), Number(given.n)]).toEqual([99, 33]);
    expect(Number((await one(`SELECT count(*) AS n FROM lot WHERE organization_id = $1 AND code LIKE 'RACE-%'`, [org.organizationId])).n)).toBe(33);
    const verify = await request(t.server).get('/api/v1/audit/verify').set(org.auth).expect(200);
    expect(verify.body).toMatchObject({ valid: true, eventsChecked: 34 });
  });

  it('refuses a cycle: no lot is made from itself', async () => {
    const { org, s } = await cooperative();
    const lot = await harvestLot(org, s, '100', { lotCode: 'SC-CYCLE-1' });
    const cycle = await expectRefused(
      org,
      () => transform(org, { inputs: [{ lotId: lot.id, quantity: '10', unit: 'kg' }], outputs: [{ productId: s.paddyId, quantity: '10', unit: 'kg', lotCode: 'SC-CYCLE-1' }], occurredAt: '2026-10-02', process: 're-drying' }),
      422,
      'LOT_CYCLE',
    );
    expect(cycle.details).toMatchObject({ field: 'outputs[0].lotCode', lotId: lot.id });
    await expectRefused(org, () => request(t.server).post(`/api/v1/lots/${lot.id}/split`).set(org.auth).send({ parts: [{ quantity: '1', unit: 'kg', lotCode: 'SC-CYCLE-1' }] }), 422, 'LOT_CYCLE');
    // And the database itself refuses a self-link.
    await expect(
      t.dataSource.query(`INSERT INTO lot_link (organization_id, parent_lot_id, child_lot_id, event_id, event_type, quantity, unit) VALUES ($1, $2, $2, gen_random_uuid(), 'transform', 1, 'kg')`, [
        org.organizationId,
        lot.id,
      ]),
    ).rejects.toThrow(/lot_link_check/);
  });

  it('checks inputs: other tenants’ lots are not found, a lot listed twice, and no use before the lot existed', async () => {
    const { org, s } = await cooperative();
    const other = await cooperative();
    const theirs = await harvestLot(other.org, other.s, '100');
    const mine = await harvestLot(org, s, '100');
    const out = [{ productId: s.riceId, quantity: '1', unit: 'kg' }];
    const notFound = await expectRefused(org, () => transform(org, { inputs: [{ lotId: mine.id, quantity: '1', unit: 'kg' }, { lotId: theirs.id, quantity: '1', unit: 'kg' }], outputs: out, occurredAt: '2026-10-02', process: 'x' }), 404, 'LOT_NOT_FOUND');
    expect(notFound.details).toMatchObject({ field: 'inputs[1].lotId', id: theirs.id });
    await expectRefused(org, () => request(t.server).post(`/api/v1/lots/${theirs.id}/split`).set(org.auth).send({ parts: [{ quantity: '1', unit: 'kg' }] }), 404, 'LOT_NOT_FOUND');
    await expectRefused(org, () => request(t.server).post(`/api/v1/lots/${theirs.id}/ship`).set(org.auth).send({ partnerId: s.distributorId, quantity: '1', unit: 'kg', shippedAt: '2026-10-03' }), 404, 'LOT_NOT_FOUND');
    await expectRefused(org, () => transform(org, { inputs: [{ lotId: mine.id, quantity: '1', unit: 'kg' }], outputs: [{ productId: other.s.riceId, quantity: '1', unit: 'kg' }], occurredAt: '2026-10-02', process: 'x' }), 404, 'PRODUCT_NOT_FOUND');
    await expectRefused(org, () => request(t.server).post(`/api/v1/lots/${mine.id}/ship`).set(org.auth).send({ partnerId: other.s.distributorId, quantity: '1', unit: 'kg', shippedAt: '2026-10-03' }), 404, 'PARTNER_NOT_FOUND');
    await expectRefused(org, () => transform(org, { inputs: [{ lotId: mine.id, quantity: '1', unit: 'kg' }], outputs: out, facilityId: other.s.facilityId, occurredAt: '2026-10-02', process: 'x' }), 404, 'FACILITY_NOT_FOUND');
    const twice = await expectRefused(org, () => transform(org, { inputs: [{ lotId: mine.id, quantity: '1', unit: 'kg' }, { lotId: mine.id, quantity: '2', unit: 'kg' }], outputs: out, occurredAt: '2026-10-02', process: 'x' }), 422, 'INPUT_LOT_DUPLICATE');
    expect(twice.details.field).toBe('inputs[1].lotId');
    const early = await expectRefused(org, () => transform(org, { inputs: [{ lotId: mine.id, quantity: '1', unit: 'kg' }], outputs: out, occurredAt: '2026-09-30', process: 'x' }), 422, 'EVENT_BEFORE_INPUT');
    expect(early.details).toMatchObject({ field: 'occurredAt', lotId: mine.id });
    await expectRefused(org, () => transform(org, { inputs: [], outputs: out, occurredAt: '2026-10-02', process: 'x' }), 400, 'VALIDATION_FAILED');
    const bad = await expectRefused(org, () => transform(org, { inputs: [{ lotId: mine.id, quantity: '-1', unit: 'kg' }], outputs: [{ productId: s.riceId, quantity: '1', unit: 'sack' }], occurredAt: '2026-10-02', process: 'x' }), 422, 'QUANTITY_INVALID');
    expect(bad.details.field).toBe('inputs[0].quantity');
  });

  it('ships to a partner: a shipment, a ship event with its documents, and availability goes down', async () => {
    const { org, s } = await cooperative();
    const lot = await harvestLot(org, s, '100');
    const shipped = await request(t.server)
      .post(`/api/v1/lots/${lot.id}/ship`)
      .set(org.auth)
      .send({ partnerId: s.distributorId, quantity: '25.5', unit: 'kg', shippedAt: '2026-10-03T14:00:00+07:00', documents: [{ type: 'invoice', number: 'HĐ 0012/2026' }] })
      .expect(201);
    expect(shipped.body.event).toMatchObject({
      type: 'ship',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      destinationPartnerId: s.distributorId,
      documents: [{ type: 'invoice', number: 'HĐ 0012/2026' }],
      lines: [{ lotId: lot.id, direction: 'input', quantity: '25.5', unit: 'kg', quantityInLotUnit: '25.5', lotCode: lot.code }],
    });
    expect(shipped.body.shipment).toMatchObject({
      status: 'in_transit',
      direction: 'outgoing',
      quantity: '25.5',
      partner: { id: s.distributorId, name: 'Công ty Phân phối Nông sản Tây Bắc' },
      lot: { id: lot.id, code: lot.code },
      shippedAt: '2026-10-03T07:00:00.000Z',
    });
    expect(await getLot(org, lot.id)).toMatchObject({ consumed: '25.5', available: '74.5' });
    const list = await request(t.server).get('/api/v1/shipments?direction=outgoing').set(org.auth).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: shipped.body.shipment.id }] });
    expect((await request(t.server).get('/api/v1/shipments?direction=incoming').set(org.auth).expect(200)).body.total).toBe(0);
  });

  it('records an inspection with its document; a document is required', async () => {
    const { org, s } = await cooperative();
    const lot = await harvestLot(org, s, '100');
    const lab = (await t.dataSource.query(`INSERT INTO partner (organization_id, kind, name, name_search) VALUES ($1, 'lab', 'Trung tâm Kiểm nghiệm', 'trung tam kiem nghiem') RETURNING id`, [org.organizationId]))[0].id;
    const inspected = await request(t.server)
      .post(`/api/v1/lots/${lot.id}/inspect`)
      .set(org.auth)
      .send({ result: 'conformant', inspectedAt: '2026-10-04', partnerId: lab, documents: [{ type: 'test_result', number: 'KQ-2026-331' }], parameters: [{ name: 'Fipronil', value: '< 0.005', unit: 'mg/kg' }] })
      .expect(201);
    expect(inspected.body.event).toMatchObject({
      type: 'inspect',
      bizStep: 'inspecting',
      disposition: 'conformant',
      sourcePartnerId: lab,
      details: { result: 'conformant', lab: { name: 'Trung tâm Kiểm nghiệm' }, parameters: [{ name: 'Fipronil', value: '< 0.005', unit: 'mg/kg' }] },
      lines: [{ lotId: lot.id, direction: 'observed', quantity: '100', unit: 'kg' }],
    });
    expect(await getLot(org, lot.id)).toMatchObject({ consumed: '0' });
    await expectRefused(org, () => request(t.server).post(`/api/v1/lots/${lot.id}/inspect`).set(org.auth).send({ result: 'conformant', inspectedAt: '2026-10-04', documents: [] }), 400, 'VALIDATION_FAILED');
    await expectRefused(org, () => request(t.server).post(`/api/v1/lots/${lot.id}/inspect`).set(org.auth).send({ result: 'ok', inspectedAt: '2026-10-04', documents: [{ type: 'x', number: '1' }] }), 400, 'VALIDATION_FAILED');
  });

  describe('void', () => {
    it('gives back what a transform consumed, voids what it made, and keeps both events in history', async () => {
      const { org, s } = await cooperative();
      const lot = await harvestLot(org, s, '100');
      const made = (await transform(org, { inputs: [{ lotId: lot.id, quantity: '40', unit: 'kg' }], outputs: [{ productId: s.riceId, quantity: '30', unit: 'kg' }], occurredAt: '2026-10-02', process: 'drying' }).expect(201)).body;
      const voided = await request(t.server).post(`/api/v1/events/${made.event.id}/void`).set(org.auth).send({ reason: 'Nhập nhầm khối lượng' }).expect(201);
      expect(voided.body.event).toMatchObject({ type: 'void', voidsEventId: made.event.id, reason: 'Nhập nhầm khối lượng', lines: [] });
      expect(voided.body.voided).toMatchObject({ id: made.event.id, voided: { eventId: voided.body.event.id, reason: 'Nhập nhầm khối lượng' } });
      expect(await getLot(org, lot.id)).toMatchObject({ consumed: '0', available: '100', status: 'active' });
      expect(await getLot(org, made.outputs[0].id)).toMatchObject({ status: 'voided' });
      const history = await request(t.server).get(`/api/v1/lots/${lot.id}/events`).set(org.auth).expect(200);
      expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(['harvest', 'transform', 'void']);
      // The genealogy no longer has the voided link.
      const forward = await request(t.server).get(`/api/v1/lots/${lot.id}/trace?direction=forward`).set(org.auth).expect(200);
      expect(forward.body.nodes.map((n: { id: string }) => n.id)).toEqual([lot.id]);
      // A voided lot cannot be used.
      const refused = await expectRefused(org, () => request(t.server).post(`/api/v1/lots/${made.outputs[0].id}/ship`).set(org.auth).send({ partnerId: s.distributorId, quantity: '1', unit: 'kg', shippedAt: '2026-10-03' }), 422, 'LOT_VOIDED');
      expect(refused.details.field).toBe('id');
      await expectRefused(org, () => request(t.server).post(`/api/v1/events/${made.event.id}/void`).set(org.auth).send({ reason: 'again' }), 409, 'EVENT_ALREADY_VOIDED');
      await expectRefused(org, () => request(t.server).post(`/api/v1/events/${voided.body.event.id}/void`).set(org.auth).send({ reason: 'undo' }), 422, 'EVENT_NOT_VOIDABLE');
      await expectRefused(org, () => request(t.server).post(`/api/v1/events/${made.event.id}/void`).set(org.auth).send({}), 400, 'VALIDATION_FAILED');
      expect((await request(t.server).get('/api/v1/audit/verify').set(org.auth).expect(200)).body).toMatchObject({ valid: true, eventsChecked: 3 });
    });

    it('refuses to void an event whose lots have been used downstream, and a shipment already received', async () => {
      const { org, s } = await cooperative();
      const lot = await harvestLot(org, s, '100');
      const made = (await transform(org, { inputs: [{ lotId: lot.id, quantity: '40', unit: 'kg' }], outputs: [{ productId: s.riceId, quantity: '30', unit: 'kg' }], occurredAt: '2026-10-02', process: 'drying' }).expect(201)).body;
      await request(t.server).post(`/api/v1/lots/${made.outputs[0].id}/split`).set(org.auth).send({ parts: [{ quantity: '10', unit: 'kg' }] }).expect(201);
      const refused = await expectRefused(org, () => request(t.server).post(`/api/v1/events/${made.event.id}/void`).set(org.auth).send({ reason: 'sai' }), 409, 'EVENT_HAS_DOWNSTREAM');
      expect(refused.details.lotIds).toEqual([made.outputs[0].id]);
      await expectRefused(org, () => request(t.server).post(`/api/v1/events/${lot.createdEventId}/void`).set(org.auth).send({ reason: 'sai' }), 409, 'EVENT_HAS_DOWNSTREAM');
    });

    it('cancels a shipment when its ship event is voided; other tenants’ events are not found', async () => {
      const { org, s } = await cooperative();
      const lot = await harvestLot(org, s, '100');
      const shipped = (await request(t.server).post(`/api/v1/lots/${lot.id}/ship`).set(org.auth).send({ partnerId: s.distributorId, quantity: '30', unit: 'kg', shippedAt: '2026-10-03' }).expect(201)).body;
      const other = await signupOrganization(t.server);
      await expectRefused(org, () => request(t.server).post(`/api/v1/events/${shipped.event.id}/void`).set(other.auth).send({ reason: 'x' }), 404, 'EVENT_NOT_FOUND');
      await request(t.server).get(`/api/v1/events/${shipped.event.id}`).set(other.auth).expect(404);
      await request(t.server).post(`/api/v1/events/${shipped.event.id}/void`).set(org.auth).send({ reason: 'Xe không đi' }).expect(201);
      expect(await getLot(org, lot.id)).toMatchObject({ consumed: '0' });
      expect((await request(t.server).get(`/api/v1/shipments/${shipped.shipment.id}`).set(org.auth).expect(200)).body.status).toBe('cancelled');
    });

    it('keeps events append-only in the database', async () => {
      const { org, s } = await cooperative();
      const lot = await harvestLot(org, s, '100');
      await expect(t.dataSource.query(`UPDATE event SET reason = 'x' WHERE id = $1`, [lot.createdEventId])).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`DELETE FROM event_line WHERE event_id = $1`, [lot.createdEventId])).rejects.toThrow(/append-only/);
    });
  });
});
