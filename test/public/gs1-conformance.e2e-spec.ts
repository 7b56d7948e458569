import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import jsonld from 'jsonld';
import request from 'supertest';
import { buildGenealogy, decodeQr, printLabels, randomGtin13, startTestApp, testConfig, type Genealogy } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

// GS1-Conformant resolver standard 1.2 and GS1 Digital Link URI syntax 1.4, checked with what GS1
// publishes (the schemas in test/fixtures/gs1, see SOURCES.md there) and with an independent Digital
// Link package (digital-link.js: its ABNF grammar of the Digital Link URI parses every URI we issue,
// and its compressor makes the compressed URIs).

const BASE = 'https://truyxuat.example.vn';
const BROWSER = 'Mozilla/5.0 (Linux; Android 11; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
const FIXTURES = resolve(import.meta.dirname, '../fixtures/gs1');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
const LINKSET_CONTEXT = 'https://gs1.github.io/linkset/linksetContext.jsonld';
const GS1_VOC = 'https://gs1.org/voc/';
/**
 * Every character of GS1 set 82 that a URI path may not carry as it is, in one lot code, but `"`:
 * digital-link.js's grammar (like GS1's toolkit) takes `"` raw, which RFC 3986 has no place for, so
 * we encode it as %22 and accept both; QUOTE_LOT checks that on its own.
 */
const SET82_LOT = `Q!'()*%&+,/:;<=>?_-`;
const QUOTE_LOT = 'Q"1';
/**
 * What GS1's toolkit (the compressor of digital-link.js) can compress: its AI (10) pattern lacks
 * `: ; < = > ?` of set 82, so a lot with those has no compressed form it would make.
 */
const COMPRESSIBLE_LOT = `C!'()*%&+,/_-`;

interface DigitalLinkObject {
  isValid(): boolean;
  getKeyQualifiers(): Record<string, string>;
  getIdentifier(): Record<string, string>;
}
const dlRequire = createRequire(import.meta.url);
const { DigitalLink, Utils } = dlRequire('digital-link.js') as {
  DigitalLink: (uri: string) => DigitalLinkObject;
  Utils: { compressWebUri(uri: string, useOptimisations?: boolean, compressOtherKeyValuePairs?: boolean): string };
};

// ajv-formats is CommonJS: under ESM its plugin function is the module itself or its `default`.
const addFormats = ((formatsModule as unknown as { default?: typeof formatsModule }).default ?? formatsModule) as unknown as (ajv: Ajv) => Ajv;

/** GS1's schemas declare draft-07 and use non-standard annotation keywords (`name`, `@id`): strict off. */
function validatorOf(schemaFile: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(fixture(schemaFile));
}

type Linkset = { linkset: Record<string, unknown>[] };
type Link = { href: string; title: string; hreflang?: string[]; type?: string };

/** The path of one of our public URIs. */
const pathOf = (uri: string) => uri.slice(BASE.length);

