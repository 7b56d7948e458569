import { createHash } from 'node:crypto';
import { DomainException } from './domain.exception.js';

/** prev_hash of an organization's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * A value already in canonical JSON (the text canonicalJson gave for it): written as it is where it
 * appears, so that a large part hashed and also stored (an event's details) is serialised once.
 */
export class CanonicalText {
  constructor(readonly text: string) {}
}

/**
 * Canonical JSON in the style of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, strings and numbers serialised as ECMAScript JSON.stringify does (shortest round-trip
 * number form). Anything with toJSON (Date → ISO string, Decimal → string) is serialised through it.
 * Properties whose value is undefined are left out, as JSON does. NaN, Infinity, bigint, functions
 * and symbols throw: they have no JSON form, and silently dropping them would hide data from the hash.
 *
 * The same view of an event must be hashed at write and at verify time: keep quantities as decimal
 * strings (PostgreSQL numeric comes back as a string) and times as Dates or ISO strings.
 *
 * Written as one loop that appends to a string (no intermediate arrays): it runs once per event
 * written and once per event verified, 100,000 times over for a historical import.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new DomainException('CANONICAL_JSON_INVALID', `cannot hash the number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i) out += ',';
          const item: unknown = value[i];
          out += item === undefined ? 'null' : canonicalJson(item);
        }
        return out + ']';
      }
      if (value instanceof CanonicalText) return value.text;
      if (value instanceof Date) return canonicalJson(value.toJSON());
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON: () => unknown }).toJSON());
      const record = value as Record<string, unknown>;
      let keys = Object.keys(record);
      // Objects built in key order (most of an event's) need no sort.
      for (let i = 1; i < keys.length; i++) {
        if (keys[i - 1] > keys[i]) {
          keys = keys.sort();
          break;
        }
      }
      let out = '{';
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        if (out.length > 1) out += ',';
        out += jsonString(key) + ':' + canonicalJson(member);
      }
      return out + '}';
    }
    default:
      throw new DomainException('CANONICAL_JSON_INVALID', `cannot hash a value of type ${typeof value}`);
  }
}

/** What JSON.stringify makes of a string: quoted as it is unless it holds what JSON escapes (quote, backslash, control characters, surrogates). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
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
