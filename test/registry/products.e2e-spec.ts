import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createCertification, createProduct, randomGtin13, signupOrganization, startTestApp, withWrongCheckDigit, type TestApp } from '@app/testing';
import { gs1CheckDigit } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';

describe('registry: products', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const productsOf = async (organizationId: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM product WHERE organization_id = $1`, [organizationId]))[0].n);

  it('registers a product and stores its GTIN-13 as 14 digits', async () => {
    const org = await signupOrganization(t.server);
    const gtin = randomGtin13();
    const created = await request(t.server)
      .post('/api/v1/products')
      .set(org.auth)
      .send({
        nameVi: 'Gạo nếp Séng Cù Điện Biên',
        nameEn: 'Dien Bien Seng Cu sticky rice',
        ocopGroup: 1,
        gtin: `${gtin.slice(0, 3)} ${gtin.slice(3, 7)} ${gtin.slice(7)}`,
        unit: 'pack',
        netContent: 2,
        netContentUnit: 'kg',
        shelfLifeDays: 365,
        brand: 'Séng Cù Mường Thanh',
        imageUrl: 'https://example.vn/seng-cu.jpg',
        standards: ['TCVN 11888:2017', 'VietGAP', 'VietGAP'],
      })
      .expect(201);
    expect(created.body).toMatchObject({
      nameVi: 'Gạo nếp Séng Cù Điện Biên',
      gtin: `0${gtin}`,
      unit: 'pack',
      netContent: '2',
      netContentUnit: 'kg',
      standards: ['TCVN 11888:2017', 'VietGAP'],
      ocopStars: null,
    });
    const [row] = await t.dataSource.query(`SELECT gtin, net_content FROM product WHERE id = $1`, [created.body.id]);
    expect(row).toEqual({ gtin: `0${gtin}`, net_content: '2.000000' });
  });

  it.each([
    ['GTIN-8', '9638507', 8],
    ['GTIN-12', '61414100003', 12],
    ['GTIN-14', '1893604912345', 14],
  ])('accepts a %s', async (_kind, body, length) => {
    const org = await signupOrganization(t.server);
    // Random middle digits keep GTINs unique across test runs on one database.
    const digits = body.slice(0, -4) + String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
    const gtin = digits + gs1CheckDigit(digits);
    expect(gtin).toHaveLength(length);
    const product = await createProduct(t.server, org, { gtin });
    expect(product.gtin).toBe(gtin.padStart(14, '0'));
  });

  it.each([
    ['a wrong check digit', () => withWrongCheckDigit(randomGtin13()), 'GTIN_CHECK_DIGIT'],
    ['a wrong length', () => '89360491234', 'GTIN_LENGTH'],
    ['letters', () => '893604912345X', 'GTIN_FORMAT'],
  ])('refuses a GTIN with %s, naming the field, writing nothing', async (_why, gtin, code) => {
    const org = await signupOrganization(t.server);
    const response = await request(t.server).post('/api/v1/products').set(org.auth).send({ nameVi: 'Mật ong', unit: 'l', gtin: gtin() }).expect(422);
    expect(response.body).toMatchObject({ statusCode: 422, code, details: { field: 'gtin' } });
    expect(response.body.message).toMatch(/^gtin: /);
    expect(await productsOf(org.organizationId)).toBe(0);
  });

  it('refuses a GTIN already used, in this organization or another, however it is written', async () => {
    const a = await signupOrganization(t.server);
    const b = await signupOrganization(t.server);
    const gtin = randomGtin13();
    const first = await createProduct(t.server, a, { gtin });
    for (const [org, written] of [
      [a, gtin],
      [b, `0${gtin}`],
    ] as const) {
      const before = await productsOf(org.organizationId);
      const response = await request(t.server).post('/api/v1/products').set(org.auth).send({ nameVi: 'Gạo khác', unit: 'kg', gtin: written }).expect(409);
      expect(response.body).toMatchObject({ statusCode: 409, code: 'GTIN_TAKEN', details: { field: 'gtin' } });
      expect(response.body.message).not.toContain(a.organizationId);
      expect(await productsOf(org.organizationId)).toBe(before);
    }
    const other = await createProduct(t.server, a);
    const patch = await request(t.server).patch(`/api/v1/products/${other.id}`).set(a.auth).send({ gtin }).expect(409);
    expect(patch.body.code).toBe('GTIN_TAKEN');
    // Re-sending its own GTIN is not a conflict.
    await request(t.server).patch(`/api/v1/products/${first.id}`).set(a.auth).send({ gtin, nameEn: 'Sticky rice' }).expect(200);
  });

  it('gives one GTIN to one product even when two requests race', async () => {
    const org = await signupOrganization(t.server);
    const gtin = randomGtin13();
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => request(t.server).post('/api/v1/products').set(org.auth).send({ nameVi: `Gạo ${i}`, unit: 'kg', gtin })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'GTIN_TAKEN')).toBe(true);
    expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM product WHERE gtin = $1`, [`0${gtin}`]))[0].n)).toBe(1);
  });

  it.each([
    [{ nameVi: 'Gạo', unit: 'bag' }, 'unit', 'VALIDATION_FAILED', 400],
    [{ nameVi: 'Gạo', unit: 'kg', ocopGroup: 7 }, 'ocopGroup', 'VALIDATION_FAILED', 400],
    [{ nameVi: 'Gạo', unit: 'kg', ocopGroup: 0 }, 'ocopGroup', 'VALIDATION_FAILED', 400],
    [{ unit: 'kg' }, 'nameVi', 'VALIDATION_FAILED', 400],
    [{ nameVi: 'Gạo', unit: 'pack', netContent: 500 }, 'netContentUnit', 'NET_CONTENT_UNIT_REQUIRED', 422],
    [{ nameVi: 'Gạo', unit: 'pack', netContentUnit: 'g' }, 'netContent', 'NET_CONTENT_REQUIRED', 422],
    [{ nameVi: 'Gạo', unit: 'pack', netContent: 0, netContentUnit: 'g' }, 'netContent', 'NET_CONTENT_NOT_POSITIVE', 422],
    [{ nameVi: 'Gạo', unit: 'pack', netContent: 'năm trăm', netContentUnit: 'g' }, 'netContent', 'DECIMAL_INVALID', 400],
    [{ nameVi: 'Gạo', unit: 'pack', netContent: 1, netContentUnit: 'pack' }, 'netContentUnit', 'VALIDATION_FAILED', 400],
    [{ nameVi: 'Gạo', unit: 'kg', imageUrl: 'javascript:alert(1)' }, 'imageUrl', 'VALIDATION_FAILED', 400],
    [{ nameVi: 'Gạo', unit: 'kg', shelfLifeDays: 0 }, 'shelfLifeDays', 'VALIDATION_FAILED', 400],
  ])('refuses %j naming %s with %s', async (body, field, code, status) => {
    const org = await signupOrganization(t.server);
    const response = await request(t.server).post('/api/v1/products').set(org.auth).send(body).expect(status);
    expect(response.body.code).toBe(code);
    expect(response.body.details.field).toBe(field);
    expect(response.body.message).toContain(field);
    expect(await productsOf(org.organizationId)).toBe(0);
  });

  it('shows the stars of the OCOP certification valid today, not an expired one', async () => {
    const org = await signupOrganization(t.server);
    const product = await createProduct(t.server, org);
    await createCertification(t.server, org, { scopeType: 'product', scopeId: product.id, level: 3, issuedAt: '2019-01-10' });
    expect((await request(t.server).get(`/api/v1/products/${product.id}`).set(org.auth).expect(200)).body.ocopStars).toBeNull();
    await createCertification(t.server, org, { scopeType: 'product', scopeId: product.id, level: 4, issuedAt: '2025-06-20' });
    expect((await request(t.server).get(`/api/v1/products/${product.id}`).set(org.auth).expect(200)).body.ocopStars).toBe(4);
    const list = await request(t.server).get('/api/v1/products').set(org.auth).expect(200);
    expect(list.body.items.find((p: { id: string }) => p.id === product.id).ocopStars).toBe(4);
  });

  it('keeps tenants apart', async () => {
    const a = await signupOrganization(t.server);
    const b = await signupOrganization(t.server);
    const product = await createProduct(t.server, a);
    expect((await request(t.server).get(`/api/v1/products/${product.id}`).set(b.auth).expect(404)).body.code).toBe('PRODUCT_NOT_FOUND');
    expect((await request(t.server).patch(`/api/v1/products/${product.id}`).set(b.auth).send({ nameVi: 'X' }).expect(404)).body.code).toBe('PRODUCT_NOT_FOUND');
    expect((await request(t.server).get('/api/v1/products').set(b.auth).expect(200)).body).toEqual({ items: [], total: 0, nextCursor: null });
    const [row] = await t.dataSource.query(`SELECT name_vi FROM product WHERE id = $1`, [product.id]);
    expect(row.name_vi).toBe(product.nameVi);
  });
});
