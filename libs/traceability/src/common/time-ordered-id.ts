import { randomFillSync } from 'node:crypto';

/**
 * A UUID version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds, the rest random.
 * For the rows written on every event (events, lots, shipments): ids made one after another sort
 * together, so each insert lands at the end of the primary-key and (organization, id) indexes
 * instead of on a random page of a million-row index that may not be in memory. The time it
 * reveals is the record time, which the event shows anyway.
 */
export function timeOrderedUuid(now = Date.now()): string {
  const bytes = randomFillSync(Buffer.alloc(16));
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
