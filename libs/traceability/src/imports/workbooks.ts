import ExcelJS from 'exceljs';
import type { CellValue } from './cell-values.js';
import type { ImportKind } from './import-kind.js';
import type { ImportRow } from './import-job.entity.js';
import type { RowError } from './row-errors.js';

export type TemplateLanguage = 'vi' | 'en';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F5E9' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF3CD' } };
const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };

/**
 * The template of a kind: a sheet to fill with the headers (required ones marked *, hints as cell
 * notes), a sheet of example rows, and one listing the allowed values. Only the first sheet is read
 * back, so the examples are never imported by mistake.
 */
export async function templateWorkbook(kind: Pick<ImportKind, 'titleVi' | 'titleEn' | 'columns' | 'examples'> & { name: string }, language: TemplateLanguage): Promise<Buffer> {
  const vi = language === 'vi';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nguồn';
  const header = (c: ImportKind['columns'][number]) => `${vi ? c.vi : c.en}${c.required ? ' *' : ''}`;

  const data = workbook.addWorksheet(vi ? 'Dữ liệu' : 'Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(kind.columns.map(header));
  kind.columns.forEach((column, i) => {
    const cell = data.getRow(1).getCell(i + 1);
    cell.font = { bold: true };
    cell.fill = column.required ? REQUIRED_FILL : HEADER_FILL;
    const hint = [vi ? column.hintVi : column.hintEn, column.allowed ? `${vi ? 'Giá trị cho phép' : 'Allowed values'}: ${column.allowed.map((a) => (vi ? a.vi : a.en)).join('; ')}` : null]
      .filter(Boolean)
      .join('\n');
    if (hint) cell.note = hint;
    data.getColumn(i + 1).width = Math.max(14, header(column).length + 4);
    // Text columns stay text: Excel would otherwise drop the leading 0 of phone numbers and ids.
    if (!column.hintVi?.startsWith('Số,') && !column.hintVi?.startsWith('Ngày')) data.getColumn(i + 1).numFmt = '@';
  });

  const examples = workbook.addWorksheet(vi ? 'Ví dụ' : 'Examples');
  examples.addRow(kind.columns.map(header)).font = { bold: true };
  for (const example of kind.examples) examples.addRow(kind.columns.map((c) => example[c.key] ?? null));

  const allowed = workbook.addWorksheet(vi ? 'Giá trị cho phép' : 'Allowed values');
  allowed.addRow(vi ? ['Cột', 'Giá trị', 'Mã (API)'] : ['Column', 'Value', 'Code (API)']).font = { bold: true };
  for (const column of kind.columns) for (const a of column.allowed ?? []) allowed.addRow([vi ? column.vi : column.en, vi ? a.vi : a.en, a.value]);
  allowed.columns.forEach((c) => (c.width = 32));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The uploaded rows with one more column, "Lỗi" (errors), naming each problem of the row and the
 * column it is in; rows with errors are shaded. The clerk fixes the rows in this file and uploads it
 * again (the error column is ignored on the way back in).
 */
export async function annotatedWorkbook(headers: (string | null)[], rows: ImportRow[], errors: RowError[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  const errorColumn = headers.length + 1;
  sheet.addRow([...headers, 'Lỗi / Errors']).font = { bold: true };
  const byRow = new Map<number, RowError[]>();
  for (const error of errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
  for (const { row, cells } of rows) {
    const problems = byRow.get(row) ?? [];
    const written = sheet.addRow([...padded(cells, headers.length), problems.map((p) => `${p.column ? `[${p.column}] ` : ''}${p.code}: ${p.message}`).join('\n') || null]);
    if (problems.length) {
      written.getCell(errorColumn).fill = ERROR_FILL;
      written.getCell(errorColumn).alignment = { wrapText: true };
    }
  }
  sheet.getColumn(errorColumn).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function padded(cells: CellValue[], length: number): CellValue[] {
  return Array.from({ length: Math.max(length, cells.length) }, (_, i) => cells[i] ?? null);
}
