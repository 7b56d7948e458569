/** Unicode NFC and trimmed: macOS and some Vietnamese keyboards send decomposed (NFD) text. */
export function nfc(s: string): string {
  return s.normalize('NFC').trim();
}

/**
 * Diacritic-insensitive search key: "Điện Biên", "ĐIỆN  BIÊN" (NFC or NFD) and "dien bien" all give
 * "dien bien". đ/Đ is a separate letter, not a base letter with a combining mark, so NFD alone does
 * not strip it.
 */
export function searchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Returns a copy of a plain object/array with every string value in NFC (keys are left as they are).
 * It does not trim: a password or a deliberately spaced value must survive; trim the fields you know.
 * Class instances (Date, Buffer, Decimal…) are returned untouched.
 */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item) => nfcDeep(item)) as T;
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = nfcDeep(item);
    return copy as T;
  }
  return value;
}
