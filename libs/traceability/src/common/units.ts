import { Decimal } from 'decimal.js';
import { DomainException, InvalidFieldException } from './domain.exception.js';
import { isAmbiguousNumberText } from './number-text.js';

export const UNITS = ['kg', 't', 'g', 'l', 'ml', 'pcs', 'pack'] as const;
export type Unit = (typeof UNITS)[number];

export type UnitDimension = 'mass' | 'volume' | 'pieces' | 'packs';

/** Dimension of each unit and its factor to the dimension's base unit (kg, l, pcs, pack). */
const UNIT_TABLE: Record<Unit, { dimension: UnitDimension; toBase: string }> = {
  kg: { dimension: 'mass', toBase: '1' },
  t: { dimension: 'mass', toBase: '1000' },
  g: { dimension: 'mass', toBase: '0.001' },
  l: { dimension: 'volume', toBase: '1' },
  ml: { dimension: 'volume', toBase: '0.001' },
  pcs: { dimension: 'pieces', toBase: '1' },
  pack: { dimension: 'packs', toBase: '1' },
};

/**
 * Our own Decimal: 40 significant digits so a conversion through a net content (1 kg ÷ 0.3 kg per
 * pack) keeps far more precision than the 6 decimals we store; banker's rounding avoids drift.
 */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
type DecimalValue = InstanceType<typeof D>;

/** Quantities are stored with at most 6 decimals and 12 integer digits (numeric(18, 6)). */
const MAX_DECIMALS = 6;
const MAX_INTEGER_DIGITS = 12;

export function isUnit(value: unknown): value is Unit {
  return typeof value === 'string' && (UNITS as readonly string[]).includes(value);
}

export function parseUnit(value: unknown, field = 'unit'): Unit {
  const unit = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (!isUnit(unit)) {
    throw new InvalidFieldException('UNIT_UNKNOWN', field, `unknown unit ${JSON.stringify(value)}; use one of ${UNITS.join(', ')}`);
  }
  return unit;
}

export function unitDimension(unit: Unit): UnitDimension {
  return UNIT_TABLE[unit].dimension;
}

/**
 * A quantity from user input: a JSON number or a decimal string ("12.5"), > 0, at most 6 decimals.
 * Returns the canonical decimal string ("12.50" → "12.5"). Exponents, signs, commas and spaces
 * inside are refused: "1,5" is ambiguous between Vietnamese decimal comma and a thousands separator.
 */
export function parseQuantity(value: unknown, field = 'quantity'): string {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidFieldException('QUANTITY_INVALID', field, 'must be a finite number');
    // A JS number prints in its shortest round-trip form, e.g. 0.1 → "0.1", 1e-7 → "1e-7".
    text = new D(value).toFixed();
  } else if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) {
    text = value.trim();
  } else if (isAmbiguousNumberText(value)) {
    throw new InvalidFieldException('QUANTITY_AMBIGUOUS', field, `${JSON.stringify(value)} can be read two ways; send a decimal with a dot and no thousands separator, such as "25000" or "2.5"`, 'bad_request');
  } else {
    throw new InvalidFieldException('QUANTITY_INVALID', field, 'must be a positive number or decimal string such as "12.5"');
  }
  const quantity = new D(text);
  if (quantity.lte(0)) throw new InvalidFieldException('QUANTITY_INVALID', field, 'must be greater than 0');
  if (quantity.decimalPlaces() > MAX_DECIMALS) {
    throw new InvalidFieldException('QUANTITY_INVALID', field, `at most ${MAX_DECIMALS} decimal places`);
  }
  if (quantity.gte(new D(10).pow(MAX_INTEGER_DIGITS))) {
    throw new InvalidFieldException('QUANTITY_INVALID', field, `must be less than 10^${MAX_INTEGER_DIGITS}`);
  }
  return quantity.toFixed();
}

/** Net content of one piece or pack of a product, e.g. a 500 g pack: `{netContent: '500', netContentUnit: 'g'}`. */
export interface NetContent {
  netContent?: string | null;
  netContentUnit?: Unit | string | null;
}

