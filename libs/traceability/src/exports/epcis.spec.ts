import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it, expect, beforeAll } from '@jest/globals';
import { expandEpcis, notAbsoluteIris } from '@app/testing';
import { DomainException } from '../common/domain.exception.js';
import { createEpcisValidator, type EpcisValidator } from './epcis-validator.js';
import { derivedEventUuid, EPCIS_CONTEXT, NGUON_EPCIS_TERMS, toEpcisDocument, toEpcisEvents, toEpcisQueryDocument, type EpcisEventInput } from './epcis.js';

const EXAMPLES_DIR = resolve(process.cwd(), 'test/fixtures/epcis/examples');

let validator: EpcisValidator;
beforeAll(() => {
  validator = createEpcisValidator();
});

function expectValid(document: unknown) {
  const result = validator(document);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
}

describe('EPCIS validator', () => {
  const examples = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.jsonld'));

  it('finds GS1 example documents', () => {
    expect(examples.length).toBeGreaterThanOrEqual(47);
  });

  it.each(examples)('accepts GS1 example %s', (name) => {
    const document = JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8'));
    expect(['EPCISDocument', 'EPCISQueryDocument']).toContain(document.type);
    expectValid(document);
  });

  describe('refuses broken documents', () => {
    const example = () => JSON.parse(readFileSync(join(EXAMPLES_DIR, 'Example_9.6.1-ObjectEvent.jsonld'), 'utf8'));

    it.each([
      ['an event without eventTimeZoneOffset', (doc: any) => delete doc.epcisBody.eventList[0].eventTimeZoneOffset],
      ['an unknown action', (doc: any) => (doc.epcisBody.eventList[0].action = 'JUMP')],
      ['an eventTime that is not a date-time', (doc: any) => (doc.epcisBody.eventList[0].eventTime = '03/04/2005')],
      ['a uom that is not a UN/CEFACT code', (doc: any) => (doc.epcisBody.eventList[0].quantityList = [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 2, uom: 'kg' }])],
      ['a quantity given as a string', (doc: any) => (doc.epcisBody.eventList[0].quantityList = [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: '2', uom: 'KGM' }])],
      ['a document without schemaVersion', (doc: any) => delete doc.schemaVersion],
      ['an unknown top-level member', (doc: any) => (doc.comment = 'not allowed')],
      ['a readPoint that is not a URI', (doc: any) => (doc.epcisBody.eventList[0].readPoint = { id: 'kho số 1' })],
    ])('%s', (_why, breakIt) => {
      const document = example();
      expectValid(document); // unbroken, it passes
      breakIt(document);
      const result = validator(document);
      expect(result.valid).toBe(false);
      expect(result.errors.length).toBeGreaterThan(0);
    });
  });
});

// Lots of a Điện Biên cooperative: one with a GTIN (Digital Link), others by short URL.
const BASE = 'https://truyxuat.example.vn';
const PADDY = `${BASE}/l/K7M2Q9XZ`;
const RICE = `${BASE}/01/08934588012341/10/DB-2026-000124`;
const RICE_PART = `${BASE}/01/08934588012341/10/DB-2026-000125`;
const AREA = `${BASE}/growing-areas/3f0c9a52-1d1e-4c55-a4a8-6a3c1f6d2b10`;
const MILL = 'urn:epc:id:sgln:8934588.00001.0';
const COOP = 'urn:epc:id:pgln:8934588.00001';
const BUYER = `${BASE}/partners/0b7a1c8e-9a43-4f1f-8a0c-2f7e3c9d5a61`;

const eventTimeZoneOffset = '+07:00';
const base = { eventTimeZoneOffset, inputs: [], outputs: [] };

