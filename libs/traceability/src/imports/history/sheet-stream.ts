import type { CellValue } from '../cell-values.js';
import { decodeCsv } from '../csv.js';
import { ImportFileException } from '../import-errors.js';
import type { ImportColumn } from '../import-kind.js';
import { locateHeader, type SheetTable } from '../sheet-table.js';
import { checkFileKind, type SheetLimits } from '../spreadsheet.js';
import { type SheetRow, xlsxRows } from '../xlsx-rows.js';

/** Where the columns are: a SheetTable without its rows (they are streamed). */
export type SheetHeader = Omit<SheetTable, 'rows'>;

const HEADER_SEARCH_ROWS = 10;

/**
 * The rows of a sheet one at a time, never all of them at once: historical imports run to 100,000
 * rows, and the worker's memory must not grow with the file (docs/architecture.md, "Historical
 * imports"). The same whole-file checks as readSpreadsheet (size, kind, password, corrupt); the
 * header is found among the first rows exactly as locateTable finds it.
 */
export async function streamTable(bytes: Buffer, fileName: string, columns: readonly ImportColumn[], limits: SheetLimits): Promise<{ header: SheetHeader; rows: AsyncIterable<SheetRow> }> {
  const kind = checkFileKind(bytes, fileName, limits);
  const source = kind === 'xlsx' ? xlsxRows(bytes) : csvRows(bytes);
  const iterator = source[Symbol.asyncIterator]();
  const first: SheetRow[] = [];
  while (first.length < HEADER_SEARCH_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    first.push(next.value);
  }
  if (first.length === 0) throw new ImportFileException('IMPORT_FILE_EMPTY', 'the file has no rows');
  const header = locateHeader(first, columns);
  const buffered = first.slice(first.findIndex((r) => r.row === header.headerRow) + 1);
  let count = 0;
  async function* rows(): AsyncGenerator<SheetRow> {
    const take = (row: SheetRow) => {
      if (isHintRow(row.cells)) return false;
      if (++count > limits.maxRows) {
        throw new ImportFileException('IMPORT_TOO_MANY_ROWS', `the file has more than ${limits.maxRows} rows; at most ${limits.maxRows} are accepted per import`, { maxRows: limits.maxRows });
      }
      return true;
    };
    for (const row of buffered) if (take(row)) yield row;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) if (take(next.value)) yield next.value;
    if (count === 0) throw new ImportFileException('IMPORT_FILE_EMPTY', 'the file has a header but no data rows');
  }
  return { header, rows: rows() };
}

function isHintRow(cells: CellValue[]): boolean {
  const first = cells.find((c) => c !== null);
  return typeof first === 'string' && first.startsWith('→');
}

/** Non-empty CSV rows, parsed as they are reached (RFC 4180, separator detected as parseCsv does). */
async function* csvRows(bytes: Buffer): AsyncGenerator<SheetRow> {
  const text = decodeCsv(bytes);
  if (text.includes('\u0000')) throw new ImportFileException('IMPORT_FILE_CORRUPT', 'the CSV file holds NUL characters; it is no text file');
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n|$/)));
  const sep = ['\t', ';', ','].map((s) => ({ s, n: firstLine.split(s).length - 1 })).reduce((best, c) => (c.n > best.n ? c : best)).s;
  let row = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cells: CellValue[] = [];
    row++;
    for (;;) {
      let field: string;
      if (text[i] === '"') {
        let value = '';
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            value += text.slice(i);
            i = n;
            break;
          }
          value += text.slice(i, q);
          if (text[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Anything between the closing quote and the separator belongs to the field, as parseCsv reads it.
        let end = i;
        while (end < n && text[end] !== sep && text[end] !== '\n' && text[end] !== '\r') end++;
        field = value + text.slice(i, end);
        i = end;
      } else {
        let end = i;
        while (end < n && text[end] !== sep && text[end] !== '\n' && text[end] !== '\r') end++;
        field = text.slice(i, end);
        i = end;
      }
      cells.push(field.trim() === '' ? null : field);
      if (i < n && text[i] === sep) {
        i++;
        continue;
      }
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
      else if (i < n) i++;
      break;
    }
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    if (cells.length) yield { row, cells };
  }
}
