import { InvalidFieldException } from './domain.exception.js';

/**
 * GS1 mod-10 check digit of a digit string without its check digit: weights 3, 1, 3, … from the
 * right (the digit next to the check digit weighs 3). Same algorithm for GTIN-8/12/13/14 and GLN.
 */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    const digit = digitsWithoutCheck.charCodeAt(digitsWithoutCheck.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

function hasValidCheckDigit(digits: string): boolean {
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

const GTIN_LENGTHS = [8, 12, 13, 14];

/**
 * Validates a GTIN-8/12/13/14 and returns it as 14 digits (left-padded with zeros, which keeps the
 * check digit valid because leading zeros add nothing to the weighted sum). Spaces are tolerated
 * because people copy GTINs from labels printed in groups ("893 4588 01234 1").
 */
export function normalizeGtin(input: string, field = 'gtin'): string {
  const digits = String(input).replace(/\s+/g, '');
  if (!/^\d+$/.test(digits)) {
    throw new InvalidFieldException('GTIN_FORMAT', field, 'a GTIN contains digits only');
  }
  if (!GTIN_LENGTHS.includes(digits.length)) {
    throw new InvalidFieldException('GTIN_LENGTH', field, `a GTIN has 8, 12, 13 or 14 digits, got ${digits.length}`);
  }
  if (!hasValidCheckDigit(digits)) {
    const expected = gs1CheckDigit(digits.slice(0, -1));
    throw new InvalidFieldException('GTIN_CHECK_DIGIT', field, `check digit should be ${expected}, got ${digits[digits.length - 1]}`);
  }
  return digits.padStart(14, '0');
}

export function isValidGtin(input: string): boolean {
  try {
    normalizeGtin(input);
    return true;
  } catch {
    return false;
  }
}

/** Validates a GLN (Global Location Number, 13 digits, same check digit) and returns it. */
export function normalizeGln(input: string, field = 'gln'): string {
  const digits = String(input).replace(/\s+/g, '');
  if (!/^\d+$/.test(digits)) {
    throw new InvalidFieldException('GLN_FORMAT', field, 'a GLN contains digits only');
  }
  if (digits.length !== 13) {
    throw new InvalidFieldException('GLN_LENGTH', field, `a GLN has 13 digits, got ${digits.length}`);
  }
  if (!hasValidCheckDigit(digits)) {
    const expected = gs1CheckDigit(digits.slice(0, -1));
    throw new InvalidFieldException('GLN_CHECK_DIGIT', field, `check digit should be ${expected}, got ${digits[12]}`);
  }
  return digits;
}

export function isValidGln(input: string): boolean {
  try {
    normalizeGln(input);
    return true;
  } catch {
    return false;
  }
}

/**
 * GS1 AI encodable character set 82 (GS1 General Specifications, figure 7.11-1): digits, upper and
 * lower case ASCII letters and ! " % & ' ( ) * + , - . / : ; < = > ? _ . No space, no diacritics.
 */
const GS1_CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

/** AI (10) batch/lot number: 1 to 20 characters of character set 82. */
export function isValidGs1Ai10(lotCode: string): boolean {
  return typeof lotCode === 'string' && lotCode.length >= 1 && lotCode.length <= 20 && GS1_CSET82.test(lotCode);
}

/** Trims a user-given lot code and checks it fits GS1 AI (10), so it can go into a Digital Link. */
export function normalizeLotCode(input: string, field = 'lotCode'): string {
  const lotCode = String(input).trim();
  if (!isValidGs1Ai10(lotCode)) {
    throw new InvalidFieldException(
      'LOT_CODE_INVALID',
      field,
      'a lot code has 1 to 20 characters: letters A–Z/a–z without diacritics, digits and ! " % & \' ( ) * + , - . / : ; < = > ? _ (no spaces)',
    );
  }
  return lotCode;
}

/**
 * Generated lot code `PREFIX-YEAR-SEQUENCE`, e.g. `generateLotCode('DB', 2026, 123)` → `DB-2026-000123`.
 * The sequence is zero-padded to 6 digits so codes sort in creation order; it may grow past 6 digits.
 */
export function generateLotCode(prefix: string, year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new InvalidFieldException('LOT_CODE_INVALID', 'year', `a 4-digit year is required, got ${year}`);
  }
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw new InvalidFieldException('LOT_CODE_INVALID', 'seq', `a non-negative integer is required, got ${seq}`);
  }
  const lotCode = `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
  if (!isValidGs1Ai10(lotCode)) {
    throw new InvalidFieldException('LOT_CODE_INVALID', 'prefix', `"${lotCode}" is not a valid GS1 AI (10) lot code (max 20 characters of set 82)`);
  }
  return lotCode;
}