const harvest: EpcisEventInput = {
  ...base,
  id: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  type: 'harvest',
  eventTime: new Date('2026-10-05T01:30:00.000Z'),
  recordTime: new Date('2026-10-05T02:00:00.000Z'),
  outputs: [{ epcClass: PADDY, quantity: '1250.5', uom: 'kg' }],
  bizLocation: AREA,
  ilmd: { 'cbvmda:lotNumber': 'DB-2026-000123', growingAreaCode: 'VN-DBIH-0012', harvestedOn: new Date('2026-10-04T17:00:00.000Z') },
};
const transform: EpcisEventInput = {
  ...base,
  id: '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  type: 'transform',
  eventTime: new Date('2026-10-10T03:00:00.000Z'),
  recordTime: new Date('2026-10-10T03:05:00.000Z'),
  inputs: [{ epcClass: PADDY, quantity: '1000', uom: 'kg' }],
  outputs: [{ epcClass: RICE, quantity: '1300', uom: 'pack' }],
  bizLocation: MILL,
  readPoint: MILL,
  ilmd: { 'cbvmda:bestBeforeDate': '2027-10-10' },
};
const split: EpcisEventInput = {
  ...base,
  id: '8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  type: 'split',
  eventTime: new Date('2026-10-11T03:00:00.000Z'),
  recordTime: new Date('2026-10-11T03:00:01.000Z'),
  inputs: [{ epcClass: RICE, quantity: '300', uom: 'pack' }],
  outputs: [{ epcClass: RICE_PART, quantity: '300', uom: 'pack' }],
};
const ship: EpcisEventInput = {
  ...base,
  id: '9c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
  type: 'ship',
  eventTime: new Date('2026-10-12T00:15:00.000Z'),
  recordTime: new Date('2026-10-12T00:20:00.000Z'),
  inputs: [{ epcClass: RICE_PART, quantity: '300', uom: 'pack' }],
  sourceParty: COOP,
  destinationParty: BUYER,
  sourceLocation: MILL,
  documents: [
    { type: 'invoice', number: 'HĐ 0012/2026' },
    { type: 'delivery_note', number: 'PGH-77' },
    { type: 'contract', number: 'HĐMB-01' },
  ],
};
const receive: EpcisEventInput = {
  ...ship,
  id: 'ad5e6f7a-8b9c-4dae-9f2a-3b4c5d6e7f80',
  type: 'receive',
  eventTime: new Date('2026-10-13T02:00:00.000Z'),
  recordTime: new Date('2026-10-13T02:00:00.000Z'),
  documents: undefined,
  bizLocation: `${BASE}/facilities/warehouse-hanoi`,
};
const inspect: EpcisEventInput = {
  ...base,
  id: 'be6f7a8b-9c0d-4ebf-8a3b-4c5d6e7f8091',
  type: 'inspect',
  eventTime: new Date('2026-10-09T08:00:00.000Z'),
  recordTime: new Date('2026-10-09T08:00:00.000Z'),
  inputs: [{ epcClass: PADDY, quantity: '1', uom: 'kg' }],
  disposition: 'conformant',
  documents: [{ type: 'test_result', number: 'KQ-2026-331' }],
};
const recall: EpcisEventInput = {
  ...base,
  id: 'cf7a8b9c-0d1e-4fc0-9b4c-5d6e7f8091a2',
  type: 'recall',
  eventTime: new Date('2026-11-01T00:00:00.000Z'),
  recordTime: new Date('2026-11-01T00:00:00.000Z'),
  inputs: [{ epcClass: RICE, quantity: '1000', uom: 'pack' }],
  reason: 'Dư lượng thuốc BVTV vượt ngưỡng',
};
const voidShip: EpcisEventInput = {
  ...base,
  id: 'd08b9c0d-1e2f-40d1-8c5d-6e7f8091a2b3',
  type: 'void',
  eventTime: new Date('2026-10-12T05:00:00.000Z'),
  recordTime: new Date('2026-10-12T05:00:00.000Z'),
  voidsEventId: ship.id,
  correctiveEventIds: ['e19c0d1e-2f3a-41e2-9d6e-7f8091a2b3c4'],
  reason: 'Nhập nhầm số lượng',
};
const allEvents = [harvest, transform, split, ship, receive, inspect, recall, voidShip];
const creationDate = new Date('2026-11-02T00:00:00.000Z');

