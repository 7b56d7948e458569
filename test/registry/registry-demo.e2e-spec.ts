import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '@app/testing';
import { DEMO_LOGIN, GrowingAreasService, REGISTRY_DEMO, seedDemoData, toPublicPartner } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';

describe('registry: Điện Biên demo data', () => {
  let t: TestApp;
  let organizationId: string;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    // Another suite of this run may have seeded already: seeding is once per database.
    organizationId = (await seedDemoData(t.dataSource)).organizationId;
    const login = await request(t.server).post('/api/v1/auth/login').send(DEMO_LOGIN).expect(200);
    auth = { Authorization: `Bearer ${login.body.accessToken}` };
  });
  afterAll(async () => {
    await t.close();
  });

  it('has member households with private phone numbers that the public view leaves out', async () => {
    const households = await request(t.server).get('/api/v1/partners').set(auth).query({ kind: 'member_household' }).expect(200);
    expect(households.body.total).toBeGreaterThanOrEqual(6);
    const panh = households.body.items.find((p: { name: string }) => p.name === 'Hộ Lò Văn Panh');
    expect(panh).toMatchObject({ commune: 'Phường Mường Thanh', communeCode: '03334', province: 'Điện Biên', provinceCode: '11', phone: expect.stringMatching(/^0\d/) });
    expect(toPublicPartner(panh)).toEqual({ name: 'Hộ Lò Văn Panh', kind: 'member_household', commune: 'Phường Mường Thanh', province: 'Điện Biên' });
    const kinds = (await request(t.server).get('/api/v1/partners').set(auth).query({ limit: 200 }).expect(200)).body.items.map((p: { kind: string }) => p.kind);
    expect(new Set(kinds)).toEqual(new Set(['member_household', 'collector', 'distributor', 'retailer', 'transporter', 'lab']));
  });

  it('has a processing plant and a packing house with its code', async () => {
    const facilities = (await request(t.server).get('/api/v1/facilities').set(auth).expect(200)).body.items;
    expect(facilities.map((f: { kind: string }) => f.kind)).toEqual(expect.arrayContaining(['processing_plant', 'packing_house', 'warehouse']));
    expect(facilities.find((f: { kind: string }) => f.kind === 'packing_house')).toMatchObject({ code: 'VNDB-PH-0003', codeStatus: 'active' });
  });

  it('has the OCOP products, Séng Cù with a valid 893 GTIN, coffee and tea with 4 stars', async () => {
    const products = (await request(t.server).get('/api/v1/products').set(auth).query({ limit: 200 }).expect(200)).body.items as {
      nameVi: string;
      gtin: string | null;
      ocopStars: number | null;
    }[];
    const byName = (fragment: string) => products.find((p) => p.nameVi.includes(fragment));
    expect(byName('Gạo nếp Séng Cù')).toMatchObject({ gtin: REGISTRY_DEMO.sengCuGtin, ocopStars: 3 });
    expect(REGISTRY_DEMO.sengCuGtin.slice(1, 4)).toBe('893');
    expect(byName('Cà phê Mường Ảng')!.ocopStars).toBe(4);
    expect(byName('Chè Shan tuyết Tủa Chùa')!.ocopStars).toBe(4);
    for (const name of ['Gạo Điện Biên', 'Mật ong', 'Táo mèo sấy khô', 'Giấm táo mèo', 'Thảo quả', 'Bưởi da xanh Mường Ảng', 'mắc ca']) expect(byName(name)).toBeDefined();
    const found = await request(t.server).get('/api/v1/products').set(auth).query({ q: 'seng cu' }).expect(200);
    expect(found.body.items.map((p: { nameVi: string }) => p.nameVi)).toContain('Gạo nếp Séng Cù Điện Biên');
    const expired = await request(t.server).get('/api/v1/certifications').set(auth).query({ status: 'expired' }).expect(200);
    expect(expired.body.total).toBeGreaterThanOrEqual(1);
  });

  it('has active growing areas with codes, points and owners in Điện Biên communes, and a harvest window', async () => {
    const areas = (await request(t.server).get('/api/v1/growing-areas').set(auth).query({ limit: 200 }).expect(200)).body.items as {
      id: string;
      code: string;
      commune: string;
      status: string;
      location: { type: string };
      ownerPartnerIds: string[];
    }[];
    const sengCu = areas.find((a) => a.code === REGISTRY_DEMO.sengCuAreaCode)!;
    expect(sengCu).toMatchObject({ status: 'active', commune: 'Phường Mường Thanh', crop: 'sticky_rice', effectiveMaxYieldTPerHa: '6.5', maxYieldSource: 'area' });
    expect(sengCu.ownerPartnerIds).toHaveLength(1);
    expect(areas.every((a) => /^VN-DBIH-\d{4}$/.test(a.code) && a.location)).toBe(true);
    expect(areas.map((a) => a.commune)).toEqual(expect.arrayContaining(['Phường Mường Thanh', 'Xã Thanh Yên', 'Xã Sam Mứn', 'Xã Mường Ảng', 'Xã Tủa Chùa']));
    expect(areas.filter((a) => a.status === 'active').length).toBeGreaterThanOrEqual(6);

    const rules = await t.app.get(GrowingAreasService).harvestRules(organizationId, sengCu.id);
    // Active for months already, so backdated demo harvests from it are accepted.
    expect(rules.statusAt(new Date(Date.now() - 180 * 86_400_000))).toBe('active');
    expect(rules.inputs.length).toBeGreaterThanOrEqual(2);
    const pomelo = areas.find((a) => a.code === 'VN-DBIH-0047')!;
    const window = await request(t.server).get(`/api/v1/growing-areas/${pomelo.id}/harvest-window`).set(auth).expect(200);
    expect(window.body.harvestAllowedToday).toBe(false);
    expect(window.body.earliestHarvestDate > window.body.today).toBe(true);
  });
});
