import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createGrowingArea, createInputApplication, signupOrganization, startTestApp, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

/** Calendar dates in Vietnam (UTC+7), computed here independently of the code under test. */
function vietnamDate(daysFromToday: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

describe('registry: input applications', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const inputsOf = async (growingAreaId: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM input_application WHERE growing_area_id = $1`, [growingAreaId]))[0].n);

  it('logs inputs and derives the earliest allowed harvest date from their pre-harvest intervals', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const window0 = await request(t.server).get(`/api/v1/growing-areas/${area.id}/harvest-window`).set(org.auth).expect(200);
    expect(window0.body).toMatchObject({ status: 'active', earliestHarvestDate: null, harvestAllowedToday: true, blockingInputs: [], today: vietnamDate(0) });

    const npk = await createInputApplication(t.server, org, area.id, {
      appliedAt: vietnamDate(-20),
      kind: 'fertiliser',
      productName: 'NPK Lâm Thao 5-10-3',
      activeIngredient: null,
      dose: 300,
      doseUnit: 'kg/ha',
      phiDays: 0,
    });
    expect(npk).toMatchObject({ kind: 'fertiliser', dose: '300', doseUnit: 'kg/ha', phiDays: 0, voided: false, safeFrom: vietnamDate(-20), recordedBy: org.userId });
    const spray = await createInputApplication(t.server, org, area.id, { appliedAt: vietnamDate(-3), phiDays: 7, dose: '0.5' });
    expect(spray.safeFrom).toBe(vietnamDate(4));

    const window1 = await request(t.server).get(`/api/v1/growing-areas/${area.id}/harvest-window`).set(org.auth).expect(200);
    expect(window1.body).toMatchObject({ earliestHarvestDate: vietnamDate(4), harvestAllowedToday: false });
    expect(window1.body.blockingInputs.map((i: { id: string }) => i.id)).toEqual([spray.id]);
    expect((await request(t.server).get(`/api/v1/growing-areas/${area.id}`).set(org.auth).expect(200)).body.earliestHarvestDate).toBe(vietnamDate(4));
    const listed = await request(t.server).get('/api/v1/growing-areas').set(org.auth).expect(200);
    expect(listed.body.items.find((a: { id: string }) => a.id === area.id).earliestHarvestDate).toBe(vietnamDate(4));

    const list = await request(t.server).get(`/api/v1/growing-areas/${area.id}/inputs`).set(org.auth).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([spray.id, npk.id]);
    expect(list.body.total).toBe(2);
  });

  it('keeps the phone’s position with an entry written in the field; refuses one out of range naming the field, writing nothing', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const base = { appliedAt: vietnamDate(-2), kind: 'fertiliser', productName: 'NPK', phiDays: 0 };
    const post = (body: Record<string, unknown>) => request(t.server).post(`/api/v1/growing-areas/${area.id}/inputs`).set(org.auth).send(body);
    const placed = (await post({ ...base, position: { latitude: 21.3857129, longitude: 103.0169, accuracyM: 8 } }).expect(201)).body;
    expect(placed.position).toEqual({ latitude: 21.385713, longitude: 103.0169, accuracyM: 8 });
    expect((await post(base).expect(201)).body.position).toBeNull();
    expect((await post({ ...base, position: null }).expect(201)).body.position).toBeNull();

    const before = await inputsOf(area.id);
    for (const [position, field] of [[{ latitude: -90.1, longitude: 0 }, 'position.latitude'], [{ latitude: 0, longitude: 181 }, 'position.longitude'], [{ latitude: 0, longitude: 0, accuracyM: 1e9 }, 'position.accuracyM']] as const) {
      const refused = await post({ ...base, position }).expect(422);
      expect([refused.body.code, refused.body.details.field]).toEqual(['POSITION_OUT_OF_RANGE', field]);
    }
    const malformed = await post({ ...base, position: { latitude: 'north', longitude: 0 } }).expect(400);
    expect([malformed.body.code, malformed.body.details.field]).toEqual(['VALIDATION_FAILED', 'position.latitude']);
    expect(await inputsOf(area.id)).toBe(before);
  });

  it('voids an entry with a reason: it stays in the log, marked, and no longer holds back the harvest', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const wrong = await createInputApplication(t.server, org, area.id, { appliedAt: vietnamDate(-1), phiDays: 21 });
    const right = await createInputApplication(t.server, org, area.id, { appliedAt: vietnamDate(-1), phiDays: 2 });
    expect((await request(t.server).get(`/api/v1/growing-areas/${area.id}/harvest-window`).set(org.auth)).body.earliestHarvestDate).toBe(vietnamDate(20));

    const voided = await request(t.server)
      .post(`/api/v1/growing-areas/${area.id}/inputs/${wrong.id}/void`)
      .set(org.auth)
      .send({ reason: 'Ghi nhầm thời gian cách ly' })
      .expect(200);
    expect(voided.body).toMatchObject({ id: wrong.id, voided: true, voidReason: 'Ghi nhầm thời gian cách ly', voidedBy: org.userId, phiDays: 21 });
    expect(voided.body.voidedAt).toEqual(expect.any(String));
    expect((await request(t.server).get(`/api/v1/growing-areas/${area.id}/harvest-window`).set(org.auth)).body.earliestHarvestDate).toBe(vietnamDate(1));

    const all = await request(t.server).get(`/api/v1/growing-areas/${area.id}/inputs`).set(org.auth).expect(200);
    expect(all.body.total).toBe(2);
    const onlyVoided = await request(t.server).get(`/api/v1/growing-areas/${area.id}/inputs`).set(org.auth).query({ voided: 'true' }).expect(200);
    expect(onlyVoided.body.items.map((i: { id: string }) => i.id)).toEqual([wrong.id]);
    const inForce = await request(t.server).get(`/api/v1/growing-areas/${area.id}/inputs`).set(org.auth).query({ voided: 'false' }).expect(200);
    expect(inForce.body.items.map((i: { id: string }) => i.id)).toEqual([right.id]);

    const again = await request(t.server).post(`/api/v1/growing-areas/${area.id}/inputs/${wrong.id}/void`).set(org.auth).send({ reason: 'Lần nữa' }).expect(409);
    expect(again.body.code).toBe('INPUT_APPLICATION_ALREADY_VOIDED');
    const noReason = await request(t.server).post(`/api/v1/growing-areas/${area.id}/inputs/${right.id}/void`).set(org.auth).send({}).expect(400);
    expect(noReason.body.details.fields).toHaveProperty('reason');
    const blank = await request(t.server).post(`/api/v1/growing-areas/${area.id}/inputs/${right.id}/void`).set(org.auth).send({ reason: '   ' }).expect(400);
    expect(blank.body).toMatchObject({ code: 'FIELD_REQUIRED', details: { field: 'reason' } });
    const [row] = await t.dataSource.query(`SELECT voided_at, void_reason FROM input_application WHERE id = $1`, [right.id]);
    expect(row).toEqual({ voided_at: null, void_reason: null });
    const [first] = await t.dataSource.query(`SELECT void_reason FROM input_application WHERE id = $1`, [wrong.id]);
    expect(first.void_reason).toBe('Ghi nhầm thời gian cách ly');
  });

  it('is append-only: entries cannot be edited or deleted', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org);
    const input = await createInputApplication(t.server, org, area.id);
    await request(t.server).patch(`/api/v1/growing-areas/${area.id}/inputs/${input.id}`).set(org.auth).send({ phiDays: 0 }).expect(404);
    await request(t.server).delete(`/api/v1/growing-areas/${area.id}/inputs/${input.id}`).set(org.auth).expect(404);
    const [row] = await t.dataSource.query(`SELECT phi_days FROM input_application WHERE id = $1`, [input.id]);
    expect(row.phi_days).toBe(7);
  });

  it.each([
    [{ appliedAt: vietnamDate(2) }, 422, 'INPUT_APPLIED_IN_FUTURE', 'appliedAt'],
    [{ appliedAt: '15/03/2026' }, 422, 'DATE_INVALID', 'appliedAt'],
    [{ appliedAt: undefined }, 400, 'VALIDATION_FAILED', 'appliedAt'],
    [{ kind: 'herbicide' }, 400, 'VALIDATION_FAILED', 'kind'],
    [{ phiDays: -1 }, 400, 'VALIDATION_FAILED', 'phiDays'],
    [{ phiDays: 1.5 }, 400, 'VALIDATION_FAILED', 'phiDays'],
    [{ phiDays: undefined }, 400, 'VALIDATION_FAILED', 'phiDays'],
    [{ productName: '' }, 400, 'FIELD_REQUIRED', 'productName'],
    [{ dose: 0 }, 422, 'DOSE_NOT_POSITIVE', 'dose'],
    [{ dose: '1', doseUnit: null }, 422, 'DOSE_UNIT_REQUIRED', 'doseUnit'],
    [{ dose: null, doseUnit: 'l/ha' }, 422, 'DOSE_REQUIRED', 'dose'],
  ])('refuses %j with %i %s naming %s, writing nothing', async (overrides, status, code, field) => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { status: 'active' });
    const body = { appliedAt: vietnamDate(0), kind: 'pesticide', productName: 'Regent 800WG', activeIngredient: 'Fipronil', dose: '0.03', doseUnit: 'kg/ha', phiDays: 7, ...overrides };
    const response = await request(t.server).post(`/api/v1/growing-areas/${area.id}/inputs`).set(org.auth).send(body).expect(status);
    expect(response.body.code).toBe(code);
    expect(response.body.details.field).toBe(field);
    expect(await inputsOf(area.id)).toBe(0);
  });

  it('keeps tenants and areas apart: another area’s entry is 404', async () => {
    const a = await signupOrganization(t.server);
    const b = await signupOrganization(t.server);
    const areaA = await createGrowingArea(t.server, a);
    const otherArea = await createGrowingArea(t.server, a);
    const areaB = await createGrowingArea(t.server, b);
    const input = await createInputApplication(t.server, a, areaA.id);
    const wrongArea = await request(t.server).post(`/api/v1/growing-areas/${otherArea.id}/inputs/${input.id}/void`).set(a.auth).send({ reason: 'x' }).expect(404);
    expect(wrongArea.body.code).toBe('INPUT_APPLICATION_NOT_FOUND');
    const otherTenant = await request(t.server).post(`/api/v1/growing-areas/${areaA.id}/inputs/${input.id}/void`).set(b.auth).send({ reason: 'x' }).expect(404);
    expect(otherTenant.body.code).toBe('GROWING_AREA_NOT_FOUND');
    const viaOwnArea = await request(t.server).post(`/api/v1/growing-areas/${areaB.id}/inputs/${input.id}/void`).set(b.auth).send({ reason: 'x' }).expect(404);
    expect(viaOwnArea.body.code).toBe('INPUT_APPLICATION_NOT_FOUND');
    const [row] = await t.dataSource.query(`SELECT voided_at FROM input_application WHERE id = $1`, [input.id]);
    expect(row.voided_at).toBeNull();
  });
});
