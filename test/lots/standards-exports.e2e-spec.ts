import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { ExportsService, createEpcisValidator, gs1CheckDigit, type EpcisValidator } from '@app/traceability';
import {
  createFacility,
  createGrowingArea,
  createPartner,
  createProduct,
  expandEpcis,
  notAbsoluteIris,
  signupOrganization,
  acceptTradeLink,
  startTestApp,
  type TestApp,
  type TestOrganization,
} from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

/**
 * Issue 16, standards round 2: EPCIS identifiers (GS1 keys whenever they exist), a ship and its
 * receipt joined across two organizations through EPCIS alone, the shipped JSON-LD context, and the
 * FSMA 204 sortable spreadsheet with every critical tracking event the domain has and the key data
 * elements the rule requires of each. All data is built through the API with known values.
 */

type Row = Record<string, string>;
type Event = Record<string, any>;

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const withCheckDigit = (body: string) => `${body}${gs1CheckDigit(body)}`;
/** The local date in Vietnam of an instant, computed here (not by the code under test). */
const vnDate = (instant: string | Date) => new Date(new Date(instant).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** RFC 4180 CSV → records keyed by the header row. */
function parseCsv(text: string): { header: string[]; rows: Row[] } {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') record.push(cell), records.push(record), (record = []), (cell = ''), i++;
    else cell += c;
  }
  const [header, ...rows] = records;
  return { header, rows: rows.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i]]))) };
}

/** XLSX → records keyed by the header row; dates as YYYY-MM-DD, numbers as their text. */
async function parseXlsx(buffer: Buffer): Promise<{ header: string[]; rows: Row[]; typed: Record<string, unknown>[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as string[]).slice(1);
  const rows: Row[] = [];
  const typed: Record<string, unknown>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = header.map((_, i) => sheet.getRow(r).getCell(i + 1).value);
    typed.push(Object.fromEntries(header.map((name, i) => [name, values[i]])));
    rows.push(Object.fromEntries(header.map((name, i) => [name, values[i] instanceof Date ? (values[i] as Date).toISOString().slice(0, 10) : values[i] === null || values[i] === undefined ? '' : String(values[i])])));
  }
  return { header, rows, typed };
}

