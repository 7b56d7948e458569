import { describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { subtractQuantities } from '../common/units.js';
import { plainCanonical, plainDifference } from './plain-decimal.js';
import { availability, canonicalQuantity, fitsInLot, inLotUnit, storedQuantity } from './quantity.js';

/** decimal.js as quantity.ts used it before its plain-text fast path: the reference, to the byte. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
const referenceCanonical = (value: string | number) => new D(value).toFixed();
const referenceAvailability = (quantity: string, consumed: string) => ({
  quantity: referenceCanonical(quantity),
  consumed: referenceCanonical(consumed),
  available: referenceCanonical(subtractQuantities(quantity, consumed)),
});
/** What a call gives, or the error it throws (its class and message), to compare two implementations. */
const outcome = (run: () => unknown) => {
  try {
    return { value: run() };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
};

/** A seeded generator (mulberry32): the same values at every run, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * (max + 1));
  const digits = (n: number) => Array.from({ length: n }, () => String(int(9))).join('');
  const pick = <T>(values: readonly T[]) => values[int(values.length - 1)];
  return { next, int, digits, pick };
}

const ODD_TEXTS = [
  '1e5', '-1.5E-3', '2.50e+2', '+5', '+0.5', '.5', '-.5', '5.', '-5.', ' 5', '5 ', '\t5', '0x1F', '0b101', '0o17', 'Infinity', '-Infinity', 'NaN',
  '', '-', '--5', '1.2.3', '1_000', '1,5', '١٢', '５', '-0', '-0.0', '-000.000000', '0', '00', '0.0', '0.000000', '000123.4500',
] as const;

/** Decimal texts: PostgreSQL's numeric(18, 6) text, other plain decimals (leading and trailing zeros, negative, long) and odd forms. */
function decimalTexts(seed: number, count: number): string[] {
  const r = random(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = r.int(9);
    const sign = r.int(4) === 0 ? '-' : '';
    if (kind <= 3) {
      // numeric(18, 6) as PostgreSQL prints it: up to 12 integer digits, always 6 decimals.
      const integer = String(BigInt(r.digits(1 + r.int(11))));
      const fraction = r.int(2) === 0 ? '000000' : r.digits(6);
      texts.push(`${sign}${integer}.${fraction}`);
    } else if (kind <= 6) {
      const integer = '0'.repeat(r.int(2) === 0 ? r.int(3) : 0) + (r.int(3) === 0 ? '0' : r.digits(1 + r.int(17)));
      const fraction = r.int(3) === 0 ? '' : `.${r.digits(r.int(12))}${'0'.repeat(r.int(3))}`.replace(/^\.$/, '.0');
      texts.push(`${sign}${integer}${fraction}`);
    } else if (kind === 7) {
      texts.push(`${sign}${r.digits(20 + r.int(40))}${r.int(1) ? `.${r.digits(1 + r.int(40))}` : ''}`);
    } else if (kind === 8) {
      texts.push(`${sign}0.${'0'.repeat(r.int(20))}${r.digits(r.int(8))}`);
    } else {
      texts.push(r.pick(ODD_TEXTS));
    }
  }
  return texts;
}

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

  it('gives PostgreSQL’s numerics the same canonical text as decimal.js, to the byte (the fast path answers only when sure)', () => {
    const texts = [...ODD_TEXTS, ...decimalTexts(19, 20_000)];
    let fast = 0;
    for (const text of texts) {
      const plain = plainCanonical(text);
      if (plain !== undefined) {
        fast++;
        expect([text, plain]).toEqual([text, referenceCanonical(text)]);
      }
      expect([text, outcome(() => canonicalQuantity(text))]).toEqual([text, outcome(() => referenceCanonical(text))]);
    }
    for (const value of [0, -0, 1.5, 1e21, 0.1 + 0.2, -42]) expect(canonicalQuantity(value)).toBe(referenceCanonical(value));
    // Every plain decimal is answered without decimal.js (the odd forms and numbers are not).
    expect(fast).toBeGreaterThan(texts.length * 0.85);
  });

  it('computes what is available exactly as decimal.js does, for any pair of decimals', () => {
    const quantities = decimalTexts(20, 20_000);
    const consumed = decimalTexts(21, 20_000);
    const r = random(22);
    let fast = 0;
    for (let i = 0; i < quantities.length; i++) {
      // Half the pairs as lots have them: what was given out is part of the quantity, at the same scale.
      const quantity = quantities[i];
      const given = i % 2 === 0 || !/^\d+\.\d{6}$/.test(quantity) ? consumed[i] : `${(BigInt(quantity.replace('.', '')) * BigInt(r.int(100)) / 100n).toString().padStart(7, '0').replace(/(\d{6})$/, '.$1')}`;
      const plain = plainDifference(quantity, given);
      // Lots' own quantities (up to 9 integer digits at PostgreSQL's scale of 6) never need decimal.js.
      if (/^-?\d{1,9}\.\d{6}$/.test(quantity) && /^-?\d{1,9}\.\d{6}$/.test(given)) expect([quantity, given, plain]).not.toEqual([quantity, given, undefined]);
      if (plain !== undefined) {
        fast++;
        expect([quantity, given, plain]).toEqual([quantity, given, referenceCanonical(new D(quantity).minus(given).toFixed())]);
      }
      expect([quantity, given, outcome(() => availability(quantity, given))]).toEqual([quantity, given, outcome(() => referenceAvailability(quantity, given))]);
    }
    expect(fast).toBeGreaterThan(quantities.length * 0.3);
  });
});
