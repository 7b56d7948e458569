import { describe, expect, it } from '@jest/globals';

// The console's own browser module, tested as it is served (plain JavaScript, typed here by hand).
type Parsed = { ok: true; value: string } | { ok: false; reason: 'empty' | 'invalid' };
const modulePath = './public/numbers.js';
const { formatNumber, parseNumber } = (await import(modulePath)) as {
  parseNumber: (text: string, language: 'vi' | 'en') => Parsed;
  formatNumber: (value: string | number, language: 'vi' | 'en') => string;
};

describe('console numbers', () => {
  it.each([
    ['25.000', 'vi', '25000'],
    ['2,5', 'vi', '2.5'],
    ['1.250.000,75', 'vi', '1250000.75'],
    ['25 000', 'vi', '25000'],
    ['2.5', 'vi', '2.5'],
    ['25,000', 'en', '25000'],
    ['2.5', 'en', '2.5'],
    ['2,5', 'en', '2.5'],
    ['0,500', 'vi', '0.5'],
  ] as const)('reads %j in %s as %s', (text, language, value) => {
    expect(parseNumber(text, language)).toEqual({ ok: true, value });
  });

  it.each([['1.25.000', 'vi'], ['2,5,1', 'vi'], ['abc', 'vi'], ['12kg', 'en'], ['1,2,3.4', 'en']] as const)('refuses %j in %s', (text, language) => {
    expect(parseNumber(text, language)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('formats with unambiguous grouping and the language’s decimal sign', () => {
    expect(formatNumber('25000', 'vi')).toBe('25\u202f000');
    expect(formatNumber('1250000.750', 'vi')).toBe('1\u202f250\u202f000,75');
    expect(formatNumber('1250000.75', 'en')).toBe('1\u202f250\u202f000.75');
    expect(formatNumber(39000, 'en')).toBe('39\u202f000');
  });
});
