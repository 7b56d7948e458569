import { describe, it, expect } from '@jest/globals';
import { generateShortCode, isShortCode, normalizeShortCode, SHORT_CODE_ALPHABET } from './short-code.js';

describe('short codes', () => {
  it('use 32 symbols without look-alikes', () => {
    expect(SHORT_CODE_ALPHABET).toHaveLength(32);
    expect(new Set(SHORT_CODE_ALPHABET).size).toBe(32);
    for (const ambiguous of ['0', 'O', '1', 'I', 'l', 'L'.toLowerCase()]) expect(SHORT_CODE_ALPHABET).not.toContain(ambiguous);
  });

  it('generates 8-character codes from the alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateShortCode();
      expect(code).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/);
      expect(isShortCode(code)).toBe(true);
    }
  });

  it('does not repeat itself and uses every symbol (random, unbiased enough to see all 32)', () => {
    const codes = Array.from({ length: 2000 }, generateShortCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.join('')).size).toBe(32);
  });

  it.each(['', 'ABCDEFG', 'ABCDEFGHJ', 'ABCDEFG0', 'ABCDEFGO', 'ABCDEFG1', 'ABCDEFGI', 'abcdefgh', 'ABCD-EFG'])('refuses %p', (code) => {
    expect(isShortCode(code)).toBe(false);
  });

  it('normalises what a person types', () => {
    expect(normalizeShortCode(' abcd efgh ')).toBe('ABCDEFGH');
    expect(normalizeShortCode('ABCD-EFGH')).toBe('ABCDEFGH');
    expect(normalizeShortCode('ABCDEFG0')).toBeNull();
  });
});
