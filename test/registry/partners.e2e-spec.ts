import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createPartner, createProgrammeOffice, grantOversight, randomGln, signupOrganization, startTestApp, withWrongCheckDigit, type TestApp } from '@app/testing';
import { toPublicPartner } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';

describe('registry: partners', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const partnersOf = async (organizationId: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM partner WHERE organization_id = $1`, [organizationId]))[0].n);

  it('registers a member household with its private details and returns them to its own organization', async () => {
    const org = await signupOrganization(t.server);
    const created = await request(t.server)
      .post('/api/v1/partners')
      .set(org.auth)
      .send({
        kind: 'member_household',
        name: 'Hộ Lò Văn Panh',
        phone: '0912 345 678',
        citizenId: '011090001234',
        taxCode: '5600123456',
        commune: 'Thanh Xương',
        province: 'Điện Biên',
        address: 'Bản Co Mỵ',
        notes: 'Trưởng bản',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      organizationId: org.organizationId,
      kind: 'member_household',
      name: 'Hộ Lò Văn Panh',
      phone: '0912 345 678',
      citizenId: '011090001234',
      taxCode: '5600123456',
      notes: 'Trưởng bản',
    });
    expect(created.body.nameSearch).toBeUndefined();

    const fetched = await request(t.server).get(`/api/v1/partners/${created.body.id}`).set(org.auth).expect(200);
    expect(fetched.body).toEqual(created.body);
    const [row] = await t.dataSource.query(`SELECT name, name_search, phone FROM partner WHERE id = $1`, [created.body.id]);
    expect(row).toEqual({ name: 'Hộ Lò Văn Panh', name_search: 'ho lo van panh', phone: '0912 345 678' });
  });

  it('exposes only name, kind, commune and province through toPublicPartner', async () => {
    const org = await signupOrganization(t.server);
    const partner = await createPartner(t.server, org, { citizenId: '011090001234', notes: 'riêng tư', address: 'Bản Co Mỵ' });
    expect(toPublicPartner(partner as never)).toEqual({ name: partner.name, kind: 'member_household', commune: 'Thanh Xương', province: 'Điện Biên' });
    expect(JSON.stringify(toPublicPartner(partner as never))).not.toMatch(/0912|011090001234|riêng tư|Co Mỵ/);
  });

  it('hides private fields from a programme office reading the cooperative', async () => {
    const province = `Tỉnh ${Date.now()}`;
    const office = await createProgrammeOffice(t, { province });
    const coop = await signupOrganization(t.server, { province });
    await grantOversight(t.server, office, coop);
    const partner = await createPartner(t.server, coop, { citizenId: '011090001234', taxCode: '5600123456', notes: 'ghi chú' });
    const asOffice = await request(t.server).get(`/api/v1/partners/${partner.id}`).set(office.auth).set('X-Organization-Id', coop.organizationId).expect(200);
    expect(asOffice.body).toMatchObject({ name: partner.name, commune: 'Thanh Xương' });
    for (const field of ['phone', 'citizenId', 'taxCode', 'notes']) expect(asOffice.body).not.toHaveProperty(field);
    const list = await request(t.server).get('/api/v1/partners').set(office.auth).set('X-Organization-Id', coop.organizationId).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('0912 345 678');
  });

  it('validates a GLN check digit and names the field, writing nothing', async () => {
    const org = await signupOrganization(t.server);
    const gln = randomGln();
    const ok = await createPartner(t.server, org, { kind: 'distributor', gln });
    expect(ok.gln).toBe(gln);
    const before = await partnersOf(org.organizationId);
    const wrong = await request(t.server).post('/api/v1/partners').set(org.auth).send({ kind: 'distributor', name: 'Công ty X', gln: withWrongCheckDigit(gln) }).expect(422);
    expect(wrong.body).toMatchObject({ statusCode: 422, code: 'GLN_CHECK_DIGIT', details: { field: 'gln' } });
    expect(wrong.body.message).toMatch(/^gln: /);
    const short = await request(t.server).post('/api/v1/partners').set(org.auth).send({ kind: 'distributor', name: 'Công ty X', gln: '893456' }).expect(422);
    expect(short.body).toMatchObject({ code: 'GLN_LENGTH', details: { field: 'gln' } });
    expect(await partnersOf(org.organizationId)).toBe(before);
  });

  it.each([
    [{ kind: 'farmer', name: 'Hộ A' }, 'kind'],
    [{ name: 'Hộ A' }, 'kind'],
    [{ kind: 'member_household' }, 'name'],
    [{ kind: 'member_household', name: 'Hộ A', phone: 'gọi cho tôi' }, 'phone'],
    [{ kind: 'member_household', name: 'Hộ A', citizenId: '12345' }, 'citizenId'],
    [{ kind: 'member_household', name: 'Hộ A', linkedOrganizationId: 'not-a-uuid' }, 'linkedOrganizationId'],
    [{ kind: 'member_household', name: 'Hộ A', isPublic: true }, 'isPublic'],
  ])('refuses %j with 400 VALIDATION_FAILED naming %s, writing nothing', async (body, field) => {
    const org = await signupOrganization(t.server);
    const response = await request(t.server).post('/api/v1/partners').set(org.auth).send(body).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.body.details.fields)).toContain(field);
    expect(response.body.message).toContain(field);
    expect(await partnersOf(org.organizationId)).toBe(0);
  });

  it('refuses a blank name with FIELD_REQUIRED', async () => {
    const org = await signupOrganization(t.server);
    const response = await request(t.server).post('/api/v1/partners').set(org.auth).send({ kind: 'collector', name: '   ' }).expect(400);
    expect(response.body).toMatchObject({ code: 'FIELD_REQUIRED', details: { field: 'name' } });
    expect(await partnersOf(org.organizationId)).toBe(0);
  });

  it('links a partner to another organization on the platform, never to an unknown one or itself', async () => {
    const org = await signupOrganization(t.server);
    const buyer = await signupOrganization(t.server);
    const linked = await createPartner(t.server, org, { kind: 'distributor', linkedOrganizationId: buyer.organizationId });
    expect(linked.linkedOrganizationId).toBe(buyer.organizationId);
    const before = await partnersOf(org.organizationId);
    const unknown = await request(t.server)
      .post('/api/v1/partners')
      .set(org.auth)
      .send({ kind: 'distributor', name: 'Công ty Y', linkedOrganizationId: '6f1c1a57-0c1f-4f5e-9a55-4b0e0e0e0e0e' })
      .expect(422);
    expect(unknown.body).toMatchObject({ code: 'LINKED_ORGANIZATION_NOT_FOUND', details: { field: 'linkedOrganizationId' } });
    const self = await request(t.server).post('/api/v1/partners').set(org.auth).send({ kind: 'distributor', name: 'Chính mình', linkedOrganizationId: org.organizationId }).expect(422);
    expect(self.body.code).toBe('LINKED_ORGANIZATION_SELF');
    expect(await partnersOf(org.organizationId)).toBe(before);
  });

  it('updates with PATCH: null clears an optional field, required fields cannot be cleared, bad values change nothing', async () => {
    const org = await signupOrganization(t.server);
    const partner = await createPartner(t.server, org);
    const updated = await request(t.server).patch(`/api/v1/partners/${partner.id}`).set(org.auth).send({ name: 'Hộ Quàng Thị Xuân', phone: null, commune: 'Thanh Yên' }).expect(200);
    expect(updated.body).toMatchObject({ name: 'Hộ Quàng Thị Xuân', phone: null, commune: 'Thanh Yên', kind: 'member_household', province: 'Điện Biên' });
    const [row] = await t.dataSource.query(`SELECT name_search, phone FROM partner WHERE id = $1`, [partner.id]);
    expect(row).toEqual({ name_search: 'ho quang thi xuan', phone: null });

    const nullName = await request(t.server).patch(`/api/v1/partners/${partner.id}`).set(org.auth).send({ name: null }).expect(400);
    expect(nullName.body).toMatchObject({ code: 'FIELD_REQUIRED', details: { field: 'name' } });
    const nullKind = await request(t.server).patch(`/api/v1/partners/${partner.id}`).set(org.auth).send({ kind: null }).expect(400);
    expect(nullKind.body).toMatchObject({ code: 'FIELD_REQUIRED', details: { field: 'kind' } });
    const badGln = await request(t.server).patch(`/api/v1/partners/${partner.id}`).set(org.auth).send({ name: 'Đổi tên', gln: '8934567000018' }).expect(422);
    expect(badGln.body.code).toBe('GLN_CHECK_DIGIT');
    const after = await request(t.server).get(`/api/v1/partners/${partner.id}`).set(org.auth).expect(200);
    expect(after.body.name).toBe('Hộ Quàng Thị Xuân');
  });

  it('keeps tenants apart: another organization’s partner is 404 for get and update, absent from lists', async () => {
    const a = await signupOrganization(t.server);
    const b = await signupOrganization(t.server);
    const partner = await createPartner(t.server, a, { name: 'Hộ Giàng A Dình' });
    const get = await request(t.server).get(`/api/v1/partners/${partner.id}`).set(b.auth).expect(404);
    expect(get.body).toMatchObject({ statusCode: 404, code: 'PARTNER_NOT_FOUND' });
    const patch = await request(t.server).patch(`/api/v1/partners/${partner.id}`).set(b.auth).send({ name: 'Chiếm' }).expect(404);
    expect(patch.body.code).toBe('PARTNER_NOT_FOUND');
    const list = await request(t.server).get('/api/v1/partners').set(b.auth).query({ q: 'giang a dinh' }).expect(200);
    expect(list.body).toEqual({ items: [], total: 0, nextCursor: null });
    const [row] = await t.dataSource.query(`SELECT name FROM partner WHERE id = $1`, [partner.id]);
    expect(row.name).toBe('Hộ Giàng A Dình');
    const badId = await request(t.server).get('/api/v1/partners/123').set(a.auth).expect(400);
    expect(badId.body.code).toBe('INVALID_ID');
  });

  it('lets viewers read and not write', async () => {
    const { addUser } = await import('@app/testing');
    const org = await signupOrganization(t.server);
    const viewer = await addUser(t.server, org, 'viewer');
    await createPartner(t.server, org);
    await request(t.server).get('/api/v1/partners').set(viewer.auth).expect(200);
    const write = await request(t.server).post('/api/v1/partners').set(viewer.auth).send({ kind: 'collector', name: 'Thương lái' }).expect(403);
    expect(write.body.code).toBe('ROLE_FORBIDDEN');
  });
});
