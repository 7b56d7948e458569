import { searchKey } from '../common/text.js';
import type { CellValue } from './cell-values.js';
import { ImportFileException } from './import-errors.js';
import type { ImportColumn } from './import-kind.js';
import type { SheetRow } from './spreadsheet.js';

/** Where each column of a kind is in the file, and the header as the clerk wrote it. */
export interface SheetTable {
  headerRow: number;
  /** Column key → 0-based index in the row. */
  positions: Record<string, number>;
  /** The header row's cells (for the annotated file). */
  headers: (string | null)[];
  rows: SheetRow[];
}

/** A header compared the forgiving way: no diacritics, case, '*', hints in brackets or line breaks. */
export function headerKey(text: string): string {
  return searchKey(text.replace(/\(.*?\)|\[.*?\]|\*/g, ' ')).replace(/[^a-z0-9]+/g, ' ').trim();
}

const HEADER_SEARCH_ROWS = 10;

/**
 * Finds the header row among the first rows (a title row, a merged group header or a hint row may
 * come before or after it): the row naming the most columns, in Vietnamese, English or by field name.
 * The rows after it are the data; hint rows of our own template (they start with "→") are skipped.
 */
export function locateTable(rows: SheetRow[], columns: readonly ImportColumn[]): SheetTable {
  const header = locateHeader(rows, columns);
  const index = rows.findIndex((row) => row.row === header.headerRow);
  const data = rows.slice(index + 1).filter((row) => !isHintRow(row.cells));
  if (data.length === 0) throw new ImportFileException('IMPORT_FILE_EMPTY', 'the file has a header but no data rows');
  return { ...header, rows: data };
}

/** The header row among the first rows and where each column is (see locateTable). */
export function locateHeader(rows: SheetRow[], columns: readonly ImportColumn[]): Omit<SheetTable, 'rows'> {
  const names = new Map<string, string>();
  for (const column of columns) for (const name of [column.vi, column.en, column.key, ...(column.aliases ?? [])]) names.set(headerKey(name), column.key);
  let best: { index: number; positions: Record<string, number> } | null = null;
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const positions: Record<string, number> = {};
    rows[index].cells.forEach((cell, position) => {
      const key = typeof cell === 'string' ? names.get(headerKey(cell)) : undefined;
      // A merged header spans several cells that all carry its text: the first one is the column.
      if (key && positions[key] === undefined) positions[key] = position;
    });
    if (!best || Object.keys(positions).length > Object.keys(best.positions).length) best = { index, positions };
  }
  if (!best || Object.keys(best.positions).length === 0) {
    throw new ImportFileException('IMPORT_HEADER_NOT_FOUND', `no header row naming the template's columns in the first ${HEADER_SEARCH_ROWS} rows; start from the downloaded template`, {
      expected: columns.map((c) => c.vi),
    });
  }
  const missing = columns.filter((c) => c.required && best.positions[c.key] === undefined);
  if (missing.length) {
    throw new ImportFileException('IMPORT_COLUMNS_MISSING', `required columns missing: ${missing.map((c) => `${c.vi} (${c.en})`).join(', ')}`, {
      columns: missing.map((c) => c.key),
    });
  }
  return { headerRow: rows[best.index].row, positions: best.positions, headers: rows[best.index].cells.map((c) => (c === null ? null : String(c))) };
}

function isHintRow(cells: CellValue[]): boolean {
  return typeof cells.find((c) => c !== null) === 'string' && String(cells.find((c) => c !== null)).startsWith('→');
}
