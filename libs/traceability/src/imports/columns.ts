import { InvalidFieldException } from '../common/domain.exception.js';
import { searchKey } from '../common/text.js';
import { type CellValue, cellDate, cellDecimal, cellDigits, cellInteger, cellPhone, cellText } from './cell-values.js';
import type { AllowedValue, ImportColumn } from './import-kind.js';

type Headers = Pick<ImportColumn, 'key' | 'vi' | 'en' | 'required' | 'hintVi' | 'hintEn' | 'aliases'>;

export const textColumn = (h: Headers): ImportColumn => ({ ...h, read: (cell) => cellText(cell) ?? undefined });
export const decimalColumn = (h: Headers): ImportColumn => ({ ...h, hintVi: h.hintVi ?? 'Số, ví dụ 2,5 hoặc 25.000', hintEn: h.hintEn ?? 'A number, e.g. 2.5', read: (cell) => cellDecimal(cell) ?? undefined });
export const integerColumn = (h: Headers): ImportColumn => ({ ...h, read: (cell) => cellInteger(cell) ?? undefined });
export const dateColumn = (h: Headers): ImportColumn => ({ ...h, hintVi: h.hintVi ?? 'Ngày dd/mm/yyyy', hintEn: h.hintEn ?? 'Date dd/mm/yyyy', read: (cell, field) => cellDate(cell, field) ?? undefined });
export const phoneColumn = (h: Headers): ImportColumn => ({ ...h, read: (cell) => cellPhone(cell) ?? undefined });
export const digitsColumn = (h: Headers, lengths: readonly number[]): ImportColumn => ({ ...h, read: (cell) => cellDigits(cell, lengths) ?? undefined });

/**
 * A column of allowed values: the API's value (member_household) or its Vietnamese or English label
 * (Hộ thành viên, Member household), diacritics and case ignored. Anything else is passed on as
 * written, so the API's own check refuses it with its code.
 */
export function choiceColumn(h: Headers, allowed: readonly AllowedValue[]): ImportColumn {
  const byWord = new Map<string, string | number>();
  for (const a of allowed) for (const word of [String(a.value), a.vi, a.en]) byWord.set(searchKey(word), a.value);
  return {
    ...h,
    allowed,
    read: (cell: CellValue) => {
      const text = cellText(cell);
      if (text === null) return undefined;
      return byWord.get(searchKey(text)) ?? text;
    },
  };
}

/** A yes/no column (có/không, yes/no, x). */
export function booleanColumn(h: Headers): ImportColumn {
  return {
    ...h,
    read: (cell, field) => {
      if (typeof cell === 'boolean') return cell;
      const text = cellText(cell);
      if (text === null) return undefined;
      const word = searchKey(text);
      if (['co', 'yes', 'x', 'true', '1', 'dung'].includes(word)) return true;
      if (['khong', 'no', 'false', '0', 'sai'].includes(word)) return false;
      throw new InvalidFieldException('BOOLEAN_INVALID', field, `expected có/không (yes/no), got "${text}"`, 'bad_request');
    },
  };
}

/** A list in one cell, separated by ';' or a line break (owner households, target markets). */
export function listOf(cell: CellValue): string[] {
  const text = cellText(cell);
  return text === null ? [] : text.split(/[;\n]/).map((part) => part.trim()).filter(Boolean);
}
