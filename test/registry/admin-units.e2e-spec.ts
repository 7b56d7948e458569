import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createGrowingArea, signupOrganization, startTestApp, type TestApp } from '@app/testing';
import { AddressMigrationService, summariseUnmatched } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';

describe('administrative units after the 2025 reform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the 34 provinces and a province’s communes with their official codes, searchable without diacritics', async () => {
    const org = await signupOrganization(t.server);
    const provinces = await request(t.server).get('/api/v1/admin-units/provinces').set(org.auth).expect(200);
    expect(provinces.body).toHaveLength(34);
    expect(provinces.body).toContainEqual({ code: '11', name: 'Điện Biên', officialName: 'Tỉnh Điện Biên' });
    const communes = await request(t.server).get('/api/v1/admin-units/provinces/11/communes').query({ q: 'muong thanh' }).set(org.auth).expect(200);
    expect(communes.body).toEqual([{ code: '03334', name: 'Phường Mường Thanh', provinceCode: '11' }]);
    const missing = await request(t.server).get('/api/v1/admin-units/provinces/99/communes').set(org.auth).expect(404);
    expect(missing.body.code).toBe('PROVINCE_NOT_FOUND');
  });

  it('stores a growing area picked by codes with the official names, and refuses codes that do not exist or disagree', async () => {
    const org = await signupOrganization(t.server);
    const area = await createGrowingArea(t.server, org, { province: 'x', commune: null, communeCode: '03334' });
    expect(area).toMatchObject({ province: 'Điện Biên', provinceCode: '11', commune: 'Phường Mường Thanh', communeCode: '03334' });
    const before = Number((await t.dataSource.query(`SELECT count(*) AS n FROM growing_area WHERE organization_id = $1`, [org.organizationId]))[0].n);
    const bad = await request(t.server)
      .post('/api/v1/growing-areas')
      .set(org.auth)
      .send({ code: 'VN-X-1', name: 'Ruộng', crop: 'rice', areaHa: 1, province: 'Hà Nội', provinceCode: '01', communeCode: '03334' })
      .expect(422);
    expect(bad.body).toMatchObject({ code: 'COMMUNE_NOT_IN_PROVINCE', details: { field: 'communeCode' } });
    const malformed = await request(t.server).post('/api/v1/growing-areas').set(org.auth).send({ code: 'VN-X-2', name: 'Ruộng', crop: 'rice', areaHa: 1, province: 'Hà Nội', provinceCode: '1' }).expect(400);
    expect(malformed.body.message).toContain('provinceCode');
    const nowhere = await request(t.server).post('/api/v1/growing-areas').set(org.auth).send({ code: 'VN-X-3', name: 'Ruộng', crop: 'rice', areaHa: 1 }).expect(400);
    expect(nowhere.body.message).toContain('province');
    const after = Number((await t.dataSource.query(`SELECT count(*) AS n FROM growing_area WHERE organization_id = $1`, [org.organizationId]))[0].n);
    expect(after).toBe(before);
  });

  it('takes a growing area placed by codes alone, as the console’s pickers send it', async () => {
    const org = await signupOrganization(t.server);
    const { body } = await request(t.server)
      .post('/api/v1/growing-areas')
      .set(org.auth)
      .send({ code: `VN-DB-${Date.now() % 100000}`, name: 'Cánh đồng Mường Thanh', crop: 'rice', areaHa: '2.5', provinceCode: '11', communeCode: '03334' })
      .expect(201);
    expect(body).toMatchObject({ province: 'Điện Biên', provinceCode: '11', commune: 'Phường Mường Thanh', communeCode: '03334' });
  });

  it('names a former province by its successor when typed, keeps unknown text as typed', async () => {
    const org = await signupOrganization(t.server);
    const partner = await request(t.server).post('/api/v1/partners').set(org.auth).send({ kind: 'collector', name: 'Điểm thu mua', province: 'Hà Giang', commune: 'Bản Vược' }).expect(201);
    expect(partner.body).toMatchObject({ province: 'Tuyên Quang', provinceCode: '08', commune: 'Bản Vược', communeCode: null });
  });

  it('migrates legacy free-text places once, keeps the originals and reports the unmatched', async () => {
    const org = await signupOrganization(t.server, { province: 'Atlantis' });
    const insertPartner = async (province: string | null, commune: string | null) =>
      (
        await t.dataSource.query(`INSERT INTO partner (organization_id, kind, name, name_search, province, commune) VALUES ($1, 'collector', 'P', 'p', $2, $3) RETURNING id`, [
          org.organizationId,
          province,
          commune,
        ])
      )[0].id as string;
    const former = await insertPartner('Tỉnh Bắc Giang', 'Xã Vô Tranh');
    const current = await insertPartner('dien bien', 'Mường Thanh');
    const unknown = await insertPartner('Vùng cao phía Bắc', 'Bản Cũ');
    const migration = new AddressMigrationService(t.dataSource);
    const first = await migration.run();
    expect(first.examined).toBeGreaterThanOrEqual(4); // three partners and the organization (other suites' rows may be there too)

    const rows = await t.dataSource.query(`SELECT id, province, commune, province_code AS "provinceCode", commune_code AS "communeCode" FROM partner WHERE organization_id = $1`, [
      org.organizationId,
    ]);
    const byId = (id: string) => rows.find((r: { id: string }) => r.id === id);
    expect(byId(former)).toMatchObject({ province: 'Bắc Ninh', provinceCode: '24', commune: 'Xã Vô Tranh', communeCode: null });
    expect(byId(current)).toMatchObject({ province: 'Điện Biên', provinceCode: '11', commune: 'Phường Mường Thanh', communeCode: '03334' });
    expect(byId(unknown)).toMatchObject({ province: 'Vùng cao phía Bắc', provinceCode: null, commune: 'Bản Cũ' });

    const originals = await t.dataSource.query(`SELECT row_id AS id, original_province AS province, original_commune AS commune FROM address_migration WHERE organization_id = $1`, [org.organizationId]);
    expect(originals).toEqual(expect.arrayContaining([{ id: former, province: 'Tỉnh Bắc Giang', commune: 'Xã Vô Tranh' }, { id: unknown, province: 'Vùng cao phía Bắc', commune: 'Bản Cũ' }]));

    const mine = (await migration.unmatched()).filter((u) => u.organizationId === org.organizationId);
    expect(summariseUnmatched(mine)).toEqual(
      expect.arrayContaining([
        { province: 'Vùng cao phía Bắc', commune: 'Bản Cũ', rows: 1 },
        { province: 'Tỉnh Bắc Giang', commune: 'Xã Vô Tranh', rows: 1 },
        { province: 'Atlantis', commune: null, rows: 1 },
      ]),
    );
    expect(mine.some((u) => u.rowId === current)).toBe(false);

    // A second run examines nothing of this organization's again.
    await migration.run();
    const examined = await t.dataSource.query(`SELECT count(*)::int AS n FROM address_migration WHERE organization_id = $1`, [org.organizationId]);
    expect(examined[0].n).toBe(4);
  });
});
