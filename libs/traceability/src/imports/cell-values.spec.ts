import { describe, expect, it } from '@jest/globals';
import { cellDate, cellDecimal, cellDigits, cellInteger, cellPhone, cellText } from './cell-values.js';

describe('cells as Vietnamese clerks write them', () => {
  it('reads numbers the Vietnamese way: "." groups thousands, "," marks decimals', () => {
    expect(cellDecimal('25.000')).toBe('25000');
    expect(cellDecimal('25.000,5')).toBe('25000.5');
    expect(cellDecimal('1.234.567')).toBe('1234567');
    expect(cellDecimal('2,5')).toBe('2.5');
    expect(cellDecimal('0,75')).toBe('0.75');
    expect(cellDecimal(' 12 500 ')).toBe('12500');
  });

  it('falls back to the English way when the text cannot be Vietnamese, and keeps number cells as they are', () => {
    expect(cellDecimal('2.5')).toBe('2.5');
    expect(cellDecimal('1,234,567.25')).toBe('1234567.25');
    expect(cellDecimal('1,234,567')).toBe('1234567');
    expect(cellDecimal(25000.125)).toBe(25000.125);
  });

  it('hands text that is no number on as written, so the API names it', () => {
    expect(cellDecimal('hai tấn')).toBe('hai tấn');
    expect(cellDecimal(null)).toBeNull();
    expect(cellInteger('12,5')).toBe('12.5');
    expect(cellInteger('365')).toBe(365);
  });

  it('reads dd/mm/yyyy, one-digit parts, other separators, ISO dates and Excel serial numbers', () => {
    expect(cellDate('15/03/2026', 'issuedAt')).toBe('2026-03-15');
    expect(cellDate('5/3/2026', 'issuedAt')).toBe('2026-03-05');
    expect(cellDate('05-03-2026', 'issuedAt')).toBe('2026-03-05');
    expect(cellDate('05.03.2026', 'issuedAt')).toBe('2026-03-05');
    expect(cellDate('2026-03-05', 'issuedAt')).toBe('2026-03-05');
    // 46096 is 2026-03-15 in Excel's 1900 date system.
    expect(cellDate(46096, 'issuedAt')).toBe('2026-03-15');
    expect(cellDate('46096', 'issuedAt')).toBe('2026-03-15');
  });

  it('refuses impossible dates and month-first dates that do not exist, naming the field', () => {
    expect(() => cellDate('31/02/2026', 'issuedAt')).toThrow(expect.objectContaining({ code: 'DATE_INVALID', details: { field: 'issuedAt' } }));
    expect(() => cellDate('03/15/2026', 'issuedAt')).toThrow(expect.objectContaining({ code: 'DATE_INVALID' }));
    expect(() => cellDate('tháng ba', 'issuedAt')).toThrow(expect.objectContaining({ code: 'DATE_INVALID' }));
  });

  it('gives phone numbers back their leading 0 or + when Excel made them numbers', () => {
    expect(cellPhone(912345678)).toBe('0912345678');
    expect(cellPhone(84912345678)).toBe('+84912345678');
    expect(cellPhone('0912 345 678')).toBe('0912 345 678');
    expect(cellDigits(11090001234, [9, 12])).toBe('011090001234');
    expect(cellDigits('011090001234', [9, 12])).toBe('011090001234');
  });

  it('turns NFD text into NFC and trims it', () => {
    const nfd = 'Điện Biên'.normalize('NFD');
    expect(nfd).not.toBe('Điện Biên');
    expect(cellText(`  ${nfd} `)).toBe('Điện Biên');
    expect(cellText('   ')).toBeNull();
  });
});
