import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createEpcisValidator, formatDate } from '@app/traceability';
import {
  buildGenealogy,
  decodeQr,
  printLabels,
  PRIVATE,
  randomGtin13,
  signupOrganization,
  startTestApp,
  testConfig,
  waitUntil,
  withWrongCheckDigit,
  type Genealogy,
} from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

const BASE = 'https://truyxuat.example.vn';
const BROWSER = 'Mozilla/5.0 (Linux; Android 11; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
const HTML_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** The path of one of our public URIs (labels carry the deployment's public base URL). */
const pathOf = (uri: string) => uri.slice(BASE.length);

describe('public lot page and GS1 resolver', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let storageDir: string;
  let g: Genealogy;
  let qrUrl: string;
  let serialFirst: string;
  /** The second label's QR: scanned by one test only, so that its page is a first scan whatever ran before. */
  let secondQrUrl: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'nguon-public-'));
    t = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storageDir, PUBLIC_BASE_URL: BASE, LOG_LEVEL: 'error', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }), createWorkerApp);
    g = await buildGenealogy(t.server, Date.now().toString(36).toUpperCase());
    const { job, pdf } = await printLabels(t.server, g.org, g.packed.id, 3);
    serialFirst = job.serialFirst;
    qrUrl = await decodeQr(pdf, 1);
    secondQrUrl = await decodeQr(pdf, 2);
  });
  afterAll(async () => {
    await t?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => request(t.server).get(path).set({ 'User-Agent': BROWSER, Accept: HTML_ACCEPT, ...headers });

  it('decodes the printed QR to the GS1 Digital Link of the packed lot with its serial', () => {
    expect(qrUrl).toBe(`${BASE}/01/${g.gtin}/10/${g.packed.code}/21/${serialFirst}`);
    expect(secondQrUrl).toBe(`${BASE}/01/${g.gtin}/10/${g.packed.code}/21/${BigInt(serialFirst) + 1n}`);
  });

  it('serves the lot page in Vietnamese with the origin, harvest date and every step', async () => {
    const response = await get(pathOf(secondQrUrl)).expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-language']).toBe('vi');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers.link).toBe(`<${secondQrUrl}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`);
    const html = response.text;
    expect(Buffer.byteLength(html)).toBeLessThan(50_000);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain(g.product.nameVi);
    for (const code of g.areaCodes) expect(html).toContain(code);
    expect(html).toContain(formatDate(g.harvestedAt, 'vi'));
    for (const step of ['Thu hoạch', 'Chế biến: Gộp lô', 'Chế biến: Xay xát', 'Đóng gói', 'Vận chuyển']) expect(html).toContain(step);
    for (const code of [...g.harvests.map((h) => h.code), g.merged.code, g.milled.code, g.packed.code]) expect(html).toContain(code);
    expect(html).toContain('Nhà máy xay xát Mường Thanh');
    expect(html).toContain('Siêu thị Nông sản Sạch');
    expect(html).toContain(g.households[0].name);
    expect(html).toContain('Thanh Xương, tỉnh Điện Biên'); // the current two-tier form (province with its code)
    expect(html).toContain('https://www.openstreetmap.org/?mlat=21.370200&amp;mlon=103.018700');
    expect(html).toContain('OCOP 4 sao');
    expect(html).toContain('123/QĐ-UBND');
    expect(html).toContain('VietGAP');
    expect(html).not.toContain('HC-EXPIRED');
    expect(html).toContain('Anvil 5SC');
    expect(html).toContain('cách thu hoạch 30 ngày (thời gian cách ly 7 ngày) ✓');
    expect(html).toContain('Nhật ký sản xuất toàn vẹn');
    expect(html).toContain('Séng Cù Mường Thanh');
    expect(html).toContain('TCVN 11888:2017');
    expect(html).toContain(`<code>${BigInt(serialFirst) + 1n}</code>`);
    expect(html).toContain('Đây là lần quét đầu tiên của tem này.');
    expect(html).toContain('Thông tư 02/2024/TT-BKHCN');
    expect(html).toContain('<img src="https://images.example.vn/seng-cu.jpg"');
    expect(html).toContain('href="?lang=en"');
    // No script but the data and the same-origin share link's (Web Share API, else the address copied).
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)(?! src="\/ocop\/assets\/share\.js" defer>)/);
    expect(html).toMatch(/<a href="http[^"]+" data-share data-title="[^"]+" data-copied="Đã chép đường dẫn[^"]*">🔗 Chia sẻ trang này<\/a>/);
    const script = await get('/ocop/assets/share.js').expect(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.text).toContain('navigator.share');
  });

  it('switches to English with ?lang=en and with Accept-Language', async () => {
    const path = `/01/${g.gtin}/10/${g.packed.code}`;
    for (const response of [await get(`${path}?lang=en`).expect(200), await get(path, { 'Accept-Language': 'en-GB,en;q=0.9' }).expect(200)]) {
      expect(response.headers['content-language']).toBe('en');
      expect(response.text).toContain('<html lang="en">');
      expect(response.text).toContain(g.product.nameEn);
      for (const step of ['Harvest', 'Processing: Merging', 'Processing: Milling', 'Packing', 'Shipping']) expect(response.text).toContain(step);
      expect(response.text).toContain(formatDate(g.harvestedAt, 'en'));
      expect(response.text).toContain('OCOP 4 stars');
      expect(response.text).toContain('href="?lang=vi"');
    }
  });

  it('answers the same lot at its short URL and with a GTIN-13, tolerating a trailing slash', async () => {
    const short = await get(`/l/${g.packed.shortCode.toLowerCase()}/`).expect(200);
    expect(short.text).toContain(g.packed.code);
    const gtin13 = await get(`/01/${g.gtin.slice(1)}/10/${g.packed.code}/`).expect(200);
    expect(gtin13.text).toContain(g.product.nameVi);
  });

  it('describes the lot in JSON-LD (schema.org SomeProducts) with origin, dates and certifications', async () => {
    const response = await get(`/01/${g.gtin}/10/${g.packed.code}`, { Accept: 'application/ld+json' }).expect(200);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const doc = JSON.parse(response.text);
    expect(doc['@type']).toBe('SomeProducts');
    expect(doc['@id']).toBe(`${BASE}/01/${g.gtin}/10/${g.packed.code}`);
    expect(doc.gtin).toBe(g.gtin);
    expect(doc.sku).toBe(g.packed.code);
    expect(doc.name).toContainEqual({ '@value': g.product.nameVi, '@language': 'vi' });
    expect(doc.manufacturer.name).toBe((await request(t.server).get('/api/v1/me').set(g.org.auth)).body.organization.name);
    expect(doc.additionalProperty).toEqual(
      expect.arrayContaining([
        { '@type': 'PropertyValue', propertyID: 'gs1:lotNumber', value: g.packed.code },
        { '@type': 'PropertyValue', propertyID: 'growingAreaCode', value: g.areaCodes[0] },
        { '@type': 'PropertyValue', propertyID: 'recallStatus', value: 'not_recalled' },
      ]),
    );
    expect(doc.hasCertification).toContainEqual(expect.objectContaining({ name: 'OCOP 4★', certificationIdentification: expect.stringContaining('123/QĐ-UBND') }));
    // Both harvests share one instant, so the places come in either order.
    expect(doc['gs1:productionPlace'].map((place: { geo: unknown }) => place.geo)).toContainEqual({ '@type': 'GeoCoordinates', latitude: 21.3702, longitude: 103.0187 });
  });

  it('returns an RFC 9264 linkset with every GS1 link type, titled and language-tagged, walking up to the GTIN', async () => {
    const lotUri = `${BASE}/01/${g.gtin}/10/${g.packed.code}`;
    const byParam = await get(`/01/${g.gtin}/10/${g.packed.code}?linkType=linkset`).expect(200);
    const byAccept = await get(`/01/${g.gtin}/10/${g.packed.code}`, { Accept: 'application/linkset+json' }).expect(200);
    expect(byParam.headers['content-type']).toBe('application/linkset+json; charset=utf-8');
    expect(byAccept.text).toBe(byParam.text);
    const { linkset } = JSON.parse(byParam.text);
    expect(linkset[0].anchor).toBe(lotUri);
    for (const type of ['defaultLink', 'pip', 'traceability', 'certificationInfo', 'recallStatus', 'epcis']) {
      const links = linkset[0][`https://gs1.org/voc/${type}`];
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        // GS1 linksets: the default link carries no optional attributes (test/public/gs1-conformance).
        if (type === 'defaultLink') {
          expect(link).toEqual({ href: expect.stringMatching(/^https:\/\//), title: expect.any(String) });
          continue;
        }
        expect(link).toEqual({ href: expect.stringMatching(/^https:\/\//), title: expect.any(String), hreflang: expect.any(Array), type: expect.any(String) });
        expect(link.hreflang.length).toBeGreaterThan(0);
      }
    }
    expect(linkset[0]['https://gs1.org/voc/pip']).toContainEqual(expect.objectContaining({ href: `${lotUri}?lang=en`, hreflang: ['en'] }));
    expect(linkset[1].anchor).toBe(`${BASE}/01/${g.gtin}`);
    expect(linkset[1]['https://gs1.org/voc/pip'][0].href).toBe(`${BASE}/01/${g.gtin}?lang=vi`);
  });

  it('redirects ?linkType=X with 307, passing query attributes through, and 404s a link the lot lacks', async () => {
    const path = `/01/${g.gtin}/10/${g.packed.code}`;
    const pip = await get(`${path}?linkType=gs1:pip&17=270101&lang=en`).expect(307);
    expect(pip.headers.location).toBe(`${BASE}${path}?lang=en&17=270101`);
    const recall = await get(`${path}?linkType=https://gs1.org/voc/recallStatus`).expect(307);
    expect(recall.headers.location).toBe(`${BASE}/public/lots/${g.packed.shortCode}/recall-status`);
    const certifications = await get(`${path}?linkType=gs1:certificationInfo`).expect(307);
    expect(certifications.headers.location).toBe(`${BASE}${path}?lang=vi#certifications`);
    await get(`${path}?linkType=gs1:nutritionalInfo`).expect(404);
    // The second household's harvest: no certificate covers its product, field or cooperative.
    await get(`/l/${g.harvests[1].shortCode}?linkType=gs1:certificationInfo`).expect(404);
  });

  it('serves the recall status and an EPCIS document that validates against the schema', async () => {
    const status = await get(`/public/lots/${g.packed.shortCode}/recall-status`).expect(200);
    expect(status.body).toMatchObject({ lotCode: g.packed.code, recalled: false, reason: null, at: null });
    const epcis = await get(`/public/lots/${g.packed.shortCode}/epcis`).expect(200);
    const doc = JSON.parse(epcis.text);
    expect(createEpcisValidator()(doc)).toMatchObject({ valid: true });
    expect(doc.epcisBody.eventList.map((e: { bizStep?: string }) => e.bizStep)).toEqual(['commissioning', 'commissioning', 'commissioning', 'commissioning', 'packing', 'shipping']);
    expect(epcis.text).not.toContain('HD-');
  });

  it('answers 304 to a matching If-None-Match, and gzips for clients that take it', async () => {
    const path = `/01/${g.gtin}/10/${g.packed.code}`;
    const first = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' }).expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=60, stale-if-error=86400');
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers.vary).toBe('Accept, Accept-Language, Accept-Encoding');
    expect(first.headers.etag).toMatch(/^"h.+\.gz"$/);
    const again = await get(path, { 'Accept-Encoding': 'gzip', 'If-None-Match': first.headers.etag }).expect(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);
    const plain = await get(path, { 'Accept-Encoding': 'identity' }).expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.etag).toBe(first.headers.etag.replace(/\.gz"$/, '"'));
    expect(Number(plain.headers['content-length'])).toBeGreaterThan(3 * Number(first.headers['content-length']));
    expect(plain.text).toBe(first.text);
  });

  it('answers HEAD and OPTIONS with CORS', async () => {
    const head = await request(t.server).head(`/01/${g.gtin}/10/${g.packed.code}`).expect(200);
    expect(head.headers['access-control-allow-origin']).toBe('*');
    expect(head.headers.link).toContain('linkType=linkset');
    const options = await request(t.server).options(`/01/${g.gtin}/10/${g.packed.code}`).expect(204);
    expect(options.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    expect(options.headers['access-control-allow-origin']).toBe('*');
  });

  it('describes the resolver at /.well-known/gs1resolver', async () => {
    const response = await get('/.well-known/gs1resolver').expect(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.body).toMatchObject({ resolverRoot: BASE, supportedPrimaryKeys: ['01'], name: expect.any(String) });
    expect(response.body.supportedLinkTypes).toEqual(expect.arrayContaining(['gs1:pip', 'gs1:traceability', 'gs1:certificationInfo', 'gs1:recallStatus', 'gs1:epcis']));
  });

  it('lists every production stage with its location trace code, and shows the product image (Circular 02/2024/TT-BKHCN)', async () => {
    const page = await get(`/01/${g.gtin}/10/${g.packed.code}`).expect(200);
    const circular = page.text.slice(page.text.indexOf('<section id="circular">'));
    const suffix = g.packed.code.slice('DB-'.length);
    // Harvests by their growing areas' codes, milling and packing by their facilities' codes (no GLN recorded).
    for (const code of [...g.areaCodes.map((c) => `mã vùng trồng <code>${c}</code>`), `Xay xát — mã cơ sở <code>XX-${suffix}</code>`, `Đóng gói — mã cơ sở <code>DG-${suffix}</code>`]) {
      expect(circular).toContain(code);
    }
    expect(circular).toContain('<img class="c02img" src="https://images.example.vn/seng-cu.jpg"');
  });

  it('lists the public lots on the product page /01/{gtin}', async () => {
    const response = await get(`/01/${g.gtin}`).expect(200);
    expect(response.text).toContain(g.product.nameVi);
    expect(response.text).toContain(`${BASE}/01/${g.gtin}/10/${g.packed.code}?lang=vi`);
    const jsonLd = await get(`/01/${g.gtin}`, { Accept: 'application/ld+json' }).expect(200);
    expect(JSON.parse(jsonLd.text)).toMatchObject({ '@type': 'Product', gtin: g.gtin });
  });

  it('answers unknown keys with a 404 page and malformed ones with a 400 page, never 200', async () => {
    // (A lot code this GTIN does not have walks up to the product: test/public/gs1-conformance.)
    const notFound = await get(`/01/${randomGtin13()}/10/NO-SUCH-LOT`).expect(404);
    expect(notFound.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(notFound.text).toContain('Không tìm thấy');
    await get('/l/ZZZZZZZZ').expect(404);
    await get(`/01/${randomGtin13()}`).expect(404);
    await get(`/01/${randomGtin13()}/10/${g.packed.code}`).expect(404);
    const badCheckDigit = await get(`/01/${withWrongCheckDigit(g.gtin)}/10/${g.packed.code}`).expect(400);
    expect(badCheckDigit.text).toContain('Mã không hợp lệ');
    for (const path of ['/01/12345/10/X', '/01/abc/10/X', `/01/${g.gtin}/10/`, `/01/${g.gtin}/99/X`, '/l/short', '/01', `/01/${g.gtin}/10/%E1%BA%A1`]) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 400]);
    }
    const json = await get('/01/12345/10/X', { Accept: 'application/json' }).expect(400);
    expect(json.body).toMatchObject({ statusCode: 400, code: 'RESOLVER_PATH_MALFORMED' });
    expect(json.headers['access-control-allow-origin']).toBe('*');
  });

  it("never shows a household's phone, id number, tax code or notes, nor prices, in any representation", async () => {
    const lotPath = `/01/${g.gtin}/10/${g.packed.code}`;
    const requests: [string, Record<string, string>][] = [
      [pathOf(qrUrl), {}],
      [`${lotPath}?lang=en`, {}],
      [lotPath, { Accept: 'application/ld+json' }],
      [`${lotPath}?linkType=linkset`, {}],
      [`/public/lots/${g.packed.shortCode}/recall-status`, {}],
      [`/public/lots/${g.packed.shortCode}/epcis`, {}],
      [`/01/${g.gtin}`, {}],
      ...g.harvests.map((h): [string, Record<string, string>] => [`/l/${h.shortCode}`, {}]),
    ];
    for (const [path, headers] of requests) {
      const response = await get(path, headers);
      expect([path, response.status]).toEqual([path, 200]);
      for (const secret of Object.values(PRIVATE)) expect([path, secret, response.text.includes(secret)]).toEqual([path, secret, false]);
      // The invoice number carries a price; documents never leave the operator API.
      expect([path, response.text.includes('GIA-50000000')]).toEqual([path, false]);
    }
  });

  it('shows the recall banner on the very next request after a recall, upstream included', async () => {
    // A genealogy of its own: the recall must not reach the lot the other tests read.
    const own = await buildGenealogy(t.server, `R${Date.now().toString(36).toUpperCase()}`);
    const { job } = await printLabels(t.server, own.org, own.packed.id, 1);
    const path = `/01/${own.gtin}/10/${own.packed.code}`;
    const before = await get(path).expect(200);
    expect(before.text).not.toContain('SẢN PHẨM ĐANG BỊ THU HỒI');
    await request(t.server).post('/api/v1/recalls').set(own.org.auth).send({ lotId: own.harvests[1].id, reason: 'Phát hiện dư lượng thuốc BVTV vượt ngưỡng' }).expect(201);
    const after = await get(path, { 'If-None-Match': before.headers.etag }).expect(200);
    expect(after.text).toContain('SẢN PHẨM ĐANG BỊ THU HỒI');
    expect(after.text).toContain('Phát hiện dư lượng thuốc BVTV vượt ngưỡng');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const serialPage = await get(`${path}/21/${job.serialFirst}`).expect(200);
    expect(serialPage.text).toContain('SẢN PHẨM ĐANG BỊ THU HỒI');
    const status = await get(`/public/lots/${own.packed.shortCode}/recall-status`).expect(200);
    expect(status.body).toMatchObject({ recalled: true, reason: 'Phát hiện dư lượng thuốc BVTV vượt ngưỡng', at: expect.any(String) });
    const jsonLd = JSON.parse((await get(path, { Accept: 'application/ld+json' })).text);
    expect(jsonLd.additionalProperty).toContainEqual({ '@type': 'PropertyValue', propertyID: 'recallStatus', value: 'recalled' });
  });

  it('counts scans per lot, day and serial for the organization only', async () => {
    // Its own scans (other tests may add theirs): one phone opens the first label a dozen times.
    for (let scan = 0; scan < 12; scan++) await get(pathOf(qrUrl)).expect(200);
    const scans = () => request(t.server).get(`/api/v1/lots/${g.packed.id}/scans`).set(g.org.auth).expect(200);
    // Scans are written in batches off the request path: wait for these to land.
    await waitUntil(async () => (await scans()).body.total > 10, 'the scans to be recorded');
    const response = await scans();
    expect(response.body.total).toBeGreaterThan(10);
    expect(response.body.consumer).toBe(1);
    expect(response.body.byClientClass.android).toBe(1);
    expect(response.body.byDay).toEqual([{ day: expect.any(String), count: 1, resolutions: response.body.total }]);
    expect(response.body.topSerials[0]).toMatchObject({ serial: serialFirst, count: 1, resolutions: expect.any(Number), distinctDays: 1, suspicious: false });
    expect(response.body.topSerials[0].resolutions).toBeGreaterThan(1);
    const rows = await t.dataSource.query(`SELECT * FROM scan WHERE lot_id = $1 LIMIT 1`, [g.packed.id]);
    expect(Object.keys(rows[0]).sort()).toEqual(['client_class', 'client_hash', 'id', 'lot_id', 'organization_id', 'representation', 'scanned_at', 'scanned_on', 'serial']);
    const stranger = await signupOrganization(t.server);
    await request(t.server).get(`/api/v1/lots/${g.packed.id}/scans`).set(stranger.auth).expect(404);
    await request(t.server).get(`/api/v1/lots/${g.packed.id}/scans`).expect(401);
  });
});
