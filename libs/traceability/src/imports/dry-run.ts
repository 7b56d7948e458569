import type { Caller } from '../accounts/caller.js';
import { DomainException } from '../common/domain.exception.js';
import type { CellValue } from './cell-values.js';
import type { ImportContext, ImportKind } from './import-kind.js';
import type { ImportRow } from './import-job.entity.js';
import { rowErrorsOf, type RowError } from './row-errors.js';
import type { SheetTable } from './sheet-table.js';

/**
 * The API's check of a request body's shape (types, formats, allowed values), given by the API layer
 * that owns the request classes, so a row is refused with the same VALIDATION_FAILED as a request.
 */
export type ShapeCheck = (input: object) => Promise<void>;

export interface DryRunResult {
  rows: ImportRow[];
  errors: RowError[];
}

/** The field values of a row's cells; cells that cannot be read add their error to `problems`. */
function readCells(kind: ImportKind, positions: Record<string, number>, cells: CellValue[], problems: unknown[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const column of kind.columns) {
    const position = positions[column.key];
    if (position === undefined) continue;
    try {
      const value = column.read(cells[position] ?? null, column.key);
      if (value !== undefined) values[column.key] = value;
    } catch (error) {
      problems.push(error);
    }
  }
  return values;
}

/** The request body of a row; throws RowCellErrors when cells cannot be read. */
export function rowInput(kind: ImportKind, table: Pick<SheetTable, 'positions' | 'headers'>, cells: CellValue[], row: number, context: ImportContext): object {
  const problems: unknown[] = [];
  const values = readCells(kind, table.positions, cells, problems);
  if (problems.length) throw new RowCellErrors(problems, row);
  return kind.toInput(values, context);
}

/** Several cells of one row could not be read. */
export class RowCellErrors extends Error {
  constructor(
    readonly errors: unknown[],
    readonly row: number,
  ) {
    super(`row ${row}: ${errors.length} cells cannot be read`);
  }
}

export function errorsOfRow(error: unknown, row: number, table: SheetTable, kind: ImportKind): RowError[] {
  if (error instanceof RowCellErrors) return error.errors.flatMap((e) => rowErrorsOf(e, row, table, kind));
  return rowErrorsOf(error, row, table, kind);
}

/**
 * Every row checked as the API checks a request, nothing written: cells read (Vietnamese numbers and
 * dates), the request's shape, then the service's own rules for rows that would make a new record.
 * A row naming a record that exists (by its natural key) would be left alone, or updated when asked;
 * two rows naming the same record are an error of the second.
 */
export async function dryRun(caller: Caller, kind: ImportKind, table: SheetTable, shapeCheck: ShapeCheck): Promise<DryRunResult> {
  const context: ImportContext = { caller, lookups: (await kind.prepare?.(caller)) ?? new Map() };
  const existing = await kind.existingKeys(caller.organizationId);
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const { row, cells } of table.rows) {
    let plan: ImportRow['plan'] = 'invalid';
    try {
      // Every problem of the row at once: unreadable cells, then the request's shape for the rest.
      const problems: unknown[] = [];
      const values = readCells(kind, table.positions, cells, problems);
      let input: object | undefined;
      try {
        input = kind.toInput(values, context);
        await shapeCheck(input);
      } catch (error) {
        problems.push(error);
      }
      if (problems.length || !input) throw new RowCellErrors(problems, row);
      const key = kind.naturalKey(input as never);
      const first = seen.get(key);
      if (first !== undefined) throw new DomainException('IMPORT_DUPLICATE_ROW', `row ${row} names the same record as row ${first}`, 'validation', { firstRow: first });
      seen.set(key, row);
      if (existing.has(key)) plan = 'exists';
      else {
        await kind.check(caller, input as never);
        plan = 'create';
      }
    } catch (error) {
      errors.push(...errorsOfRow(error, row, table, kind));
    }
    rows.push({ row, cells, plan });
  }
  return { rows, errors };
}
