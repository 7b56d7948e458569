import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  addTestInputApplication,
  addUser,
  changeTestGrowingAreaStatus,
  createLotTestSetup,
  createProgrammeOffice,
  createTestGrowingArea,
  createTestPartner,
  grantOversight,
  signupOrganization,
  startTestApp,
  type LotTestSetup,
  type TestApp,
  type TestOrganization,
} from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

// The e2e project's testTimeout does not reach tests (a project-level option Jest ignores); the machine is shared.

describe('harvest (docs/rules.md#harvests-come-from-a-real-active-growing-area)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);
  const lotsOf = (org: TestOrganization) => count(`SELECT count(*) AS n FROM lot WHERE organization_id = $1`, [org.organizationId]);
  const eventsOf = (org: TestOrganization) => count(`SELECT count(*) AS n FROM event WHERE organization_id = $1`, [org.organizationId]);

  async function cooperative(): Promise<{ org: TestOrganization; s: LotTestSetup }> {
    const org = await signupOrganization(t.server);
    return { org, s: await createLotTestSetup(t.dataSource, org.organizationId) };
  }

  const harvest = (org: TestOrganization, body: Record<string, unknown>) => request(t.server).post('/api/v1/lots/harvest').set(org.auth).send(body);

  /** Expects a refusal with this status and code, and that nothing at all was written. */
  async function expectRefused(org: TestOrganization, body: Record<string, unknown>, status: number, code: string) {
    const [lots, events] = [await lotsOf(org), await eventsOf(org)];
    const response = await harvest(org, body);
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.body).toMatchObject({ statusCode: status, message: expect.any(String) });
    expect(await lotsOf(org)).toBe(lots);
    expect(await eventsOf(org)).toBe(events);
    return response.body;
  }

  it('creates a harvest lot with a generated GS1-compatible code, short code, availability and a chained event', async () => {
    const { org, s } = await cooperative();
    const response = await harvest(org, {
      growingAreaId: s.areaId,
      productId: s.paddyId,
      quantity: '1250.5',
      unit: 'kg',
      harvestedAt: '2026-10-05T08:30:00+07:00',
      partnerId: s.householdId,
    }).expect(201);
    const lot = response.body;
    expect(lot).toMatchObject({
      code: 'TNSC-2026-000001',
      kind: 'harvest',
      status: 'active',
      quantity: '1250.5',
      unit: 'kg',
      consumed: '0',
      available: '1250.5',
      availability: { quantity: '1250.5', consumed: '0', available: '1250.5', unit: 'kg' },
      product: { id: s.paddyId, nameVi: 'Thóc nếp Séng Cù', gtin: null },
      growingArea: { id: s.areaId, name: 'Ruộng Co Mỵ' },
      household: { id: s.householdId, name: 'Hộ Lò Văn Pọm' },
      producedAt: '2026-10-05T08:30:00.000+07:00',
      producedAtOffset: '+07:00',
    });
    expect(lot.shortCode).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/);
    expect(lot.uri).toBe(`${t.config.publicBaseUrl}/l/${lot.shortCode}`);

    const events = await request(t.server).get(`/api/v1/lots/${lot.id}/events`).set(org.auth).expect(200);
    expect(events.body.total).toBe(1);
    expect(events.body.items[0]).toMatchObject({
      type: 'harvest',
      epcisEventType: 'ObjectEvent',
      action: 'ADD',
      bizStep: 'commissioning',
      eventTime: '2026-10-05T08:30:00.000+07:00',
      growingAreaId: s.areaId,
      sourcePartnerId: s.householdId,
      recordedBy: org.userId,
      seq: '1',
      prevHash: null,
      lines: [{ lotId: lot.id, lotCode: 'TNSC-2026-000001', direction: 'output', quantity: '1250.5', unit: 'kg', quantityInLotUnit: '1250.5' }],
    });
    expect(events.body.items[0].hash).toMatch(/^[0-9a-f]{64}$/);

    const second = await harvest(org, { growingAreaId: s.areaId, productId: s.paddyId, quantity: 100, unit: 'kg', harvestedAt: '2026-10-06' }).expect(201);
    expect(second.body.code).toBe('TNSC-2026-000002');
    expect(second.body.producedAt).toBe('2026-10-06T00:00:00.000+07:00');
  });

  it('keeps a lot code given by the user, refuses one outside GS1 AI (10) and a duplicate', async () => {
    const { org, s } = await cooperative();
    const base = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-05' };
    const given = await harvest(org, { ...base, lotCode: ' SC-2026/01 ' }).expect(201);
    expect(given.body.code).toBe('SC-2026/01');
    const diacritics = await expectRefused(org, { ...base, lotCode: 'Lô-Séng-Cù' }, 422, 'LOT_CODE_INVALID');
    expect(diacritics.details.field).toBe('lotCode');
    await expectRefused(org, { ...base, lotCode: 'A'.repeat(21) }, 422, 'LOT_CODE_INVALID');
    const duplicate = await expectRefused(org, { ...base, lotCode: 'SC-2026/01' }, 409, 'LOT_CODE_TAKEN');
    expect(duplicate.details.field).toBe('lotCode');
    // Another organization may use the same code.
    const other = await cooperative();
    await harvest(other.org, { ...base, growingAreaId: other.s.areaId, productId: other.s.paddyId, lotCode: 'SC-2026/01' }).expect(201);
  });

  it.each([
    ['draft', 'GROWING_AREA_NOT_ACTIVE'],
    ['suspended', 'GROWING_AREA_NOT_ACTIVE'],
    ['revoked', 'GROWING_AREA_NOT_ACTIVE'],
  ])('refuses a harvest from a %s area', async (status) => {
    const { org, s } = await cooperative();
    const areaId = await createTestGrowingArea(t.dataSource, org.organizationId, { status, owners: [s.householdId] });
    const body = await expectRefused(org, { growingAreaId: areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-05' }, 422, 'GROWING_AREA_NOT_ACTIVE');
    expect(body.details).toMatchObject({ field: 'growingAreaId', status, date: '2026-10-05' });
  });

  it('judges the status on the harvest date from the history, not today’s status', async () => {
    const { org, s } = await cooperative();
    await changeTestGrowingAreaStatus(t.dataSource, org.organizationId, s.areaId, 'suspended', '2026-06-01T00:00:00+07:00');
    await changeTestGrowingAreaStatus(t.dataSource, org.organizationId, s.areaId, 'active', '2026-07-01T00:00:00+07:00');
    await changeTestGrowingAreaStatus(t.dataSource, org.organizationId, s.areaId, 'revoked', '2026-09-01T00:00:00+07:00');
    const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg' };
    await harvest(org, { ...body, harvestedAt: '2026-05-31T23:00:00+07:00' }).expect(201);
    await expectRefused(org, { ...body, harvestedAt: '2026-06-15' }, 422, 'GROWING_AREA_NOT_ACTIVE');
    await harvest(org, { ...body, harvestedAt: '2026-08-20' }).expect(201);
    await expectRefused(org, { ...body, harvestedAt: '2026-09-02' }, 422, 'GROWING_AREA_NOT_ACTIVE');
    // Before the area was registered it was not active either.
    await expectRefused(org, { ...body, harvestedAt: '2019-06-01' }, 422, 'GROWING_AREA_NOT_ACTIVE');
  });

  it('accepts a date-only harvest on the day the area became active, and judges that day by its end', async () => {
    const { org, s } = await cooperative();
    await changeTestGrowingAreaStatus(t.dataSource, org.organizationId, s.areaId, 'suspended', '2026-06-01T00:00:00+07:00');
    await changeTestGrowingAreaStatus(t.dataSource, org.organizationId, s.areaId, 'active', '2026-06-10T09:30:00+07:00');
    await changeTestGrowingAreaStatus(t.dataSource, org.organizationId, s.areaId, 'suspended', '2026-06-20T15:00:00+07:00');
    const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg' };
    await harvest(org, { ...body, harvestedAt: '2026-06-10' }).expect(201);
    await expectRefused(org, { ...body, harvestedAt: '2026-06-10T08:00:00+07:00' }, 422, 'GROWING_AREA_NOT_ACTIVE');
    await expectRefused(org, { ...body, harvestedAt: '2026-06-20' }, 422, 'GROWING_AREA_NOT_ACTIVE');
    await harvest(org, { ...body, harvestedAt: '2026-06-20T10:00:00+07:00' }).expect(201);
  });

  it('refuses a harvest inside the pre-harvest interval and names the earliest allowed date; voided applications do not count', async () => {
    const { org, s } = await cooperative();
    await addTestInputApplication(t.dataSource, org.organizationId, s.areaId, { appliedAt: '2026-09-20', phiDays: 7, productName: 'Regent 800WG' });
    await addTestInputApplication(t.dataSource, org.organizationId, s.areaId, { appliedAt: '2026-09-25', phiDays: 14, productName: 'Anvil 5SC' });
    await addTestInputApplication(t.dataSource, org.organizationId, s.areaId, { appliedAt: '2026-09-30', phiDays: 60, productName: 'nhập nhầm', voided: true });
    const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg' };
    const refused = await expectRefused(org, { ...body, harvestedAt: '2026-10-08T16:00:00+07:00' }, 422, 'HARVEST_INSIDE_PHI');
    expect(refused.details).toMatchObject({ field: 'harvestedAt', earliestHarvestDate: '2026-10-09', productName: 'Anvil 5SC', appliedAt: '2026-09-25', phiDays: 14 });
    expect(refused.message).toContain('2026-10-09');
    await harvest(org, { ...body, harvestedAt: '2026-10-09T06:00:00+07:00' }).expect(201);
    // Applications after the harvest date do not hold back an earlier (late-entered) harvest.
    await harvest(org, { ...body, harvestedAt: '2026-09-19' }).expect(201);
  });

  it('refuses a harvest in the future, and a zero, negative or malformed quantity or an unknown unit', async () => {
    const { org, s } = await cooperative();
    const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-05' };
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString();
    expect((await expectRefused(org, { ...body, harvestedAt: tomorrow }, 422, 'HARVEST_DATE_IN_FUTURE')).details.field).toBe('harvestedAt');
    expect((await expectRefused(org, { ...body, quantity: 0 }, 422, 'QUANTITY_INVALID')).details.field).toBe('quantity');
    await expectRefused(org, { ...body, quantity: '-5' }, 422, 'QUANTITY_INVALID');
    expect((await expectRefused(org, { ...body, quantity: '1,5' }, 400, 'QUANTITY_AMBIGUOUS')).details.field).toBe('quantity');
    await expectRefused(org, { ...body, quantity: '25.000,5' }, 400, 'QUANTITY_AMBIGUOUS');
    await expectRefused(org, { ...body, quantity: '0.0000001' }, 422, 'QUANTITY_INVALID');
    expect((await expectRefused(org, { ...body, unit: 'bao' }, 422, 'UNIT_UNKNOWN')).details.field).toBe('unit');
    expect((await expectRefused(org, { ...body, harvestedAt: '2026-02-30' }, 422, 'DATE_INVALID')).details.field).toBe('harvestedAt');
    const malformed = await expectRefused(org, { ...body, quantity: { value: 1 }, growingAreaId: 'not-a-uuid', extra: 1 }, 400, 'VALIDATION_FAILED');
    expect(Object.keys(malformed.details.fields).sort()).toEqual(['extra', 'growingAreaId', 'quantity']);
    expect((await expectRefused(org, { ...body, displayName: 'bad\u0000name' }, 400, 'TEXT_INVALID_CHARACTER')).details.field).toBe('displayName');
  });

  it('keeps the phone’s position in the harvest event under its hash, for staff only; refuses one out of range naming the field', async () => {
    const { org, s } = await cooperative();
    const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-05' };
    const lot = (await harvest(org, { ...body, position: { latitude: 21.3857123, longitude: 103.0169456, accuracyM: 12.4 } }).expect(201)).body;
    const events = (await request(t.server).get(`/api/v1/lots/${lot.id}/events`).set(org.auth).expect(200)).body.items;
    expect(events[0].details.position).toEqual({ latitude: 21.385712, longitude: 103.016946, accuracyM: 12 });
    // Without a position, none is recorded (the phone refused, or a desk computer).
    const plain = (await harvest(org, body).expect(201)).body;
    expect((await request(t.server).get(`/api/v1/lots/${plain.id}/events`).set(org.auth).expect(200)).body.items[0].details).not.toHaveProperty('position');
    expect((await request(t.server).get('/api/v1/audit/verify').set(org.auth).expect(200)).body).toMatchObject({ valid: true });

    // The household's exact position is not on the consumer's page, in HTML or JSON.
    const path = new URL(lot.uri).pathname;
    for (const accept of ['text/html', 'application/json']) {
      const page = await request(t.server).get(path).set('Accept', accept);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('21.385712');
      expect(page.text).not.toContain('103.016946');
    }

    expect((await expectRefused(org, { ...body, position: { latitude: 91, longitude: 103 } }, 422, 'POSITION_OUT_OF_RANGE')).details.field).toBe('position.latitude');
    expect((await expectRefused(org, { ...body, position: { latitude: 21, longitude: -180.5 } }, 422, 'POSITION_OUT_OF_RANGE')).details.field).toBe('position.longitude');
    expect((await expectRefused(org, { ...body, position: { latitude: 21, longitude: 103, accuracyM: -1 } }, 422, 'POSITION_OUT_OF_RANGE')).details.field).toBe('position.accuracyM');
    const malformed = await expectRefused(org, { ...body, position: { latitude: '21', longitude: 103, altitude: 5 } }, 400, 'VALIDATION_FAILED');
    expect(Object.keys(malformed.details.fields).sort()).toEqual(['position.altitude', 'position.latitude']);
    await expectRefused(org, { ...body, position: { longitude: 103 } }, 400, 'VALIDATION_FAILED');

    // Tampering with the stored position breaks the chain at that event.
    await t.dataSource.transaction(async (manager) => {
      await manager.query(`ALTER TABLE event DISABLE TRIGGER event_append_only`);
      await manager.query(`UPDATE event SET details = jsonb_set(details, '{position,latitude}', '21.4') WHERE id = $1`, [events[0].id]);
      await manager.query(`ALTER TABLE event ENABLE TRIGGER event_append_only`);
    });
    expect((await request(t.server).get('/api/v1/audit/verify').set(org.auth).expect(200)).body).toMatchObject({ valid: false, firstBrokenEventId: events[0].id });
  });

  it('checks the household: it must exist, be a member household, and farm this area', async () => {
    const { org, s } = await cooperative();
    const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-05' };
    await harvest(org, { ...body, partnerId: s.householdId }).expect(201);
    expect((await expectRefused(org, { ...body, partnerId: s.secondHouseholdId }, 422, 'PARTNER_NOT_AREA_OWNER')).details.field).toBe('partnerId');
    await expectRefused(org, { ...body, partnerId: s.distributorId }, 422, 'PARTNER_NOT_HOUSEHOLD');
    const other = await cooperative();
    await expectRefused(org, { ...body, partnerId: other.s.householdId }, 404, 'PARTNER_NOT_FOUND');
  });

  it('answers 404 for another organization’s growing area or product, and its lots', async () => {
    const a = await cooperative();
    const b = await cooperative();
    const body = { growingAreaId: a.s.areaId, productId: a.s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-05' };
    expect((await expectRefused(b.org, { ...body, productId: b.s.paddyId }, 404, 'GROWING_AREA_NOT_FOUND')).details.field).toBe('growingAreaId');
    await expectRefused(b.org, { ...body, growingAreaId: b.s.areaId }, 404, 'PRODUCT_NOT_FOUND');
    const lot = (await harvest(a.org, body).expect(201)).body;
    expect((await request(t.server).get(`/api/v1/lots/${lot.id}`).set(b.org.auth).expect(404)).body.code).toBe('LOT_NOT_FOUND');
    await request(t.server).get(`/api/v1/lots/${lot.id}/events`).set(b.org.auth).expect(404);
    await request(t.server).get(`/api/v1/lots/${lot.id}/trace`).set(b.org.auth).expect(404);
    await request(t.server).get(`/api/v1/lots/${lot.id}/trace.csv`).set(b.org.auth).expect(404);
    const list = await request(t.server).get('/api/v1/lots').set(b.org.auth).expect(200);
    expect(list.body.items).toEqual([]);
    expect((await request(t.server).get('/api/v1/lots/not-a-uuid').set(a.org.auth).expect(400)).body.code).toBe('INVALID_ID');
  });

  describe('season yield (calendar year, Vietnam time)', () => {
    // 2 ha of coffee (one crop a year) with an area ceiling of 5 t/ha: 10 t per calendar year.
    async function smallArea() {
      const { org, s } = await cooperative();
      const areaId = await createTestGrowingArea(t.dataSource, org.organizationId, { crop: 'coffee', areaHa: '2', maxYieldTPerHa: '5', owners: [s.householdId] });
      return { org, s, areaId };
    }

    it('refuses a harvest that takes the season above area × max yield, counting earlier harvests in t', async () => {
      const { org, s, areaId } = await smallArea();
      const body = { growingAreaId: areaId, productId: s.paddyId, unit: 'kg' };
      await harvest(org, { ...body, quantity: '6000', harvestedAt: '2025-03-01' }).expect(201);
      await harvest(org, { ...body, quantity: '3.5', unit: 't', harvestedAt: '2025-07-01' }).expect(201);
      const refused = await expectRefused(org, { ...body, quantity: '500.001', harvestedAt: '2025-10-01' }, 422, 'HARVEST_YIELD_IMPLAUSIBLE');
      expect(refused.details).toMatchObject({ field: 'quantity', season: '2025', areaHa: '2', maxYieldTPerHa: '5', seasonsPerYear: 1, limitT: '10', seasonTotalT: '10.000001' });
      // Exactly at the limit passes; the next season starts at zero (1 January 00:00 in Vietnam).
      await harvest(org, { ...body, quantity: '500', harvestedAt: '2025-10-01' }).expect(201);
      await expectRefused(org, { ...body, quantity: '1', harvestedAt: '2025-12-31T23:59:00+07:00' }, 422, 'HARVEST_YIELD_IMPLAUSIBLE');
      await harvest(org, { ...body, quantity: '9', unit: 't', harvestedAt: '2026-01-01T00:00:00+07:00' }).expect(201);
      // A voided harvest no longer counts.
      const late = (await harvest(org, { ...body, quantity: '1', unit: 't', harvestedAt: '2026-02-01' }).expect(201)).body;
      await expectRefused(org, { ...body, quantity: '1', harvestedAt: '2026-03-01' }, 422, 'HARVEST_YIELD_IMPLAUSIBLE');
      await request(t.server).post(`/api/v1/events/${late.createdEventId}/void`).set(org.auth).send({ reason: 'Ghi trùng' }).expect(201);
      await harvest(org, { ...body, quantity: '1', harvestedAt: '2026-03-01' }).expect(201);
    });

    it('accepts it when acknowledged with a reason, records the override and lists it for the programme office', async () => {
      const province = `Tỉnh Kiểm thử ${Date.now()}`;
      const org = await signupOrganization(t.server, { province });
      const s = await createLotTestSetup(t.dataSource, org.organizationId);
      const areaId = await createTestGrowingArea(t.dataSource, org.organizationId, { crop: 'coffee', areaHa: '2', maxYieldTPerHa: '5', owners: [s.householdId] });
      const office = await createProgrammeOffice(t, { province });
      await grantOversight(t.server, office, org);
      const body = { growingAreaId: areaId, productId: s.paddyId, unit: 't', quantity: '12', harvestedAt: '2026-10-01' };

      await expectRefused(org, { ...body, acknowledgeYieldWarning: true }, 422, 'YIELD_WARNING_REASON_REQUIRED');
      await expectRefused(org, { ...body, acknowledgeYieldWarning: true, yieldWarningReason: '   ' }, 422, 'YIELD_WARNING_REASON_REQUIRED');
      const lot = (await harvest(org, { ...body, acknowledgeYieldWarning: true, yieldWarningReason: 'Giống lúa mới, năng suất đã được xác nhận' }).expect(201)).body;
      const [event] = (await request(t.server).get(`/api/v1/lots/${lot.id}/events`).set(org.auth).expect(200)).body.items;
      expect(event.details.yieldOverride).toEqual({
        reason: 'Giống lúa mới, năng suất đã được xác nhận',
        season: '2026',
        areaHa: '2',
        maxYieldTPerHa: '5',
        seasonsPerYear: 1,
        limitT: '10',
        seasonTotalT: '12',
        thisHarvestT: '12',
      });

      const own = await request(t.server).get('/api/v1/reports/yield-overrides').set(org.auth).expect(200);
      expect(own.body.total).toBe(1);
      const seen = await request(t.server).get('/api/v1/reports/yield-overrides').set(office.auth).expect(200);
      expect(seen.body.items).toEqual([
        expect.objectContaining({
          eventId: event.id,
          organization: { id: org.organizationId, name: expect.any(String) },
          lot: { id: lot.id, code: lot.code, quantity: '12', unit: 't' },
          growingArea: expect.objectContaining({ id: areaId }),
          season: '2026',
          seasonTotalT: '12',
          limitT: '10',
          reason: 'Giống lúa mới, năng suất đã được xác nhận',
          voided: false,
        }),
      ]);
      // An office the cooperative has not accepted (of its province or another), and another cooperative, see nothing of it.
      const unlinked = await createProgrammeOffice(t, { province });
      expect((await request(t.server).get('/api/v1/reports/yield-overrides').set(unlinked.auth).expect(200)).body.items).toEqual([]);
      const elsewhere = await createProgrammeOffice(t, { province: 'Lai Châu' });
      expect((await request(t.server).get('/api/v1/reports/yield-overrides').set(elsewhere.auth).expect(200)).body.items).toEqual([]);
      const neighbour = await signupOrganization(t.server, { province });
      expect((await request(t.server).get('/api/v1/reports/yield-overrides').set(neighbour.auth).expect(200)).body.items).toEqual([]);
    });

    it('uses the registry’s ceiling for the crop when the area has none: two rice crops a year', async () => {
      const { org, s } = await cooperative();
      // Sticky rice: 7 t/ha per season by default, two seasons a year; 1.5 ha → 21 t a year.
      const areaId = await createTestGrowingArea(t.dataSource, org.organizationId, { crop: 'sticky_rice', areaHa: '1.5', owners: [s.householdId] });
      const body = { growingAreaId: areaId, productId: s.paddyId, unit: 't', harvestedAt: '2025-06-01' };
      await harvest(org, { ...body, quantity: '10.5' }).expect(201);
      await harvest(org, { ...body, quantity: '10.5', harvestedAt: '2025-10-15' }).expect(201);
      const refused = await expectRefused(org, { ...body, quantity: '0.1', harvestedAt: '2025-11-01' }, 422, 'HARVEST_YIELD_IMPLAUSIBLE');
      expect(refused.details).toMatchObject({ maxYieldTPerHa: '7', seasonsPerYear: 2, limitT: '21', seasonTotalT: '21.1' });
    });

    it('serializes concurrent harvests on one area: they cannot both pass the check', async () => {
      const { org, s, areaId } = await smallArea();
      // Each alone fits (6 t ≤ 10 t); together they do not.
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => harvest(org, { growingAreaId: areaId, productId: s.paddyId, quantity: '6', unit: 't', harvestedAt: '2026-10-01' })),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422, 422]);
      expect(responses.filter((r) => r.status === 422).every((r) => r.body.code === 'HARVEST_YIELD_IMPLAUSIBLE')).toBe(true);
      expect(await count(`SELECT count(*) AS n FROM lot WHERE growing_area_id = $1`, [areaId])).toBe(1);
    });
  });

  it('creates one lot for a double-tapped harvest with the same Idempotency-Key', async () => {
    const { org, s } = await cooperative();
    const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '42', unit: 'kg', harvestedAt: '2026-10-05' };
    const send = () => harvest(org, body).set('Idempotency-Key', 'harvest-tap-000001');
    const [first, second] = await Promise.all([send(), send()]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    const third = await send().expect(201);
    expect(third.headers['idempotent-replayed']).toBe('true');
    expect(await lotsOf(org)).toBe(1);
    expect(await eventsOf(org)).toBe(1);
  });

  it('lets viewers read lots but not log harvests; lists and searches lots by code', async () => {
    const { org, s } = await cooperative();
    const viewer = await addUser(t.server, org, 'viewer');
    const body = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-05' };
    expect((await request(t.server).post('/api/v1/lots/harvest').set(viewer.auth).send(body).expect(403)).body.code).toBe('ROLE_FORBIDDEN');
    for (const code of ['SC-A-001', 'SC-A-002', 'SC-B-001']) await harvest(org, { ...body, lotCode: code }).expect(201);
    await harvest(org, { ...body, growingAreaId: s.secondAreaId, productId: s.riceId }).expect(201);

    const all = await request(t.server).get('/api/v1/lots').set(viewer.auth).expect(200);
    expect(all.body.total).toBe(4);
    const search = await request(t.server).get('/api/v1/lots?search=sc-a').set(viewer.auth).expect(200);
    expect(search.body.items.map((l: { code: string }) => l.code).sort()).toEqual(['SC-A-001', 'SC-A-002']);
    const byProduct = await request(t.server).get(`/api/v1/lots?productId=${s.riceId}&status=active&kind=harvest`).set(viewer.auth).expect(200);
    expect(byProduct.body.items.map((l: { product: { id: string } }) => l.product.id)).toEqual([s.riceId]);

    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(t.server).get(`/api/v1/lots?limit=3${cursor ? `&cursor=${cursor}` : ''}`).set(org.auth).expect(200);
      codes.push(...page.body.items.map((l: { code: string }) => l.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(codes).toHaveLength(4);
    expect(new Set(codes).size).toBe(4);

    // No count unless asked: a page that is not the whole list says null; ?total=true counts.
    const first = await request(t.server).get('/api/v1/lots?limit=3').set(org.auth).expect(200);
    expect(first.body.total).toBeNull();
    const counted = await request(t.server).get('/api/v1/lots?limit=3&total=true').set(org.auth).expect(200);
    expect([counted.body.total, counted.body.items.length]).toEqual([4, 3]);
    const next = await request(t.server).get(`/api/v1/lots?limit=3&cursor=${first.body.nextCursor}`).set(org.auth).expect(200);
    expect([next.body.total, next.body.items.length]).toEqual([null, 1]);
    expect((await request(t.server).get(`/api/v1/lots?limit=3&total=true&cursor=${first.body.nextCursor}`).set(org.auth).expect(200)).body.total).toBe(4);
    const badTotal = await request(t.server).get('/api/v1/lots?total=maybe').set(org.auth).expect(400);
    expect([badTotal.body.code, badTotal.body.details.field]).toEqual(['VALIDATION_FAILED', 'total']);
    expect((await request(t.server).get('/api/v1/lots?cursor=garbage').set(org.auth).expect(400)).body.code).toBe('CURSOR_INVALID');
    expect((await request(t.server).get('/api/v1/lots?status=lost').set(org.auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses harvest from another organization’s household partner linked to this area only by id guessing', async () => {
    const { org, s } = await cooperative();
    const stranger = await createTestPartner(t.dataSource, (await signupOrganization(t.server)).organizationId);
    await expectRefused(org, { growingAreaId: s.areaId, productId: s.paddyId, quantity: '1', unit: 'kg', harvestedAt: '2026-10-05', partnerId: stranger }, 404, 'PARTNER_NOT_FOUND');
  });
});
