import type { CellValue } from '../cell-values.js';
import type { ImportColumn } from '../import-kind.js';
import { rowErrorsOf, type RowError } from '../row-errors.js';
import type { SheetHeader } from './sheet-stream.js';

/** The field values of a row's cells by column key; cells that cannot be read add their errors. */
export function readRowCells(columns: readonly ImportColumn[], header: SheetHeader, row: number, cells: CellValue[], errors: RowError[]): Record<string, unknown> | null {
  const values: Record<string, unknown> = {};
  let ok = true;
  for (const column of columns) {
    const position = header.positions[column.key];
    if (position === undefined) continue;
    try {
      const value = column.read(cells[position] ?? null, column.key);
      if (value !== undefined) values[column.key] = value;
    } catch (error) {
      errors.push(...rowErrorsOf(error, row, header, { columns }));
      ok = false;
    }
  }
  return ok ? values : null;
}

/** The row's errors for an exception one of the operations' rules threw (anything else is rethrown). */
export function errorsAt(error: unknown, row: number, header: SheetHeader, columns: readonly ImportColumn[]): RowError[] {
  return rowErrorsOf(error, row, header, { columns });
}