describe('toEpcisDocument', () => {
  it('produces a valid EPCISDocument for every event type', () => {
    const document = toEpcisDocument(allEvents, { creationDate });
    expect(document['@context']).toEqual([EPCIS_CONTEXT, { nguon: 'urn:nguon:' }]);
    expect(document.type).toBe('EPCISDocument');
    expect(document.schemaVersion).toBe('2.0');
    expect(document.creationDate).toBe('2026-11-02T00:00:00.000Z');
    expect(document.epcisBody.eventList).toHaveLength(8);
    expectValid(document);
  });

  it.each(allEvents.map((event) => [event.type, event] as const))('a document of one %s event is valid', (_type, event) => {
    const events = event.type === 'void' ? [{ ...event, voided: ship }] : [event];
    expectValid(toEpcisDocument(events, { creationDate }));
  });

  it('maps harvest to ObjectEvent ADD commissioning/active with quantity and ILMD', () => {
    const [event] = toEpcisEvents([harvest]);
    expect(event).toEqual({
      type: 'ObjectEvent',
      eventID: 'urn:uuid:6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
      eventTime: '2026-10-05T08:30:00.000+07:00',
      eventTimeZoneOffset: '+07:00',
      recordTime: '2026-10-05T02:00:00.000Z',
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      quantityList: [{ epcClass: PADDY, quantity: 1250.5, uom: 'KGM' }],
      bizLocation: { id: AREA },
      ilmd: {
        'cbvmda:lotNumber': 'DB-2026-000123',
        'nguon:growingAreaCode': 'VN-DBIH-0012',
        'nguon:harvestedOn': '2026-10-04T17:00:00.000Z',
      },
    });
  });

  it('maps transform and split to TransformationEvents', () => {
    const [transformed, splitted] = toEpcisEvents([transform, split]);
    expect(transformed).toMatchObject({
      type: 'TransformationEvent',
      bizStep: 'commissioning',
      disposition: 'active',
      inputQuantityList: [{ epcClass: PADDY, quantity: 1000, uom: 'KGM' }],
      outputQuantityList: [{ epcClass: RICE, quantity: 1300, uom: 'XPK' }],
      readPoint: { id: MILL },
      bizLocation: { id: MILL },
      ilmd: { 'cbvmda:bestBeforeDate': '2027-10-10' },
    });
    expect(transformed).not.toHaveProperty('action');
    expect(splitted).toMatchObject({ type: 'TransformationEvent', bizStep: 'repackaging' });
  });

  it('maps ship and receive to ObjectEvent OBSERVE with parties and documents', () => {
    const [shipped, received] = toEpcisEvents([ship, receive]);
    expect(shipped).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      quantityList: [{ epcClass: RICE_PART, quantity: 300, uom: 'XPK' }],
      sourceList: [
        { type: 'owning_party', source: COOP },
        { type: 'location', source: MILL },
      ],
      destinationList: [{ type: 'owning_party', destination: BUYER }],
      bizTransactionList: [
        { type: 'inv', bizTransaction: 'urn:nguon:bt:invoice:H%C4%90%200012%2F2026' },
        { type: 'desadv', bizTransaction: 'urn:nguon:bt:delivery_note:PGH-77' },
        { bizTransaction: 'urn:nguon:bt:contract:H%C4%90MB-01' },
      ],
    });
    expect(received).toMatchObject({ action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress' });
    expect(received).not.toHaveProperty('bizTransactionList');
    expect(shipped).not.toHaveProperty('ilmd');
  });

  it('maps inspect with an overridden disposition and a lab report', () => {
    const [event] = toEpcisEvents([inspect]);
    expect(event).toMatchObject({
      action: 'OBSERVE',
      bizStep: 'inspecting',
      disposition: 'conformant',
      bizTransactionList: [{ type: 'testres', bizTransaction: 'urn:nguon:bt:test_result:KQ-2026-331' }],
    });
  });

  it('maps recall to a persistent recalled disposition with the reason', () => {
    const [event] = toEpcisEvents([recall]);
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      disposition: 'recalled',
      persistentDisposition: { set: ['recalled'] },
      'nguon:reason': 'Dư lượng thuốc BVTV vượt ngưỡng',
    });
    expect(event).not.toHaveProperty('bizStep');
  });

  it('maps void to the voided event restated with an error declaration', () => {
    const [, restated] = toEpcisEvents([ship, voidShip]);
    const [original] = toEpcisEvents([ship]);
    expect(restated).toEqual({
      ...original,
      recordTime: '2026-10-12T05:00:00.000Z',
      errorDeclaration: {
        declarationTime: '2026-10-12T12:00:00.000+07:00',
        reason: 'incorrect_data',
        correctiveEventIDs: ['urn:uuid:e19c0d1e-2f3a-41e2-9d6e-7f8091a2b3c4'],
        'nguon:reason': 'Nhập nhầm số lượng',
        'nguon:voidEventID': 'urn:uuid:d08b9c0d-1e2f-40d1-8c5d-6e7f8091a2b3',
      },
    });
    expect(restated.eventID).toBe(`urn:uuid:${ship.id}`);
    const [didNotOccur] = toEpcisEvents([{ ...voidShip, reason: 'did_not_occur', correctiveEventIds: undefined, voided: ship }]);
    expect(didNotOccur.errorDeclaration).toEqual({
      declarationTime: '2026-10-12T12:00:00.000+07:00',
      reason: 'did_not_occur',
      'nguon:reason': 'did_not_occur',
      'nguon:voidEventID': 'urn:uuid:d08b9c0d-1e2f-40d1-8c5d-6e7f8091a2b3',
    });
  });

  it('binds the extension prefix to the namespace given', () => {
    const document = toEpcisDocument([ship], { creationDate, namespace: `${BASE}/ns/epcis#` });
    expect(document['@context']).toEqual([EPCIS_CONTEXT, { nguon: `${BASE}/ns/epcis#` }]);
    expect((document.epcisBody.eventList[0].bizTransactionList as { bizTransaction: string }[])[1].bizTransaction).toBe(
      `${BASE}/ns/epcis#bt:delivery_note:PGH-77`,
    );
    expectValid(document);
  });

  it.each([
    ['a void whose event is missing', [voidShip], 'EPCIS_EVENT_INVALID'],
    ['a harvest without lots', [{ ...harvest, outputs: [] }], 'EPCIS_EVENT_INVALID'],
    ['a transform without outputs', [{ ...transform, outputs: [] }], 'EPCIS_EVENT_INVALID'],
    ['an unknown unit', [{ ...harvest, outputs: [{ epcClass: PADDY, quantity: '1', uom: 'bao' }] }], 'UNIT_UNKNOWN'],
    ['a zero quantity', [{ ...harvest, outputs: [{ epcClass: PADDY, quantity: '0', uom: 'kg' }] }], 'EPCIS_EVENT_INVALID'],
    ['a bad offset', [{ ...harvest, eventTimeZoneOffset: '7' }], 'DATE_INVALID'],
  ] as [string, EpcisEventInput[], string][])('refuses %s', (_why, events, code) => {
    try {
      toEpcisDocument(events);
      throw new Error('expected a DomainException');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainException);
      expect((error as DomainException).code).toBe(code);
    }
  });
});

