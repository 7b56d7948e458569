import { InvalidFieldException } from './domain.exception.js';

/**
 * Keyset pagination (docs/architecture.md): a list's cursor holds the sort value and id of the last
 * row of a page, so rows inserted meanwhile never shift the pages. One codec for every list.
 *
 * Timestamps are treated one way everywhere: the cursor carries the column as PostgreSQL prints it
 * (`created_at::text`, to the microsecond), and the next page compares the column itself with it
 * (`(created_at, id) < ($1::timestamptz, $2::uuid)`), so no row is skipped or repeated however
 * close together rows were written, and the (…, created_at, id) indexes serve the order. A value
 * that went through a JavaScript Date would have lost its microseconds.
 */
export interface KeysetPosition {
  /** The last row's sort value (a timestamp as PostgreSQL prints it, or text). */
  value: string;
  id: string;
}

/** What a cursor's sort value must look like, and what it belongs to (a list sorted another way refuses it). */
export interface KeysetShape {
  value: 'timestamp' | 'date' | 'text';
  /** The sort the cursor was made for (registry lists let the caller choose one). */
  scope?: string;
  /** The message of the CURSOR_INVALID error. */
  invalid?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function encodeKeysetCursor(position: KeysetPosition, scope?: string): string {
  const parts = scope === undefined ? [position.value, position.id] : [position.value, position.id, scope];
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeKeysetCursor(cursor: string, shape: KeysetShape): KeysetPosition {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === (shape.scope === undefined ? 2 : 3)) {
      const [value, id, scope] = parts;
      if (typeof value === 'string' && typeof id === 'string' && UUID.test(id) && scope === shape.scope && valueFits(value, shape.value)) return { value, id };
    }
  } catch {
    // reported below
  }
  throw new InvalidFieldException('CURSOR_INVALID', 'cursor', shape.invalid ?? 'not a cursor this API returned', 'bad_request');
}

function valueFits(value: string, kind: KeysetShape['value']): boolean {
  if (kind === 'timestamp') return TIMESTAMP.test(value);
  if (kind === 'date') return DATE.test(value);
  return true;
}
