import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { AuditService, createEpcisValidator, type EpcisValidator } from '@app/traceability';
import { createLotTestSetup, createTestPartner, signupOrganization, startTestApp, type LotTestSetup, type TestApp, type TestOrganization } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';

// The e2e project's testTimeout does not reach tests (a project-level option Jest ignores); the machine is shared.

/** FSMA 204 sortable-spreadsheet columns, written out here rather than imported from the code under test. */
const FSMA_HEADER = [
  'Event ID',
  'Critical Tracking Event',
  'Event Date',
  'Traceability Lot Code',
  'Product Description',
  'Commodity',
  'Variety',
  'Quantity',
  'Unit of Measure',
  'Traceability Lot Code Source Location Description',
  'Traceability Lot Code Source Reference',
  'Event Location Description',
  'Immediate Previous Source Location Description',
  'Immediate Subsequent Recipient Location Description',
  'Field or Growing Area Name',
  'Harvest Location Description',
  'Harvester Business Name',
  'Harvester Phone Number',
  'Harvest Date',
  'Cooling Location Description',
  'Cooling Date',
  'Input Traceability Lot Code',
  'Input Product Description',
  'Input Quantity',
  'Input Unit of Measure',
  'Input Received Date',
  'Reference Document Type',
  'Reference Document Number',
];
const col = (name: string) => FSMA_HEADER.indexOf(name);

