import { randomBytes } from 'node:crypto';

/**
 * 32 symbols with no look-alikes (no 0/O, no 1/I/L): digits 2–9 and upper-case letters except I and O.
 * 32 = 2^5, so a random byte masked to 5 bits picks a symbol without modulo bias, and 8 symbols carry
 * 40 bits: about 10^12 codes, so lots cannot be enumerated by guessing URLs. Upper case only, so a
 * code read aloud or typed from a label has one spelling, and an upper-case URL fits the QR
 * alphanumeric mode.
 */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const SHORT_CODE_LENGTH = 8;

const SHORT_CODE_PATTERN = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/** A new random short code for `/l/{shortCode}`; the caller retries on a unique-constraint clash. */
export function generateShortCode(): string {
  const bytes = randomBytes(SHORT_CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += SHORT_CODE_ALPHABET[byte & 31];
  return code;
}

export function isShortCode(s: string): boolean {
  return typeof s === 'string' && SHORT_CODE_PATTERN.test(s);
}

/** A short code typed by a person (lower case, spaces) in canonical form, or null if it cannot be one. */
export function normalizeShortCode(s: string): string | null {
  const code = String(s).replace(/[\s-]+/g, '').toUpperCase();
  return isShortCode(code) ? code : null;
}
