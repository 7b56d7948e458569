import { describe, expect, it } from '@jest/globals';
import { CROP_KEY_PATTERN, CROPS, defaultMaxYield, effectiveMaxYield, seasonsPerYear } from './crop-yields.js';

describe('crop yield defaults', () => {
  it.each([
    ['rice', '8'],
    ['sticky_rice', '7'],
    ['tea', '12'],
    ['coffee', '15'],
    ['pomelo', '30'],
    ['fruit', '30'],
    ['cardamom', '1.5'],
    ['macadamia', '5'],
    ['honey', '10'],
  ])('%s defaults to %s t/ha', (crop, max) => {
    expect(defaultMaxYield(crop)).toBe(max);
  });

  it('has no default for an unknown crop', () => {
    expect(defaultMaxYield('durian')).toBeNull();
    expect(defaultMaxYield('constructor')).toBeNull();
  });

  it('names every crop in Vietnamese and English with a positive ceiling and a valid key', () => {
    for (const [key, crop] of Object.entries(CROPS)) {
      expect(key).toMatch(CROP_KEY_PATTERN);
      expect(crop.vi.length).toBeGreaterThan(0);
      expect(crop.en.length).toBeGreaterThan(0);
      expect(Number(crop.maxYieldTPerHa)).toBeGreaterThan(0);
    }
  });

  it('prefers the area’s own ceiling, then the organization’s, then the default', () => {
    const organization = new Map([['rice', '9.5']]);
    expect(effectiveMaxYield('rice', '6.5', organization)).toEqual({ maxYieldTPerHa: '6.5', source: 'area' });
    expect(effectiveMaxYield('rice', null, organization)).toEqual({ maxYieldTPerHa: '9.5', source: 'organization' });
    expect(effectiveMaxYield('tea', null, organization)).toEqual({ maxYieldTPerHa: '12', source: 'default' });
    expect(effectiveMaxYield('durian', null, organization)).toBeNull();
    expect(effectiveMaxYield('durian', null, new Map([['durian', '20']]))).toEqual({ maxYieldTPerHa: '20', source: 'organization' });
  });

  it('counts two rice crops a year and one for perennials and unknown crops', () => {
    expect(seasonsPerYear('rice')).toBe(2);
    expect(seasonsPerYear('sticky_rice')).toBe(2);
    expect(seasonsPerYear('tea')).toBe(1);
    expect(seasonsPerYear('coffee')).toBe(1);
    expect(seasonsPerYear('durian')).toBe(1);
  });
});