function incompatible(from: Unit, to: Unit, why: string): DomainException {
  return new DomainException('UNIT_INCOMPATIBLE', `unit: cannot convert ${from} to ${to}: ${why}`, 'validation', { from, to });
}

/** The product's net content in the base unit of its dimension (kg or l), or an error saying why not. */
function netContentInBase(from: Unit, to: Unit, product?: NetContent): { dimension: UnitDimension; amount: DecimalValue } {
  if (!product?.netContent || !product.netContentUnit) {
    throw incompatible(from, to, 'the product has no net content per piece or pack');
  }
  const unit = parseUnit(product.netContentUnit, 'netContentUnit');
  const { dimension, toBase } = UNIT_TABLE[unit];
  if (dimension !== 'mass' && dimension !== 'volume') {
    throw incompatible(from, to, `net content must be a mass or volume, got ${unit}`);
  }
  const amount = new D(product.netContent).times(toBase);
  if (!amount.gt(0)) throw incompatible(from, to, 'net content must be greater than 0');
  return { dimension, amount };
}

function toDecimal(quantity: string | number): DecimalValue {
  let amount: DecimalValue | undefined;
  try {
    amount = new D(quantity);
  } catch {
    // reported below
  }
  if (!amount?.isFinite()) {
    throw new InvalidFieldException('QUANTITY_INVALID', 'quantity', `not a decimal number: ${JSON.stringify(quantity)}`);
  }
  return amount;
}

/**
 * Converts a quantity between units and returns a decimal string. Mass ↔ mass and volume ↔ volume
 * are exact. A count (pcs or pack) converts to/from mass or volume through the product's net content
 * per piece/pack. Pieces and packs never convert into each other (we do not know pieces per pack), and
 * mass never converts to volume (no density): both throw `UNIT_INCOMPATIBLE`.
 * The result may have more than 6 decimals (1 kg in 0.3 kg packs): round only when storing.
 */
export function convert(quantity: string | number, from: Unit, to: Unit, product?: NetContent): string {
  const source = UNIT_TABLE[parseUnit(from)];
  const target = UNIT_TABLE[parseUnit(to)];
  const amount = toDecimal(quantity);
  if (from === to) return amount.toFixed();

  if (source.dimension === target.dimension) {
    return amount.times(source.toBase).dividedBy(target.toBase).toFixed();
  }
  const isCount = (dimension: UnitDimension) => dimension === 'pieces' || dimension === 'packs';
  if (isCount(source.dimension) && isCount(target.dimension)) {
    throw incompatible(from, to, 'pieces and packs are not interchangeable');
  }
  if (isCount(source.dimension)) {
    const content = netContentInBase(from, to, product);
    if (content.dimension !== target.dimension) throw incompatible(from, to, `the net content is a ${content.dimension}`);
    return amount.times(content.amount).dividedBy(target.toBase).toFixed();
  }
  if (isCount(target.dimension)) {
    const content = netContentInBase(from, to, product);
    if (content.dimension !== source.dimension) throw incompatible(from, to, `the net content is a ${content.dimension}`);
    return amount.times(source.toBase).dividedBy(content.amount).toFixed();
  }
  throw incompatible(from, to, `${source.dimension} and ${target.dimension} are different quantities`);
}

/** Exact sum of decimal strings (mass balance arithmetic: never add floats). */
export function addQuantities(...quantities: (string | number)[]): string {
  return quantities.reduce<DecimalValue>((sum, quantity) => sum.plus(toDecimal(quantity)), new D(0)).toFixed();
}

/** a − b, exactly. */
export function subtractQuantities(a: string | number, b: string | number): string {
  return toDecimal(a).minus(toDecimal(b)).toFixed();
}

/** −1, 0 or 1 as a <, =, > b. */
export function compareQuantities(a: string | number, b: string | number): -1 | 0 | 1 {
  return toDecimal(a).comparedTo(toDecimal(b)) as -1 | 0 | 1;
}
