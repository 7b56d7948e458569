import { describe, expect, it } from '@jest/globals';
import { lotUri, parseLotUri } from './lot-uri.js';

describe('lotUri', () => {
  it('gives a GS1 Digital Link when the product has a GTIN', () => {
    expect(lotUri('https://truyxuat.example.vn/', { gtin: '08934588012341', code: 'DB-2026-000123', shortCode: 'K7M2Q9XZ' })).toBe(
      'https://truyxuat.example.vn/01/08934588012341/10/DB-2026-000123',
    );
  });

  it('pads a shorter GTIN to 14 digits and percent-encodes the lot code', () => {
    expect(lotUri('https://x.vn', { gtin: '8934588012341', code: 'A/B 1', shortCode: 'K7M2Q9XZ' })).toBe('https://x.vn/01/08934588012341/10/A%2FB%201');
  });

  it("percent-encodes every set-82 character outside the unreserved set, ! ' ( ) * included (Digital Link URI syntax)", () => {
    expect(lotUri('https://x.vn', { gtin: '08934588012341', code: `A!B'C(D)E*F"G%H&I+J,K/L:M;N<O=P>Q?R-S.T_U`, shortCode: 'K7M2Q9XZ' })).toBe(
      'https://x.vn/01/08934588012341/10/A%21B%27C%28D%29E%2AF%22G%25H%26I%2BJ%2CK%2FL%3AM%3BN%3CO%3DP%3EQ%3FR-S.T_U',
    );
  });

  it('gives the short URL without a GTIN', () => {
    expect(lotUri('https://x.vn', { gtin: null, code: 'DB-2026-000123', shortCode: 'K7M2Q9XZ' })).toBe('https://x.vn/l/K7M2Q9XZ');
    expect(lotUri('https://x.vn', { code: 'DB-2026-000123', shortCode: 'K7M2Q9XZ' })).toBe('https://x.vn/l/K7M2Q9XZ');
  });
});

describe('parseLotUri', () => {
  it('reads both forms back, with or without a serial', () => {
    expect(parseLotUri('https://x.vn/01/08934588012341/10/A%2FB')).toEqual({ gtin: '08934588012341', code: 'A/B' });
    expect(parseLotUri('https://other.host/01/08934588012341/10/L1/21/0007')).toEqual({ gtin: '08934588012341', code: 'L1' });
    expect(parseLotUri('https://x.vn/l/k7m2q9xz')).toEqual({ shortCode: 'K7M2Q9XZ' });
    expect(parseLotUri('https://x.vn/l/K7M2Q9XZ/000123')).toEqual({ shortCode: 'K7M2Q9XZ' });
  });

  it('refuses anything else', () => {
    expect(parseLotUri('not a uri')).toBeNull();
    expect(parseLotUri('https://x.vn/products/1')).toBeNull();
    expect(parseLotUri('urn:epc:class:lgtin:4012345.012345.998877')).toBeNull();
  });
});
