import { InvalidFieldException } from '../common/domain.exception.js';

/**
 * A cell as read from a sheet: text, a number, a boolean, or null when empty. Dates read from XLSX
 * date cells arrive as 'YYYY-MM-DD' text (or an ISO instant when they carry a time of day).
 */
export type CellValue = string | number | boolean | null;

/** Text of a cell, NFC, trimmed, inner whitespace kept; empty → null. */
export function cellText(value: CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numberText(value);
  const text = String(value).normalize('NFC').trim();
  return text === '' ? null : text;
}

/** A number as a clerk typed it: 912345678 stays "912345678", never "9.12345678e8". */
function numberText(value: number): string {
  return Number.isInteger(value) ? BigInt(Math.round(value)).toString() : String(value);
}

/**
 * A decimal from a cell, as a canonical decimal string. Number cells are taken as they are. Text is
 * read the Vietnamese way first: '.' groups thousands and ',' marks decimals ("25.000" is twenty-five
 * thousand, "25.000,5" and "2,5" have decimals); text that cannot be Vietnamese ("2.5", "1,234.5") is
 * read the English way. Returns the raw text when it is no number, so the API's own check names it.
 */
export function cellDecimal(value: CellValue): string | number | null {
  if (typeof value === 'number') return value;
  const text = cellText(value);
  if (text === null) return null;
  const compact = text.replace(/[\s\u00a0]/g, '');
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both separators: the last one marks the decimals.
    normal = lastComma > lastDot ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(/,/g, '');
  } else if (lastComma >= 0) {
    normal = /^-?\d{1,3}(,\d{3}){2,}$/.test(compact) ? compact.replace(/,/g, '') : compact.replace(',', '.');
  } else if (lastDot >= 0) {
    // "25.000" and "1.234.567" group thousands; a single dot with other than three digits after it is a decimal point.
    normal = /^-?\d{1,3}(\.\d{3})+$/.test(compact) ? compact.replace(/\./g, '') : compact;
  } else {
    normal = compact;
  }
  return /^-?\d+(\.\d+)?$/.test(normal) ? normal.replace(/^(-?)0+(?=\d)/, '$1') : text;
}

/** A whole number from a cell (OCOP group, days…); raw text when it is none. */
export function cellInteger(value: CellValue): number | string | null {
  const decimal = cellDecimal(value);
  if (decimal === null) return null;
  const number = typeof decimal === 'number' ? decimal : /^-?\d+$/.test(decimal) ? Number(decimal) : NaN;
  return Number.isSafeInteger(number) ? number : String(decimal);
}

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included), so serial 45000 is 2023-03-15. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A calendar date from a cell as 'YYYY-MM-DD': dd/mm/yyyy (also with '-' or '.', one-digit day and
 * month), yyyy-mm-dd, an Excel serial number (a date cell Excel stored as a plain number), or a date
 * cell. Anything else is refused naming the field, with the code the API gives for a bad date.
 */
export function cellDate(value: CellValue, field: string): string | null {
  if (value === null) return null;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{4,5}(\.\d+)?$/.test(value.trim()))) {
    const serial = Number(value);
    if (serial >= 1 && serial < 2_958_466) return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
  }
  const text = cellText(value);
  if (text === null) return null;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return calendarDate(Number(match[3]), Number(match[2]), Number(match[1]), field, text);
  match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text);
  if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]), field, text);
  throw badDate(field, text);
}

function calendarDate(year: number, month: number, day: number, field: string, text: string): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw badDate(field, text);
  return date.toISOString().slice(0, 10);
}

function badDate(field: string, text: string): InvalidFieldException {
  return new InvalidFieldException('DATE_INVALID', field, `expected a date as dd/mm/yyyy, got "${text}"`, 'bad_request');
}

/**
 * A phone number from a cell. Excel turns 0912 345 678 typed into a number cell into 912345678 (the
 * leading zero lost) and +84 912 345 678 into 84912345678: both are given back as a clerk wrote them.
 */
export function cellPhone(value: CellValue): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) {
    const digits = numberText(value);
    if (/^[1-9]\d{8}$/.test(digits)) return `0${digits}`;
    if (/^84[1-9]\d{8}$/.test(digits)) return `+${digits}`;
    return digits;
  }
  return cellText(value);
}

/** Digits of an id (CCCD 12 digits, old CMND 9, tax code) that Excel stored as a number, leading zeros restored. */
export function cellDigits(value: CellValue, lengths: readonly number[]): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) {
    const digits = numberText(value);
    const length = lengths.find((n) => n >= digits.length);
    return length ? digits.padStart(length, '0') : digits;
  }
  return cellText(value);
}
