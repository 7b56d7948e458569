import { decodeCsv, parseCsv } from './csv.js';
import type { CellValue } from './cell-values.js';
import { ImportFileException } from './import-errors.js';
import { type SheetRow, xlsxRows } from './xlsx-rows.js';

export type { SheetRow } from './xlsx-rows.js';

export interface SheetLimits {
  maxBytes: number;
  maxRows: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 200_000 };
/** What the API's body parser lets through for an upload: a file somewhat over the limit still gets IMPORT_FILE_TOO_LARGE. */
export const IMPORT_BODY_LIMIT_BYTES = 2 * DEFAULT_SHEET_LIMITS.maxBytes;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** OLE compound file: a legacy .xls, or an .xlsx that Excel encrypted with a password. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream name Office gives an encrypted package, in the UTF-16LE of the compound file's directory. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * Reads the first sheet of an XLSX workbook or a CSV file into its non-empty rows. Blank rows
 * (trailing ones Excel keeps after a deletion, or gaps) are left out; cells of merged ranges carry
 * the merged value (a date merged down over several rows is each row's date), but a row with nothing
 * of its own is blank. A file that is too large, of another kind, password-protected or corrupt is
 * refused with its own code before anything else happens.
 */
export async function readSpreadsheet(bytes: Buffer, fileName: string, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<SheetRow[]> {
  const rows = checkFileKind(bytes, fileName, limits) === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  if (rows.length > limits.maxRows + 10) {
    throw new ImportFileException('IMPORT_TOO_MANY_ROWS', `the file has ${rows.length} rows; at most ${limits.maxRows} are accepted per import`, { maxRows: limits.maxRows });
  }
  if (rows.length === 0) throw new ImportFileException('IMPORT_FILE_EMPTY', 'the file has no rows');
  return rows;
}

/** The whole-file checks before anything is read: size, empty, old or encrypted Excel, neither XLSX nor text. */
export function checkFileKind(bytes: Buffer, fileName: string, limits: SheetLimits): 'xlsx' | 'csv' {
  if (bytes.length > limits.maxBytes) {
    throw new ImportFileException('IMPORT_FILE_TOO_LARGE', `the file has ${bytes.length} bytes; at most ${limits.maxBytes} are accepted (split it into several files)`, {
      maxBytes: limits.maxBytes,
    });
  }
  if (bytes.length === 0) throw new ImportFileException('IMPORT_FILE_EMPTY', 'the file is empty');
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    if (bytes.includes(ENCRYPTED_PACKAGE)) throw new ImportFileException('IMPORT_FILE_ENCRYPTED', 'the workbook is protected by a password; remove the password in Excel (File → Info → Protect Workbook) and upload it again');
    throw new ImportFileException('IMPORT_FILE_TYPE', 'this is an old Excel 97–2003 (.xls) workbook; save it as .xlsx or CSV UTF-8');
  }
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  if (/\.(csv|txt|tsv)$/i.test(fileName) || looksLikeText(bytes)) return 'csv';
  throw new ImportFileException('IMPORT_FILE_TYPE', `"${fileName}" is neither an .xlsx workbook nor a CSV file`);
}

/** No NUL outside UTF-16 and no other control bytes than tab and line ends in the first kilobyte. */
function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 1024);
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (utf16) return true;
  for (const b of sample) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return false;
  return true;
}

function readCsv(bytes: Buffer): SheetRow[] {
  const text = decodeCsv(bytes);
  if (text.includes('\u0000')) throw new ImportFileException('IMPORT_FILE_CORRUPT', 'the CSV file holds NUL characters; it is no text file');
  return parseCsv(text)
    .map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => (cell.trim() === '' ? null : cell)) as CellValue[] }))
    .filter((row) => row.cells.some((cell) => cell !== null));
}

async function readXlsx(bytes: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of xlsxRows(bytes)) rows.push(row);
  return rows;
}
