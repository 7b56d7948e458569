import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  addUser,
  changeGrowingAreaStatus,
  createGrowingArea,
  createInputApplication,
  createPartner,
  signupOrganization,
  startTestApp,
  testConfig,
  type TestApp,
} from '@app/testing';
import { GrowingAreasService } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';

const ISSUER = 'Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Điện Biên';
const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();

describe('registry: growing areas', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (sql: string, params: unknown[]) => Number((await t.dataSource.query(sql, params))[0].n);
  const rowsOf = async (organizationId: string) => ({
    areas: await count(`SELECT count(*) AS n FROM growing_area WHERE organization_id = $1`, [organizationId]),
    owners: await count(`SELECT count(*) AS n FROM growing_area_owner WHERE organization_id = $1`, [organizationId]),
    history: await count(`SELECT count(*) AS n FROM growing_area_status_change WHERE organization_id = $1`, [organizationId]),
  });
  const valid = (overrides: Record<string, unknown> = {}) => ({
    code: `VN-DBIH-${unique()}`,
    issuer: ISSUER,
    name: 'Cánh đồng Mường Thanh – bản Co Mỵ',
    crop: 'sticky_rice',
    variety: 'Séng Cù',
    areaHa: '12.5',
    province: 'Điện Biên',
    commune: 'Thanh Xương',
    location: { type: 'Point', coordinates: [103.0187, 21.3702] },
    ...overrides,
  });

  it('registers a draft area with its code, location and yield ceiling, and records who registered it', async () => {
    const org = await signupOrganization(t.server);
    const body = valid({ issuedAt: '2024-05-20', targetMarkets: ['VN', 'EU'], standard: 'VietGAP', expectedYieldT: 75 });
    const created = await request(t.server).post('/api/v1/growing-areas').set(org.auth).send(body).expect(201);
    expect(created.body).toMatchObject({
      code: body.code,
      issuer: ISSUER,
      crop: 'sticky_rice',
      areaHa: '12.5',
      status: 'draft',
      location: { type: 'Point', coordinates: [103.0187, 21.3702] },
      issuedAt: '2024-05-20',
      targetMarkets: ['VN', 'EU'],
      expectedYieldT: '75',
      maxYieldTPerHa: null,
      effectiveMaxYieldTPerHa: '7',
      maxYieldSource: 'default',
      maxHarvestT: '87.5',
      ownerPartnerIds: [],
      earliestHarvestDate: null,
    });
    expect(created.body.statusHistory).toEqual([
      { id: expect.any(String), fromStatus: null, toStatus: 'draft', reason: 'Registered', changedBy: org.userId, changedByName: org.email, changedAt: expect.any(String), effectiveAt: null, evidenceReference: null },
    ]);
    const [row] = await t.dataSource.query(`SELECT area_ha, name_search, status FROM growing_area WHERE id = $1`, [created.body.id]);
    expect(row).toEqual({ area_ha: '12.5000', name_search: 'canh dong muong thanh – ban co my', status: 'draft' });
  });

  it('registers an active area with a polygon and its owner households', async () => {
    const org = await signupOrganization(t.server);
    const panh = await createPartner(t.server, org, { name: 'Hộ Lò Văn Panh' });
    const xuan = await createPartner(t.server, org, { name: 'Hộ Quàng Thị Xuân' });
    const polygon = { type: 'Polygon', coordinates: [[[103.01, 21.37], [103.02, 21.37], [103.02, 21.38], [103.01, 21.38], [103.01, 21.37]]] };
    const created = await request(t.server)
      .post('/api/v1/growing-areas')
      .set(org.auth)
      .send(valid({ location: polygon, ownerPartnerIds: [panh.id, xuan.id, panh.id], status: 'active', statusReason: 'Mã số đã được cấp' }))
      .expect(201);
    expect(created.body).toMatchObject({ status: 'active', ownerPartnerIds: [panh.id, xuan.id], location: polygon });
    expect(created.body.owners.map((o: { name: string }) => o.name)).toEqual(['Hộ Lò Văn Panh', 'Hộ Quàng Thị Xuân']);
    expect(created.body.statusHistory).toMatchObject([{ fromStatus: null, toStatus: 'active', reason: 'Mã số đã được cấp' }]);
  });

  it.each([
    [{ areaHa: 0 }, 422, 'AREA_HA_NOT_POSITIVE', 'areaHa'],
    [{ areaHa: '-1.5' }, 422, 'AREA_HA_NOT_POSITIVE', 'areaHa'],
    [{ areaHa: 'hai hecta' }, 400, 'DECIMAL_INVALID', 'areaHa'],
    [{ areaHa: undefined }, 400, 'VALIDATION_FAILED', 'areaHa'],
    [{ location: { type: 'Polygon', coordinates: [[[103.01, 21.37], [103.02, 21.37], [103.02, 21.38], [103.01, 21.38]]] } }, 422, 'GEOJSON_INVALID', 'location'],
    [{ location: { type: 'Polygon', coordinates: [[[103.01, 21.37], [103.02, 21.37], [103.01, 21.37]]] } }, 422, 'GEOJSON_INVALID', 'location'],
    [{ location: { type: 'Point', coordinates: [103.01, 95] } }, 422, 'GEOJSON_INVALID', 'location'],
    [{ location: { type: 'LineString', coordinates: [[103, 21], [104, 22]] } }, 422, 'GEOJSON_INVALID', 'location'],
    [{ location: [103.01, 21.37] }, 400, 'VALIDATION_FAILED', 'location'],
    [{ crop: 'durian' }, 422, 'CROP_UNKNOWN', 'crop'],
    [{ crop: 'Lúa nếp' }, 400, 'VALIDATION_FAILED', 'crop'],
    [{ status: 'suspended' }, 400, 'VALIDATION_FAILED', 'status'],
    [{ code: '  ' }, 400, 'FIELD_REQUIRED', 'code'],
    [{ province: undefined }, 400, 'VALIDATION_FAILED', 'province'],
    [{ issuedAt: '20/05/2024' }, 422, 'DATE_INVALID', 'issuedAt'],
    [{ ownerPartnerIds: ['not-a-uuid'] }, 400, 'VALIDATION_FAILED', 'ownerPartnerIds'],
    [{ ownerPartnerIds: ['6f1c1a57-0c1f-4f5e-9a55-4b0e0e0e0e0e'] }, 422, 'OWNER_PARTNER_NOT_FOUND', 'ownerPartnerIds'],
    [{ expectedYieldT: 0 }, 422, 'EXPECTED_YIELD_T_NOT_POSITIVE', 'expectedYieldT'],
    [{ maxYieldTPerHa: '0' }, 422, 'MAX_YIELD_NOT_POSITIVE', 'maxYieldTPerHa'],
  ])('refuses %j with %i %s naming %s, writing nothing', async (overrides, status, code, field) => {
    const org = await signupOrganization(t.server);
    await createPartner(t.server, org);
    const response = await request(t.server).post('/api/v1/growing-areas').set(org.auth).send(valid(overrides)).expect(status);
    expect(response.body.code).toBe(code);
    expect(response.body.details.field).toBe(field);
    expect(response.body.message).toContain(field);
    expect(await rowsOf(org.organizationId)).toEqual({ areas: 0, owners: 0, history: 0 });
  });

  it('refuses owners from another organization, writing neither the area nor its owners', async () => {
    const org = await signupOrganization(t.server);
    const other = await signupOrganization(t.server);
    const mine = await createPartner(t.server, org);
    const theirs = await createPartner(t.server, other);
    const response = await request(t.server).post('/api/v1/growing-areas').set(org.auth).send(valid({ ownerPartnerIds: [mine.id, theirs.id] })).expect(422);
    expect(response.body).toMatchObject({ code: 'OWNER_PARTNER_NOT_FOUND', details: { field: 'ownerPartnerIds', missing: [theirs.id] } });
    expect(await rowsOf(org.organizationId)).toEqual({ areas: 0, owners: 0, history: 0 });
  });

  it('refuses a code already registered by the same issuer — in any organization, typed in NFC or NFD', async () => {
    const a = await signupOrganization(t.server);
    const b = await signupOrganization(t.server);
    const code = `VN-ĐBIH-${unique()}`;
    await createGrowingArea(t.server, a, { code, issuer: ISSUER });
    const before = { a: await rowsOf(a.organizationId), b: await rowsOf(b.organizationId) };
    for (const [org, body] of [
      [a, valid({ code, issuer: ISSUER })],
      [b, valid({ code, issuer: ISSUER })],
      [b, valid({ code: code.normalize('NFD'), issuer: ISSUER.normalize('NFD') })],
      [b, valid({ code: ` ${code} `, issuer: `${ISSUER}  ` })],
    ] as const) {
      const response = await request(t.server).post('/api/v1/growing-areas').set(org.auth).send(body).expect(409);
      expect(response.body).toMatchObject({ statusCode: 409, code: 'GROWING_AREA_CODE_TAKEN', details: { field: 'code' } });
      expect(response.body.message).not.toContain(a.organizationId);
    }
    expect({ a: await rowsOf(a.organizationId), b: await rowsOf(b.organizationId) }).toEqual(before);
    // Another issuer may use the same string for a different field.
    await createGrowingArea(t.server, b, { code, issuer: 'Cục Bảo vệ thực vật' });
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM growing_area WHERE code = $1`, [code.normalize('NFC')]);
    expect(row.n).toBe(2);
  });

  it('lets exactly one of several racing registrations of one code win', async () => {
    const org = await signupOrganization(t.server);
    const code = `VN-DBIH-${unique()}`;
    const responses = await Promise.all(Array.from({ length: 5 }, () => request(t.server).post('/api/v1/growing-areas').set(org.auth).send(valid({ code }))));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await rowsOf(org.organizationId)).toEqual({ areas: 1, owners: 0, history: 1 });
  });

  it('moves along the lifecycle with a reason, keeping who and when, and refuses illegal transitions', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org);
    const steps: [string, string][] = [
      ['active', 'Được cấp mã số vùng trồng'],
      ['suspended', 'Phát hiện dư lượng thuốc BVTV vượt ngưỡng'],
      ['active', 'Đã khắc phục, kiểm tra lại đạt'],
      ['revoked', 'Chuyển đổi mục đích sử dụng đất'],
    ];
    for (const [status, reason] of steps) {
      const response = await request(t.server).post(`/api/v1/growing-areas/${area.id}/status`).set(org.auth).send({ status, reason }).expect(200);
      expect(response.body.status).toBe(status);
    }
    const history = await request(t.server).get(`/api/v1/growing-areas/${area.id}/status-history`).set(org.auth).expect(200);
    expect(history.body.items.map((c: { fromStatus: string | null; toStatus: string; reason: string }) => [c.fromStatus, c.toStatus, c.reason])).toEqual([
      [null, 'draft', 'Registered'],
      ['draft', 'active', steps[0][1]],
      ['active', 'suspended', steps[1][1]],
      ['suspended', 'active', steps[2][1]],
      ['active', 'revoked', steps[3][1]],
    ]);
    expect(history.body.items.every((c: { changedBy: string }) => c.changedBy === org.userId)).toBe(true);
    const times = history.body.items.map((c: { changedAt: string }) => Date.parse(c.changedAt));
    expect([...times].sort((x, y) => x - y)).toEqual(times);

    const before = await rowsOf(org.organizationId);
    const revived = await request(t.server).post(`/api/v1/growing-areas/${area.id}/status`).set(org.auth).send({ status: 'active', reason: 'Thử lại' }).expect(422);
    expect(revived.body).toMatchObject({ statusCode: 422, code: 'GROWING_AREA_STATUS_TRANSITION', details: { field: 'status', from: 'revoked', to: 'active' } });
    expect(await rowsOf(org.organizationId)).toEqual(before);
    expect((await request(t.server).get(`/api/v1/growing-areas/${area.id}`).set(org.auth).expect(200)).body.status).toBe('revoked');
  });

  it.each([
    ['draft', 'suspended'],
    ['draft', 'draft'],
    ['active', 'draft'],
    ['active', 'active'],
    ['suspended', 'draft'],
    ['revoked', 'suspended'],
  ])('refuses %s → %s with GROWING_AREA_STATUS_TRANSITION, writing nothing', async (from, to) => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: from });
    const before = await rowsOf(org.organizationId);
    const response = await request(t.server).post(`/api/v1/growing-areas/${area.id}/status`).set(org.auth).send({ status: to, reason: 'Thử' }).expect(422);
    expect(response.body).toMatchObject({ code: 'GROWING_AREA_STATUS_TRANSITION', details: { field: 'status', from, to } });
    expect(await rowsOf(org.organizationId)).toEqual(before);
  });

  it('refuses a status change without a reason or to an unknown status, and any status change through PATCH', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org);
    const before = await rowsOf(org.organizationId);
    const noReason = await request(t.server).post(`/api/v1/growing-areas/${area.id}/status`).set(org.auth).send({ status: 'active' }).expect(400);
    expect(noReason.body.details.fields).toHaveProperty('reason');
    const blank = await request(t.server).post(`/api/v1/growing-areas/${area.id}/status`).set(org.auth).send({ status: 'active', reason: ' ' }).expect(400);
    expect(blank.body).toMatchObject({ code: 'FIELD_REQUIRED', details: { field: 'reason' } });
    const unknown = await request(t.server).post(`/api/v1/growing-areas/${area.id}/status`).set(org.auth).send({ status: 'closed', reason: 'x' }).expect(400);
    expect(unknown.body.details.fields).toHaveProperty('status');
    const patch = await request(t.server).patch(`/api/v1/growing-areas/${area.id}`).set(org.auth).send({ status: 'active' }).expect(400);
    expect(patch.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'status' } });
    expect(await rowsOf(org.organizationId)).toEqual(before);
  });

  it('updates with PATCH: owners replaced, area re-checked, code kept unique', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const taken = await createGrowingArea(t.server, org);
    const owner = await createPartner(t.server, org);
    const updated = await request(t.server)
      .patch(`/api/v1/growing-areas/${area.id}`)
      .set(org.auth)
      .send({ name: 'Ruộng Noong Bua', areaHa: 3, ownerPartnerIds: [owner.id], commune: null })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'Ruộng Noong Bua', areaHa: '3', ownerPartnerIds: [owner.id], commune: null, status: 'active', maxHarvestT: '21' });
    const zero = await request(t.server).patch(`/api/v1/growing-areas/${area.id}`).set(org.auth).send({ areaHa: 0, name: 'Đổi' }).expect(422);
    expect(zero.body).toMatchObject({ code: 'AREA_HA_NOT_POSITIVE', details: { field: 'areaHa' } });
    const dup = await request(t.server).patch(`/api/v1/growing-areas/${area.id}`).set(org.auth).send({ code: taken.code, ownerPartnerIds: [] }).expect(409);
    expect(dup.body.code).toBe('GROWING_AREA_CODE_TAKEN');
    const after = await request(t.server).get(`/api/v1/growing-areas/${area.id}`).set(org.auth).expect(200);
    expect(after.body).toMatchObject({ name: 'Ruộng Noong Bua', areaHa: '3', code: area.code, ownerPartnerIds: [owner.id] });
  });

  it('takes the yield ceiling from the area, else the organization, else the default; only admins change it', async () => {
    const org = await signupOrganization(t.server);
    const recorder = await addUser(t.server, org, 'recorder');
    const area = await createGrowingArea(t.server, org, { crop: 'rice', areaHa: '2' });
    expect(area).toMatchObject({ effectiveMaxYieldTPerHa: '8', maxYieldSource: 'default', maxHarvestT: '16' });

    const limits = await request(t.server).get('/api/v1/crop-yield-limits').set(recorder.auth).expect(200);
    expect(limits.body.items).toContainEqual({ crop: 'tea', nameVi: 'Chè (búp tươi)', nameEn: 'Tea (fresh leaf)', defaultMaxYieldTPerHa: '12', maxYieldTPerHa: '12', source: 'default' });
    const forbidden = await request(t.server).put('/api/v1/crop-yield-limits/rice').set(recorder.auth).send({ maxYieldTPerHa: 20 }).expect(403);
    expect(forbidden.body.code).toBe('ROLE_FORBIDDEN');
    const set = await request(t.server).put('/api/v1/crop-yield-limits/rice').set(org.auth).send({ maxYieldTPerHa: '6.5' }).expect(200);
    expect(set.body).toMatchObject({ crop: 'rice', maxYieldTPerHa: '6.5', defaultMaxYieldTPerHa: '8', source: 'organization' });
    expect((await request(t.server).get(`/api/v1/growing-areas/${area.id}`).set(org.auth).expect(200)).body).toMatchObject({
      effectiveMaxYieldTPerHa: '6.5',
      maxYieldSource: 'organization',
      maxHarvestT: '13',
    });

    const byRecorder = await request(t.server).patch(`/api/v1/growing-areas/${area.id}`).set(recorder.auth).send({ maxYieldTPerHa: 30 }).expect(403);
    expect(byRecorder.body).toMatchObject({ code: 'ROLE_FORBIDDEN', details: { field: 'maxYieldTPerHa' } });
    const byAdmin = await request(t.server).patch(`/api/v1/growing-areas/${area.id}`).set(org.auth).send({ maxYieldTPerHa: 5.25 }).expect(200);
    expect(byAdmin.body).toMatchObject({ maxYieldTPerHa: '5.25', effectiveMaxYieldTPerHa: '5.25', maxYieldSource: 'area', maxHarvestT: '10.5' });

    // An organization's own crop becomes usable once it has a limit.
    const durian = await request(t.server).post('/api/v1/growing-areas').set(org.auth).send(valid({ crop: 'durian' })).expect(422);
    expect(durian.body.code).toBe('CROP_UNKNOWN');
    await request(t.server).put('/api/v1/crop-yield-limits/durian').set(org.auth).send({ maxYieldTPerHa: 20 }).expect(200);
    await request(t.server).post('/api/v1/growing-areas').set(org.auth).send(valid({ crop: 'durian' })).expect(201);
    const badCrop = await request(t.server).put('/api/v1/crop-yield-limits/S%E1%BA%A7u%20ri%C3%AAng').set(org.auth).send({ maxYieldTPerHa: 20 }).expect(400);
    expect(badCrop.body).toMatchObject({ code: 'CROP_INVALID', details: { field: 'crop' } });
    const badLimit = await request(t.server).put('/api/v1/crop-yield-limits/rice').set(org.auth).send({ maxYieldTPerHa: -3 }).expect(422);
    expect(badLimit.body.code).toBe('MAX_YIELD_NOT_POSITIVE');
  });

  it('gives the lots code the harvest rules: status on any date, inputs in force, earliest harvest date, ceiling', async () => {
    const org = await signupOrganization(t.server);
    const other = await signupOrganization(t.server);
    const owner = await createPartner(t.server, org);
    const area = await createGrowingArea(t.server, org, { crop: 'rice', areaHa: '1.5', ownerPartnerIds: [owner.id] });
    const registeredAt = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await changeGrowingAreaStatus(t.server, org, area.id, 'active');
    const activatedAt = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await changeGrowingAreaStatus(t.server, org, area.id, 'suspended');
    await createInputApplication(t.server, org, area.id, { appliedAt: '2026-03-01', phiDays: 14 });
    await createInputApplication(t.server, org, area.id, { appliedAt: '2026-03-05', phiDays: 3, kind: 'fertiliser' });
    const voided = await createInputApplication(t.server, org, area.id, { appliedAt: '2026-03-10', phiDays: 30 });
    await request(t.server).post(`/api/v1/growing-areas/${area.id}/inputs/${voided.id}/void`).set(org.auth).send({ reason: 'Ghi nhầm' }).expect(200);

    const service = t.app.get(GrowingAreasService);
    const rules = await service.harvestRules(org.organizationId, area.id);
    expect(rules.area).toMatchObject({
      id: area.id,
      code: area.code,
      status: 'suspended',
      areaHa: '1.5',
      crop: 'rice',
      maxYieldTPerHa: '8',
      maxYieldSource: 'default',
      maxHarvestT: '12',
      seasonsPerYear: 2,
      maxHarvestTPerYear: '24',
      ownerPartnerIds: [owner.id],
    });
    expect(rules.statusAt(new Date(registeredAt.getTime() - 60_000))).toBeNull();
    expect(rules.statusAt(registeredAt)).toBe('draft');
    expect(rules.statusAt(activatedAt)).toBe('active');
    expect(rules.statusAt(new Date())).toBe('suspended');
    expect(rules.inputs.map((i) => [i.appliedAt, i.phiDays, i.safeFrom])).toEqual([
      ['2026-03-01', 14, '2026-03-15'],
      ['2026-03-05', 3, '2026-03-08'],
    ]);
    expect(rules.earliestHarvestDate).toBe('2026-03-15');
    expect(rules.phiBlockers('2026-03-14').map((i) => i.appliedAt)).toEqual(['2026-03-01']);
    expect(rules.phiBlockers('2026-03-15')).toEqual([]);

    // Inside a transaction, with the area locked.
    await t.dataSource.transaction(async (manager) => {
      const locked = await service.harvestRules(org.organizationId, area.id, { manager, lock: 'update' });
      expect(locked.area.status).toBe('suspended');
    });
    await expect(service.harvestRules(other.organizationId, area.id)).rejects.toMatchObject({ code: 'GROWING_AREA_NOT_FOUND' });
  });

  it('keeps tenants apart: another organization’s area is 404 everywhere', async () => {
    const a = await signupOrganization(t.server);
    const b = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, a, { name: 'Ruộng Noong Hẹt' });
    const before = await rowsOf(a.organizationId);
    const attempts = [
      request(t.server).get(`/api/v1/growing-areas/${area.id}`).set(b.auth),
      request(t.server).patch(`/api/v1/growing-areas/${area.id}`).set(b.auth).send({ name: 'Chiếm' }),
      request(t.server).post(`/api/v1/growing-areas/${area.id}/status`).set(b.auth).send({ status: 'active', reason: 'x' }),
      request(t.server).get(`/api/v1/growing-areas/${area.id}/status-history`).set(b.auth),
      request(t.server).get(`/api/v1/growing-areas/${area.id}/harvest-window`).set(b.auth),
      request(t.server).get(`/api/v1/growing-areas/${area.id}/inputs`).set(b.auth),
      request(t.server).post(`/api/v1/growing-areas/${area.id}/inputs`).set(b.auth).send({ appliedAt: '2026-01-01', kind: 'other', productName: 'x', phiDays: 0 }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('GROWING_AREA_NOT_FOUND');
    }
    expect((await request(t.server).get('/api/v1/growing-areas').set(b.auth).query({ q: 'noong het' }).expect(200)).body.total).toBe(0);
    expect(await rowsOf(a.organizationId)).toEqual(before);
    expect(await count(`SELECT count(*) AS n FROM input_application WHERE growing_area_id = $1`, [area.id])).toBe(0);
  });
});

describe('registry: growing-area code pattern of the deployment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp, testConfig({ GROWING_AREA_CODE_PATTERN: 'VN-[A-Z]{4}-\\d{4}' }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('accepts codes matching the pattern in full and refuses others', async () => {
    const org = await signupOrganization(t.server);
    const code = `VN-DBIH-${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    await createGrowingArea(t.server, org, { code, issuer: `Chi cục ${Date.now()}` });
    for (const bad of ['DB-12', `${code}-X`, `X${code}`, 'vn-dbih-0012']) {
      const response = await request(t.server)
        .post('/api/v1/growing-areas')
        .set(org.auth)
        .send({ code: bad, name: 'Ruộng', crop: 'rice', areaHa: 1, province: 'Điện Biên' })
        .expect(422);
      expect(response.body).toMatchObject({ code: 'GROWING_AREA_CODE_PATTERN_MISMATCH', details: { field: 'code' } });
    }
    expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM growing_area WHERE organization_id = $1`, [org.organizationId]))[0].n)).toBe(1);
  });
});
