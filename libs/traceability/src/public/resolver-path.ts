import { DomainException } from '../common/domain.exception.js';
import { isValidGs1Ai10, normalizeGtin } from '../common/gs1.js';
import { normalizeShortCode } from '../common/short-code.js';

/** What a scanned URI identifies: a product, a lot (by GTIN + lot code or short code), maybe one label. */
export type ResolverKey =
  | { kind: 'product'; gtin: string }
  | { kind: 'lot'; gtin: string; lotCode: string; serial: string | null }
  | { kind: 'item'; gtin: string; serial: string }
  | { kind: 'short'; shortCode: string; serial: string | null };

/** AI (21) serial: 1 to 20 characters of GS1 character set 82, the same set as a lot code. */
export function isValidSerial(serial: string): boolean {
  return isValidGs1Ai10(serial);
}

/** Serials we allocate are numbers; a zero-padded print of one is the same serial. */
export function canonicalSerial(serial: string): string {
  return /^\d+$/.test(serial) ? serial.replace(/^0+(?=\d)/, '') : serial;
}

function malformed(message: string): DomainException {
  return new DomainException('RESOLVER_PATH_MALFORMED', message, 'bad_request');
}

function decodeSegment(segment: string, what: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw malformed(`${what}: invalid percent-encoding`);
  }
}

/** Path segments after the first, one trailing slash tolerated (GS1 resolver conformance). */
function segmentsOf(pathname: string): string[] {
  const segments = pathname.split('/').slice(1);
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  return segments;
}

function serialOf(segment: string): string {
  const serial = decodeSegment(segment, 'serial');
  if (!isValidSerial(serial)) throw malformed('serial (AI 21): 1 to 20 characters of GS1 character set 82');
  return canonicalSerial(serial);
}

/**
 * Parses the path of a GS1 Digital Link URI (`/01/{gtin}[/10/{lot}][/21/{serial}]`) or of a short
 * URL (`/l/{shortCode}[/{serial}]`), still percent-encoded as it came on the wire. GTIN-8/12/13/14
 * are accepted and returned as 14 digits. Throws RESOLVER_PATH_MALFORMED (400) for anything else.
 */
export function parseResolverPath(pathname: string): ResolverKey {
  const segments = segmentsOf(pathname);
  if (segments[0] === 'l') {
    if (segments.length < 2 || segments.length > 3 || !segments[1]) throw malformed('expected /l/{shortCode}[/{serial}]');
    const shortCode = normalizeShortCode(decodeSegment(segments[1], 'short code'));
    if (!shortCode) throw malformed('short code: 8 characters from 2–9 and A–Z without I and O');
    return { kind: 'short', shortCode, serial: segments[2] ? serialOf(segments[2]) : null };
  }
  if (segments[0] !== '01' || segments.length < 2) throw malformed('expected /01/{gtin}[/10/{lot}][/21/{serial}]');
  const gtinText = decodeSegment(segments[1], 'GTIN');
  if (!/^\d+$/.test(gtinText)) throw malformed('GTIN (AI 01): digits only');
  let gtin: string;
  try {
    gtin = normalizeGtin(gtinText, 'GTIN (AI 01)');
  } catch (error) {
    throw malformed((error as Error).message);
  }
  const rest = segments.slice(2);
  if (rest.length === 0) return { kind: 'product', gtin };
  let lotCode: string | null = null;
  let serial: string | null = null;
  let i = 0;
  if (rest[i] === '10') {
    if (!rest[i + 1]) throw malformed('lot (AI 10): missing value');
    lotCode = decodeSegment(rest[i + 1], 'lot');
    if (!isValidGs1Ai10(lotCode)) throw malformed('lot (AI 10): 1 to 20 characters of GS1 character set 82');
    i += 2;
  }
  if (rest[i] === '21') {
    if (!rest[i + 1]) throw malformed('serial (AI 21): missing value');
    serial = serialOf(rest[i + 1]);
    i += 2;
  }
  if (i !== rest.length) throw malformed('expected /01/{gtin}[/10/{lot}][/21/{serial}]; other key qualifiers are not supported');
  if (lotCode !== null) return { kind: 'lot', gtin, lotCode, serial };
  return { kind: 'item', gtin, serial: serial! };
}