describe('GS1 resolver conformance (resolver standard 1.2, Digital Link 1.4)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let storageDir: string;
  let g: Genealogy;
  let set82Lot: { id: string; code: string; uri: string };
  let quoteLot: { id: string; code: string; uri: string };
  let compressibleLot: { id: string; code: string; uri: string };
  let labelUris: string[];
  const validLinkset = validatorOf('linkset-schema.json');
  const validDescription = validatorOf('description-file-schema.json');

  const get = (path: string, headers: Record<string, string> = {}) => request(t.server).get(path).set({ 'User-Agent': BROWSER, Accept: 'text/html', ...headers });
  const linksetOf = async (path: string) => {
    const response = await get(path, { Accept: 'application/linkset+json' }).expect(200);
    return { response, body: JSON.parse(response.text) as Linkset };
  };

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'nguon-gs1-'));
    t = await startTestApp(createApiApp, testConfig({ STORAGE_DIR: storageDir, PUBLIC_BASE_URL: BASE, LOG_LEVEL: 'error', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }), createWorkerApp);
    g = await buildGenealogy(t.server, `${Date.now().toString(36).toUpperCase()}`);
    // Lots whose codes hold the set-82 characters that need percent-encoding in a URI.
    const repack = async (lotCode: string, seconds: number) => {
      const repacked = await request(t.server)
        .post('/api/v1/lots/transform')
        .set(g.org.auth)
        .send({
          inputs: [{ lotId: g.packed.id, quantity: '10', unit: 'pack' }],
          outputs: [{ productId: g.product.id, quantity: '10', unit: 'pack', lotCode }],
          // After the genealogy's last event (its packing is three minutes after its first harvest).
          occurredAt: new Date(g.harvestedAt.getTime() + 3 * 60_000 + seconds * 1000).toISOString(),
          process: 'pack',
        });
      if (repacked.status !== 201) throw new Error(`transform: ${repacked.status} ${JSON.stringify(repacked.body)}`);
      return repacked.body.outputs[0];
    };
    set82Lot = await repack(SET82_LOT, 1);
    quoteLot = await repack(QUOTE_LOT, 2);
    compressibleLot = await repack(COMPRESSIBLE_LOT, 3);
    // What the printed labels carry, read back from the PDF's QR codes.
    const { pdf } = await printLabels(t.server, g.org, set82Lot.id, 2);
    labelUris = [await decodeQr(pdf, 1), await decodeQr(pdf, 2)];
  });
  afterAll(async () => {
    await t?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  describe('resolver description file', () => {
    it('validates against GS1’s description-file schema and lists primary keys as AI codes', async () => {
      const response = await get('/.well-known/gs1resolver', { Accept: 'application/json' }).expect(200);
      expect([validDescription(response.body), validDescription.errors]).toEqual([true, null]);
      expect(response.body.supportedPrimaryKeys).toEqual(['01']);
      expect(response.body.jsonLdContextLocation).toBe(LINKSET_CONTEXT);
      expect(response.body.defaultLinkBehaviour).toMatch(/not a 307/);
    });

    it('is checked by a schema that can fail (the old description with "gtin" does not validate)', () => {
      expect(validDescription({ resolverRoot: BASE, supportedPrimaryKeys: ['gtin'] })).toBe(false);
    });
  });

  describe('linksets', () => {
    it('validate against GS1’s linkset schema for a lot, a label, a product and by every way of asking', async () => {
      const paths = [pathOf(g.packed.uri), pathOf(labelUris[0]), `/01/${g.gtin}`, pathOf(set82Lot.uri), `/l/${g.harvests[0].shortCode}`];
      for (const path of paths) {
        const { body } = await linksetOf(path);
        expect([path, validLinkset(body), validLinkset.errors]).toEqual([path, true, null]);
        const byParam = await get(`${path}?linkType=linkset`).expect(200);
        expect(JSON.parse(byParam.text)).toEqual(body);
        const byAll = await get(`${path}?linkType=all`).expect(200);
        expect(JSON.parse(byAll.text)).toEqual(body);
      }
      // The schema does fail a linkset without itemDescription.
      const { body } = await linksetOf(pathOf(g.packed.uri));
      expect(validLinkset({ linkset: body.linkset.map(({ itemDescription: _, ...entry }) => entry) })).toBe(false);
    });

    it('describe each item, give the default link only href and title, and list its target under a descriptive link type', async () => {
      const { body } = await linksetOf(pathOf(g.packed.uri));
      expect(body.linkset.map((entry) => entry.anchor)).toEqual([g.packed.uri, `${BASE}/01/${g.gtin}`]);
      for (const entry of body.linkset) {
        expect(entry.itemDescription).toEqual(expect.stringContaining(g.product.nameVi));
        const [defaultLink, ...more] = entry[`${GS1_VOC}defaultLink`] as Link[];
        expect(more).toEqual([]);
        expect(Object.keys(defaultLink).sort()).toEqual(['href', 'title']);
        const descriptive = Object.entries(entry).filter(([type]) => type.startsWith(GS1_VOC) && type !== `${GS1_VOC}defaultLink`);
        const alsoUnder = descriptive.filter(([, links]) => (links as Link[]).some((link) => link.href === defaultLink.href)).map(([type]) => type);
        expect(alsoUnder).toContain(`${GS1_VOC}pip`);
      }
    });

    it('name the JSON-LD context in a Link header, and expand with it (offline copy of GS1’s context)', async () => {
      const { response, body } = await linksetOf(pathOf(g.packed.uri));
      expect(response.headers.link).toContain(`<${LINKSET_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`);
      expect(response.headers.link).toContain('rel="linkset"');
      const context = fixture('linkset-context.jsonld');
      const expanded = await jsonld.expand(
        { '@context': LINKSET_CONTEXT, ...body },
        {
          safe: true,
          documentLoader: async (url) => {
            if (url !== LINKSET_CONTEXT) throw new Error(`refused to load ${url}`);
            return { contextUrl: null, documentUrl: url, document: context };
          },
        },
      );
      const lot = expanded.find((node) => node['@id'] === g.packed.uri)!;
      expect(lot[`${GS1_VOC}pip`]).toEqual(expect.arrayContaining([expect.objectContaining({ '@id': g.packed.uri })]));
      expect(lot['http://www.w3.org/2000/01/rdf-schema#comment']).toEqual([{ '@value': expect.stringContaining(g.product.nameVi) }]);
      // The page itself has no context link: only linksets are JSON-LD by a context header.
      const page = await get(pathOf(g.packed.uri)).expect(200);
      expect(page.headers.link).not.toContain('json-ld#context');
    });
  });

  describe('walk-up', () => {
    it('answers an unknown lot under a known GTIN with the GTIN’s page, saying the lot was not found', async () => {
      const page = await get(`/01/${g.gtin}/10/NO-SUCH-LOT`).expect(200);
      expect(page.text).toContain(g.product.nameVi);
      expect(page.text).toContain('Không tìm thấy lô «NO-SUCH-LOT» của sản phẩm này');
      const english = await get(`/01/${g.gtin}/10/NO-SUCH-LOT?lang=en`).expect(200);
      expect(english.text).toContain('Lot «NO-SUCH-LOT» of this product was not found');
      const { body } = await linksetOf(`/01/${g.gtin}/10/NO-SUCH-LOT`);
      expect(body.linkset.map((entry) => entry.anchor)).toEqual([`${BASE}/01/${g.gtin}`]);
      expect(validLinkset(body)).toBe(true);
      const jsonLd = await get(`/01/${g.gtin}/10/NO-SUCH-LOT`, { Accept: 'application/ld+json' }).expect(200);
      expect(JSON.parse(jsonLd.text)).toMatchObject({ '@type': 'Product', gtin: g.gtin });
      const pip = await get(`/01/${g.gtin}/10/NO-SUCH-LOT?linkType=gs1:pip&lang=en`).expect(307);
      expect(pip.headers.location).toBe(`${BASE}/01/${g.gtin}?lang=en`);
    });

    it('still answers 404 when the GTIN is unknown too, and for an unknown label serial', async () => {
      await get(`/01/0${randomGtin13()}/10/NO-SUCH-LOT`).expect(404);
      await get(`/01/${g.gtin}/21/999999999999`).expect(404);
    });
  });

  describe('compressed Digital Link URIs', () => {
    it('resolve when made by digital-link.js’s compressor, with and without its optimisations', async () => {
      for (const uri of [g.packed.uri, compressibleLot.uri, `${compressibleLot.uri}/21/12345`, `${BASE}/01/${g.gtin}`, `${g.packed.uri}?17=270101`]) {
        for (const optimised of [true, false]) {
          const compressed = Utils.compressWebUri(uri, optimised, optimised);
          expect(compressed).not.toContain('/01/');
          const direct = await get(pathOf(uri), { Accept: 'application/linkset+json' }).expect(200);
          const response = await get(pathOf(compressed), { Accept: 'application/linkset+json' }).expect(200);
          expect([uri, optimised, response.text]).toEqual([uri, optimised, direct.text]);
          expect(response.headers.link).toContain(`rel="http://www.w3.org/2002/07/owl#sameAs"`);
          const page = await get(pathOf(compressed)).expect(200);
          expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
        }
      }
      const compressed = Utils.compressWebUri(g.packed.uri);
      const redirect = await get(`${pathOf(compressed)}?linkType=gs1:traceability&lang=en`).expect(307);
      expect(redirect.headers.location).toBe(`${g.packed.uri}?lang=en#trace`);
    });

    it('answers 404 for a path that is no compressed Digital Link', async () => {
      await get('/ThisIsNotADigitalLink').expect(404);
      await get('/favicon.ico').expect(404);
    });
  });

  describe('link types', () => {
    it('accept the link type as CURIE, gs1.org, www.gs1.org and ref.gs1.org IRI alike', async () => {
      const path = pathOf(g.packed.uri);
      const expected = (await get(`${path}?linkType=gs1:pip&lang=en`).expect(307)).headers.location;
      for (const linkType of ['https://gs1.org/voc/pip', 'https://www.gs1.org/voc/pip', 'https://ref.gs1.org/voc/pip', 'http://www.gs1.org/voc/pip']) {
        const response = await get(`${path}?linkType=${encodeURIComponent(linkType)}&lang=en`).expect(307);
        expect([linkType, response.headers.location]).toEqual([linkType, expected]);
      }
      await get(`${path}?linkType=${encodeURIComponent('https://example.org/voc/pip')}`).expect(404);
    });
  });

  describe('set-82 characters', () => {
    it('are percent-encoded in every URI issued, which an independent Digital Link parser accepts and reads back', async () => {
      const lot = (await request(t.server).get(`/api/v1/lots/${set82Lot.id}`).set(g.org.auth).expect(200)).body;
      const trace = (await request(t.server).get(`/api/v1/lots/${g.packed.id}/trace?direction=forward`).set(g.org.auth).expect(200)).body;
      const jsonLd = JSON.parse((await get(pathOf(set82Lot.uri), { Accept: 'application/ld+json' }).expect(200)).text);
      const { body: linkset } = await linksetOf(pathOf(set82Lot.uri));
      const issued = new Set<string>([
        lot.uri,
        jsonLd['@id'],
        ...labelUris,
        ...JSON.stringify(trace).match(/https:\/\/truyxuat\.example\.vn\/01\/[^"]+/g)!,
        ...linkset.linkset.flatMap((entry) => [entry.anchor as string, ...Object.values(entry).flatMap((links) => (Array.isArray(links) ? links.map((l: Link) => l.href) : []))]),
      ]);
      const digitalLinks = [...issued].filter((uri) => uri.includes('/01/')).map((uri) => uri.replace(/[?#].*$/, ''));
      expect(digitalLinks.some((uri) => uri.includes('/10/Q%21%27%28%29%2A%25%26%2B%2C%2F%3A%3B%3C%3D%3E%3F_-'))).toBe(true);
      for (const uri of digitalLinks) {
        // The one place the package's grammar differs from RFC 3986: it wants `"` raw (see QUOTE_LOT).
        const parsed = DigitalLink(uri.replaceAll('%22', '"'));
        expect([uri, parsed.isValid()]).toEqual([uri, true]);
        expect(parsed.getIdentifier()).toEqual({ '01': g.gtin });
        const lotCode = parsed.getKeyQualifiers()['10'];
        if (lotCode !== undefined && uri.startsWith(set82Lot.uri)) expect(decodeURIComponent(lotCode)).toBe(SET82_LOT);
      }
    });

    it('resolve however they are encoded: raw where a URI allows it, upper- or lower-case percent-encoding', async () => {
      const canonical = await get(pathOf(set82Lot.uri), { Accept: 'application/ld+json' }).expect(200);
      const encodings = [
        pathOf(set82Lot.uri),
        pathOf(set82Lot.uri).toLowerCase().replace(`/01/${g.gtin}/10/q`, `/01/${g.gtin}/10/Q`),
        `/01/${g.gtin}/10/Q!'()*%25%26%2B%2C%2F%3A%3B%3C%3D%3E%3F_-`,
        `/01/${g.gtin}/10/Q!'()*%25&+,%2F:;%3C=%3E%3F_-`,
      ];
      for (const path of encodings) {
        const response = await get(path, { Accept: 'application/ld+json' }).expect(200);
        expect([path, JSON.parse(response.text)['@id']]).toEqual([path, JSON.parse(canonical.text)['@id']]);
      }
    });

    it('encode " as %22 and take it raw too (as GS1’s toolkit writes it)', async () => {
      expect(quoteLot.uri).toBe(`${BASE}/01/${g.gtin}/10/Q%221`);
      for (const path of [pathOf(quoteLot.uri), `/01/${g.gtin}/10/Q"1`]) {
        const response = await get(path, { Accept: 'application/ld+json' }).expect(200);
        expect([path, JSON.parse(response.text)['@id']]).toEqual([path, quoteLot.uri]);
      }
    });
  });

  describe('data attributes in the query string', () => {
    it('are validated: 400 with a code and the AI named, nothing else changed', async () => {
      const path = pathOf(g.packed.uri);
      for (const [query, ai] of [
        ['17=ABC', '17'],
        ['17=271301', '17'],
        ['3103=12', '3103'],
        ['10=L1', '10'],
      ]) {
        const response = await get(`${path}?${query}`, { Accept: 'application/json' }).expect(400);
        expect(response.body).toMatchObject({ code: 'DATA_ATTRIBUTE_INVALID', details: { ai } });
        expect(response.body.message).toContain(`AI (${ai})`);
      }
      await get(`/01/${g.gtin}?17=ABC`).expect(400);
      await get(`${path}?17=270101&3103=000250`).expect(200);
    });
  });

  describe('OPTIONS', () => {
    it('answers with CORS and a Link header naming the linkset, compressed URIs included', async () => {
      const options = await request(t.server).options(pathOf(set82Lot.uri)).expect(204);
      expect(options.headers.link).toBe(`<${set82Lot.uri}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`);
      expect(options.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
      const compressed = Utils.compressWebUri(g.packed.uri);
      const compressedOptions = await request(t.server).options(pathOf(compressed)).expect(204);
      expect(compressedOptions.headers.link).toContain(`<${g.packed.uri}?linkType=linkset>; rel="linkset"`);
      expect(compressedOptions.headers.link).toContain(`<${g.packed.uri}>; rel="http://www.w3.org/2002/07/owl#sameAs"`);
    });
  });
});
