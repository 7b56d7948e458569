import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import request from 'supertest';
import { createLotTestSetup, createProgrammeOffice, grantOversight, signupOrganization, startTestApp, type LotTestSetup, type TestApp, type TestOrganization } from '@app/testing';
import { generateShortCode, searchKey } from '@app/traceability';
import { createApiApp } from '../../apps/api/src/app.factory.js';

/**
 * schema.org validation by schemaorg-jsd (npm): its JSON Schemata of the schema.org classes and
 * properties, run with its own Ajv. Its loader also downloads the JSON-LD syntax schema from a CDN
 * at load time, which a test machine cannot reach: that one schema is a stand-in accepting any node
 * (the JSON-LD syntax is not what is checked here; JSON.parse and the schemata are).
 */
const require = createRequire(import.meta.url);
const sdo = require('schemaorg-jsd') as { JSONLD_SCHEMA: Promise<unknown>; META_SCHEMATA: Promise<object[]>; SCHEMATA: Promise<object[]> };
sdo.JSONLD_SCHEMA.catch(() => undefined);
type Validator = { validate(ref: string, data: unknown): boolean; errors: unknown };
async function schemaOrgValidator(): Promise<(doc: unknown, type: string) => unknown> {
  const Ajv = createRequire(require.resolve('schemaorg-jsd'))('ajv').default;
  const ajv = new Ajv({ strict: false, logger: false });
  require('ajv-formats').default(ajv);
  ajv.addMetaSchema(await sdo.META_SCHEMATA);
  ajv.addSchema({ $schema: 'http://json-schema.org/draft-07/schema#', $id: 'https://json-ld.org/schemas/jsonld-schema.json', type: ['object', 'array'] });
  ajv.addSchema(await sdo.SCHEMATA);
  return (doc, type) => ((ajv as Validator).validate(`https://chharvey.github.io/schemaorg-jsd/schema/${type}.jsd`, doc) ? true : (ajv as Validator).errors);
}
const jsonLdOf = (text: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(text)![1]);

/**
 * The province's OCOP showcase (issue 20) and photos (issue 15), end to end on the real API: only
 * what a cooperative made public is shown, opting out removes it from every page and the sitemap,
 * expired stars are not shown, a recalled lot's product carries the notice, the lot page links to both.
 * Everything is scoped by this file's own cooperatives (other files may list theirs in province 11).
 */
