import { DomainException } from '../common/domain.exception.js';
import type { SheetTable } from './sheet-table.js';
import type { ImportKind } from './import-kind.js';

/** One problem of one row: the row and column as the clerk sees them, the API's code and message. */
export interface RowError {
  row: number;
  /** The header of the column as written in the file (null when the problem is the row as a whole). */
  column: string | null;
  field: string | null;
  code: string;
  message: string;
}

/** Request fields that come from a column of another name. */
const COLUMN_OF_FIELD: Record<string, string> = { ownerPartnerIds: 'owners', location: 'latitude', growingAreaId: 'growingArea', productId: 'product', partnerId: 'partner', occurredAt: 'date', harvestedAt: 'date', outputs: 'product' };

/**
 * The row errors an exception stands for: one per field of a VALIDATION_FAILED (the API names every
 * bad field at once), otherwise one naming details.field. Anything that is not a DomainException is
 * not the row's fault and is rethrown.
 */
export function rowErrorsOf(error: unknown, row: number, table: Pick<SheetTable, 'positions' | 'headers'>, kind: Pick<ImportKind, 'columns'>): RowError[] {
  if (!(error instanceof DomainException)) throw error;
  const fields = error.details?.fields as Record<string, string[]> | undefined;
  const located = (field: string | null) => {
    const key = field === null ? null : (COLUMN_OF_FIELD[field.split(/[.[]/)[0]] ?? field.split(/[.[]/)[0]);
    const position = key === null ? undefined : table.positions[key];
    const column = position === undefined ? (kind.columns.find((c) => c.key === key)?.vi ?? null) : (table.headers[position] ?? null);
    return { row, column, field };
  };
  if (error.code === 'VALIDATION_FAILED' && fields) {
    return Object.entries(fields).map(([field, problems]) => ({ ...located(field), code: error.code, message: `${field}: ${problems.join(', ')}` }));
  }
  const field = typeof error.details?.field === 'string' ? error.details.field : null;
  return [{ ...located(field), code: error.code, message: error.message }];
}