describe('receipts, splits and JSON-LD', () => {
  const OWN_LOT = `${BASE}/l/HN7Q2M4X`;
  const received: EpcisEventInput = {
    ...receive,
    inputs: [{ epcClass: RICE_PART, quantity: '300', uom: 'pack' }],
    outputs: [{ epcClass: OWN_LOT, quantity: '300', uom: 'pack' }],
    ilmd: { 'cbvmda:lotNumber': 'DB-2026-000125' },
  };

  it('names the received lot as shipped, and links the receiver’s own lot by a TransformationEvent', () => {
    const [observed, relabelled] = toEpcisEvents([received]);
    expect(observed).toMatchObject({ type: 'ObjectEvent', eventID: `urn:uuid:${receive.id}`, bizStep: 'receiving', quantityList: [{ epcClass: RICE_PART, quantity: 300, uom: 'XPK' }] });
    expect(observed).not.toHaveProperty('ilmd');
    expect(relabelled).toEqual({
      type: 'TransformationEvent',
      eventID: `urn:uuid:${derivedEventUuid(receive.id, 'reidentification')}`,
      eventTime: observed.eventTime,
      eventTimeZoneOffset: '+07:00',
      recordTime: observed.recordTime,
      inputQuantityList: [{ epcClass: RICE_PART, quantity: 300, uom: 'XPK' }],
      outputQuantityList: [{ epcClass: OWN_LOT, quantity: 300, uom: 'XPK' }],
      bizStep: 'commissioning',
      disposition: 'active',
      bizLocation: { id: `${BASE}/facilities/warehouse-hanoi` },
      ilmd: { 'cbvmda:lotNumber': 'DB-2026-000125' },
    });
    // Nothing to link when the receiver names the lot as the sender does.
    expect(toEpcisEvents([{ ...received, outputs: received.inputs }])).toHaveLength(1);
    expectValid(toEpcisDocument([received], { creationDate }));
  });

  it('gives the derived event a stable version-5-shaped UUID of its own', () => {
    const id = derivedEventUuid(receive.id, 'reidentification');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedEventUuid(receive.id, 'reidentification')).toBe(id);
    expect(derivedEventUuid(ship.id, 'reidentification')).not.toBe(id);
  });

  it('declares both EPCIS events of a voided receipt in error', () => {
    const declared = toEpcisEvents([{ ...voidShip, voidsEventId: received.id, voided: received }]);
    expect(declared.map((event) => event.type)).toEqual(['ObjectEvent', 'TransformationEvent']);
    expect(declared.every((event) => (event.errorDeclaration as { reason: string }).reason === 'incorrect_data')).toBe(true);
  });

  it('lists a lot once in a split’s inputs, quantities of the same unit summed', () => {
    const [event] = toEpcisEvents([
      {
        ...split,
        inputs: [
          { epcClass: RICE, quantity: '100.5', uom: 'pack' },
          { epcClass: RICE, quantity: '199.5', uom: 'pack' },
        ],
        outputs: [
          { epcClass: RICE_PART, quantity: '100.5', uom: 'pack' },
          { epcClass: `${RICE_PART}B`, quantity: '199.5', uom: 'pack' },
        ],
      },
    ]);
    expect(event.inputQuantityList).toEqual([{ epcClass: RICE, quantity: 300, uom: 'XPK' }]);
    expect(event.outputQuantityList).toHaveLength(2);
  });

  it('expands with the shipped context: every member a term of EPCIS, CBV or our namespace, nothing dropped', async () => {
    const namespace = `${BASE}/ns/epcis#`;
    // The ILMD members the service writes (harvest, transform).
    const harvested = { ...harvest, ilmd: { 'cbvmda:lotNumber': 'DB-2026-000123', 'cbvmda:itemExpirationDate': '2027-10-04', growingAreaCode: 'VN-DBIH-0012', crop: 'sticky_rice', variety: 'Séng Cù' } };
    const transformed = { ...transform, ilmd: { 'cbvmda:lotNumber': 'DB-2026-000124', process: 'xay xát' } };
    const events = [harvested, transformed, split, ship, receive, inspect, recall, voidShip, received, { ...inspect, id: 'f0000000-0000-4000-8000-000000000001', disposition: 'non_conformant' }];
    const document = toEpcisDocument(events, { creationDate, namespace });
    const expanded = await expandEpcis(document);
    expect(notAbsoluteIris(expanded)).toEqual([]);
    const text = JSON.stringify(expanded);
    for (const iri of ['https://ref.gs1.org/epcis/ObjectEvent', 'https://ref.gs1.org/cbv/BizStep-receiving', 'https://ref.gs1.org/cbv/Disp-recalled', 'https://ref.gs1.org/cbv/BTT-inv', 'https://ref.gs1.org/cbv/SDT-owning_party', 'https://ref.gs1.org/cbv/ER-incorrect_data', 'urn:epcglobal:cbv:mda:lotNumber']) {
      expect(text).toContain(iri);
    }
    // Our extension members expand under the namespace, and each is a term the namespace describes.
    const ours = [...text.matchAll(/"https:\/\/truyxuat\.example\.vn\/ns\/epcis#([A-Za-z]+)"/g)].map((m) => m[1]);
    expect(ours.length).toBeGreaterThan(0);
    for (const term of ours) expect(Object.keys(NGUON_EPCIS_TERMS)).toContain(term);
  });

  it('refuses a document with a term the context does not define (the check can fail)', async () => {
    const document = toEpcisDocument([harvest], { creationDate });
    (document.epcisBody.eventList[0] as Record<string, unknown>).notATerm = 1;
    await expect(expandEpcis(document)).rejects.toThrow(/safe mode/i);
    const badValue = toEpcisDocument([{ ...harvest, ilmd: undefined, disposition: 'not_a_disposition' }], { creationDate });
    expect(notAbsoluteIris(await expandEpcis(badValue))).toEqual([expect.stringContaining('@id=not_a_disposition')]);
  });
});

describe('toEpcisQueryDocument', () => {
  it('produces a valid EPCISQueryDocument', () => {
    const document = toEpcisQueryDocument([harvest, ship], { creationDate });
    expect(document.type).toBe('EPCISQueryDocument');
    expect(document.epcisBody.queryResults.queryName).toBe('SimpleEventQuery');
    expect(document.epcisBody.queryResults.resultsBody.eventList).toHaveLength(2);
    expectValid(document);
    expectValid(toEpcisQueryDocument([], { creationDate, subscriptionID: 'sub-1' }));
  });
});
