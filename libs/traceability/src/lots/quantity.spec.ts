import { describe, expect, it } from '@jest/globals';
import { availability, canonicalQuantity, fitsInLot, inLotUnit, storedQuantity } from './quantity.js';

describe('lot quantities', () => {
  it('canonicalises PostgreSQL numerics and rounds conversions to the 6 stored decimals, half to even', () => {
    expect(canonicalQuantity('1250.500000')).toBe('1250.5');
    expect(canonicalQuantity('0.000000')).toBe('0');
    expect(storedQuantity('3.3333333333')).toBe('3.333333');
    expect(storedQuantity('0.0000005')).toBe('0');
    expect(storedQuantity('0.0000015')).toBe('0.000002');
  });

  it('converts a request into the lot’s unit, through the net content for packs', () => {
    const pack500g = { netContent: '500', netContentUnit: 'g' };
    expect(inLotUnit('1.5', 'kg', 'pack', pack500g)).toBe('3');
    expect(inLotUnit('1', 'kg', 'pack', { netContent: '0.3', netContentUnit: 'kg' })).toBe('3.333333');
    expect(inLotUnit('0.8', 't', 'kg', {})).toBe('800');
    expect(() => inLotUnit('1', 'pack', 'kg', {})).toThrow(expect.objectContaining({ code: 'UNIT_INCOMPATIBLE' }));
  });

  it('checks mass balance exactly, without floating point', () => {
    expect(fitsInLot('0.3', '0.1', '0.2')).toBe(true); // 0.1 + 0.2 is 0.30000000000000004 in floats
    expect(fitsInLot('100', '99.999999', '0.000001')).toBe(true);
    expect(fitsInLot('100', '99.999999', '0.000002')).toBe(false);
    expect(availability('100.000000', '99.999999')).toEqual({ quantity: '100', consumed: '99.999999', available: '0.000001' });
  });
});