describe('OCOP showcase', () => {
  let t: TestApp;
  let office: TestOrganization;
  let coop: TestOrganization;
  let s: LotTestSetup;
  let starred: string;
  let expired: string;
  let lotShortCode: string;
  const SECRET_PHONE = '0987 111 222';
  const TAX_CODE = '5600123456';
  const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);

  async function product(name: string, group: number) {
    const [row] = await q(`INSERT INTO product (organization_id, name_vi, name_search, unit, ocop_group) VALUES ($1, $2, $3, 'kg', $4) RETURNING id`, [coop.organizationId, name, searchKey(name), group]);
    return row.id as string;
  }
  async function ocop(productId: string, stars: number, issued: string, expires: string) {
    await q(
      `INSERT INTO certification (organization_id, kind, level, issuing_level, number, issuer, issued_at, expires_at, scope_type, scope_id)
       VALUES ($1, 'ocop', $2, 'provincial', $3, 'UBND tỉnh Điện Biên', $4, $5, 'product', $6)`,
      [coop.organizationId, stars, `${stars}-${productId.slice(0, 6)}/QĐ-UBND`, issued, expires, productId],
    );
  }
  const page = (path: string) => request(t.server).get(path).set('accept', 'text/html');

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    office = await createProgrammeOffice(t, { province: 'Điện Biên' });
    coop = await signupOrganization(t.server, { province: 'Điện Biên' });
    await grantOversight(t.server, office, coop);
    await q(`UPDATE organization SET phone = $2, tax_code = $3, commune = 'Phường Mường Thanh', commune_code = '03334' WHERE id = $1`, [coop.organizationId, SECRET_PHONE, TAX_CODE]);
    s = await createLotTestSetup(t.dataSource, coop.organizationId);
    starred = await product('Chè Shan tuyết Tủa Chùa', 2);
    expired = await product('Gạo nếp tan Điện Biên', 1);
    await ocop(starred, 4, '2025-01-01', '2028-12-31');
    await ocop(expired, 3, '2020-01-01', '2022-12-31');
    await ocop(s.paddyId, 3, '2025-01-01', '2028-12-31');
    await q(
      `INSERT INTO lot (organization_id, code, product_id, kind, quantity, unit, status, produced_at, short_code, recalled_at, recall_reason) VALUES ($1, 'CHE-THU-HOI', $2, 'harvest', 10, 'kg', 'recalled', now(), $3, now(), 'Nhiễm ẩm')`,
      [coop.organizationId, starred, generateShortCode()],
    );
    const lot = await request(t.server)
      .post('/api/v1/lots/harvest')
      .set(coop.auth)
      .send({ growingAreaId: s.areaId, productId: s.paddyId, quantity: '100', unit: 'kg', harvestedAt: '2026-10-01', partnerId: s.householdId })
      .expect(201);
    lotShortCode = lot.body.shortCode;
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps a cooperative out of the showcase until it opts in', async () => {
    const profile = await request(t.server).get('/api/v1/organization/public-profile').set(coop.auth).expect(200);
    expect(profile.body).toMatchObject({ listed: false, photos: [], pageUrl: null });
    await page(`/ocop/11/producers/${coop.organizationId}`).expect(404);
    await page(`/ocop/products/${starred}`).expect(404);
  });

  it('refuses bad profile input with a code naming the field, and changes nothing', async () => {
    const bad = await request(t.server).put('/api/v1/organization/public-profile').set(coop.auth).send({ website: 'javascript:alert(1)' });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'PUBLIC_LINK_INVALID', details: { field: 'website' } });
    const phone = await request(t.server).put('/api/v1/organization/public-profile').set(coop.auth).send({ publicPhone: 'gọi tôi' });
    expect(phone.body).toMatchObject({ code: 'PUBLIC_CONTACT_INVALID', details: { field: 'publicPhone' } });
    const notImage = await request(t.server).post('/api/v1/organization/public-profile/photos').set(coop.auth).set('content-type', 'image/jpeg').send(Buffer.from('not a photo'));
    expect(notImage.status).toBe(400);
    expect(notImage.body).toMatchObject({ code: 'PHOTO_UNREADABLE', details: { field: 'photo' } });
    const profile = await request(t.server).get('/api/v1/organization/public-profile').set(coop.auth).expect(200);
    expect(profile.body).toMatchObject({ listed: false, website: null, publicPhone: null, photos: [] });
  });

  it('stores photos re-encoded to WebP ≤ 30 KB without EXIF, and serves them with long caching', async () => {
    const noise = Buffer.alloc(1600 * 1200 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
    const jpeg = await sharp(noise, { raw: { width: 1600, height: 1200, channels: 3 } })
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Copyright: 'BI-MAT-EXIF', ImageDescription: 'GPS 21.38N 103.01E' } })
      .toBuffer();
    expect(jpeg.includes(Buffer.from('BI-MAT-EXIF'))).toBe(true);
    const uploaded = await request(t.server).put(`/api/v1/products/${starred}/photo`).set(coop.auth).set('content-type', 'image/jpeg').send(jpeg).expect(200);
    const served = await request(t.server).get(new URL(uploaded.body.photo.url).pathname).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['cache-control']).toContain('immutable');
    const bytes = served.body as Buffer;
    expect(bytes.length).toBeLessThanOrEqual(30 * 1024);
    expect(bytes.includes(Buffer.from('BI-MAT-EXIF'))).toBe(false);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'webp' });
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBeLessThanOrEqual(640);
    // The paddy product too, shown on the scanned lot page.
    await request(t.server).put(`/api/v1/products/${s.paddyId}/photo`).set(coop.auth).set('content-type', 'image/jpeg').send(jpeg).expect(200);
  });

  it('answers 404 for another organization’s product photo', async () => {
    const other = await signupOrganization(t.server);
    await request(t.server).put(`/api/v1/products/${starred}/photo`).set(other.auth).set('content-type', 'image/jpeg').send(Buffer.from('x')).expect(404);
  });

  it('shows a listed cooperative’s public fields only, with valid stars and the recall notice', async () => {
    await request(t.server)
      .put('/api/v1/organization/public-profile')
      .set(coop.auth)
      .send({ listed: true, storyVi: 'Chè cổ thụ trên núi <b>Tủa Chùa</b>', publicPhone: '0215 3999 888', links: [{ label: 'Gian hàng', url: 'https://shop.example.vn/htx' }], welcomesVisitors: true, visitInfoVi: 'Đón khách 8:00–17:00' })
      .expect(200);
    const catalogue = await page('/ocop/11').expect(200);
    expect(catalogue.headers['content-type']).toContain('text/html');
    expect(catalogue.text).toContain('Chè Shan tuyết Tủa Chùa');
    expect(catalogue.text).not.toContain('Gạo nếp tan Điện Biên'); // its stars expired
    const producer = await page(`/ocop/11/producers/${coop.organizationId}`).expect(200);
    const product = await page(`/ocop/products/${starred}`).expect(200);
    const expiredPage = await page(`/ocop/products/${expired}`).expect(200);
    for (const text of [catalogue.text, producer.text, product.text, expiredPage.text]) {
      expect(text).not.toContain(SECRET_PHONE);
      expect(text).not.toContain(TAX_CODE);
      expect(text).not.toContain('Nhiễm ẩm'); // the recall's internal reason stays on the lot page
      expect(text).not.toMatch(/<script(?! type="application\/ld\+json")(?! src="\/ocop\/assets\/map\.js")/);
      expect(text).not.toMatch(/(?:src|href)="https?:\/\/(?!shop\.example\.vn)[^"]*\.(?:js|css)"/);
    }
    expect(producer.text).toContain('0215 3999 888');
    expect(producer.text).toContain('Chè cổ thụ trên núi &lt;b&gt;Tủa Chùa&lt;/b&gt;');
    expect(producer.text).toContain('https://shop.example.vn/htx');
    expect(producer.text).toContain('Đón khách 8:00–17:00');
    expect(product.text).toContain('id="recall"');
    expect(product.text).toContain('CHE-THU-HOI');
    expect(product.text).toContain(`/ocop/11/producers/${coop.organizationId}`);
    expect(expiredPage.text).not.toContain('★★★');
    expect(expiredPage.text).toContain('Chưa có sao OCOP còn hiệu lực');
  });

  it('searches without diacritics and filters by group, stars and commune; bad filters answer 400', async () => {
    const found = await page('/ocop/11?q=che%20shan%20TUYET').expect(200);
    expect(found.text).toContain('Chè Shan tuyết Tủa Chùa');
    const byGroup = await page('/ocop/11?group=2&commune=03334&stars=4').expect(200);
    expect(byGroup.text).toContain('Chè Shan tuyết Tủa Chùa');
    const otherGroup = await page('/ocop/11?group=2&stars=5').expect(200);
    expect(otherGroup.text).not.toContain('Chè Shan tuyết Tủa Chùa');
    const bad = await request(t.server).get('/ocop/11?group=9').set('accept', 'application/json').expect(400);
    expect(bad.body).toMatchObject({ code: 'QUERY_PARAMETER_INVALID', details: { field: 'group' } });
    await page('/ocop/99').expect(404);
  });

  it('is found and shared: JSON-LD, Open Graph, canonical, hreflang, sitemap and robots.txt', async () => {
    const product = await page(`/ocop/products/${starred}?lang=en`).expect(200);
    expect(product.headers['content-language']).toBe('en');
    expect(product.text).toMatch(/<link rel="canonical" href="[^"]*\/ocop\/products\/[^"?]+\?lang=en">/);
    expect(product.text).toMatch(/hreflang="vi"/);
    expect(product.text).toMatch(/<meta property="og:image" content="[^"]+\/ocop\/photos\/[0-9a-f]{64}\.webp">/);
    expect(product.text).toContain('name="twitter:card" content="summary_large_image"');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(product.text)![1]);
    expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'Product', name: 'Chè Shan tuyết Tủa Chùa', manufacturer: { '@type': 'Organization' } });
    expect(JSON.stringify(jsonLd)).not.toContain(SECRET_PHONE);
    const validate = await schemaOrgValidator();
    expect(validate(jsonLd, 'Product')).toBe(true);
    expect(validate(jsonLd.manufacturer, 'Organization')).toBe(true);
    expect(validate(jsonLdOf((await page(`/ocop/11/producers/${coop.organizationId}`).expect(200)).text), 'Organization')).toBe(true);
    expect(validate(jsonLdOf((await page('/ocop/11').expect(200)).text), 'ItemList')).toBe(true);
    // The validator does validate: a name that is not text and a URL that is not one are refused.
    expect(validate({ ...jsonLd, name: 42 }, 'Product')).not.toBe(true);
    expect(validate({ ...jsonLd, url: 'không phải địa chỉ' }, 'Product')).not.toBe(true);
    const sitemap = await request(t.server).get('/sitemap.xml').expect(200);
    expect(sitemap.text).toContain(`/ocop/11/producers/${coop.organizationId}`);
    expect(sitemap.text).toContain(`/ocop/products/${starred}`);
    // Cached like the lot pages: gzip, a strong ETag answered with 304, shared caches for a minute.
    const zipped = await page('/ocop/11').set('accept-encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['cache-control']).toContain('max-age=60');
    expect(zipped.headers.vary).toContain('Accept-Encoding');
    await page('/ocop/11').set('accept-encoding', 'gzip').set('if-none-match', zipped.headers.etag).expect(304);
    const robots = await request(t.server).get('/robots.txt').expect(200);
    expect(robots.text).toMatch(/Sitemap: .*\/sitemap\.xml/);
  });

  it('shows the product photo on the scanned lot page and links the producer and product pages', async () => {
    const lot = await page(`/l/${lotShortCode}`).expect(200);
    expect(lot.text).toMatch(/<img src="\/ocop\/photos\/[0-9a-f]{64}\.webp"/);
    expect(lot.text).toContain(`href="/ocop/11/producers/${coop.organizationId}"`);
    expect(lot.text).toContain(`href="/ocop/products/${s.paddyId}"`);
  });

  it('drops an opted-out cooperative from every page and the sitemap at once', async () => {
    // Warm the caches first: opting out must invalidate them.
    await page('/ocop/11').expect(200);
    await request(t.server).get('/sitemap.xml').expect(200);
    await request(t.server).put('/api/v1/organization/public-profile').set(coop.auth).send({ listed: false }).expect(200);
    const catalogue = await page('/ocop/11').expect(200);
    expect(catalogue.text).not.toContain('Chè Shan tuyết Tủa Chùa');
    expect(catalogue.text).not.toContain(coop.organizationId);
    await page(`/ocop/11/producers/${coop.organizationId}`).expect(404);
    await page(`/ocop/products/${starred}`).expect(404);
    const sitemap = await request(t.server).get('/sitemap.xml').expect(200);
    expect(sitemap.text).not.toContain(coop.organizationId);
    expect(sitemap.text).not.toContain(starred);
    const lot = await page(`/l/${lotShortCode}`).expect(200);
    expect(lot.text).not.toContain('/ocop/11/producers/');
  });
});
