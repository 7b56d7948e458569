import { Decimal } from 'decimal.js';
import { parseDateTime, toLocalDate, VIETNAM_OFFSET } from '../../common/dates.js';
import { InvalidFieldException } from '../../common/domain.exception.js';
import { isAmbiguousNumberText } from '../../common/number-text.js';
import type { RegistryErrorCode } from '../registry.errors.js';

/** `areaHa` → `AREA_HA`: codes derived from field names stay predictable for clients. */
export function constantCase(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/**
 * Optional text from a request: NFC, trimmed; blank becomes null (so `""` clears a field like `null`
 * does); `undefined` stays `undefined` ("not given", which a PATCH leaves unchanged).
 */
export function optionalText(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const text = value.normalize('NFC').trim();
  return text === '' ? null : text;
}

/** Required text: NFC, trimmed, inner runs of whitespace collapsed; blank is refused naming the field. */
export function requiredText(value: string | null | undefined, field: string): string {
  const text = typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : '';
  if (!text) throw new InvalidFieldException('FIELD_REQUIRED', field, 'is required and must not be blank', 'bad_request');
  return text;
}

export interface DecimalLimits {
  /** Digits allowed after the decimal point (the column's scale). */
  scale: number;
  /** Digits allowed before it (precision − scale). */
  integerDigits: number;
}

/** The decimal fields that must be greater than 0, and the code each answers when it is not. */
const NOT_POSITIVE_CODES = {
  areaHa: 'AREA_HA_NOT_POSITIVE',
  dose: 'DOSE_NOT_POSITIVE',
  netContent: 'NET_CONTENT_NOT_POSITIVE',
  expectedYieldT: 'EXPECTED_YIELD_T_NOT_POSITIVE',
  maxYieldTPerHa: 'MAX_YIELD_NOT_POSITIVE',
} as const satisfies Record<string, RegistryErrorCode>;

export type PositiveDecimalField = keyof typeof NOT_POSITIVE_CODES;

/**
 * A decimal from a request, given as a JSON number or a decimal string ("2.35"). Malformed input is a
 * 400 `DECIMAL_INVALID`; zero or less a 422 code of the field (NOT_POSITIVE_CODES, e.g. `AREA_HA_NOT_POSITIVE`).
 * Returns the canonical decimal string ("2.350" → "2.35"). Never a float.
 */
export function positiveDecimal(value: unknown, field: PositiveDecimalField, limits: DecimalLimits, notPositiveCode: RegistryErrorCode = NOT_POSITIVE_CODES[field]): string {
  let text: string | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) text = new Decimal(value).toFixed();
  else if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) text = value.trim();
  if (text === undefined && isAmbiguousNumberText(value)) {
    throw new InvalidFieldException('DECIMAL_AMBIGUOUS', field, `${JSON.stringify(value)} can be read two ways; send a decimal with a dot and no thousands separator, such as "2.5"`, 'bad_request');
  }
  if (text === undefined) {
    throw new InvalidFieldException('DECIMAL_INVALID', field, `must be a number or a decimal string such as "2.5", got ${JSON.stringify(value)}`, 'bad_request');
  }
  const amount = new Decimal(text);
  if (amount.lte(0)) throw new InvalidFieldException(notPositiveCode, field, `must be greater than 0, got ${amount.toFixed()}`);
  if (amount.decimalPlaces() > limits.scale) {
    throw new InvalidFieldException('DECIMAL_INVALID', field, `at most ${limits.scale} decimal places`, 'bad_request');
  }
  if (amount.gte(new Decimal(10).pow(limits.integerDigits))) {
    throw new InvalidFieldException('DECIMAL_INVALID', field, `must be less than ${new Decimal(10).pow(limits.integerDigits).toFixed()}`, 'bad_request');
  }
  return amount.toFixed();
}

/** A numeric column as read from PostgreSQL ("2.3500") in canonical form ("2.35"). */
export function canonicalDecimal(value: string | null): string | null {
  return value === null || value === undefined ? null : new Decimal(value).toFixed();
}

/**
 * A calendar date from a request: "2026-03-15", or a date-time whose local date (in its own offset,
 * +07:00 when none is given) is taken. Returns 'YYYY-MM-DD'.
 */
export function localDate(value: string, field: string): string {
  const { instant, offset } = parseDateTime(value, field);
  return toLocalDate(instant, offset);
}

/** Today's date in Vietnam ('YYYY-MM-DD'). */
export function todayInVietnam(now: Date = new Date()): string {
  return toLocalDate(now, VIETNAM_OFFSET);
}

/** 'YYYY-MM-DD' + n days, in calendar days (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * 'YYYY-MM-DD' + n months, keeping the day of the month and clamping to the month's last day
 * (2024-02-29 + 36 months → 2027-02-28; 2026-08-31 + 1 month → 2026-09-30).
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A PATCH may leave a required field out, but not set it to null. */
export function rejectNull(input: object, fields: readonly string[]): void {
  for (const field of fields) {
    if ((input as Record<string, unknown>)[field] === null) {
      throw new InvalidFieldException('FIELD_REQUIRED', field, 'is required and cannot be null', 'bad_request');
    }
  }
}
