import { describe, expect, it } from '@jest/globals';
import { DomainException } from '../../common/domain.exception.js';
import { addMonths, constantCase, localDate, optionalText, positiveDecimal, requiredText } from './fields.js';

describe('request field helpers', () => {
  it('derives codes from field names', () => {
    expect(constantCase('areaHa')).toBe('AREA_HA');
    expect(constantCase('maxYieldTPerHa')).toBe('MAX_YIELD_TPER_HA');
  });

  it('normalises optional and required text', () => {
    expect(optionalText(undefined)).toBeUndefined();
    expect(optionalText(null)).toBeNull();
    expect(optionalText('   ')).toBeNull();
    expect(optionalText(' Thanh Xu\u031Bo\u031Bng ')).toBe('Thanh Xương');
    expect(requiredText('  Hộ  Lò   Văn Panh ', 'name')).toBe('Hộ Lò Văn Panh');
    expect(() => requiredText('  ', 'name')).toThrow(DomainException);
  });

  it('parses positive decimals exactly and names the field when not positive', () => {
    const limits = { scale: 4, integerDigits: 8 };
    expect(positiveDecimal(2.35, 'areaHa', limits)).toBe('2.35');
    expect(positiveDecimal('0.0100', 'areaHa', limits)).toBe('0.01');
    for (const [value, code] of [
      [0, 'AREA_HA_NOT_POSITIVE'],
      ['-1.5', 'AREA_HA_NOT_POSITIVE'],
      ['abc', 'DECIMAL_INVALID'],
      ['1.23456', 'DECIMAL_INVALID'],
      ['100000000', 'DECIMAL_INVALID'],
      [Number.NaN, 'DECIMAL_INVALID'],
      [true, 'DECIMAL_INVALID'],
      ['2,5', 'DECIMAL_AMBIGUOUS'],
      ['1.000.000', 'DECIMAL_AMBIGUOUS'],
    ] as const) {
      try {
        positiveDecimal(value, 'areaHa', limits);
        throw new Error(`accepted ${String(value)}`);
      } catch (error) {
        expect((error as DomainException).code).toBe(code);
        expect((error as DomainException).details).toEqual({ field: 'areaHa' });
      }
    }
  });

  it('takes the local calendar date of a date or date-time', () => {
    expect(localDate('2026-03-15', 'appliedAt')).toBe('2026-03-15');
    expect(localDate('2026-03-15T23:30:00+07:00', 'appliedAt')).toBe('2026-03-15');
    expect(localDate('2026-03-15T20:00:00Z', 'appliedAt')).toBe('2026-03-15');
  });

  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-15', 36)).toBe('2029-03-15');
  });
});
