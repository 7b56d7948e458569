import { Decimal } from 'decimal.js';
import { compareQuantities, convert, subtractQuantities, type NetContent, type Unit } from '../common/units.js';
import { plainCanonical, plainDifference } from './plain-decimal.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** Quantities are stored as numeric(18, 6). */
const STORED_DECIMALS = 6;

/**
 * The canonical text of a decimal: no exponent, no trailing zeros ("12.500000" → "12.5"). PostgreSQL
 * returns numeric(18, 6) with its scale, so this is how a quantity is hashed, compared and returned.
 */
export function canonicalQuantity(value: string | number): string {
  // PostgreSQL's text of a numeric without decimal.js (plain-decimal.ts); anything else through it.
  return (typeof value === 'string' ? plainCanonical(value) : undefined) ?? new D(value).toFixed();
}

/** Rounds to the 6 decimals the database keeps (a kg → pack conversion can have more), half to even. */
export function storedQuantity(value: string | number): string {
  return new D(value).toDecimalPlaces(STORED_DECIMALS, Decimal.ROUND_HALF_EVEN).toFixed();
}

/** A requested quantity in the lot's own unit, rounded as stored. Throws UNIT_INCOMPATIBLE. */
export function inLotUnit(quantity: string, unit: Unit, lotUnit: Unit, product: NetContent): string {
  return storedQuantity(convert(quantity, unit, lotUnit, product));
}

export interface Availability {
  quantity: string;
  consumed: string;
  available: string;
}

export function availability(quantity: string, consumed: string): Availability {
  const total = canonicalQuantity(quantity);
  const given = canonicalQuantity(consumed);
  // The difference of two plain decimals without decimal.js too, when it is exact in a double.
  const plain = typeof quantity === 'string' && typeof consumed === 'string' ? plainDifference(quantity, consumed) : undefined;
  return { quantity: total, consumed: given, available: plain ?? canonicalQuantity(subtractQuantities(quantity, consumed)) };
}

/** Whether `requested` more can be given out of a lot that has given out `consumed` of `quantity` (docs/rules.md, “Mass balance”). */
export function fitsInLot(quantity: string, consumed: string, requested: string): boolean {
  return compareQuantities(new D(consumed).plus(requested).toFixed(), quantity) <= 0;
}
