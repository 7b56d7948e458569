import { Writable } from 'node:stream';
import { describe, it, expect } from '@jest/globals';
import ExcelJS from 'exceljs';
import { describeLocation, FSMA_COLUMNS, toFsmaCsv, toFsmaXlsxBuffer, writeFsmaXlsx, type FsmaRow } from './fsma.js';

/** A small RFC 4180 reader written for the test, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last record must end with CRLF');
  return rows;
}

const MILL = { name: 'HTX Thanh Xương — Xưởng xay xát "Mường Thanh"', detail: 'CS-07', address: 'Bản Co Mỵ', commune: 'Thanh Xương', province: 'Điện Biên', phone: '0215 3825 123' };
const FARM = { name: 'HTX Thanh Xương — Ruộng Co Mỵ', detail: 'mã vùng trồng VN-DBIH-0012', commune: 'Thanh Xương', province: 'Điện Biên', phone: '0215 3825 123' };
const rows: FsmaRow[] = [
  {
    eventId: 'e1',
    criticalTrackingEvent: 'Harvesting',
    // 2026-10-04T17:30Z is already 5 October in Vietnam
    eventDate: new Date('2026-10-04T17:30:00.000Z'),
    traceabilityLotCode: 'DB-2026-000123',
    productDescription: 'Lúa nếp Séng Cù',
    commodity: 'Lúa nếp (Sticky rice (paddy))',
    variety: 'Séng Cù',
    quantity: '1250.5',
    unitOfMeasure: 'kg',
    traceabilityLotCodeSource: FARM,
    eventLocation: FARM,
    harvestLocation: FARM,
    fieldName: 'Ruộng Co Mỵ (VN-DBIH-0012)',
    harvestDate: '2026-10-05',
    subsequentRecipient: MILL,
  },
  {
    eventId: 'e2',
    criticalTrackingEvent: 'Transformation',
    eventDate: new Date('2026-10-10T03:00:00.000Z'),
    traceabilityLotCode: 'DB-2026-000124',
    productDescription: 'Gạo nếp Séng Cù, túi 2 kg',
    quantity: '500',
    unitOfMeasure: 'pack',
    traceabilityLotCodeSource: MILL,
    traceabilityLotCodeSourceReference: 'GLN 8934588000011',
    eventLocation: MILL,
    inputTraceabilityLotCode: 'DB-2026-000123',
    inputProductDescription: 'Lúa nếp Séng Cù',
    inputQuantity: '1000',
    inputUnitOfMeasure: 'kg',
    referenceDocumentType: 'Lệnh sản xuất',
    referenceDocumentNumber: 'LSX-07',
  },
  {
    eventId: 'e3',
    criticalTrackingEvent: 'Shipping',
    eventDate: new Date('2026-10-12T00:15:00.000Z'),
    traceabilityLotCode: 'DB-2026-000124',
    productDescription: 'Gạo nếp Séng Cù, túi 2 kg',
    quantity: '120',
    unitOfMeasure: 'pack',
    traceabilityLotCodeSource: MILL,
    eventLocation: { name: 'HTX Thanh Xương', province: 'Điện Biên' },
    subsequentRecipient: { name: 'Fresh Asia Foods, Inc.', address: '12 Canal St,\nNew York, NY 10013', country: 'US', phone: '+1 212 555 0100' },
    referenceDocumentType: 'Hóa đơn',
    referenceDocumentNumber: '=HYPERLINK("http://evil")',
  },
];

/** The sheet's columns, written out here rather than taken from the code under test. */
const HEADER = [
  'Event ID',
  'Critical Tracking Event',
  'Event Date',
  'Traceability Lot Code',
  'Product Description',
  'Commodity',
  'Variety',
  'Quantity',
  'Unit of Measure',
  'Traceability Lot Code Source Location Description',
  'Traceability Lot Code Source Reference',
  'Event Location Description',
  'Immediate Previous Source Location Description',
  'Immediate Subsequent Recipient Location Description',
  'Field or Growing Area Name',
  'Harvest Location Description',
  'Harvester Business Name',
  'Harvester Phone Number',
  'Harvest Date',
  'Cooling Location Description',
  'Cooling Date',
  'Input Traceability Lot Code',
  'Input Product Description',
  'Input Quantity',
  'Input Unit of Measure',
  'Input Received Date',
  'Reference Document Type',
  'Reference Document Number',
];
const MILL_TEXT = 'HTX Thanh Xương — Xưởng xay xát "Mường Thanh" (CS-07); Bản Co Mỵ, Thanh Xương, Điện Biên, Vietnam; Tel. 0215 3825 123';
const FARM_TEXT = 'HTX Thanh Xương — Ruộng Co Mỵ (mã vùng trồng VN-DBIH-0012); Thanh Xương, Điện Biên, Vietnam; Tel. 0215 3825 123';
const row = (cells: Record<string, string>) => HEADER.map((column) => cells[column] ?? '');
const expectedRows = [
  HEADER,
  row({
    'Event ID': 'e1',
    'Critical Tracking Event': 'Harvesting',
    'Event Date': '2026-10-05',
    'Traceability Lot Code': 'DB-2026-000123',
    'Product Description': 'Lúa nếp Séng Cù',
    Commodity: 'Lúa nếp (Sticky rice (paddy))',
    Variety: 'Séng Cù',
    Quantity: '1250.5',
    'Unit of Measure': 'kg',
    'Traceability Lot Code Source Location Description': FARM_TEXT,
    'Event Location Description': FARM_TEXT,
    'Immediate Subsequent Recipient Location Description': MILL_TEXT,
    'Field or Growing Area Name': 'Ruộng Co Mỵ (VN-DBIH-0012)',
    'Harvest Location Description': FARM_TEXT,
    'Harvest Date': '2026-10-05',
  }),
  row({
    'Event ID': 'e2',
    'Critical Tracking Event': 'Transformation',
    'Event Date': '2026-10-10',
    'Traceability Lot Code': 'DB-2026-000124',
    'Product Description': 'Gạo nếp Séng Cù, túi 2 kg',
    Quantity: '500',
    'Unit of Measure': 'pack',
    'Traceability Lot Code Source Location Description': MILL_TEXT,
    'Traceability Lot Code Source Reference': 'GLN 8934588000011',
    'Event Location Description': MILL_TEXT,
    'Input Traceability Lot Code': 'DB-2026-000123',
    'Input Product Description': 'Lúa nếp Séng Cù',
    'Input Quantity': '1000',
    'Input Unit of Measure': 'kg',
    'Reference Document Type': 'Lệnh sản xuất',
    'Reference Document Number': 'LSX-07',
  }),
  row({
    'Event ID': 'e3',
    'Critical Tracking Event': 'Shipping',
    'Event Date': '2026-10-12',
    'Traceability Lot Code': 'DB-2026-000124',
    'Product Description': 'Gạo nếp Séng Cù, túi 2 kg',
    Quantity: '120',
    'Unit of Measure': 'pack',
    'Traceability Lot Code Source Location Description': MILL_TEXT,
    'Event Location Description': 'HTX Thanh Xương; Điện Biên, Vietnam',
    'Immediate Subsequent Recipient Location Description': 'Fresh Asia Foods, Inc.; 12 Canal St,\nNew York, NY 10013, United States; Tel. +1 212 555 0100',
    'Reference Document Type': 'Hóa đơn',
    'Reference Document Number': '=HYPERLINK("http://evil")',
  }),
];
const column = (name: string) => HEADER.indexOf(name);

