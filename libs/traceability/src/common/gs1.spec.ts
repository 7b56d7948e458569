import { describe, it, expect } from '@jest/globals';
import { DomainException } from './domain.exception.js';
import { generateLotCode, gs1CheckDigit, isValidGln, isValidGs1Ai10, isValidGtin, normalizeGln, normalizeGtin, normalizeLotCode } from './gs1.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainException) return error.code;
    throw error;
  }
  return undefined;
}

describe('gs1CheckDigit', () => {
  // Worked by hand for 893458801234: from the right 4·3+3·1+2·3+1·1+0·3+8·1+8·3+5·1+4·3+3·1+9·3+8·1
  // = 109, and 10 − 9 = 1.
  it('computes the mod-10 check digit with weights 3/1 from the right', () => {
    expect(gs1CheckDigit('893458801234')).toBe(1);
    expect(gs1CheckDigit('400638133393')).toBe(1); // GS1's EAN-13 example 4006381333931
    expect(gs1CheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
    expect(gs1CheckDigit('9638507')).toBe(4); // EAN-8 96385074
  });
});

describe('normalizeGtin', () => {
  it.each([
    ['96385074', '00000096385074'], // GTIN-8
    ['036000291452', '00036000291452'], // GTIN-12 (UPC-A)
    ['4006381333931', '04006381333931'], // GTIN-13, GS1's published example
    ['8934588012341', '08934588012341'], // GTIN-13 with Vietnam's 893 prefix
    ['10614141000415', '10614141000415'], // GTIN-14 with indicator digit 1
    ['00614141123452', '00614141123452'], // GTIN-14, GS1 example company prefix 0614141
    [' 893 4588 01234 1 ', '08934588012341'], // spaces as printed under a barcode
  ])('accepts %s as %s', (input, expected) => {
    expect(normalizeGtin(input)).toBe(expected);
    expect(isValidGtin(input)).toBe(true);
  });

  it.each([
    ['4006381333932', 'GTIN_CHECK_DIGIT'],
    ['8934588012340', 'GTIN_CHECK_DIGIT'],
    ['10614141000416', 'GTIN_CHECK_DIGIT'],
    ['40063813339', 'GTIN_LENGTH'], // 11 digits
    ['400638133393100', 'GTIN_LENGTH'], // 15 digits
    ['', 'GTIN_FORMAT'],
    ['40063813339A1', 'GTIN_FORMAT'],
  ])('refuses %s with %s', (input, code) => {
    expect(codeOf(() => normalizeGtin(input))).toBe(code);
    expect(isValidGtin(input)).toBe(false);
  });

  it('names the field in the error', () => {
    expect(() => normalizeGtin('4006381333932', 'products[0].gtin')).toThrow('products[0].gtin: check digit should be 1, got 2');
  });
});

describe('normalizeGln', () => {
  it.each(['0614141000012', '4012345000009'])('accepts %s', (gln) => {
    expect(normalizeGln(gln)).toBe(gln);
    expect(isValidGln(gln)).toBe(true);
  });

  it.each([
    ['0614141000013', 'GLN_CHECK_DIGIT'],
    ['061414100001', 'GLN_LENGTH'],
    ['06141410000120', 'GLN_LENGTH'],
    ['061414100001X', 'GLN_FORMAT'],
  ])('refuses %s with %s', (gln, code) => {
    expect(codeOf(() => normalizeGln(gln))).toBe(code);
    expect(isValidGln(gln)).toBe(false);
  });
});

describe('isValidGs1Ai10', () => {
  it.each(['DB-2026-000123', 'A', '12345678901234567890', 'lot/7.b_(x)', `!"%&'()*+,-./:;<=>?_`])('accepts %s', (lot) => {
    expect(isValidGs1Ai10(lot)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['123456789012345678901', '21 characters'],
    ['LÔ-01', 'diacritics'],
    ['LO 01', 'space'],
    ['LO#01', '# is not in set 82'],
    ['LO@01', '@ is not in set 82'],
    ['LO~01', '~ is not in set 82'],
  ])('refuses %s (%s)', (lot) => {
    expect(isValidGs1Ai10(lot)).toBe(false);
  });

  it('normalizeLotCode trims and refuses with LOT_CODE_INVALID naming the field', () => {
    expect(normalizeLotCode('  DB-2026-000123 ')).toBe('DB-2026-000123');
    expect(codeOf(() => normalizeLotCode('Lô 1'))).toBe('LOT_CODE_INVALID');
    expect(() => normalizeLotCode('Lô 1', 'outputs[0].lotCode')).toThrow(/^outputs\[0\]\.lotCode: /);
  });
});

describe('generateLotCode', () => {
  it('pads the sequence to 6 digits', () => {
    expect(generateLotCode('DB', 2026, 123)).toBe('DB-2026-000123');
    expect(generateLotCode('MA', 2027, 0)).toBe('MA-2027-000000');
    expect(generateLotCode('DB', 2026, 1234567)).toBe('DB-2026-1234567');
  });

  it('refuses codes that would not fit GS1 AI (10)', () => {
    expect(codeOf(() => generateLotCode('ĐB', 2026, 1))).toBe('LOT_CODE_INVALID');
    expect(codeOf(() => generateLotCode('TOOLONGPREFIX', 2026, 1))).toBe('LOT_CODE_INVALID'); // 25 characters
    expect(codeOf(() => generateLotCode('DB', 26, 1))).toBe('LOT_CODE_INVALID');
    expect(codeOf(() => generateLotCode('DB', 2026, -1))).toBe('LOT_CODE_INVALID');
  });
});
