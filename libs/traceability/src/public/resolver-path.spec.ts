import { describe, expect, it } from '@jest/globals';
import { DomainException } from '../common/domain.exception.js';
import { parseResolverPath } from './resolver-path.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainException).code + ':' + (error as DomainException).kind;
  }
  return 'no error';
};

describe('parseResolverPath', () => {
  it('reads GTIN + lot (+ serial), padding GTIN-13 to 14 digits and percent-decoding the lot', () => {
    expect(parseResolverPath('/01/08934588012341/10/DB-2026-000123')).toEqual({ kind: 'lot', gtin: '08934588012341', lotCode: 'DB-2026-000123', serial: null });
    expect(parseResolverPath('/01/8934588012341/10/A%2FB%25C/21/000123/')).toEqual({ kind: 'lot', gtin: '08934588012341', lotCode: 'A/B%C', serial: '123' });
  });

  it('reads a product, an item (GTIN + serial) and short URLs', () => {
    expect(parseResolverPath('/01/08934588012341')).toEqual({ kind: 'product', gtin: '08934588012341' });
    expect(parseResolverPath('/01/08934588012341/')).toEqual({ kind: 'product', gtin: '08934588012341' });
    expect(parseResolverPath('/01/08934588012341/21/77')).toEqual({ kind: 'item', gtin: '08934588012341', serial: '77' });
    expect(parseResolverPath('/l/7hkq2mxr')).toEqual({ kind: 'short', shortCode: '7HKQ2MXR', serial: null });
    expect(parseResolverPath('/l/7HKQ2MXR/100000001/')).toEqual({ kind: 'short', shortCode: '7HKQ2MXR', serial: '100000001' });
  });

  it.each([
    '/01/08934588012342/10/X', // bad check digit
    '/01/0893458801234/10/X', // 13 digits, wrong check digit
    '/01/12345/10/X', // wrong length
    '/01/abc/10/X',
    '/01/08934588012341/10/',
    '/01/08934588012341/10/%E1%BA%A1', // diacritics are not GS1 set 82
    '/01/08934588012341/10/A%ZZ',
    '/01/08934588012341/22/X/10/Y',
    '/01/08934588012341/10/X/21/Y/extra',
    '/01',
    '/l/',
    '/l/SHORT',
    '/l/7HKQ2MXR/1/2',
  ])('refuses %s with a 400', (path) => {
    expect(code(() => parseResolverPath(path))).toBe('RESOLVER_PATH_MALFORMED:bad_request');
  });
});
