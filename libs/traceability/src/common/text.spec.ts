import { describe, it, expect } from '@jest/globals';
import { nfc, nfcDeep, searchKey } from './text.js';

// "Điện Biên" written in decomposed form: D-stroke is its own letter, the vowels carry combining marks
// (e + dot below U+0323 + circumflex U+0302; e + circumflex U+0302).
const DIEN_BIEN_NFD = 'Đi\u0065\u0323\u0302n Bi\u0065\u0302n';
const DIEN_BIEN_NFC = 'Điện Biên';

describe('nfc', () => {
  it('composes decomposed Vietnamese and trims', () => {
    expect(DIEN_BIEN_NFD).not.toBe(DIEN_BIEN_NFC);
    expect(nfc(`  ${DIEN_BIEN_NFD}\n`)).toBe(DIEN_BIEN_NFC);
    expect(nfc('Séng Cù')).toBe('S\u00e9ng C\u00f9');
  });
});

describe('searchKey', () => {
  it.each([
    ['Điện Biên', 'dien bien'],
    [DIEN_BIEN_NFD, 'dien bien'],
    ['ĐIỆN   BIÊN ', 'dien bien'],
    ['dien bien', 'dien bien'],
    ['Séng Cù', 'seng cu'],
    ['Tủa Chùa Shan tuyết', 'tua chua shan tuyet'],
    ['Mường Ảng', 'muong ang'],
    ['Táo mèo, thảo quả', 'tao meo, thao qua'],
    ['ưu đãi Ơ Ỹ', 'uu dai o y'],
  ])('%s → %s', (input, key) => {
    expect(searchKey(input)).toBe(key);
  });

  it('gives the same key for NFC and NFD input', () => {
    expect(searchKey(DIEN_BIEN_NFD)).toBe(searchKey(DIEN_BIEN_NFC));
    expect(searchKey('Ca\u0300 phê')).toBe(searchKey('Cà phê'));
  });
});

describe('nfcDeep', () => {
  it('normalises every string of nested objects and arrays without trimming', () => {
    const date = new Date('2026-03-15T00:00:00Z');
    const input = {
      name: DIEN_BIEN_NFD,
      password: ' Mật khẩu ',
      areaHa: 1.5,
      nested: { communes: [DIEN_BIEN_NFD, 'Mu\u031bo\u031b\u0300ng Thanh'], none: null },
      at: date,
    };
    const output = nfcDeep(input);
    expect(output).toEqual({
      name: DIEN_BIEN_NFC,
      password: ' Mật khẩu ',
      areaHa: 1.5,
      nested: { communes: [DIEN_BIEN_NFC, 'Mường Thanh'], none: null },
      at: date,
    });
    expect(output.at).toBe(date); // class instances untouched
    expect(input.name).toBe(DIEN_BIEN_NFD); // the input is not mutated
  });

  it('handles a bare string and non-strings', () => {
    expect(nfcDeep(DIEN_BIEN_NFD)).toBe(DIEN_BIEN_NFC);
    expect(nfcDeep(42)).toBe(42);
    expect(nfcDeep(undefined)).toBeUndefined();
  });
});
