import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { ERROR_CODES, gs1CheckDigit } from '@app/traceability';
import {
  asEpcisDocument,
  capture,
  createFacility,
  createGrowingArea,
  createPartner,
  createProduct,
  createTestGrowingArea,
  createTestPartner,
  createTestProduct,
  postCapture,
  signupOrganization,
  startTestApp,
  testConfig,
  type TestOrganization,
} from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
const EXAMPLES = resolve(import.meta.dirname, '../fixtures/epcis/examples');
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const withCheckDigit = (body: string) => `${body}${gs1CheckDigit(body)}`;
const at = (minutesAgo = 0) => new Date(Date.now() - minutesAgo * 60_000 + 7 * 3_600_000).toISOString().replace('Z', '+07:00');

/** The master data a cooperative keeps in either instance: the same GTINs, area code, GLNs. */
interface Registry {
  paddyGtin: string;
  riceGtin: string;
  areaCode: string;
  millGln: string;
  buyerGln: string;
}

function newRegistry(): Registry {
  const prefix = `893${digits(6)}`;
  return {
    paddyGtin: `0${withCheckDigit(`${prefix}101`)}`,
    riceGtin: `0${withCheckDigit(`${prefix}102`)}`,
    areaCode: `VN-DB-${digits(6)}`,
    millGln: withCheckDigit(`${prefix}001`),
    buyerGln: withCheckDigit(`893${digits(9)}`),
  };
}

async function cooperative(t: App, registry: Registry) {
  const org = await signupOrganization(t.server, { organizationName: `HTX Séng Cù ${digits(4)}` });
  const paddy = await createProduct(t.server, org, { nameVi: 'Thóc nếp Séng Cù', unit: 'kg', gtin: registry.paddyGtin });
  const rice = await createProduct(t.server, org, { nameVi: 'Gạo nếp Séng Cù', unit: 'kg', gtin: registry.riceGtin });
  const area = await createGrowingArea(t.server, org, { code: registry.areaCode, status: 'active' });
  const mill = await createFacility(t.server, org, { kind: 'processing_plant', name: 'Xưởng xay Thanh Xương', address: 'Bản Co', commune: 'Thanh Xương', province: 'Điện Biên', gln: registry.millGln });
  const buyer = await createPartner(t.server, org, { kind: 'distributor', name: 'Công ty Nông sản Tây Bắc', phone: '024 3826 0000', commune: 'Long Biên', province: 'Hà Nội', gln: registry.buyerGln });
  const key = await request(t.server).post('/api/v1/api-keys').set(org.auth).send({ name: 'Hệ thống đối tác', role: 'recorder' }).expect(201);
  return { org, paddy, rice, area, mill, buyer, apiKey: { 'X-API-Key': key.body.key as string } };
}

const post = (t: App, org: TestOrganization, path: string, body: object) => request(t.server).post(path).set(org.auth).send(body);

async function lotByCode(t: App, org: TestOrganization, code: string) {
  const items = (await request(t.server).get('/api/v1/lots').query({ q: code, limit: 100 }).set(org.auth).expect(200)).body.items as { id: string; code: string }[];
  return items.find((lot) => lot.code === code)!;
}

/** A trace without this instance's ids: lots by code, edges by codes. */
async function traceOf(t: App, org: TestOrganization, lotId: string, direction: 'back' | 'forward') {
  const trace = (await request(t.server).get(`/api/v1/lots/${lotId}/trace`).query({ direction }).set(org.auth).expect(200)).body;
  const code = new Map<string, string>(trace.nodes.map((node: any) => [node.id, node.code]));
  return {
    nodes: trace.nodes.map((n: any) => ({ code: n.code, kind: n.kind, status: n.status, quantity: n.quantity, unit: n.unit, consumed: n.consumed, gtin: n.product.gtin ?? null })).sort((a: any, b: any) => a.code.localeCompare(b.code)),
    edges: trace.edges.map((e: any) => `${code.get(e.parentLotId)}→${code.get(e.childLotId)} ${e.eventType} ${e.quantity} ${e.unit}`).sort(),
  };
}

