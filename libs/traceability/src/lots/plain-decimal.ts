/**
 * Plain decimal text without decimal.js, for the reads that answer many quantities (a page of lots
 * gives three per lot): PostgreSQL's numeric(18, 6) text in, canonical text out. Each function
 * answers only when the text is a plain decimal ("-123.450000": an optional minus, digits, an
 * optional dot followed by digits) and undefined otherwise, so the caller falls back to decimal.js
 * for anything else (an exponent, a "+", ".5", a number, too many digits). quantity.ts uses them and
 * quantity.spec.ts checks them against decimal.js on many random values: quantities are hashed into
 * the event chain, so the text must be the same to the byte.
 */

const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Where the parts of a plain decimal lie in its text; undefined when the text is not one. */
interface Parts {
  negative: boolean;
  /** First digit of the integer part. */
  start: number;
  /** Index of the dot, or the text's length when there is none. */
  dot: number;
}

function parts(text: string): Parts | undefined {
  const length = text.length;
  const negative = length > 0 && text.charCodeAt(0) === MINUS;
  const start = negative ? 1 : 0;
  let dot = -1;
  for (let i = start; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT && dot < 0) dot = i;
    else if (c < ZERO || c > NINE) return undefined;
  }
  if (dot < 0) dot = length;
  // Digits before the dot, and after it when there is one.
  if (dot === start || dot === length - 1) return undefined;
  return { negative, start, dot };
}

/** "0012.500000" → "12.5", "-0.000" → "0", "7" → "7"; as decimal.js's toFixed() writes them. */
export function plainCanonical(text: string): string | undefined {
  const p = parts(text);
  if (!p) return undefined;
  const { negative, start, dot } = p;
  let first = start;
  while (first < dot - 1 && text.charCodeAt(first) === ZERO) first++;
  let end = text.length;
  if (dot < end) {
    while (text.charCodeAt(end - 1) === ZERO) end--;
    if (end === dot + 1) end = dot;
  }
  // Zero has no sign in decimal.js's text.
  if (end === dot && first === dot - 1 && text.charCodeAt(first) === ZERO) return '0';
  if (first === start && end === text.length) return text;
  const digits = text.slice(first, end);
  return negative ? `-${digits}` : digits;
}

/** Digits an integer may have and stay exact as a double (2^53 is 9,007,199,254,740,992). */
const SAFE_DIGITS = 15;

/**
 * The scaled integer of a plain decimal (123.45 at scale 3 is 123450), when it and every difference
 * of two such stay exact as doubles; undefined otherwise.
 */
function scaled(text: string, p: Parts, scale: number): number | undefined {
  const decimals = text.length - p.dot - 1;
  let value = 0;
  let digits = 0;
  for (let i = p.start; i < text.length; i++) {
    if (i === p.dot) continue;
    value = value * 10 + (text.charCodeAt(i) - ZERO);
    if (value > 0) digits++;
  }
  for (let i = decimals < 0 ? 0 : decimals; i < scale; i++) {
    value *= 10;
    if (value > 0) digits++;
  }
  if (digits > SAFE_DIGITS) return undefined;
  return p.negative ? -value : value;
}

/** a − b in canonical text, for two plain decimals of up to 15 significant digits at their common scale. */
export function plainDifference(a: string, b: string): string | undefined {
  const pa = parts(a);
  const pb = parts(b);
  if (!pa || !pb) return undefined;
  const scale = Math.max(a.length - pa.dot - 1, b.length - pb.dot - 1, 0);
  const x = scaled(a, pa, scale);
  const y = scaled(b, pb, scale);
  if (x === undefined || y === undefined) return undefined;
  const difference = x - y;
  if (difference === 0) return '0';
  let digits = String(difference < 0 ? -difference : difference);
  if (scale > 0) {
    if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
    return plainCanonical(difference < 0 ? `-${digits}` : digits);
  }
  return difference < 0 ? `-${digits}` : digits;
}
