import { describe, expect, it } from '@jest/globals';
import { isAmbiguousNumberText } from './number-text.js';

describe('isAmbiguousNumberText', () => {
  it.each(['2,5', '25,000', '25.000,5', '25 000', '25\u00a0000', "25'000", '1.250.000'])('refuses %j: it reads two ways', (text) => {
    expect(isAmbiguousNumberText(text)).toBe(true);
  });
  it.each(['25000', '2.5', ' 12.5 ', 'abc', '', '1e3'])('leaves %j to the ordinary parser', (text) => {
    expect(isAmbiguousNumberText(text)).toBe(false);
  });
  it('leaves JSON numbers alone', () => {
    expect(isAmbiguousNumberText(2.5)).toBe(false);
  });
});
