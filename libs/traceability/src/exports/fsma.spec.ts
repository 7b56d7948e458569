import { describe, it, expect } from '@jest/globals';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FSMA_COLUMNS, fsmaCriticalTrackingEvent, toFsmaCsv, toFsmaXlsxBuffer, writeFsmaXlsx, type FsmaRow } from './fsma.js';

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

const rows: FsmaRow[] = [
  {
    traceabilityLotCode: 'DB-2026-000123',
    traceabilityLotCodeSource: 'HTX Nông nghiệp Thanh Xương, xã Thanh Xương, Điện Biên',
    productDescription: 'Gạo nếp Séng Cù (thóc)',
    quantity: '1250.5',
    unitOfMeasure: 'kg',
    criticalTrackingEvent: 'Harvesting',
    // 2026-10-04T17:30Z is already 5 October in Vietnam
    eventDate: new Date('2026-10-04T17:30:00.000Z'),
    locationDescription: 'Vùng trồng VN-DBIH-0012, cánh đồng Mường Thanh',
  },
  {
    traceabilityLotCode: 'DB-2026-000124',
    traceabilityLotCodeSource: 'Xưởng xay xát "Mường Thanh", Điện Biên Phủ',
    productDescription: 'Gạo nếp Séng Cù, túi 2 kg',
    quantity: '500',
    unitOfMeasure: 'pack',
    criticalTrackingEvent: 'Transformation',
    eventDate: new Date('2026-10-10T03:00:00.000Z'),
    locationDescription: 'Xưởng xay xát "Mường Thanh", Điện Biên Phủ',
    previousSourceLocation: 'HTX Nông nghiệp Thanh Xương',
    referenceDocumentType: 'Lệnh sản xuất',
    referenceDocumentNumber: 'LSX-07',
  },
  {
    traceabilityLotCode: 'DB-2026-000124',
    traceabilityLotCodeSource: 'Xưởng xay xát "Mường Thanh", Điện Biên Phủ',
    productDescription: 'Gạo nếp Séng Cù, túi 2 kg',
    quantity: '120',
    unitOfMeasure: 'pack',
    criticalTrackingEvent: 'Shipping',
    eventDate: new Date('2026-10-12T00:15:00.000Z'),
    locationDescription: 'Kho HTX, Điện Biên Phủ',
    nextRecipientLocation: 'Cửa hàng OCOP Hà Nội,\n12 Phố Huế',
    referenceDocumentType: 'Hóa đơn',
    referenceDocumentNumber: '=HYPERLINK("http://evil")',
  },
];

const expectedRows = [
  [...FSMA_COLUMNS],
  [
    'DB-2026-000123',
    'HTX Nông nghiệp Thanh Xương, xã Thanh Xương, Điện Biên',
    'Gạo nếp Séng Cù (thóc)',
    '1250.5',
    'kg',
    'Harvesting',
    '2026-10-05',
    'Vùng trồng VN-DBIH-0012, cánh đồng Mường Thanh',
    '',
    '',
    '',
    '',
  ],
  [
    'DB-2026-000124',
    'Xưởng xay xát "Mường Thanh", Điện Biên Phủ',
    'Gạo nếp Séng Cù, túi 2 kg',
    '500',
    'pack',
    'Transformation',
    '2026-10-10',
    'Xưởng xay xát "Mường Thanh", Điện Biên Phủ',
    'HTX Nông nghiệp Thanh Xương',
    '',
    'Lệnh sản xuất',
    'LSX-07',
  ],
  [
    'DB-2026-000124',
    'Xưởng xay xát "Mường Thanh", Điện Biên Phủ',
    'Gạo nếp Séng Cù, túi 2 kg',
    '120',
    'pack',
    'Shipping',
    '2026-10-12',
    'Kho HTX, Điện Biên Phủ',
    '',
    'Cửa hàng OCOP Hà Nội,\n12 Phố Huế',
    'Hóa đơn',
    '=HYPERLINK("http://evil")',
  ],
];

describe('FSMA 204 sortable spreadsheet', () => {
  it('has the key data element columns', () => {
    expect([...FSMA_COLUMNS]).toEqual([
      'Traceability Lot Code',
      'Traceability Lot Code Source',
      'Product Description',
      'Quantity',
      'Unit of Measure',
      'Critical Tracking Event',
      'Event Date',
      'Location Description',
      'Previous Source Location',
      'Next Recipient Location',
      'Reference Document Type',
      'Reference Document Number',
    ]);
  });

  it('maps our event types to critical tracking events', () => {
    expect(fsmaCriticalTrackingEvent('harvest')).toBe('Harvesting');
    expect(fsmaCriticalTrackingEvent('transform')).toBe('Transformation');
    expect(fsmaCriticalTrackingEvent('split')).toBe('Transformation');
    expect(fsmaCriticalTrackingEvent('ship')).toBe('Shipping');
    expect(fsmaCriticalTrackingEvent('receive')).toBe('Receiving');
    expect(fsmaCriticalTrackingEvent('inspect')).toBeNull();
    expect(fsmaCriticalTrackingEvent('recall')).toBeNull();
  });

  describe('CSV', () => {
    const csv = toFsmaCsv(rows);

    it('starts with a UTF-8 byte order mark and ends records with CRLF', () => {
      const bytes = Buffer.from(csv, 'utf8');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(csv.split('\r\n')[0]).toBe(
        '\uFEFFTraceability Lot Code,Traceability Lot Code Source,Product Description,Quantity,Unit of Measure,Critical Tracking Event,Event Date,Location Description,Previous Source Location,Next Recipient Location,Reference Document Type,Reference Document Number',
      );
    });

    it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
      expect(csv).toContain('"Xưởng xay xát ""Mường Thanh"", Điện Biên Phủ"');
      expect(csv).toContain('"Cửa hàng OCOP Hà Nội,\n12 Phố Huế"');
      expect(csv).toContain(',Harvesting,2026-10-05,');
    });

    it('parses back to the same cells, Vietnamese intact, with formulas neutralised', () => {
      const parsed = parseCsv(Buffer.from(csv, 'utf8').toString('utf8').replace(/^\uFEFF/, ''));
      const expected = expectedRows.map((row) => [...row]);
      expected[3][11] = '\'=HYPERLINK("http://evil")';
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
    expect(sheet.getRow(2).getCell(4).value).toBe(1250.5);
    expect(sheet.getRow(2).getCell(7).value).toEqual(new Date('2026-10-05T00:00:00.000Z'));
    expect(sheet.getRow(4).getCell(12).value).toBe('=HYPERLINK("http://evil")');
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
