import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { GENESIS_HASH, verifyChain } from '../common/hash-chain.js';
import { eventHash, eventHashBody, eventHashText, type EventHashLine, type EventHashRow } from './event-hash.js';

const row: EventHashRow = {
  id: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  organizationId: '0b7a1c8e-9a43-4f1f-8a0c-2f7e3c9d5a61',
  seq: '1',
  type: 'transform',
  epcisEventType: 'TransformationEvent',
  action: null,
  bizStep: 'commissioning',
  disposition: 'active',
  eventTime: new Date('2026-10-05T01:30:00.000Z'),
  eventTimeOffset: '+07:00',
  recordTime: new Date('2026-10-05T02:00:00.000Z'),
  recordedBy: null,
  growingAreaId: null,
  facilityId: null,
  sourcePartnerId: null,
  destinationPartnerId: null,
  documents: [{ type: 'invoice', number: 'HĐ 1' }],
  details: { process: 'xay xát', lots: [{ code: 'A' }] },
  voidsEventId: null,
  reason: null,
};
const lines: EventHashLine[] = [
  { lotId: 'b', direction: 'output', quantity: '10', unit: 'kg', quantityInLotUnit: '10' },
  { lotId: 'a', direction: 'input', quantity: '0.0125', unit: 't', quantityInLotUnit: '12.5' },
];

describe('eventHashBody', () => {
  it('is the same whether written or read back from PostgreSQL (padded numerics, any line order, bigint as text)', () => {
    const readBack: EventHashLine[] = [
      { lotId: 'a', direction: 'input', quantity: '0.012500', unit: 't', quantityInLotUnit: '12.500000' },
      { lotId: 'b', direction: 'output', quantity: '10.000000', unit: 'kg', quantityInLotUnit: '10.000000' },
    ];
    expect(eventHashText({ ...row, seq: 1 }, readBack)).toBe(eventHashText(row, lines));
    expect(eventHash(null, row, readBack)).toBe(eventHash(null, row, lines));
  });

  it('is sha256(prev_hash || canonical JSON) with sorted keys and the lines inside', () => {
    const text = eventHashText(row, lines);
    expect(text.startsWith('{"action":null,"bizStep":"commissioning",')).toBe(true);
    expect(text).toContain('"lines":[{"direction":"input","lotId":"a","quantity":"0.0125","quantityInLotUnit":"12.5","unit":"t"},');
    expect(eventHash(null, row, lines)).toBe(createHash('sha256').update(GENESIS_HASH + text).digest('hex'));
  });

  it('changes with any field the chain covers', () => {
    const base = eventHash(null, row, lines);
    const variants: [Partial<EventHashRow>, EventHashLine[]][] = [
      [{ eventTime: new Date('2026-10-05T01:30:00.001Z') }, lines],
      [{ details: { process: 'xay xat', lots: [{ code: 'A' }] } }, lines],
      [{ documents: [] }, lines],
      [{ seq: '2' }, lines],
      [{ reason: '' }, lines],
      [{}, [{ ...lines[0], quantity: '10.000001' }, lines[1]]],
      [{}, [lines[0]]],
    ];
    for (const [change, changedLines] of variants) expect(eventHash(null, { ...row, ...change }, changedLines)).not.toBe(base);
    expect(eventHash('f'.repeat(64), row, lines)).not.toBe(base);
  });

  it('chains: each event hashes onto the previous one and verifyChain follows it', () => {
    const first = eventHash(null, row, lines);
    const secondRow = { ...row, id: 'second', seq: '2' };
    const second = eventHash(first, secondRow, []);
    const chain = [
      { id: row.id, prevHash: null, hash: first, body: eventHashBody(row, lines) },
      { id: 'second', prevHash: first, hash: second, body: eventHashBody(secondRow, []) },
    ];
    expect(verifyChain(chain)).toEqual({ valid: true, eventsChecked: 2, firstBrokenEventId: null });
    chain[0].body = eventHashBody({ ...row, reason: 'edited' }, lines);
    expect(verifyChain(chain)).toEqual({ valid: false, eventsChecked: 1, firstBrokenEventId: row.id });
  });
});