/** RFC 4180 CSV → rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('hash chain, EPCIS and FSMA 204 exports (docs/rules.md#tamper-evidence, docs/domain.md#standard-exports)', () => {
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
  const get = (org: TestOrganization, path: string) => request(t.server).get(path).set(org.auth);
  const verify = async (org: TestOrganization) => (await get(org, '/api/v1/audit/verify').expect(200)).body;

  /** Harvests H1, H2 → merge M → pack P (GTIN) → ship to a distributor and to a shop that receives; inspect, recall, void. */
  async function world() {
    const coop = await signupOrganization(t.server, { organizationName: 'HTX Chè Shan tuyết Tủa Chùa' });
    const shop = await signupOrganization(t.server, { organizationName: 'Siêu thị Sạch Hà Nội' });
    const s: LotTestSetup = await createLotTestSetup(t.dataSource, coop.organizationId);
    const shopPartnerId = await createTestPartner(t.dataSource, coop.organizationId, { kind: 'retailer', name: 'Siêu thị Sạch', linkedOrganizationId: shop.organizationId, province: 'Hà Nội', tradeLinkAccepted: true });
    const harvest = async (code: string, areaId: string, quantity: string, day: string) =>
      (await post(coop, '/api/v1/lots/harvest', { growingAreaId: areaId, productId: s.paddyId, quantity, unit: 'kg', harvestedAt: `2026-10-${day}T07:00:00+07:00`, lotCode: code }).expect(201)).body;
    const H1 = await harvest('H1', s.areaId, '300', '01');
    const H2 = await harvest('H2', s.secondAreaId, '200', '02');
    const merged = (
      await post(coop, '/api/v1/lots/transform', {
        inputs: [
          { lotId: H1.id, quantity: '300', unit: 'kg' },
          { lotId: H2.id, quantity: '200', unit: 'kg' },
        ],
        outputs: [{ productId: s.riceId, quantity: '350', unit: 'kg', lotCode: 'M' }],
        facilityId: s.facilityId,
        occurredAt: '2026-10-05T08:00:00+07:00',
        process: 'milling',
        documents: [{ type: 'production_order', number: 'LSX-5' }],
      }).expect(201)
    ).body;
    const M = merged.outputs[0];
    const packed = (
      await post(coop, '/api/v1/lots/transform', {
        inputs: [{ lotId: M.id, quantity: '100', unit: 'kg' }],
        outputs: [{ productId: s.packId, quantity: '200', unit: 'pack', lotCode: 'P' }],
        facilityId: s.facilityId,
        occurredAt: '2026-10-06T08:00:00+07:00',
        process: 'packing',
      }).expect(201)
    ).body;
    const P = packed.outputs[0];
    const inspect = (await post(coop, `/api/v1/lots/${P.id}/inspect`, { result: 'conformant', inspectedAt: '2026-10-06T15:00:00+07:00', documents: [{ type: 'test_result', number: 'KQ-1' }] }).expect(201)).body;
    const toDistributor = (await post(coop, `/api/v1/lots/${P.id}/ship`, { partnerId: s.distributorId, quantity: '50', unit: 'pack', shippedAt: '2026-10-07T09:00:00+07:00', documents: [{ type: 'invoice', number: 'HĐ 0012/2026' }, { type: 'delivery_note', number: 'PGH-7' }] }).expect(201)).body;
    const toShop = (await post(coop, `/api/v1/lots/${P.id}/ship`, { partnerId: shopPartnerId, quantity: '100', unit: 'pack', shippedAt: '2026-10-07T10:00:00+07:00' }).expect(201)).body;
    const received = (await post(shop, `/api/v1/shipments/${toShop.shipment.id}/receive`, { receivedAt: '2026-10-08T10:00:00+07:00' }).expect(201)).body;
    const mistake = (await post(coop, `/api/v1/lots/${M.id}/ship`, { partnerId: s.distributorId, quantity: '5', unit: 'kg', shippedAt: '2026-10-09' }).expect(201)).body;
    const voided = (await post(coop, `/api/v1/events/${mistake.event.id}/void`, { reason: 'Ghi nhầm' }).expect(201)).body;
    return { coop, shop, s, H1, H2, M, P, merged, packed, inspect, toDistributor, toShop, received, mistake, voided };
  }

  describe('hash chain', () => {
    it('verifies an untouched chain, and an empty one', async () => {
      const w = await world();
      expect(await verify(w.coop)).toEqual({ valid: true, eventsChecked: 9, firstBrokenEventId: null, problem: null });
      expect(await verify(w.shop)).toMatchObject({ valid: true, eventsChecked: 1 });
      expect(await verify(await signupOrganization(t.server))).toMatchObject({ valid: true, eventsChecked: 0, firstBrokenEventId: null });
    });

    it('stores and chains text with quotes, backslashes, emoji and NFD input exactly', async () => {
      const w = await world();
      const tricky = `Mẫu 'A' \\ "B" ; COMMIT; -- 🌾 ${'Điện Biên'.normalize('NFD')}`;
      const inspected = await post(w.coop, `/api/v1/lots/${w.P.id}/inspect`, {
        result: 'non_conformant',
        inspectedAt: '2026-10-10',
        documents: [{ type: 'test_result', number: `KQ '2' \\ 3` }],
        notes: tricky,
      }).expect(201);
      const voided = await post(w.coop, `/api/v1/events/${inspected.body.event.id}/void`, { reason: tricky }).expect(201);
      const expected = tricky.normalize('NFC');
      expect(inspected.body.event.details.notes).toBe(expected);
      expect(voided.body.event.reason).toBe(expected);
      const stored = await t.dataSource.query(`SELECT reason, details->>'notes' AS notes, documents FROM event WHERE id = ANY($1::uuid[]) ORDER BY seq`, [
        [inspected.body.event.id, voided.body.event.id],
      ]);
      expect(stored.map((r: { notes: string | null; reason: string | null }) => r.notes ?? r.reason)).toEqual([expected, expected]);
      expect(stored[0].documents).toEqual([{ type: 'test_result', number: `KQ '2' \\ 3` }]);
      expect(await verify(w.coop)).toMatchObject({ valid: true, eventsChecked: 11 });
    });

    /** Edits rows behind the append-only trigger, as someone with database access could. */
    async function tamper(sql: string, params: unknown[]) {
      await t.dataSource.transaction(async (manager) => {
        await manager.query(`ALTER TABLE event DISABLE TRIGGER event_append_only`);
        await manager.query(`ALTER TABLE event_line DISABLE TRIGGER event_line_append_only`);
        await manager.query(sql, params);
        await manager.query(`ALTER TABLE event ENABLE TRIGGER event_append_only`);
        await manager.query(`ALTER TABLE event_line ENABLE TRIGGER event_line_append_only`);
      });
    }

    it('detects an event row edited in the database and names it', async () => {
      const w = await world();
      await tamper(`UPDATE event SET details = jsonb_set(details, '{process}', '"roasting"') WHERE id = $1`, [w.merged.event.id]);
      const result = await verify(w.coop);
      expect(result).toMatchObject({ valid: false, firstBrokenEventId: w.merged.event.id, eventsChecked: 3 });
      // The other organization's chain is untouched.
      expect((await verify(w.shop)).valid).toBe(true);
    });

    it('detects a changed event time and a changed quantity line', async () => {
      const a = await world();
      await tamper(`UPDATE event SET event_time = event_time - interval '1 day' WHERE id = $1`, [a.toShop.event.id]);
      expect(await verify(a.coop)).toMatchObject({ valid: false, firstBrokenEventId: a.toShop.event.id });

      const b = await world();
      await tamper(`UPDATE event_line SET quantity = 40, quantity_in_lot_unit = 40 WHERE event_id = $1`, [b.toDistributor.event.id]);
      expect(await verify(b.coop)).toMatchObject({ valid: false, firstBrokenEventId: b.toDistributor.event.id });
    });

    it('verifies page by page, reading the next page while hashing this one: the same answers across page boundaries', async () => {
      const audit = t.app.get(AuditService);
      const a = await world();
      // Nine events in pages of 2: five pages, the last one short.
      expect(await audit.verify(a.coop, 2)).toEqual({ valid: true, eventsChecked: 9, firstBrokenEventId: null, problem: null });
      expect(await audit.verify(a.coop, 3)).toEqual({ valid: true, eventsChecked: 9, firstBrokenEventId: null, problem: null });
      // An edit on a later page; a deletion whose gap falls on a page boundary; a missing tail.
      await tamper(`UPDATE event SET event_time = event_time - interval '1 day' WHERE id = $1`, [a.toShop.event.id]);
      expect(await audit.verify(a.coop, 2)).toMatchObject({ valid: false, firstBrokenEventId: a.toShop.event.id });
      const b = await world();
      const seqs = await t.dataSource.query(`SELECT id, seq::int AS seq FROM event WHERE organization_id = $1 ORDER BY seq`, [b.coop.organizationId]);
      await tamper(`DELETE FROM event_line WHERE event_id = $1`, [seqs[4].id]);
      await tamper(`DELETE FROM event WHERE id = $1`, [seqs[4].id]);
      const whole = await audit.verify(b.coop);
      expect(whole).toMatchObject({ valid: false, firstBrokenEventId: seqs[5].id });
      expect(await audit.verify(b.coop, 2)).toEqual(whole);
      expect(await audit.verify(b.coop, 4)).toEqual(whole);
      const c = await world();
      await tamper(`DELETE FROM event WHERE id = $1`, [c.voided.event.id]);
      const wholeC = await audit.verify(c.coop);
      expect(wholeC).toMatchObject({ valid: false, eventsChecked: 8, firstBrokenEventId: null, problem: expect.stringContaining('chain head') });
      expect(await audit.verify(c.coop, 2)).toEqual(wholeC);
    });

    it('detects a deleted event: in the middle by the next link, at the end by the chain head', async () => {
      const a = await world();
      await tamper(`DELETE FROM event_line WHERE event_id = $1`, [a.inspect.event.id]);
      await tamper(`DELETE FROM event WHERE id = $1`, [a.inspect.event.id]);
      expect(await verify(a.coop)).toMatchObject({ valid: false, firstBrokenEventId: a.toDistributor.event.id });

      const b = await world();
      await tamper(`DELETE FROM event WHERE id = $1`, [b.voided.event.id]);
      expect(await verify(b.coop)).toMatchObject({ valid: false, firstBrokenEventId: null, problem: expect.stringContaining('chain head') });
    });
  });

  describe('EPCIS 2.0', () => {
    let w: Awaited<ReturnType<typeof world>>;
    beforeAll(async () => {
      w = await world();
      await post(w.coop, '/api/v1/recalls', { lotId: w.H2.id, reason: 'Dư lượng vượt ngưỡng' }).expect(201);
    });

    const epcis = (org: TestOrganization, query = '') => get(org, `/api/v1/epcis/events${query}`);

    it('accepts GS1’s own example documents with the same validator (it is wired correctly)', () => {
      const dir = resolve(process.cwd(), 'test/fixtures/epcis/examples');
      const files = readdirSync(dir).filter((name) => name.endsWith('.jsonld'));
      expect(files.length).toBeGreaterThanOrEqual(40);
      for (const name of files) expect({ name, ...validate(JSON.parse(readFileSync(join(dir, name), 'utf8'))) }).toEqual({ name, valid: true, errors: [] });
      expect(validate({ type: 'EPCISDocument' }).valid).toBe(false);
    });

    it('exports every event as an EPCISQueryDocument that validates against the GS1 schema', async () => {
      const response = await epcis(w.coop, '?perPage=100').expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
      const document = response.body;
      expect(validate(document)).toEqual({ valid: true, errors: [] });
      expect(document).toMatchObject({ type: 'EPCISQueryDocument', schemaVersion: '2.0' });
      const events = document.epcisBody.queryResults.resultsBody.eventList;
      expect(events).toHaveLength(10);
      const byId = (id: string) => events.find((e: { eventID: string }) => e.eventID === `urn:uuid:${id}`);
      const base = t.config.publicBaseUrl;
      // The product has a GTIN but the cooperative registered no GS1 company prefix: the canonical Digital Link.
      const pUri = `https://id.gs1.org/01/${w.s.packGtin}/10/P`;

      expect(byId(w.H1.createdEventId)).toMatchObject({
        type: 'ObjectEvent',
        action: 'ADD',
        bizStep: 'commissioning',
        eventTime: '2026-10-01T07:00:00.000+07:00',
        eventTimeZoneOffset: '+07:00',
        quantityList: [{ epcClass: `${base}/l/${w.H1.shortCode}`, quantity: 300, uom: 'KGM' }],
        bizLocation: { id: `${base}/growing-areas/${w.s.areaId}` },
        ilmd: expect.objectContaining({ 'cbvmda:lotNumber': 'H1' }),
      });
      expect(byId(w.packed.event.id)).toMatchObject({
        type: 'TransformationEvent',
        bizStep: 'packing',
        inputQuantityList: [{ epcClass: `${base}/l/${w.M.shortCode}`, quantity: 100, uom: 'KGM' }],
        outputQuantityList: [{ epcClass: pUri, quantity: 200, uom: 'XPK' }],
        ilmd: expect.objectContaining({ 'cbvmda:lotNumber': 'P', 'cbvmda:itemExpirationDate': '2027-10-06' }),
      });
      expect(byId(w.toDistributor.event.id)).toMatchObject({
        type: 'ObjectEvent',
        action: 'OBSERVE',
        bizStep: 'shipping',
        disposition: 'in_transit',
        quantityList: [{ epcClass: pUri, quantity: 50, uom: 'XPK' }],
        bizTransactionList: [expect.objectContaining({ type: 'inv' }), expect.objectContaining({ type: 'desadv' })],
        destinationList: [{ type: 'owning_party', destination: `${base}/partners/${w.s.distributorId}` }],
      });
      expect(byId(w.inspect.event.id)).toMatchObject({ bizStep: 'inspecting', disposition: 'conformant' });
      const recall = events.find((e: { persistentDisposition?: unknown }) => e.persistentDisposition);
      expect(recall).toMatchObject({ type: 'ObjectEvent', disposition: 'recalled', persistentDisposition: { set: ['recalled'] } });
      // A void is an error declaration restating the voided shipment.
      expect(byId(w.mistake.event.id)).toMatchObject({ bizStep: 'shipping' });
      const declaration = events.find((e: { errorDeclaration?: unknown }) => e.errorDeclaration);
      expect(declaration).toMatchObject({ eventID: `urn:uuid:${w.mistake.event.id}`, errorDeclaration: { reason: 'incorrect_data', 'nguon:reason': 'Ghi nhầm' } });

      const shopDocument = (await epcis(w.shop).expect(200)).body;
      expect(validate(shopDocument)).toEqual({ valid: true, errors: [] });
      const shopEvents = shopDocument.epcisBody.queryResults.resultsBody.eventList;
      // The receipt, the shop's own lot linked to the lot as shipped, the recall that reached it.
      expect(shopEvents.map((e: { bizStep?: string; disposition?: string }) => e.bizStep ?? e.disposition)).toEqual(['receiving', 'commissioning', 'recalled']);
      expect(shopEvents[0]).toMatchObject({
        quantityList: [{ epcClass: pUri, quantity: 100, uom: 'XPK' }],
        sourceList: [{ type: 'owning_party', source: `${base}/organizations/${w.coop.organizationId}` }],
        destinationList: [{ type: 'owning_party', destination: `${base}/organizations/${w.shop.organizationId}` }],
      });
      expect(shopEvents[1]).toMatchObject({
        type: 'TransformationEvent',
        inputQuantityList: [{ epcClass: pUri, quantity: 100, uom: 'XPK' }],
        outputQuantityList: [{ epcClass: `${base}/l/${w.received.lot.shortCode}`, quantity: 100, uom: 'XPK' }],
      });
    });

    it('filters by lot, business step and time, and pages with a Link header', async () => {
      const pUri = encodeURIComponent(`https://id.gs1.org/01/${w.s.packGtin}/10/P`);
      const ofP = (await epcis(w.coop, `?MATCH_anyEPCClass=${pUri}`).expect(200)).body;
      expect(validate(ofP).valid).toBe(true);
      const ids = ofP.epcisBody.queryResults.resultsBody.eventList.map((e: { eventID: string }) => e.eventID);
      expect(ids).toEqual(
        expect.arrayContaining([w.packed.event.id, w.inspect.event.id, w.toDistributor.event.id, w.toShop.event.id].map((id) => `urn:uuid:${id}`)),
      );
      expect(ids).toHaveLength(5); // … and the recall, which observed P
      const shortUri = encodeURIComponent(`https://elsewhere.example/l/${w.H1.shortCode}`);
      // H1's harvest and the milling it went into (both commissioning), quoted under another host.
      const ofH1 = (await epcis(w.coop, `?MATCH_anyEPCClass=${shortUri}&EQ_bizStep=commissioning`).expect(200)).body.epcisBody.queryResults.resultsBody.eventList;
      expect(ofH1.map((e: { eventID: string }) => e.eventID).sort()).toEqual([w.H1.createdEventId, w.merged.event.id].map((id) => `urn:uuid:${id}`).sort());

      const shipping = (await epcis(w.coop, '?EQ_bizStep=urn:epcglobal:cbv:bizstep:shipping').expect(200)).body.epcisBody.queryResults.resultsBody.eventList;
      // Both shipments and the voided one, plus the void's error declaration about it.
      expect(shipping).toHaveLength(4);
      const window = (await epcis(w.coop, `?GE_eventTime=${encodeURIComponent('2026-10-05T00:00:00+07:00')}&LT_eventTime=${encodeURIComponent('2026-10-07T00:00:00+07:00')}`).expect(200)).body;
      expect(window.epcisBody.queryResults.resultsBody.eventList.map((e: { eventID: string }) => e.eventID).sort()).toEqual(
        [w.merged.event.id, w.packed.event.id, w.inspect.event.id].map((id) => `urn:uuid:${id}`).sort(),
      );

      const seen: string[] = [];
      let next: string | undefined = '/api/v1/epcis/events?perPage=3';
      let pages = 0;
      while (next) {
        const page: request.Response = await get(w.coop, next).expect(200);
        expect(validate(page.body).valid).toBe(true);
        seen.push(...page.body.epcisBody.queryResults.resultsBody.eventList.map((e: { eventID: string; errorDeclaration?: unknown }) => `${e.eventID}${e.errorDeclaration ? '#void' : ''}`));
        next = /<([^>]+)>;\s*rel="next"/.exec(page.headers.link ?? '')?.[1];
        pages++;
      }
      expect(pages).toBe(4);
      expect(seen).toHaveLength(10);
      expect(new Set(seen).size).toBe(10);
    });

    it('answers bad query parameters with 400 and a code', async () => {
      expect((await epcis(w.coop, '?MATCH_anyEPCClass=not-a-lot').expect(400)).body.code).toBe('QUERY_PARAMETER_INVALID');
      expect((await epcis(w.coop, '?GE_eventTime=yesterday').expect(422)).body.code).toBe('DATE_INVALID');
      expect((await epcis(w.coop, '?nextPageToken=abc').expect(400)).body.code).toBe('QUERY_PARAMETER_INVALID');
      expect((await epcis(w.coop, '?EQ_unknownThing=1').expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await epcis(w.coop, '?perPage=0').expect(400)).body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('FSMA 204 sortable spreadsheet', () => {
    let w: Awaited<ReturnType<typeof world>>;
    beforeAll(async () => {
      w = await world();
    });

    it('exports the lot’s trace as CSV: the FSMA columns and one row per critical tracking event', async () => {
      const response = await get(w.coop, `/api/v1/lots/${w.M.id}/trace.csv`).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toContain('attachment');
      const text = response.text;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1));
      expect(header).toEqual(FSMA_HEADER);
      const cell = (r: string[], name: string) => r[col(name)];
      const summary = rows.map((r) => ['Critical Tracking Event', 'Traceability Lot Code', 'Quantity', 'Unit of Measure', 'Event Date', 'Input Traceability Lot Code'].map((name) => cell(r, name)).join(' ').trim()).sort();
      // Back: two harvests and the milling (a row per input lot); forward: the packing and both shipments of P (not the voided one).
      expect(summary).toEqual(
        [
          'Harvesting H1 300 kg 2026-10-01',
          'Harvesting H2 200 kg 2026-10-02',
          'Transformation M 350 kg 2026-10-05 H1',
          'Transformation M 350 kg 2026-10-05 H2',
          'Transformation P 200 pack 2026-10-06 M',
          'Shipping P 50 pack 2026-10-07',
          'Shipping P 100 pack 2026-10-07',
        ].sort(),
      );
      const toDistributor = rows.find((r) => cell(r, 'Critical Tracking Event') === 'Shipping' && cell(r, 'Quantity') === '50')!;
      expect(cell(toDistributor, 'Immediate Subsequent Recipient Location Description')).toContain('Công ty Phân phối Nông sản Tây Bắc');
      expect(cell(toDistributor, 'Reference Document Type')).toBe('invoice; delivery_note');
      expect(cell(toDistributor, 'Reference Document Number')).toBe('HĐ 0012/2026; PGH-7');
      const milling = rows.filter((r) => cell(r, 'Traceability Lot Code') === 'M');
      expect(milling.map((r) => cell(r, 'Event Location Description'))).toEqual([expect.stringContaining('Xưởng xay xát Thanh Xương'), expect.stringContaining('Xưởng xay xát Thanh Xương')]);
      expect(milling.map((r) => `${cell(r, 'Input Traceability Lot Code')} ${cell(r, 'Input Quantity')} ${cell(r, 'Input Unit of Measure')}`).sort()).toEqual(['H1 300 kg', 'H2 200 kg']);
      expect(new Set(milling.map((r) => cell(r, 'Event ID'))).size).toBe(1);
      expect(cell(rows.find((r) => cell(r, 'Traceability Lot Code') === 'H1')!, 'Traceability Lot Code Source Location Description')).toContain('Ruộng Co Mỵ');
      expect(cell(rows.find((r) => cell(r, 'Traceability Lot Code') === 'P')!, 'Product Description')).toBe('Gạo nếp Séng Cù túi 500 g (Seng Cu sticky rice 500 g)');
    });

    it('exports the same rows as XLSX that a spreadsheet opens, with numbers and dates typed', async () => {
      const response = await get(w.coop, `/api/v1/lots/${w.M.id}/trace.xlsx`).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as never);
      const sheet = workbook.worksheets[0];
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(FSMA_HEADER);
      expect(sheet.rowCount).toBe(8);
      const quantities = [];
      for (let i = 2; i <= sheet.rowCount; i++) quantities.push(sheet.getRow(i).getCell(col('Quantity') + 1).value);
      expect(quantities.map(Number).sort((a, b) => a - b)).toEqual([50, 100, 200, 200, 300, 350, 350]);
      expect(quantities.every((q) => typeof q === 'number')).toBe(true);
      expect(sheet.getRow(2).getCell(col('Event Date') + 1).value).toBeInstanceOf(Date);
    });

    it('answers 404 for another organization’s lot', async () => {
      const other = await signupOrganization(t.server);
      await get(other, `/api/v1/lots/${w.M.id}/trace.xlsx`).expect(404);
    });
  });

  it('documents the lot routes with request and response schemas in OpenAPI', async () => {
    const docs = (await request(t.server).get('/docs-json').expect(200)).body;
    for (const path of [
      '/api/v1/lots/harvest',
      '/api/v1/lots/transform',
      '/api/v1/lots/{id}/split',
      '/api/v1/lots/{id}/ship',
      '/api/v1/lots/{id}/inspect',
      '/api/v1/lots/{id}',
      '/api/v1/lots/{id}/events',
      '/api/v1/lots/{id}/trace',
      '/api/v1/lots/{id}/trace.csv',
      '/api/v1/lots/{id}/trace.xlsx',
      '/api/v1/shipments',
      '/api/v1/shipments/{id}/receive',
      '/api/v1/events/{id}/void',
      '/api/v1/recalls',
      '/api/v1/epcis/events',
      '/api/v1/audit/verify',
      '/api/v1/reports/yield-overrides',
    ]) {
      expect(docs.paths[path]).toBeDefined();
    }
    expect(docs.paths['/api/v1/lots/harvest'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/HarvestDto');
    expect(docs.paths['/api/v1/lots/harvest'].post.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/LotDto');
    expect(Object.keys(docs.components.schemas.HarvestDto.properties)).toEqual(expect.arrayContaining(['growingAreaId', 'productId', 'quantity', 'unit', 'harvestedAt', 'lotCode', 'partnerId', 'acknowledgeYieldWarning', 'yieldWarningReason']));
    expect(docs.components.schemas.LotDto.properties.availability).toBeDefined();
  });
});