describe('FSMA 204 sortable spreadsheet', () => {
  it('has the key data element columns', () => {
    expect([...FSMA_COLUMNS]).toEqual(HEADER);
  });

  it('writes a location description as name, address with the country, and phone', () => {
    expect(describeLocation({ name: 'Hộ Lò Văn Pọm', commune: 'Thanh Xương', province: 'Điện Biên' })).toBe('Hộ Lò Văn Pọm; Thanh Xương, Điện Biên, Vietnam');
    expect(describeLocation({ name: 'Importer', country: 'us', phone: '+1 5' })).toBe('Importer; United States; Tel. +1 5');
    expect(describeLocation(undefined)).toBe('');
  });

  describe('CSV', () => {
    const csv = toFsmaCsv(rows);

    it('starts with a UTF-8 byte order mark and ends records with CRLF', () => {
      const bytes = Buffer.from(csv, 'utf8');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(csv.split('\r\n')[0]).toBe(`\uFEFF${HEADER.join(',')}`);
    });

    it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
      expect(csv).toContain('"HTX Thanh Xương — Xưởng xay xát ""Mường Thanh"" (CS-07); Bản Co Mỵ, Thanh Xương, Điện Biên, Vietnam; Tel. 0215 3825 123"');
      expect(csv).toContain('"Fresh Asia Foods, Inc.; 12 Canal St,\nNew York, NY 10013, United States; Tel. +1 212 555 0100"');
      expect(csv).toContain('e1,Harvesting,2026-10-05,');
    });

    it('parses back to the same cells, Vietnamese intact, with formulas neutralised', () => {
      const parsed = parseCsv(Buffer.from(csv, 'utf8').toString('utf8').replace(/^\uFEFF/, ''));
      const expected = expectedRows.map((row) => [...row]);
      expected[3][column('Reference Document Number')] = '\'=HYPERLINK("http://evil")';
      expect(parsed).toEqual(expected);
    });

    it('writes only the header for no rows', () => {
      expect(parseCsv(toFsmaCsv([]).slice(1))).toEqual([[...FSMA_COLUMNS]]);
    });
  });

  async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as never);
    expect(workbook.worksheets).toHaveLength(1);
    return workbook.worksheets[0];
  }

  function cellTexts(sheet: ExcelJS.Worksheet): string[][] {
    const result: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const texts: string[] = [];
      for (let column = 1; column <= FSMA_COLUMNS.length; column++) {
        const value = row.getCell(column).value;
        texts.push(value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : String(value));
      }
      result.push(texts);
    });
    return result;
  }

  function expectSheet(sheet: ExcelJS.Worksheet) {
    expect(sheet.name).toBe('FSMA 204');
    expect(cellTexts(sheet)).toEqual(expectedRows); // text cells are never formulas: no neutralising
    // quantities and dates are real numbers and dates, so they sort as such
    const cell = (r: number, name: string) => sheet.getRow(r).getCell(column(name) + 1).value;
    expect(cell(2, 'Quantity')).toBe(1250.5);
    expect(cell(3, 'Input Quantity')).toBe(1000);
    expect(cell(2, 'Event Date')).toEqual(new Date('2026-10-05T00:00:00.000Z'));
    expect(cell(2, 'Harvest Date')).toEqual(new Date('2026-10-05T00:00:00.000Z'));
    expect(cell(4, 'Reference Document Number')).toBe('=HYPERLINK("http://evil")');
  }

  it('writes an XLSX buffer that reads back with the columns and Vietnamese text', async () => {
    const buffer = await toFsmaXlsxBuffer(rows);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip container
    expectSheet(await readBack(buffer));
  });

  it('streams an XLSX to a writable, rows from an async iterable', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        chunks.push(Buffer.from(chunk));
        callback();
      },
    });
    async function* fromCursor() {
      for (const row of rows) yield row;
    }
    await writeFsmaXlsx(fromCursor(), sink);
    expectSheet(await readBack(Buffer.concat(chunks)));
  });
});
