import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createFacility, createGrowingArea, createPartner, createProduct, signupOrganization, startTestApp, type TestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

/** Every page of a list, following nextCursor. */
async function allPages(t: TestApp, org: TestOrganization, path: string, query: Record<string, string | number>): Promise<{ names: string[]; totals: number[]; pages: number }> {
  const names: string[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response: request.Response = await request(t.server)
      .get(path)
      .set(org.auth)
      .query({ ...query, ...(cursor ? { cursor } : {}) })
      .expect(200);
    names.push(...response.body.items.map((item: { name?: string; nameVi?: string }) => item.name ?? item.nameVi));
    totals.push(response.body.total);
    cursor = response.body.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  return { names, totals, pages };
}

describe('registry: search, sorting and paging', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  // In creation order; sorted without diacritics: bac, ca, deo, dieu, lo, luong, quang.
  const households = ['Hộ Lường Thị Xuân', 'Hộ Bạc Văn An', 'Hộ Quàng Văn Tâm', 'Hộ Điêu Thị Dung', 'Hộ Cà Thị Bình', 'Hộ Lò Văn Panh', 'Hộ Đèo Văn Cường'];
  const byName = ['Hộ Bạc Văn An', 'Hộ Cà Thị Bình', 'Hộ Đèo Văn Cường', 'Hộ Điêu Thị Dung', 'Hộ Lò Văn Panh', 'Hộ Lường Thị Xuân', 'Hộ Quàng Văn Tâm'];

  it('pages through a list by name, by reverse name and newest first, without gaps or repeats', async () => {
    const org = await signupOrganization(t.server);
    for (const name of households) await createPartner(t.server, org, { name });

    const ascending = await allPages(t, org, '/api/v1/partners', { limit: 3, sort: 'name', total: 'true' });
    expect(ascending).toEqual({ names: byName, totals: [7, 7, 7], pages: 3 });
    // No count unless asked: pages of a longer list say null, a first page holding the whole list its length.
    expect((await allPages(t, org, '/api/v1/partners', { limit: 3, sort: 'name' })).totals).toEqual([null, null, null]);
    expect((await allPages(t, org, '/api/v1/partners', { limit: 7, sort: 'name' })).totals).toEqual([7]);
    const descending = await allPages(t, org, '/api/v1/partners', { limit: 2, sort: '-name' });
    expect(descending.names).toEqual([...byName].reverse());
    const newest = await allPages(t, org, '/api/v1/partners', { limit: 4, sort: '-createdAt' });
    expect(newest.names).toEqual([...households].reverse());
    const oldest = await allPages(t, org, '/api/v1/partners', { limit: 5, sort: 'createdAt' });
    expect(oldest.names).toEqual(households);
    const defaults = await request(t.server).get('/api/v1/partners').set(org.auth).expect(200);
    expect(defaults.body.items.map((p: { name: string }) => p.name)).toEqual(byName);
    expect(defaults.body.nextCursor).toBeNull();
  });

  it('keeps the next pages stable when a record is added meanwhile', async () => {
    const org = await signupOrganization(t.server);
    for (const name of households) await createPartner(t.server, org, { name });
    const first = await request(t.server).get('/api/v1/partners').set(org.auth).query({ limit: 3 }).expect(200);
    await createPartner(t.server, org, { name: 'Hộ An Văn Ân' });
    const second = await request(t.server).get('/api/v1/partners').set(org.auth).query({ limit: 10, cursor: first.body.nextCursor, total: true }).expect(200);
    expect([...first.body.items, ...second.body.items].map((p: { name: string }) => p.name)).toEqual(byName);
    expect(second.body.total).toBe(8);
  });

  it.each([
    [{ sort: 'phone' }, 'sort'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 201 }, 'limit'],
    [{ limit: 'mười' }, 'limit'],
    [{ kind: 'farmer' }, 'kind'],
    [{ unknownFilter: 'x' }, 'unknownFilter'],
    [{ total: 'maybe' }, 'total'],
  ])('refuses the query %j with 400 naming %s', async (query, field) => {
    const org = await signupOrganization(t.server);
    const response = await request(t.server).get('/api/v1/partners').set(org.auth).query(query).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.fields).toHaveProperty(field);
  });

  it('refuses a cursor that is not one, or that belongs to another sort', async () => {
    const org = await signupOrganization(t.server);
    for (const name of households.slice(0, 3)) await createPartner(t.server, org, { name });
    const page = await request(t.server).get('/api/v1/partners').set(org.auth).query({ limit: 1, sort: 'name' }).expect(200);
    for (const query of [{ cursor: 'garbage' }, { cursor: page.body.nextCursor, sort: '-createdAt' }, { cursor: Buffer.from('{"s":"name","v":"x","id":"1"}').toString('base64url') }]) {
      const response = await request(t.server).get('/api/v1/partners').set(org.auth).query(query).expect(400);
      expect(response.body).toMatchObject({ code: 'CURSOR_INVALID', details: { field: 'cursor' } });
    }
  });

  it('searches without diacritics, in any case, NFC or NFD, word by word', async () => {
    const org = await signupOrganization(t.server);
    const sengCu = await createProduct(t.server, org, { nameVi: 'Gạo nếp Séng Cù', nameEn: 'Seng Cu sticky rice' });
    const dienBien = await createProduct(t.server, org, { nameVi: 'Gạo Điện Biên' });
    const coffee = await createProduct(t.server, org, { nameVi: 'Cà phê Mường Ảng', brand: 'Arabica Tây Bắc' });
    const search = async (path: string, q: string) =>
      ((await request(t.server).get(path).set(org.auth).query({ q }).expect(200)).body.items as { id: string }[]).map((item) => item.id).sort();

    expect(await search('/api/v1/products', 'seng cu')).toEqual([sengCu.id]);
    expect(await search('/api/v1/products', 'SÉNG CÙ')).toEqual([sengCu.id]);
    expect(await search('/api/v1/products', 'Séng Cù'.normalize('NFD'))).toEqual([sengCu.id]);
    expect(await search('/api/v1/products', 'cu seng')).toEqual([sengCu.id]);
    expect(await search('/api/v1/products', 'dien bien')).toEqual([dienBien.id]);
    expect(await search('/api/v1/products', 'gao')).toEqual([sengCu.id, dienBien.id].sort());
    expect(await search('/api/v1/products', 'muong ang')).toEqual([coffee.id]);
    expect(await search('/api/v1/products', 'tay bac')).toEqual([coffee.id]);
    expect(await search('/api/v1/products', 'sticky')).toEqual([sengCu.id]);
    expect(await search('/api/v1/products', '%')).toEqual([]);
    expect(await search('/api/v1/products', 'gạo cà phê')).toEqual([]);

    const area = await createGrowingArea(t.server, org, { code: `VN-DBIH-${Date.now() % 10_000}`, name: 'Cánh đồng Mường Thanh', commune: 'Noong Hẹt' });
    const tea = await createGrowingArea(t.server, org, { name: 'Đồi chè Shan tuyết', crop: 'tea', province: 'Điện Biên', commune: 'Tủa Chùa' });
    expect(await search('/api/v1/growing-areas', 'muong thanh')).toEqual([area.id]);
    expect(await search('/api/v1/growing-areas', 'noong het')).toEqual([area.id]);
    expect(await search('/api/v1/growing-areas', area.code.toLowerCase())).toEqual([area.id]);
    expect(await search('/api/v1/growing-areas', 'tua chua shan')).toEqual([tea.id]);
    expect(await search('/api/v1/growing-areas', 'dien bien')).toEqual([area.id, tea.id].sort());

    const household = await createPartner(t.server, org, { name: 'Hộ Vàng A Dình', commune: 'Sín Chải', province: 'Điện Biên' });
    expect(await search('/api/v1/partners', 'vang a dinh')).toEqual([household.id]);
    expect(await search('/api/v1/partners', 'sin chai')).toEqual([household.id]);
    const facility = await createFacility(t.server, org, { name: 'Xưởng sấy táo mèo', commune: 'Tủa Chùa', code: 'TC-SAY-01' });
    expect(await search('/api/v1/facilities', 'tao meo')).toEqual([facility.id]);
    expect(await search('/api/v1/facilities', 'tc-say')).toEqual([facility.id]);
  });

  it('stores names typed in NFD as NFC, and finds them either way', async () => {
    const org = await signupOrganization(t.server);
    const nfd = 'Hộ Lò Thị Ỏn'.normalize('NFD');
    const partner = await createPartner(t.server, org, { name: nfd, commune: 'Thanh Yên'.normalize('NFD') });
    expect(partner.name).toBe('Hộ Lò Thị Ỏn'.normalize('NFC'));
    const [row] = await t.dataSource.query(`SELECT name, commune FROM partner WHERE id = $1`, [partner.id]);
    expect(row).toEqual({ name: 'Hộ Lò Thị Ỏn'.normalize('NFC'), commune: 'Xã Thanh Yên' }); // matched to the current commune (NFD input too)
    for (const q of ['Lò Thị Ỏn', 'Lò Thị Ỏn'.normalize('NFD'), 'lo thi on']) {
      const found = await request(t.server).get('/api/v1/partners').set(org.auth).query({ q }).expect(200);
      expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([partner.id]);
    }
  });

  it('filters by kind, status and crop, and pages certifications and growing areas too', async () => {
    const org = await signupOrganization(t.server);
    await createPartner(t.server, org, { kind: 'collector', name: 'Thương lái A' });
    await createPartner(t.server, org);
    const collectors = await request(t.server).get('/api/v1/partners').set(org.auth).query({ kind: 'collector' }).expect(200);
    expect(collectors.body.items.map((p: { name: string }) => p.name)).toEqual(['Thương lái A']);

    const active = await createGrowingArea(t.server, org, { status: 'active', crop: 'coffee', name: 'Nương cà phê A' });
    await createGrowingArea(t.server, org, { name: 'Nương cà phê B', crop: 'coffee' });
    await createGrowingArea(t.server, org, { status: 'active', name: 'Ruộng lúa C', crop: 'rice' });
    const activeCoffee = await request(t.server).get('/api/v1/growing-areas').set(org.auth).query({ status: 'active', crop: 'coffee' }).expect(200);
    expect(activeCoffee.body.items.map((a: { id: string }) => a.id)).toEqual([active.id]);
    const byCode = await allPages(t, org, '/api/v1/growing-areas', { limit: 1, sort: 'code' });
    expect(byCode.pages).toBe(3);
    expect(byCode.names).toHaveLength(3);
  });
});