describe('standards round 2: EPCIS identifiers and joins, FSMA 204 CTEs and KDEs', () => {
  let t: TestApp;
  let validate: EpcisValidator;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    validate = createEpcisValidator();
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (org: TestOrganization, path: string, body: Record<string, unknown>) => request(t.server).post(path).set(org.auth).send(body);
  const patch = (org: TestOrganization, path: string, body: Record<string, unknown>) => request(t.server).patch(path).set(org.auth).send(body);
  const get = (org: TestOrganization, path: string) => request(t.server).get(path).set(org.auth);

  /**
   * A pomelo cooperative with a GS1 company prefix: harvest → cooling at its cold store → initial
   * packing (GTIN product) and drying at its packing house (GLN) → a split of the packs → shipments
   * to a supermarket on the platform (which receives) and to an importer in the United States.
   */
  async function world() {
    const coopName = `HTX Nông sản Mường Ảng ${digits(4)}`;
    const shopName = `Siêu thị Sạch Hà Nội ${digits(4)}`;
    const coop = await signupOrganization(t.server, { organizationName: coopName });
    const shop = await signupOrganization(t.server, { organizationName: shopName });
    const coopPrefix = `893${digits(6)}`; // 9 digits
    const shopPrefix = `893${digits(7)}`; // 10 digits
    const coopGln = withCheckDigit(`${coopPrefix}000`);
    const shopGln = withCheckDigit(`${shopPrefix}00`);
    const packingHouseGln = withCheckDigit(`${coopPrefix}001`);
    const boxGtin = withCheckDigit(`${coopPrefix}123`);
    await patch(coop, '/api/v1/organization', { address: 'Tổ 5, thị trấn Mường Ảng', commune: 'Mường Ảng', province: 'Điện Biên', phone: '0215 3870 123', gln: coopGln, gs1CompanyPrefix: coopPrefix }).expect(200);
    await patch(shop, '/api/v1/organization', { address: '45 Hàng Bè', commune: 'Hoàn Kiếm', province: 'Hà Nội', phone: '024 3826 0000', gln: shopGln, gs1CompanyPrefix: shopPrefix }).expect(200);

    const household = await createPartner(t.server, coop, { name: `Hộ Lò Văn Pọm ${digits(3)}`, phone: '0912 345 678', commune: 'Mường Ảng', province: 'Điện Biên' });
    const shopPartner = await createPartner(t.server, coop, { kind: 'retailer', name: 'Siêu thị Sạch', address: '45 Hàng Bè', commune: 'Hoàn Kiếm', province: 'Hà Nội', phone: '024 3826 0000', linkedOrganizationId: shop.organizationId });
    await acceptTradeLink(t.server, shop, coop.organizationId);
    const importer = await createPartner(t.server, coop, { kind: 'distributor', name: 'Fresh Asia Foods, Inc.', address: '12 Canal St, New York, NY 10013', commune: null, province: null, country: 'us', phone: '+1 212 555 0100' });
    const area = await createGrowingArea(t.server, coop, { crop: 'pomelo', variety: 'Da xanh', name: `Vườn bưởi Bản Co ${digits(3)}`, commune: 'Mường Ảng', status: 'active', ownerPartnerIds: [household.id] });
    const coldStore = await createFacility(t.server, coop, { kind: 'warehouse', name: 'Kho lạnh Mường Ảng', address: 'Bản Co', commune: 'Mường Ảng', province: 'Điện Biên' });
    const packingHouse = await createFacility(t.server, coop, { kind: 'packing_house', name: 'Nhà sơ chế Mường Ảng', code: 'CS-DB-07', address: 'Bản Co', commune: 'Mường Ảng', province: 'Điện Biên', gln: packingHouseGln });
    const fresh = await createProduct(t.server, coop, { nameVi: `Bưởi da xanh quả tươi ${digits(3)}`, unit: 'kg' });
    const box = await createProduct(t.server, coop, { nameVi: 'Bưởi da xanh hộp 2 kg', nameEn: 'Green-skin pomelo, 2 kg box', unit: 'pack', netContent: '2', netContentUnit: 'kg', gtin: boxGtin });
    const dried = await createProduct(t.server, coop, { nameVi: `Bưởi sấy dẻo ${digits(3)}`, unit: 'kg' });

    const today = vnDate(new Date());
    const H = (
      await post(coop, '/api/v1/lots/harvest', { growingAreaId: area.id, productId: fresh.id, partnerId: household.id, quantity: '1000', unit: 'kg', harvestedAt: today, lotCode: 'BUOI-H1', documents: [{ type: 'field_tag', number: 'PT-001' }] }).expect(201)
    ).body;
    // Now, written at Vietnam's offset (as the console sends it), so local dates are Vietnam's.
    const at = () => new Date(Date.now() + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
    const cooledAt = at();
    const cooling = (
      await post(coop, '/api/v1/lots/transform', {
        inputs: [{ lotId: H.id, quantity: '1000', unit: 'kg' }],
        outputs: [{ productId: fresh.id, quantity: '1000', unit: 'kg', lotCode: 'BUOI-C1' }],
        facilityId: coldStore.id,
        occurredAt: cooledAt,
        process: 'Làm mát (hydrocooling)',
        documents: [{ type: 'cooling_log', number: 'NK-LAM-01' }],
      }).expect(201)
    ).body;
    const C = cooling.outputs[0];
    const packedAt = at();
    const packing = (
      await post(coop, '/api/v1/lots/transform', {
        inputs: [{ lotId: C.id, quantity: '600', unit: 'kg' }],
        outputs: [{ productId: box.id, quantity: '300', unit: 'pack', lotCode: 'BUOI-P1', kind: 'packed' }],
        facilityId: packingHouse.id,
        occurredAt: packedAt,
        process: 'Đóng gói',
        documents: [{ type: 'production_order', number: 'LSX-11' }],
      }).expect(201)
    ).body;
    const P = packing.outputs[0];
    const driedAt = at();
    const drying = (
      await post(coop, '/api/v1/lots/transform', {
        inputs: [{ lotId: C.id, quantity: '400', unit: 'kg' }],
        outputs: [{ productId: dried.id, quantity: '80', unit: 'kg', lotCode: 'BUOI-D1' }],
        facilityId: packingHouse.id,
        occurredAt: driedAt,
        process: 'Sấy dẻo',
        documents: [{ type: 'production_order', number: 'LSX-12' }],
      }).expect(201)
    ).body;
    const split = (await post(coop, `/api/v1/lots/${P.id}/split`, { parts: [{ quantity: '30', unit: 'pack', lotCode: 'BUOI-P1-A' }, { quantity: '20', unit: 'pack', lotCode: 'BUOI-P1-B' }], occurredAt: at() }).expect(201)).body;
    const shippedAt = at();
    const toShop = (await post(coop, `/api/v1/lots/${P.id}/ship`, { partnerId: shopPartner.id, quantity: '150', unit: 'pack', shippedAt, documents: [{ type: 'invoice', number: 'HĐ 0042/2026' }, { type: 'delivery_note', number: 'PGH-42' }] }).expect(201)).body;
    const toImporter = (await post(coop, `/api/v1/lots/${P.id}/ship`, { partnerId: importer.id, quantity: '50', unit: 'pack', shippedAt, documents: [{ type: 'bill_of_lading', number: 'BL-7788' }] }).expect(201)).body;
    const receivedAt = at();
    const received = (await post(shop, `/api/v1/shipments/${toShop.shipment.id}/receive`, { receivedAt }).expect(201)).body;

    const location = {
      coop: `${coopName}; Tổ 5, thị trấn Mường Ảng, Xã Mường Ảng, Điện Biên, Vietnam; Tel. 0215 3870 123`,
      shop: `${shopName}; 45 Hàng Bè, Phường Hoàn Kiếm, Hà Nội, Vietnam; Tel. 024 3826 0000`,
      farm: `${coopName} — ${area.name} (mã vùng trồng ${area.code}); Xã Mường Ảng, Điện Biên, Vietnam; Tel. 0215 3870 123`,
      coldStore: `${coopName} — Kho lạnh Mường Ảng; Bản Co, Xã Mường Ảng, Điện Biên, Vietnam; Tel. 0215 3870 123`,
      packingHouse: `${coopName} — Nhà sơ chế Mường Ảng (CS-DB-07); Bản Co, Xã Mường Ảng, Điện Biên, Vietnam; Tel. 0215 3870 123`,
      household: `${household.name}; Xã Mường Ảng, Điện Biên, Vietnam; Tel. 0912 345 678`,
      shopPartner: 'Siêu thị Sạch; 45 Hàng Bè, Phường Hoàn Kiếm, Hà Nội, Vietnam; Tel. 024 3826 0000',
      importer: 'Fresh Asia Foods, Inc.; 12 Canal St, New York, NY 10013, United States; Tel. +1 212 555 0100',
    };
    const dates = { today, cooled: vnDate(cooledAt), packed: vnDate(packedAt), dried: vnDate(driedAt), shipped: vnDate(shippedAt), received: vnDate(receivedAt) };
    return { coop, shop, coopName, shopName, coopPrefix, shopPrefix, coopGln, shopGln, packingHouseGln, boxGtin, household, importer, area, coldStore, packingHouse, fresh, box, dried, H, C, P, cooling, packing, drying, split, toShop, toImporter, received, location, dates };
  }
  type World = Awaited<ReturnType<typeof world>>;

  async function epcisEvents(org: TestOrganization): Promise<{ document: Event; events: Event[] }> {
    const response = await get(org, '/api/v1/epcis/events?perPage=1000').expect(200);
    expect(response.headers.link).toBeUndefined();
    return { document: response.body, events: response.body.epcisBody.queryResults.resultsBody.eventList };
  }

  describe('EPCIS 2.0', () => {
    let w: World;
    let coop: { document: Event; events: Event[] };
    let shop: { document: Event; events: Event[] };
    beforeAll(async () => {
      w = await world();
      coop = await epcisEvents(w.coop);
      shop = await epcisEvents(w.shop);
    });
    const base = () => t.config.publicBaseUrl;
    const byId = (events: Event[], id: string) => events.find((e) => e.eventID === `urn:uuid:${id}`)!;

    it('validates against GS1’s schema and expands with the shipped context, no term dropped', async () => {
      for (const { document } of [coop, shop]) {
        expect(validate(document)).toEqual({ valid: true, errors: [] });
        expect(document['@context'][0]).toBe('https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld');
        expect(notAbsoluteIris(await expandEpcis(document))).toEqual([]);
      }
    });

    it('names lots, places and parties by their GS1 keys, split at the registered company prefix', () => {
      const lgtin = `urn:epc:class:lgtin:${w.coopPrefix}.0123.BUOI-P1`;
      const packing = byId(coop.events, w.packing.event.id);
      expect(packing.outputQuantityList).toEqual([{ epcClass: lgtin, quantity: 300, uom: 'XPK' }]);
      // The LGTIN URN grammar, and the GTIN it stands for (check digit recomputed) is the product's.
      const match = /^urn:epc:class:lgtin:(\d{6,12})\.(\d+)\.([!-~]+)$/.exec(lgtin)!;
      expect(match[1]).toHaveLength(9);
      expect(match[1].length + match[2].length).toBe(13);
      const rebuilt = `${match[2][0]}${match[1]}${match[2].slice(1)}`;
      expect(`${rebuilt}${gs1CheckDigit(rebuilt)}`).toBe(`0${w.boxGtin}`);

      // The packing house has a GLN: SGLN with extension 0; the cold store has none: our URL.
      const sgln = `urn:epc:id:sgln:${w.coopPrefix}.001.0`;
      expect(packing).toMatchObject({ readPoint: { id: sgln }, bizLocation: { id: sgln } });
      const sglnParts = /^urn:epc:id:sgln:(\d+)\.(\d*)\.0$/.exec(sgln)!;
      expect(withCheckDigit(`${sglnParts[1]}${sglnParts[2]}`)).toBe(w.packingHouseGln);
      expect(byId(coop.events, w.cooling.event.id)).toMatchObject({ bizLocation: { id: `${base()}/facilities/${w.coldStore.id}` } });
      // A lot of a product without a GTIN keeps its short URL (what its QR label carries).
      expect(byId(coop.events, w.H.createdEventId)).toMatchObject({
        action: 'ADD',
        quantityList: [{ epcClass: `${base()}/l/${w.H.shortCode}`, quantity: 1000, uom: 'KGM' }],
        bizLocation: { id: `${base()}/growing-areas/${w.area.id}` },
        ilmd: { 'cbvmda:lotNumber': 'BUOI-H1', 'nguon:growingAreaCode': w.area.code, 'nguon:crop': 'pomelo', 'nguon:variety': 'Da xanh' },
        bizTransactionList: [{ bizTransaction: `urn:epcglobal:cbv:bt:${w.coopGln}:PT-001` }],
      });

      // Parties: the cooperative's PGLN; the supermarket, a partner linked to an organization with a GLN, by that PGLN.
      const shipped = byId(coop.events, w.toShop.event.id);
      expect(shipped.sourceList).toEqual([{ type: 'owning_party', source: `urn:epc:id:pgln:${w.coopPrefix}.000` }]);
      expect(shipped.destinationList).toEqual([{ type: 'owning_party', destination: `urn:epc:id:pgln:${w.shopPrefix}.00` }]);
      expect(withCheckDigit(`${w.shopPrefix}00`)).toBe(w.shopGln);
      expect(shipped.bizTransactionList).toEqual([
        { type: 'inv', bizTransaction: `urn:epcglobal:cbv:bt:${w.coopGln}:H%C4%90%200042%2F2026` },
        { type: 'desadv', bizTransaction: `urn:epcglobal:cbv:bt:${w.coopGln}:PGH-42` },
      ]);
      // The importer has no GLN and no account here: our partner URL.
      expect(byId(coop.events, w.toImporter.event.id).destinationList).toEqual([{ type: 'owning_party', destination: `${base()}/partners/${w.importer.id}` }]);
    });

    it('lists a split lot once among the inputs, with the parts summed', () => {
      const split = byId(coop.events, w.split.event.id);
      expect(split.inputQuantityList).toEqual([{ epcClass: `urn:epc:class:lgtin:${w.coopPrefix}.0123.BUOI-P1`, quantity: 50, uom: 'XPK' }]);
      expect(split.outputQuantityList).toHaveLength(2);
    });

    it('names the received goods as shipped, so the receipt joins the shipment across organizations', () => {
      const shipped = byId(coop.events, w.toShop.event.id);
      const receipt = byId(shop.events, w.received.event.id);
      expect(receipt).toMatchObject({ type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving', quantityList: shipped.quantityList });
      expect(receipt.sourceList).toEqual(shipped.sourceList);
      expect(receipt.destinationList).toEqual(shipped.destinationList);
      expect(receipt.bizLocation).toEqual({ id: `urn:epc:id:sgln:${w.shopPrefix}.00.0` });
      expect(receipt.bizTransactionList).toEqual(shipped.bizTransactionList);
      // The shop's own lot is tied to the lot as shipped.
      const link = shop.events.find((e) => e.type === 'TransformationEvent')!;
      expect(link).toMatchObject({
        eventTime: receipt.eventTime,
        inputQuantityList: shipped.quantityList,
        outputQuantityList: [{ epcClass: `${base()}/l/${w.received.lot.shortCode}`, quantity: 150, uom: 'XPK' }],
        ilmd: { 'cbvmda:lotNumber': w.received.lot.code },
      });
      // The shop's EPCIS query finds both by the identifier the sender uses.
      return get(w.shop, `/api/v1/epcis/events?MATCH_anyEPCClass=${encodeURIComponent(shipped.quantityList[0].epcClass)}`)
        .expect(200)
        .then((response) => expect(response.body.epcisBody.queryResults.resultsBody.eventList.map((e: Event) => e.type).sort()).toEqual(['ObjectEvent', 'TransformationEvent']));
    });

    it('traces from the shop’s lot back to the cooperative’s harvest through the two EPCIS documents alone', () => {
      const all = [...coop.events, ...shop.events].filter((e) => !e.errorDeclaration);
      const outputsOf = (e: Event): string[] => (e.type === 'TransformationEvent' ? e.outputQuantityList : e.action === 'ADD' ? e.quantityList : []).map((q: Event) => q.epcClass);
      const inputsOf = (e: Event): string[] => (e.type === 'TransformationEvent' ? e.inputQuantityList : []).map((q: Event) => q.epcClass);
      const observed = (e: Event): string[] => (e.type === 'ObjectEvent' ? e.quantityList.map((q: Event) => q.epcClass) : []);
      const frontier = [`${base()}/l/${w.received.lot.shortCode}`];
      const seen = new Set<string>(frontier);
      const reached = new Set<string>();
      while (frontier.length) {
        const epcClass = frontier.pop()!;
        for (const event of all) {
          if (outputsOf(event).includes(epcClass) || observed(event).includes(epcClass)) reached.add(event.eventID);
          if (!outputsOf(event).includes(epcClass)) continue;
          for (const input of inputsOf(event)) if (!seen.has(input)) seen.add(input), frontier.push(input);
        }
      }
      const ids = (...events: string[]) => events.map((id) => `urn:uuid:${id}`);
      expect([...reached]).toEqual(expect.arrayContaining(ids(w.H.createdEventId, w.cooling.event.id, w.packing.event.id, w.toShop.event.id, w.received.event.id)));
      // Nothing from the drying (a sibling branch) is on this lot's way back.
      expect(reached.has(`urn:uuid:${w.drying.event.id}`)).toBe(false);
    });

    it('serves the nguon: namespace: every extension term the documents use is described there', async () => {
      const html = await request(t.server).get('/ns/epcis').expect(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      const vocabulary = await request(t.server).get('/ns/epcis').set('Accept', 'application/ld+json').expect(200);
      expect(vocabulary.headers['content-type']).toMatch(/^application\/ld\+json/);
      const described = new Set((JSON.parse(vocabulary.text)['@graph'] as Event[]).map((node) => String(node['@id']).replace(/^nguon:/, '')));
      const namespace = `${base()}/ns/epcis#`;
      expect(coop.document['@context'][1]).toEqual({ nguon: namespace });
      const used = new Set<string>();
      for (const { document } of [coop, shop]) {
        for (const match of JSON.stringify(await expandEpcis(document)).matchAll(new RegExp(`"${namespace.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}([A-Za-z]+)"`, 'g'))) used.add(match[1]);
      }
      expect([...used].sort()).toEqual(['crop', 'growingAreaCode', 'process', 'variety']);
      for (const term of used) {
        expect(described.has(term)).toBe(true);
        expect(html.text).toContain(`id="${term}"`);
      }
    });
  });

  describe('FSMA 204 sortable spreadsheet', () => {
    let w: World;
    let csv: Row[];
    let xlsx: Row[];
    let typed: Record<string, unknown>[];
    let shopCsv: Row[];
    let shopXlsx: Row[];
    const xlsxOf = async (org: TestOrganization, lotId: string) => {
      const response = await get(org, `/api/v1/lots/${lotId}/trace.xlsx`).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(response.status).toBe(200);
      return parseXlsx(response.body as Buffer);
    };
    const csvOf = async (org: TestOrganization, lotId: string) => {
      const response = await get(org, `/api/v1/lots/${lotId}/trace.csv`).expect(200);
      return parseCsv(response.text.replace(/^\uFEFF/, ''));
    };
    beforeAll(async () => {
      w = await world();
      // The cooled lot's trace: back to the harvest, forward to the packs, the dried lot, the parts and both shipments.
      const fromCsv = await csvOf(w.coop, w.C.id);
      const fromXlsx = await xlsxOf(w.coop, w.C.id);
      expect(fromXlsx.header).toEqual(fromCsv.header);
      csv = fromCsv.rows;
      xlsx = fromXlsx.rows;
      typed = fromXlsx.typed;
      shopCsv = (await csvOf(w.shop, w.received.lot.id)).rows;
      shopXlsx = (await xlsxOf(w.shop, w.received.lot.id)).rows;
    });

    /** The one row of a CTE (and lot), the same in the CSV and the XLSX. */
    function only(rows: [Row[], Row[]], cte: string, lot?: string): Row {
      const pick = (list: Row[]) => list.filter((r) => r['Critical Tracking Event'] === cte && (!lot || r['Traceability Lot Code'] === lot));
      const [fromCsv, fromXlsx] = rows.map(pick);
      expect(fromCsv).toHaveLength(1);
      expect(fromXlsx).toEqual(fromCsv);
      return fromCsv[0];
    }
    /** Every KDE column the rule requires of the CTE holds exactly the value the data gives. */
    function expectKdes(row: Row, expected: Row) {
      for (const [column, value] of Object.entries(expected)) {
        expect({ column, value: row[column] }).toEqual({ column, value });
        expect(value).not.toBe(''); // a required KDE is never left empty
      }
    }

    it('has one row per CTE of the trace (per input lot for transformations), every domain CTE present', () => {
      const summary = csv.map((r) => `${r['Critical Tracking Event']} ${r['Traceability Lot Code']} ${r['Input Traceability Lot Code']}`.trim()).sort();
      expect(summary).toEqual(
        [
          'Harvesting BUOI-H1',
          'Cooling BUOI-C1 BUOI-H1',
          'Initial Packing BUOI-P1 BUOI-C1',
          'Transformation BUOI-D1 BUOI-C1',
          'Transformation BUOI-P1-A BUOI-P1',
          'Transformation BUOI-P1-B BUOI-P1',
          'Shipping BUOI-P1',
          'Shipping BUOI-P1',
        ].sort(),
      );
      expect(shopCsv.map((r) => r['Critical Tracking Event'])).toEqual(['Receiving']);
      expect(csv.some((r) => r['Critical Tracking Event'] === 'First Land-Based Receiving')).toBe(false);
    });

    it('Harvesting (§1.1325(a)): recipient, commodity and variety, quantity, farm, field, date, reference document', () => {
      const row = only([csv, xlsx], 'Harvesting');
      expectKdes(row, {
        'Immediate Subsequent Recipient Location Description': w.location.coldStore,
        Commodity: 'Bưởi (Pomelo)',
        Variety: 'Da xanh',
        Quantity: '1000',
        'Unit of Measure': 'kg',
        'Harvest Location Description': w.location.farm,
        'Event Location Description': w.location.farm,
        'Field or Growing Area Name': `${w.area.name} (${w.area.code})`,
        'Event Date': w.dates.today,
        'Harvest Date': w.dates.today,
        'Harvester Business Name': w.household.name,
        'Harvester Phone Number': '0912 345 678',
        'Reference Document Type': 'field_tag',
        'Reference Document Number': 'PT-001',
        'Traceability Lot Code': 'BUOI-H1',
      });
    });

    it('Cooling (§1.1325(b)): recipient, commodity and variety, quantity, where cooled, date, farm, reference document', () => {
      const row = only([csv, xlsx], 'Cooling');
      expectKdes(row, {
        'Immediate Subsequent Recipient Location Description': w.location.packingHouse,
        Commodity: 'Bưởi (Pomelo)',
        Variety: 'Da xanh',
        Quantity: '1000',
        'Unit of Measure': 'kg',
        'Event Location Description': w.location.coldStore,
        'Cooling Location Description': w.location.coldStore,
        'Event Date': w.dates.cooled,
        'Cooling Date': w.dates.cooled,
        'Harvest Location Description': w.location.farm,
        'Reference Document Type': 'cooling_log',
        'Reference Document Number': 'NK-LAM-01',
      });
    });

    it('Initial Packing (§1.1330): the food received, the packed lot, where and when packed, and the harvest and cooling it came from', () => {
      const row = only([csv, xlsx], 'Initial Packing');
      expectKdes(row, {
        Commodity: 'Bưởi (Pomelo)',
        Variety: 'Da xanh',
        'Input Received Date': w.dates.cooled,
        'Input Quantity': '600',
        'Input Unit of Measure': 'kg',
        'Immediate Previous Source Location Description': w.location.household,
        'Traceability Lot Code': 'BUOI-P1',
        'Product Description': 'Bưởi da xanh hộp 2 kg (Green-skin pomelo, 2 kg box)',
        Quantity: '300',
        'Unit of Measure': 'pack',
        'Traceability Lot Code Source Location Description': w.location.packingHouse,
        'Traceability Lot Code Source Reference': `GLN ${w.packingHouseGln}`,
        'Event Location Description': w.location.packingHouse,
        'Event Date': w.dates.packed,
        'Reference Document Type': 'production_order',
        'Reference Document Number': 'LSX-11',
        'Harvest Location Description': w.location.farm,
        'Field or Growing Area Name': `${w.area.name} (${w.area.code})`,
        'Harvester Business Name': w.household.name,
        'Harvester Phone Number': '0912 345 678',
        'Harvest Date': w.dates.today,
        'Cooling Location Description': w.location.coldStore,
        'Cooling Date': w.dates.cooled,
      });
    });

    it('Transformation (§1.1350): the input lots as columns, the new lot, where and when, reference document', () => {
      const row = only([csv, xlsx], 'Transformation', 'BUOI-D1');
      expectKdes(row, {
        'Input Traceability Lot Code': 'BUOI-C1',
        'Input Product Description': w.fresh.nameVi,
        'Input Quantity': '400',
        'Input Unit of Measure': 'kg',
        'Traceability Lot Code': 'BUOI-D1',
        'Traceability Lot Code Source Location Description': w.location.packingHouse,
        'Event Location Description': w.location.packingHouse,
        'Event Date': w.dates.dried,
        'Product Description': w.dried.nameVi,
        Quantity: '80',
        'Unit of Measure': 'kg',
        'Reference Document Type': 'production_order',
        'Reference Document Number': 'LSX-12',
      });
      // The split: one input lot, its parts summed.
      const part = only([csv, xlsx], 'Transformation', 'BUOI-P1-A');
      expectKdes(part, { 'Input Traceability Lot Code': 'BUOI-P1', 'Input Quantity': '50', 'Input Unit of Measure': 'pack', Quantity: '30' });
    });

    it('Shipping (§1.1340): lot, quantity, product, recipient (abroad: with its country), shipped from, date, lot code source, documents', () => {
      const shipping = csv.filter((r) => r['Critical Tracking Event'] === 'Shipping');
      const toImporter = shipping.find((r) => r.Quantity === '50')!;
      expect(xlsx.find((r) => r['Critical Tracking Event'] === 'Shipping' && r.Quantity === '50')).toEqual(toImporter);
      expectKdes(toImporter, {
        'Traceability Lot Code': 'BUOI-P1',
        Quantity: '50',
        'Unit of Measure': 'pack',
        'Product Description': 'Bưởi da xanh hộp 2 kg (Green-skin pomelo, 2 kg box)',
        'Immediate Subsequent Recipient Location Description': w.location.importer,
        'Event Location Description': w.location.packingHouse,
        'Event Date': w.dates.shipped,
        'Traceability Lot Code Source Location Description': w.location.packingHouse,
        'Traceability Lot Code Source Reference': `GLN ${w.packingHouseGln}`,
        'Reference Document Type': 'bill_of_lading',
        'Reference Document Number': 'BL-7788',
      });
      const toShop = shipping.find((r) => r.Quantity === '150')!;
      expect(toShop['Immediate Subsequent Recipient Location Description']).toBe(w.location.shopPartner);
      expect(toShop['Reference Document Number']).toBe('HĐ 0042/2026; PGH-42');
    });

    it('Receiving (§1.1345): the lot as shipped, with the shipper’s lot code source, the previous source, where and when received', () => {
      const row = only([shopCsv, shopXlsx], 'Receiving');
      expectKdes(row, {
        'Traceability Lot Code': 'BUOI-P1',
        Quantity: '150',
        'Unit of Measure': 'pack',
        'Product Description': 'Bưởi da xanh hộp 2 kg (Green-skin pomelo, 2 kg box)',
        'Immediate Previous Source Location Description': w.location.coop,
        'Event Location Description': w.location.shop,
        'Event Date': w.dates.received,
        'Traceability Lot Code Source Location Description': w.location.packingHouse,
        'Traceability Lot Code Source Reference': `GLN ${w.packingHouseGln}`,
        'Reference Document Type': 'invoice; delivery_note',
        'Reference Document Number': 'HĐ 0042/2026; PGH-42',
      });
    });

    it('types quantities and dates in the XLSX, and keeps one event id across an event’s rows', () => {
      const packing = typed.find((r) => r['Critical Tracking Event'] === 'Initial Packing')!;
      expect(packing.Quantity).toBe(300);
      expect(packing['Input Quantity']).toBe(600);
      expect(packing['Event Date']).toBeInstanceOf(Date);
      expect(packing['Harvest Date']).toBeInstanceOf(Date);
      const parts = csv.filter((r) => r['Input Traceability Lot Code'] === 'BUOI-P1');
      expect(new Set(parts.map((r) => r['Event ID']))).toEqual(new Set([w.split.event.id]));
    });

    it('leaves partners’ phone numbers out for a programme office reading the cooperative', async () => {
      const exportsService = t.app.get(ExportsService);
      const own = await exportsService.fsmaRows({ organizationId: w.coop.organizationId }, w.C.id);
      const office = await exportsService.fsmaRows({ organizationId: w.coop.organizationId, actingFromOrganizationId: w.shop.organizationId }, w.C.id);
      const text = (rows: unknown) => JSON.stringify(rows);
      expect(text(own)).toContain('0912 345 678');
      expect(text(own)).toContain('+1 212 555 0100');
      expect(text(office)).not.toContain('0912 345 678');
      expect(text(office)).not.toContain('+1 212 555 0100');
      expect(office).toHaveLength(own.length);
    });
  });

  describe('organization and partner identifiers', () => {
    it('keeps the organization’s GLN and GS1 company prefix, refusing bad ones with the field named and nothing written', async () => {
      const org = await signupOrganization(t.server);
      const gln = withCheckDigit(`893${digits(9)}`);
      const ok = await patch(org, '/api/v1/organization', { gln, gs1CompanyPrefix: '893 4567', phone: '0215 3870 123' }).expect(200);
      expect(ok.body).toMatchObject({ id: org.organizationId, gln, gs1CompanyPrefix: '8934567', phone: '0215 3870 123' });
      const wrongCheck = await patch(org, '/api/v1/organization', { gln: `${gln.slice(0, 12)}${(Number(gln[12]) + 1) % 10}`, phone: '0999 999 999' }).expect(422);
      expect(wrongCheck.body).toMatchObject({ statusCode: 422, code: 'GLN_CHECK_DIGIT', details: { field: 'gln' } });
      const shortPrefix = await patch(org, '/api/v1/organization', { gs1CompanyPrefix: '89312' }).expect(422);
      expect(shortPrefix.body).toMatchObject({ code: 'GS1_COMPANY_PREFIX_LENGTH', details: { field: 'gs1CompanyPrefix' } });
      const letters = await patch(org, '/api/v1/organization', { gs1CompanyPrefix: '893ABC' }).expect(422);
      expect(letters.body).toMatchObject({ code: 'GS1_COMPANY_PREFIX_FORMAT', details: { field: 'gs1CompanyPrefix' } });
      const [stored] = await t.dataSource.query(`SELECT gln, gs1_company_prefix AS prefix, phone FROM organization WHERE id = $1`, [org.organizationId]);
      expect(stored).toEqual({ gln, prefix: '8934567', phone: '0215 3870 123' });
      const cleared = await patch(org, '/api/v1/organization', { gln: null, gs1CompanyPrefix: '' }).expect(200);
      expect(cleared.body).toMatchObject({ gln: null, gs1CompanyPrefix: null, phone: '0215 3870 123' });
    });

    it('lets only admins change it', async () => {
      const org = await signupOrganization(t.server);
      const recorder = await request(t.server).post('/api/v1/users').set(org.auth).send({ email: `r-${digits(8)}@test.nguon.vn`, password: 'correct horse battery staple', role: 'recorder' }).expect(201);
      const login = await request(t.server).post('/api/v1/auth/login').send({ email: recorder.body.email, password: 'correct horse battery staple' }).expect(200);
      await request(t.server).patch('/api/v1/organization').set({ Authorization: `Bearer ${login.body.accessToken}` }).send({ phone: '0215 000 000' }).expect(403);
    });

    it('keeps a partner’s country as an ISO code and refuses anything else', async () => {
      const org = await signupOrganization(t.server);
      const partner = await createPartner(t.server, org, { kind: 'distributor', country: 'jp' });
      expect(partner.country).toBe('JP');
      const bad = await post(org, '/api/v1/partners', { kind: 'distributor', name: 'Công ty X', country: '1A' }).expect(422);
      expect(bad.body).toMatchObject({ code: 'COUNTRY_INVALID', details: { field: 'country' } });
    });
  });
});
