import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { DEFAULT_SHEET_LIMITS, readSpreadsheet } from './spreadsheet.js';
import { parseRange } from './merged-cells.js';
import { streamTable } from './history/sheet-stream.js';
import { locateTable } from './sheet-table.js';
import { choiceColumn, textColumn } from './columns.js';

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Hộ'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const columns = [
  choiceColumn({ key: 'kind', vi: 'Loại', en: 'Kind', required: true }, [{ value: 'member_household', vi: 'Hộ thành viên', en: 'Member household' }]),
  textColumn({ key: 'name', vi: 'Tên hộ / đối tác', en: 'Name', required: true }),
  textColumn({ key: 'phone', vi: 'Số điện thoại', en: 'Phone' }),
];

describe('reading a spreadsheet', () => {
  it('reads CSV in UTF-8 with and without a BOM, and UTF-16 with a BOM (Excel "Unicode text", tab-separated)', async () => {
    const text = 'Loại,Tên hộ / đối tác\nHộ thành viên,Hộ Lò Văn Panh\n';
    const withoutBom = await readSpreadsheet(Buffer.from(text, 'utf8'), 'ho.csv');
    const withBom = await readSpreadsheet(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'ho.csv');
    const utf16 = await readSpreadsheet(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/,/g, '\t'), 'utf16le')]), 'ho.txt');
    for (const rows of [withoutBom, withBom, utf16]) {
      expect(rows).toEqual([
        { row: 1, cells: ['Loại', 'Tên hộ / đối tác'] },
        { row: 2, cells: ['Hộ thành viên', 'Hộ Lò Văn Panh'] },
      ]);
    }
  });

  it('reads semicolon CSV with quoted fields, and leaves out blank and trailing empty rows', async () => {
    const rows = await readSpreadsheet(Buffer.from('Loại;Tên\r\n"Hộ thành viên";"Hộ ""Panh""; bản Co Mỵ"\r\n;;\r\n\r\n;\r\n', 'utf8'), 'ho.csv');
    expect(rows).toEqual([
      { row: 1, cells: ['Loại', 'Tên'] },
      { row: 2, cells: ['Hộ thành viên', 'Hộ "Panh"; bản Co Mỵ'] },
    ]);
  });

  it('refuses a CSV that is not UTF-8 or UTF-16 (e.g. Windows-1258) instead of guessing', async () => {
    const latin = Buffer.from([0x54, 0xea, 0x6e, 0x0a, 0xc0, 0x0a]);
    await expect(readSpreadsheet(latin, 'ho.csv')).rejects.toMatchObject({ code: 'IMPORT_FILE_CORRUPT' });
  });

  it('reads XLSX cells as plain values: numbers, dates, formulas by result, rich text, merged ranges', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['Tên', 'Ngày', 'SL', 'Ghi chú', 'Công thức']);
      sheet.addRow(['Hộ A', new Date(Date.UTC(2026, 2, 15)), 912345678, { richText: [{ text: 'Bản ' }, { text: 'Co Mỵ', font: { bold: true } }] }, { formula: '1+1', result: 2 }]);
      sheet.addRow(['Nhóm', null, null, null, null]);
      sheet.mergeCells('A3:C3');
    });
    const rows = await readSpreadsheet(bytes, 'ho.xlsx');
    expect(rows[1].cells).toEqual(['Hộ A', '2026-03-15', 912345678, 'Bản Co Mỵ', 2]);
    expect(rows[2].cells).toEqual(['Nhóm', 'Nhóm', 'Nhóm']);
  });

  it('gives every row of a range merged down its value, and leaves a row with nothing of its own blank (the same with the streaming reader of historical imports)', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['Tên', 'Xã', 'SL']);
      sheet.addRow(['Hộ A', 'Thanh Xương', 1]);
      sheet.addRow(['Hộ B', null, 2]);
      sheet.addRow(['Hộ C', null, 3]);
      sheet.addRow([null, null, null]);
      sheet.mergeCells('B2:B5');
    });
    const expected = [
      { row: 1, cells: ['Tên', 'Xã', 'SL'] },
      { row: 2, cells: ['Hộ A', 'Thanh Xương', 1] },
      { row: 3, cells: ['Hộ B', 'Thanh Xương', 2] },
      { row: 4, cells: ['Hộ C', 'Thanh Xương', 3] },
    ];
    expect(await readSpreadsheet(bytes, 'ho.xlsx')).toEqual(expected);
    const { header, rows } = await streamTable(bytes, 'ho.xlsx', [textColumn({ key: 'name', vi: 'Tên', en: 'Name' }), textColumn({ key: 'commune', vi: 'Xã', en: 'Commune' })], DEFAULT_SHEET_LIMITS);
    const streamed = [];
    for await (const row of rows) streamed.push(row);
    expect(header.headerRow).toBe(1);
    expect(streamed).toEqual(expected.slice(1));
  });

  it('reads merged ranges as Excel writes them (absolute references, a single cell is no range)', () => {
    expect(parseRange('C3:C7')).toEqual({ top: 3, left: 3, bottom: 7, right: 3 });
    expect(parseRange('$AA$10:$AB$12')).toEqual({ top: 10, left: 27, bottom: 12, right: 28 });
    expect(parseRange('B2')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseRange('nonsense')).toBeNull();
  });

  it('finds the header under a merged title row, with NFD headers and English or Vietnamese names', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['DANH SÁCH HỘ THÀNH VIÊN HTX THANH XƯƠNG']);
      sheet.mergeCells('A1:C1');
      sheet.addRow(['Loại *'.normalize('NFD'), 'TÊN HỘ / ĐỐI TÁC', 'Phone']);
      sheet.addRow(['Hộ thành viên', 'Hộ Lò Văn Panh', 912345678]);
      for (let i = 0; i < 5; i++) sheet.addRow([null, null, null]);
      sheet.getCell('C20').value = ' ';
    });
    const table = locateTable(await readSpreadsheet(bytes, 'ho.xlsx'), columns);
    expect(table.headerRow).toBe(2);
    expect(table.positions).toEqual({ kind: 0, name: 1, phone: 2 });
    expect(table.rows).toEqual([{ row: 3, cells: ['Hộ thành viên', 'Hộ Lò Văn Panh', 912345678] }]);
  });

  it('names required columns that are missing, and a file with no header', async () => {
    const noName = Buffer.from('Loại,Số điện thoại\nHộ thành viên,0912345678\n');
    await expect(readSpreadsheet(noName, 'a.csv').then((rows) => locateTable(rows, columns))).rejects.toMatchObject({ code: 'IMPORT_COLUMNS_MISSING', details: { columns: ['name'] } });
    const noHeader = Buffer.from('a,b\n1,2\n');
    await expect(readSpreadsheet(noHeader, 'a.csv').then((rows) => locateTable(rows, columns))).rejects.toMatchObject({ code: 'IMPORT_HEADER_NOT_FOUND' });
  });

  it('refuses a file too large, of another kind, an old .xls, a corrupt workbook and an empty file, each with its code', async () => {
    const big = Buffer.alloc(2048, 0x41);
    await expect(readSpreadsheet(big, 'a.csv', { maxBytes: 1024, maxRows: 10 })).rejects.toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', kind: 'bad_request' });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3, 0xff, 0x00])]);
    await expect(readSpreadsheet(pdf, 'a.pdf')).rejects.toMatchObject({ code: 'IMPORT_FILE_TYPE' });
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('Workbook', 'utf16le')]);
    await expect(readSpreadsheet(xls, 'a.xls')).rejects.toMatchObject({ code: 'IMPORT_FILE_TYPE' });
    const good = await xlsx((sheet) => sheet.addRow(['Loại', 'Tên']));
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    await expect(readSpreadsheet(truncated, 'a.xlsx')).rejects.toMatchObject({ code: 'IMPORT_FILE_CORRUPT' });
    await expect(readSpreadsheet(Buffer.alloc(0), 'a.csv')).rejects.toMatchObject({ code: 'IMPORT_FILE_EMPTY' });
  });
});