describe('EPCIS 2.0 capture', () => {
  let a: App;
  let b: App;
  let secondDatabase: string;
  let admin: pg.Client;

  beforeAll(async () => {
    a = await startTestApp(createApiApp, testConfig(), createWorkerApp);
    // A second instance of the service, with its own database, queue and public URL: what org A
    // exports is captured there, as a partner's installation would.
    admin = new pg.Client({ connectionString: process.env.NGUON_TEST_ADMIN_URL });
    await admin.connect();
    secondDatabase = `${process.env.NGUON_TEST_DATABASE}_b`;
    await admin.query(`CREATE DATABASE "${secondDatabase}"`);
    const url = new URL(process.env.NGUON_TEST_ADMIN_URL!);
    url.pathname = `/${secondDatabase}`;
    b = await startTestApp(createApiApp, testConfig({ DATABASE_URL: url.toString(), QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}b`, PUBLIC_BASE_URL: 'https://nguon-b.example.vn' }), createWorkerApp);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await admin.query(`DROP DATABASE IF EXISTS "${secondDatabase}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  });

  it('round trip: what org A’s query endpoint exports, org B captures in another instance, and both traces agree; a second capture records nothing', async () => {
    const registry = newRegistry();
    const A = await cooperative(a, registry);
    const B = await cooperative(b, registry);

    const H = (await post(a, A.org, '/api/v1/lots/harvest', { growingAreaId: A.area.id, productId: A.paddy.id, quantity: '1000', unit: 'kg', harvestedAt: at(), lotCode: 'THOC-01' }).expect(201)).body;
    const milled = (
      await post(a, A.org, '/api/v1/lots/transform', {
        inputs: [{ lotId: H.id, quantity: '800', unit: 'kg' }],
        outputs: [{ productId: A.rice.id, quantity: '520', unit: 'kg', lotCode: 'GAO-01' }],
        facilityId: A.mill.id,
        occurredAt: at(),
        process: 'Xay xát',
        documents: [{ type: 'production_order', number: 'LSX-01' }],
      }).expect(201)
    ).body;
    const G = milled.outputs[0];
    await post(a, A.org, `/api/v1/lots/${G.id}/split`, { parts: [{ quantity: '200', unit: 'kg', lotCode: 'GAO-01-A' }, { quantity: '100', unit: 'kg', lotCode: 'GAO-01-B' }], occurredAt: at() }).expect(201);
    const part = await lotByCode(a, A.org, 'GAO-01-A');
    await post(a, A.org, `/api/v1/lots/${part.id}/ship`, { partnerId: A.buyer.id, quantity: '150', unit: 'kg', shippedAt: at(), documents: [{ type: 'invoice', number: 'HĐ 0042' }] }).expect(201);
    const inspection = (await post(a, A.org, `/api/v1/lots/${G.id}/inspect`, { result: 'conformant', inspectedAt: at(), documents: [{ type: 'lab_report', number: 'KN-77' }] }).expect(201)).body;
    await post(a, A.org, `/api/v1/events/${inspection.event.id}/void`, { reason: 'Nhập nhầm phiếu kiểm nghiệm' }).expect(201);
    await post(a, A.org, `/api/v1/lots/${G.id}/inspect`, { result: 'non_conformant', inspectedAt: at(), documents: [{ type: 'lab_report', number: 'KN-78' }] }).expect(201);

    const exported = (await request(a.server).get('/api/v1/epcis/events').query({ perPage: 1000 }).set(A.org.auth).expect(200)).body;
    const document = asEpcisDocument(exported);
    const events = document.epcisBody.eventList.length;
    expect(events).toBeGreaterThanOrEqual(7);

    const job = await capture(b.server, B.apiKey, document);
    expect(job).toMatchObject({ status: 'done', success: true, eventCount: events, capturedCount: events, refusedCount: 0, errors: [] });

    const bH = await lotByCode(b, B.org, 'THOC-01');
    expect(await traceOf(b, B.org, bH.id, 'forward')).toEqual(await traceOf(a, A.org, H.id, 'forward'));
    const bPart = await lotByCode(b, B.org, 'GAO-01-A');
    expect(await traceOf(b, B.org, bPart.id, 'back')).toEqual(await traceOf(a, A.org, part.id, 'back'));
    // The captured events are in B's hash chain, which verifies.
    expect((await request(b.server).get('/api/v1/audit/verify').set(B.org.auth).expect(200)).body).toMatchObject({ valid: true });
    // B's own export says what A's said: the same event kinds, steps, lots and quantities.
    const again = asEpcisDocument((await request(b.server).get('/api/v1/epcis/events').query({ perPage: 1000 }).set(B.org.auth).expect(200)).body);
    const gist = (list: any[]) => list.map((e) => [e.type, e.action ?? null, e.bizStep ?? null, e.disposition ?? null, !!e.errorDeclaration, JSON.stringify([e.quantityList, e.inputQuantityList, e.outputQuantityList])]);
    expect(gist(again.epcisBody.eventList)).toEqual(gist(document.epcisBody.eventList));

    // The same document again: every eventID was captured already; nothing new.
    const lotsBefore = Number((await b.dataSource.query(`SELECT count(*)::int AS n FROM lot WHERE organization_id = $1`, [B.org.organizationId]))[0].n);
    const duplicate = await capture(b.server, B.apiKey, document);
    expect(duplicate).toMatchObject({ status: 'done', capturedCount: 0, duplicateCount: events, refusedCount: 0 });
    expect(Number((await b.dataSource.query(`SELECT count(*)::int AS n FROM lot WHERE organization_id = $1`, [B.org.organizationId]))[0].n)).toBe(lotsBefore);
  });

  it('one bad event: rollback records nothing and names it; proceed records the others and names it', async () => {
    const registry = newRegistry();
    const C = await cooperative(a, registry);
    const harvest = (code: string, minutesAgo: number) => ({
      type: 'ObjectEvent',
      eventID: `urn:uuid:${crypto.randomUUID()}`,
      eventTime: at(minutesAgo),
      eventTimeZoneOffset: '+07:00',
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      quantityList: [{ epcClass: `https://id.gs1.org/01/${registry.paddyGtin}/10/${code}`, quantity: 250, uom: 'KGM' }],
      ilmd: { 'nguon:growingAreaCode': registry.areaCode },
    });
    const bad = { ...harvest('THOC-X', 0), bizStep: 'inspecting', action: 'OBSERVE', disposition: 'conformant', ilmd: undefined, quantityList: [{ epcClass: `https://id.gs1.org/01/${registry.riceGtin}/10/KHONG-CO`, quantity: 1, uom: 'KGM' }] };
    delete (bad as any).ilmd;
    const document = {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { nguon: 'https://nguon.example.vn/ns/epcis#' }],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: new Date().toISOString(),
      epcisBody: { eventList: [harvest('THOC-R1', 0), bad, harvest('THOC-R2', 0)] },
    };
    const lots = async () => Number((await a.dataSource.query(`SELECT count(*)::int AS n FROM lot WHERE organization_id = $1`, [C.org.organizationId]))[0].n);

    const rolledBack = await capture(a.server, C.apiKey, document); // rollback is the default
    expect(rolledBack).toMatchObject({ status: 'failed', success: false, capturedCount: 0, errorCode: 'EPCIS_EVENT_ROLLED_BACK', captureErrorBehaviour: 'rollback' });
    expect(rolledBack.errors).toEqual([expect.objectContaining({ index: 1, eventID: bad.eventID, code: 'EPCIS_LOT_UNKNOWN' })]);
    expect(await lots()).toBe(0);

    const proceeded = await capture(a.server, C.org.auth, document, 'proceed'); // session auth works too
    expect(proceeded).toMatchObject({ status: 'done', success: true, capturedCount: 2, refusedCount: 1, captureErrorBehaviour: 'proceed' });
    expect(proceeded.errors).toEqual([expect.objectContaining({ index: 1, code: 'EPCIS_LOT_UNKNOWN' })]);
    expect(await lots()).toBe(2);

    const listed = (await request(a.server).get('/api/v1/epcis/capture').set(C.apiKey).expect(200)).body.items;
    expect(listed.map((job: any) => job.captureID)).toEqual([proceeded.captureID, rolledBack.captureID]);
  });

  it('refuses at once, with a code and nothing written: a schema-invalid document (400), too many events or bytes (413), an unknown error behaviour (400); another tenant’s job is 404', async () => {
    const C = await cooperative(a, newRegistry());
    const jobs = async () => Number((await a.dataSource.query(`SELECT count(*)::int AS n FROM epcis_capture WHERE organization_id = $1`, [C.org.organizationId]))[0].n);
    const base = { '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: new Date().toISOString() };

    const invalid = await postCapture(a.server, C.apiKey, { ...base, epcisBody: { eventList: [{ type: 'ObjectEvent', action: 'SHOUT', eventTime: 'yesterday' }] } }, undefined, 'application/json').expect(400);
    expect(invalid.body).toMatchObject({ code: 'EPCIS_DOCUMENT_INVALID', details: { field: 'body' } });
    expect(invalid.headers['gs1-epcis-capture-limit']).toBe('10000');
    await postCapture(a.server, C.apiKey, { type: 'EPCISQueryDocument' }).expect(400).expect((r) => expect(r.body.code).toBe('EPCIS_DOCUMENT_INVALID'));

    const event = { type: 'ObjectEvent', eventTime: new Date().toISOString(), eventTimeZoneOffset: '+07:00', action: 'OBSERVE', epcList: [] };
    const tooMany = await postCapture(a.server, C.apiKey, { ...base, epcisBody: { eventList: Array.from({ length: 10_001 }, () => event) } }).expect(413);
    expect(tooMany.body).toMatchObject({ code: 'EPCIS_CAPTURE_TOO_MANY_EVENTS', details: { limit: 10_000 } });
    const big = await postCapture(a.server, C.apiKey, { ...base, epcisBody: { eventList: [{ ...event, 'nguon:note': 'x'.repeat(17 * 1024 * 1024) }] } }).expect(413);
    expect(big.body.code).toBe('EPCIS_CAPTURE_TOO_LARGE');
    const behaviour = await postCapture(a.server, C.apiKey, { ...base, epcisBody: { eventList: [] } }, 'sometimes').expect(400);
    expect(behaviour.body).toMatchObject({ code: 'EPCIS_CAPTURE_ERROR_BEHAVIOUR_INVALID', details: { field: 'GS1-Capture-Error-Behaviour' } });
    expect(await jobs()).toBe(0);

    const limits = await request(a.server).options('/api/v1/epcis/capture').set(C.apiKey).expect(204);
    expect(limits.headers).toMatchObject({ 'gs1-epcis-capture-limit': '10000', 'gs1-epcis-capture-file-size-limit': String(16 * 1024 * 1024) });

    const other = await cooperative(a, newRegistry());
    const accepted = await postCapture(a.server, other.apiKey, { ...base, epcisBody: { eventList: [] } }).expect(202);
    expect(accepted.headers.location).toBe(`/api/v1/epcis/capture/${accepted.body.captureID}`);
    await request(a.server).get(accepted.headers.location).set(C.apiKey).expect(404).expect((r) => expect(r.body.code).toBe('EPCIS_CAPTURE_NOT_FOUND'));
  });

  it('GS1’s example documents: each is accepted, every event is captured or refused with a reason code, and the receiving of a lot (Example 9.6.2) is captured', async () => {
    // Example 9.6.2 receives 200 kg of lot 998877 of GTIN 04012345123456 (urn:epc:class:lgtin:4012345.012345.998877):
    // a sender on this platform harvested and shipped it, so the receiver's capture records the receipt.
    const sender = await signupOrganization(a.server);
    const receiver = await signupOrganization(a.server);
    const gtin = `0${withCheckDigit('401234512345')}`;
    const productId = await createTestProduct(a.dataSource, sender.organizationId, { nameVi: 'Cà phê nhân', unit: 'kg', gtin });
    const areaId = await createTestGrowingArea(a.dataSource, sender.organizationId, { crop: 'coffee', since: '2010-01-01T00:00:00+07:00', areaHa: '50' });
    const partnerId = await createTestPartner(a.dataSource, sender.organizationId, { kind: 'distributor', name: 'Kho nhận', linkedOrganizationId: receiver.organizationId, tradeLinkAccepted: true });
    const lot = (await post(a, sender, '/api/v1/lots/harvest', { growingAreaId: areaId, productId, quantity: '500', unit: 'kg', harvestedAt: '2013-06-01T08:00:00+07:00', lotCode: '998877' }).expect(201)).body;
    await post(a, sender, `/api/v1/lots/${lot.id}/ship`, { partnerId, quantity: '200', unit: 'kg', shippedAt: '2013-06-05T08:00:00+07:00' }).expect(201);

    const outcomes: Record<string, { captured: number; refused: string[] }> = {};
    for (const file of readdirSync(EXAMPLES).filter((name) => name.endsWith('.jsonld')).sort()) {
      const document = JSON.parse(readFileSync(resolve(EXAMPLES, file), 'utf8'));
      if (document.type !== 'EPCISDocument') continue; // the query document is an answer, not a capture
      const job = await capture(a.server, receiver.auth, document, 'proceed');
      expect(job).toMatchObject({ status: 'done', processedCount: document.epcisBody.eventList.length });
      expect(job.capturedCount + job.refusedCount + job.duplicateCount).toBe(document.epcisBody.eventList.length);
      for (const error of job.errors) expect(ERROR_CODES).toContain(error.code);
      outcomes[file] = { captured: job.capturedCount, refused: job.errors.map((e: any) => e.code) };
    }
    expect(outcomes['Example_9.6.2-ObjectEvent.jsonld']).toEqual({ captured: 1, refused: [] });
    // The same receipt in its Digital Link form (another eventID): that shipment was received already.
    expect(outcomes['WithDigitalLinkID_Example_9.6.2-ObjectEventWithDigitalLink.jsonld']).toEqual({ captured: 0, refused: ['EPCIS_SHIPMENT_UNKNOWN'] });
    expect(outcomes['WithSensorData_SensorDataExample4.jsonld'].refused).toEqual(['EPCIS_INSPECTION_RESULT_MISSING']);
    expect(outcomes['Example_9.6.3-AggregationEvent.jsonld'].refused).toEqual(['EPCIS_EVENT_TYPE_UNSUPPORTED']);
    expect(outcomes['Example_9.6.1-ObjectEvent.jsonld'].refused).toEqual(['EPCIS_INSTANCE_IDENTIFIERS_UNSUPPORTED', 'EPCIS_INSTANCE_IDENTIFIERS_UNSUPPORTED']);
    const received = (await request(a.server).get('/api/v1/lots').query({ q: '998877' }).set(receiver.auth).expect(200)).body.items;
    expect(received).toEqual([expect.objectContaining({ code: '998877', quantity: '200', unit: 'kg', kind: 'received' })]);
    // Printed for the documentation's table (docs/domain.md#epcis-capture).
    process.stdout.write(`${JSON.stringify(outcomes, null, 1)}\n`);
  });
});
