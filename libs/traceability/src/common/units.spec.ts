import { describe, it, expect } from '@jest/globals';
import { DomainException } from './domain.exception.js';
import { addQuantities, compareQuantities, convert, isUnit, parseQuantity, parseUnit, subtractQuantities, UNITS, unitDimension } from './units.js';

function errorOf(fn: () => unknown): DomainException {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  throw new Error('expected a DomainException');
}

describe('units', () => {
  it('lists the seven units of docs/domain.md#identifiers', () => {
    expect([...UNITS]).toEqual(['kg', 't', 'g', 'l', 'ml', 'pcs', 'pack']);
    expect(isUnit('kg')).toBe(true);
    expect(isUnit('lb')).toBe(false);
    expect(unitDimension('t')).toBe('mass');
    expect(unitDimension('ml')).toBe('volume');
  });

  it('parseUnit accepts any case and refuses unknown units with UNIT_UNKNOWN naming the field', () => {
    expect(parseUnit(' KG ')).toBe('kg');
    const error = errorOf(() => parseUnit('bao', 'outputs[0].unit'));
    expect(error.code).toBe('UNIT_UNKNOWN');
    expect(error.message).toMatch(/^outputs\[0\]\.unit: /);
    expect(error.details).toEqual({ field: 'outputs[0].unit' });
  });
});

describe('parseQuantity', () => {
  it.each([
    [12.5, '12.5'],
    ['12.50', '12.5'],
    [' 7 ', '7'],
    ['0.000001', '0.000001'],
    [0.1, '0.1'],
    ['999999999999.999999', '999999999999.999999'],
    [1500, '1500'],
  ])('accepts %p as %p', (input, expected) => {
    expect(parseQuantity(input, 'quantity')).toBe(expected);
  });

  it.each([
    [0, 'zero'],
    ['0.000', 'zero'],
    [-1, 'negative'],
    ['-1', 'negative'],
    ['0.0000001', '7 decimals'],
    [1e-7, '7 decimals as a number'],
    ['1e3', 'exponent'],
    ['12 kg', 'unit inside'],
    ['', 'empty'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [null, 'null'],
    [undefined, 'missing'],
    [{}, 'object'],
    ['1000000000000', '13 integer digits'],
  ] as [unknown, string][])('refuses %p (%s) with QUANTITY_INVALID naming the field', (input) => {
    const error = errorOf(() => parseQuantity(input, 'inputs[1].quantity'));
    expect(error.code).toBe('QUANTITY_INVALID');
    expect(error.message).toMatch(/^inputs\[1\]\.quantity: /);
  });

  it.each(['1,5', '25.000,5', '25 000', '1.250.000'])('refuses %p with QUANTITY_AMBIGUOUS (400): it reads two ways, so it is not guessed', (input) => {
    const error = errorOf(() => parseQuantity(input, 'quantity'));
    expect(error.code).toBe('QUANTITY_AMBIGUOUS');
    expect(error.kind).toBe('bad_request');
    expect(error.message).toMatch(/^quantity: /);
  });
});

describe('convert', () => {
  it.each([
    ['2.5', 't', 'kg', '2500'],
    ['1500', 'g', 'kg', '1.5'],
    ['0.001', 'kg', 'g', '1'],
    ['1', 'g', 't', '0.000001'],
    ['750', 'ml', 'l', '0.75'],
    ['2', 'l', 'ml', '2000'],
    ['3', 'kg', 'kg', '3'],
    ['12', 'pcs', 'pcs', '12'],
  ] as const)('%s %s = %s %s', (quantity, from, to, expected) => {
    expect(convert(quantity, from, to)).toBe(expected);
  });

  it('is exact where binary floats are not', () => {
    // 0.1 + 0.2 kg as floats would give 300.00000000000006 g
    expect(convert(addQuantities('0.1', '0.2'), 'kg', 'g')).toBe('300');
  });

  const pack500g = { netContent: '500', netContentUnit: 'g' };
  const bottle330ml = { netContent: '330', netContentUnit: 'ml' };

  it('converts packs and pieces through the net content', () => {
    expect(convert('40', 'pack', 'kg', pack500g)).toBe('20');
    expect(convert('20', 'kg', 'pack', pack500g)).toBe('40');
    expect(convert('0.02', 't', 'pack', pack500g)).toBe('40');
    expect(convert('24', 'pcs', 'l', bottle330ml)).toBe('7.92');
    expect(convert('7.92', 'l', 'pcs', bottle330ml)).toBe('24');
    // 1 kg in 0.3 kg packs: not a whole number of packs, kept at 40 significant digits
    expect(convert('1', 'kg', 'pack', { netContent: '0.3', netContentUnit: 'kg' })).toBe('3.333333333333333333333333333333333333333');
  });

  it.each([
    ['kg', 'l', undefined, 'different quantities'],
    ['ml', 'g', undefined, 'different quantities'],
    ['pcs', 'pack', pack500g, 'not interchangeable'],
    ['pack', 'kg', undefined, 'no net content'],
    ['pack', 'kg', { netContent: null, netContentUnit: 'kg' }, 'no net content'],
    ['pack', 'l', pack500g, 'net content is a mass'],
    ['l', 'pcs', pack500g, 'net content is a mass'],
    ['pcs', 'kg', { netContent: '0', netContentUnit: 'g' }, 'greater than 0'],
    ['pack', 'kg', { netContent: '2', netContentUnit: 'pcs' }, 'mass or volume'],
  ] as const)('refuses %s → %s with UNIT_INCOMPATIBLE', (from, to, product, why) => {
    const error = errorOf(() => convert('1', from, to, product));
    expect(error.code).toBe('UNIT_INCOMPATIBLE');
    expect(error.message).toContain(why);
  });

  it('refuses unknown units and non-numbers', () => {
    expect(errorOf(() => convert('1', 'lb' as never, 'kg')).code).toBe('UNIT_UNKNOWN');
    expect(errorOf(() => convert('abc', 'kg', 'g')).code).toBe('QUANTITY_INVALID');
    expect(errorOf(() => convert('NaN', 'kg', 'g')).code).toBe('QUANTITY_INVALID');
  });
});

describe('quantity arithmetic', () => {
  it('adds, subtracts and compares exactly', () => {
    expect(addQuantities('0.1', '0.2', 0.3)).toBe('0.6');
    expect(addQuantities()).toBe('0');
    expect(subtractQuantities('100', '99.999999')).toBe('0.000001');
    expect(compareQuantities('0.3', addQuantities('0.1', '0.2'))).toBe(0);
    expect(compareQuantities('10', '9.999999')).toBe(1);
    expect(compareQuantities('2', '10')).toBe(-1);
  });
});
