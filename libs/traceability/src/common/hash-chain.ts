import { createHash } from 'node:crypto';
import { DomainException } from './domain.exception.js';

/** prev_hash of an organization's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON in the style of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, strings and numbers serialised as ECMAScript JSON.stringify does (shortest round-trip
 * number form). Anything with toJSON (Date → ISO string, Decimal → string) is serialised through it.
 * Properties whose value is undefined are left out, as JSON does. NaN, Infinity, bigint, functions
 * and symbols throw: they have no JSON form, and silently dropping them would hide data from the hash.
 *
 * The same view of an event must be hashed at write and at verify time: keep quantities as decimal
 * strings (PostgreSQL numeric comes back as a string) and times as Dates or ISO strings.
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new DomainException('CANONICAL_JSON_INVALID', `cannot hash the number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new DomainException('CANONICAL_JSON_INVALID', `cannot hash a value of type ${typeof value}`);
  }
}

/** hash = sha256(prev_hash || canonical_json(event)) as lowercase hex (docs/rules.md#tamper-evidence). */
export function chainHash(prevHash: string | null, event: object): string {
  return createHash('sha256')
    .update(prevHash ?? GENESIS_HASH, 'utf8')
    .update(canonicalJson(event), 'utf8')
    .digest('hex');
}

export interface ChainedEvent {
  id: string;
  hash: string;
  prevHash: string | null;
  /** The exact view of the event that was hashed when it was written. */
  body: object;
}

export interface ChainVerification {
  valid: boolean;
  eventsChecked: number;
  firstBrokenEventId: string | null;
}

/**
 * Recomputes a chain given in append order. An event is broken when its prev_hash is not the hash of
 * the event before it (an event was removed, inserted or reordered) or when its stored hash is not the
 * hash of its body (the row was edited). `startPrevHash` lets a caller verify a chain in pages: pass
 * the last hash of the previous page. Stops at the first broken event; `eventsChecked` counts it.
 */
export function verifyChain(events: Iterable<ChainedEvent>, startPrevHash: string | null = null): ChainVerification {
  let expectedPrev = startPrevHash ?? GENESIS_HASH;
  let eventsChecked = 0;
  for (const event of events) {
    eventsChecked++;
    const prev = event.prevHash ?? GENESIS_HASH;
    if (prev !== expectedPrev || chainHash(prev, event.body) !== event.hash) {
      return { valid: false, eventsChecked, firstBrokenEventId: event.id };
    }
    expectedPrev = event.hash;
  }
  return { valid: true, eventsChecked, firstBrokenEventId: null };
}
