import { describe, expect, it } from '@jest/globals';
import { DomainException } from '../common/domain.exception.js';
import { checkDataAttributes, decompressDigitalLinkPath } from './digital-link.js';

// Compressed forms made by GS1's reference toolkit (digital-link.js's Utils.compressWebUri), with and
// without its optimisations; the e2e suite compresses issued URIs with it at run time.
describe('decompressDigitalLinkPath', () => {
  it('gives the uncompressed path of a compressed Digital Link', () => {
    expect(decompressDigitalLinkPath('/CxBCUPJiBsoAIX2pCCjA5')).toBe('/01/08938505974019/10/ABC-1/21/12345');
    expect(decompressDigitalLinkPath('/ARBCUPJiBiDKACF9qQgowOQ')).toBe('/01/08938505974019/10/ABC-1/21/12345');
    expect(decompressDigitalLinkPath('/ARBCUPJiBg/')).toBe('/01/08938505974019');
  });

  it('keeps set-82 characters percent-encoded', () => {
    expect(decompressDigitalLinkPath('/CxBCUPJiBxEFPCUQ1MRU')).toBe('/01/08938505974019/10/A%27B%28C%29D%2A');
  });

  it('is null for what is not a compressed Digital Link', () => {
    for (const path of ['/favicon.ico', '/short', '/01/08938505974019', '/a/b', '/favicon123x']) expect(decompressDigitalLinkPath(path)).toBeNull();
  });
});

describe('checkDataAttributes', () => {
  const check = (query: string) => () => checkDataAttributes(new URLSearchParams(query));

  it('accepts valid GS1 data attributes and leaves other keys alone', () => {
    expect(check('17=270101&3103=000250&lang=en&linkType=gs1:pip&15=270100')).not.toThrow();
  });

  it.each([
    ['17=ABC', '17'],
    ['17=271301', '17'],
    ['11=2701', '11'],
    ['3103=12', '3103'],
    ['10=L1', '10'],
    ['01=08938505974019', '01'],
    ['9999=1', '9999'],
  ])('refuses %s naming AI (%s)', (query, ai) => {
    let thrown: unknown;
    try {
      check(query)();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainException);
    expect(thrown).toMatchObject({ code: 'DATA_ATTRIBUTE_INVALID', kind: 'bad_request', details: { field: ai, ai } });
    expect((thrown as Error).message).toContain(`AI (${ai})`);
  });
});
