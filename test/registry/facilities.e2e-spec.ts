import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createFacility, randomGln, signupOrganization, startTestApp, withWrongCheckDigit, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

describe('registry: facilities', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const facilitiesOf = async (organizationId: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM facility WHERE organization_id = $1`, [organizationId]))[0].n);

  it('registers a packing house with its official code, issuer, status, GLN and location', async () => {
    const org = await signupOrganization(t.server);
    const gln = randomGln();
    const created = await request(t.server)
      .post('/api/v1/facilities')
      .set(org.auth)
      .send({
        kind: 'packing_house',
        name: 'Nhà sơ chế đóng gói Thanh Xương',
        code: 'VNDB-PH-0003',
        codeIssuer: 'Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Điện Biên',
        address: 'Bản Co Mỵ',
        commune: 'Thanh Xương',
        province: 'Điện Biên',
        gln,
        location: { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [103.0187, 21.3702] } },
      })
      .expect(201);
    expect(created.body).toMatchObject({
      kind: 'packing_house',
      code: 'VNDB-PH-0003',
      codeStatus: 'active',
      gln,
      location: { type: 'Point', coordinates: [103.0187, 21.3702] },
    });
    const suspended = await request(t.server).patch(`/api/v1/facilities/${created.body.id}`).set(org.auth).send({ codeStatus: 'suspended' }).expect(200);
    expect(suspended.body.codeStatus).toBe('suspended');
    const cleared = await request(t.server).patch(`/api/v1/facilities/${created.body.id}`).set(org.auth).send({ code: null }).expect(200);
    expect(cleared.body).toMatchObject({ code: null, codeIssuer: null, codeStatus: null });
  });

  it.each([
    [{ type: 'Polygon', coordinates: [[[103, 21], [103.1, 21], [103.1, 21.1], [103, 21]]] }, /Point/],
    [{ type: 'Point', coordinates: [21.37, 103.01] }, /latitude 103.01/],
    [{ type: 'Point', coordinates: [200, 21] }, /longitude 200/],
    [{ type: 'Circle', coordinates: [103, 21] }, /type must be/],
    ['{"type": "Point", "coordinates": [103', /not valid JSON/],
  ])('refuses the location %j with GEOJSON_INVALID, writing nothing', async (location, why) => {
    const org = await signupOrganization(t.server);
    const response = await request(t.server).post('/api/v1/facilities').set(org.auth).send({ kind: 'warehouse', name: 'Kho', location }).expect(422);
    expect(response.body).toMatchObject({ code: 'GEOJSON_INVALID', details: { field: 'location' } });
    expect(response.body.message).toMatch(why);
    expect(await facilitiesOf(org.organizationId)).toBe(0);
  });

  it('refuses a wrong GLN check digit, an unknown kind or code status, and a code status without a code', async () => {
    const org = await signupOrganization(t.server);
    const gln = await request(t.server).post('/api/v1/facilities').set(org.auth).send({ kind: 'warehouse', name: 'Kho', gln: withWrongCheckDigit(randomGln()) }).expect(422);
    expect(gln.body).toMatchObject({ code: 'GLN_CHECK_DIGIT', details: { field: 'gln' } });
    const kind = await request(t.server).post('/api/v1/facilities').set(org.auth).send({ kind: 'factory', name: 'Kho' }).expect(400);
    expect(kind.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'kind' } });
    const status = await request(t.server).post('/api/v1/facilities').set(org.auth).send({ kind: 'packing_house', name: 'Kho', code: 'X', codeStatus: 'closed' }).expect(400);
    expect(status.body.details.field).toBe('codeStatus');
    const orphan = await request(t.server).post('/api/v1/facilities').set(org.auth).send({ kind: 'packing_house', name: 'Kho', codeStatus: 'active' }).expect(422);
    expect(orphan.body).toMatchObject({ code: 'FACILITY_CODE_REQUIRED', details: { field: 'code' } });
    expect(await facilitiesOf(org.organizationId)).toBe(0);
  });

  it('keeps tenants apart', async () => {
    const a = await signupOrganization(t.server);
    const b = await signupOrganization(t.server);
    const facility = await createFacility(t.server, a, { name: 'Xưởng Noong Hẹt' });
    expect((await request(t.server).get(`/api/v1/facilities/${facility.id}`).set(b.auth).expect(404)).body.code).toBe('FACILITY_NOT_FOUND');
    expect((await request(t.server).patch(`/api/v1/facilities/${facility.id}`).set(b.auth).send({ name: 'X' }).expect(404)).body.code).toBe('FACILITY_NOT_FOUND');
    expect((await request(t.server).get('/api/v1/facilities').set(b.auth).expect(200)).body.total).toBe(0);
    expect((await request(t.server).get('/api/v1/facilities').set(a.auth).query({ q: 'noong het' }).expect(200)).body.items.map((f: { id: string }) => f.id)).toEqual([facility.id]);
  });
});
