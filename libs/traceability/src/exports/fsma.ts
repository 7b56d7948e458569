import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { toLocalDate, VIETNAM_OFFSET } from '../common/dates.js';

/** FSMA 204 critical tracking events (21 CFR 1.1325–1.1350). */
export type FsmaCriticalTrackingEvent =
  | 'Harvesting'
  | 'Cooling'
  | 'Initial Packing'
  | 'First Land-Based Receiving'
  | 'Shipping'
  | 'Receiving'
  | 'Transformation';

/** One row of the sortable spreadsheet: one critical tracking event of one traceability lot. */
export interface FsmaRow {
  traceabilityLotCode: string;
  /** Location description of where the lot code was assigned (name and address). */
  traceabilityLotCodeSource: string;
  productDescription: string;
  /** Decimal string. */
  quantity: string;
  unitOfMeasure: string;
  criticalTrackingEvent: FsmaCriticalTrackingEvent;
  eventDate: Date;
  /** Offset of the place of the event, for its local date; defaults to Vietnam's +07:00. */
  eventTimeZoneOffset?: string;
  /** Where the event happened. */
  locationDescription: string;
  /** The immediate previous source (for receiving and transformation). */
  previousSourceLocation?: string;
  /** The immediate subsequent recipient (for shipping). */
  nextRecipientLocation?: string;
  referenceDocumentType?: string;
  referenceDocumentNumber?: string;
}

/** Our event types that are FSMA critical tracking events; inspect, recall and void are not. */
export function fsmaCriticalTrackingEvent(eventType: string): FsmaCriticalTrackingEvent | null {
  switch (eventType) {
    case 'harvest':
      return 'Harvesting';
    case 'transform':
    case 'split': // a split assigns new traceability lot codes, which FSMA counts as transformation
      return 'Transformation';
    case 'ship':
      return 'Shipping';
    case 'receive':
      return 'Receiving';
    default:
      return null;
  }
}

export const FSMA_COLUMNS = [
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
] as const;

/** The row as cells in column order; dates as the local calendar date YYYY-MM-DD, which sorts as text. */
function cells(row: FsmaRow): string[] {
  return [
    row.traceabilityLotCode,
    row.traceabilityLotCodeSource,
    row.productDescription,
    row.quantity,
    row.unitOfMeasure,
    row.criticalTrackingEvent,
    toLocalDate(row.eventDate, row.eventTimeZoneOffset ?? VIETNAM_OFFSET),
    row.locationDescription,
    row.previousSourceLocation ?? '',
    row.nextRecipientLocation ?? '',
    row.referenceDocumentType ?? '',
    row.referenceDocumentNumber ?? '',
  ];
}

const QUANTITY_COLUMN = 3;
const DATE_COLUMN = 6;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. Text
 * starting with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula (CSV
 * injection from a partner's name or a product description); quantities are left as numbers.
 */
function csvField(value: string, column: number): string {
  const text = column !== QUANTITY_COLUMN && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The sortable spreadsheet as CSV: RFC 4180 (CRLF line ends, header row), UTF-8 with a byte order mark
 * because Excel otherwise opens the file as Windows-1252 and garbles Vietnamese. Rows keep the given order.
 */
export function toFsmaCsv(rows: Iterable<FsmaRow>): string {
  const lines = [FSMA_COLUMNS.map((name, i) => csvField(name, i)).join(',')];
  for (const row of rows) lines.push(cells(row).map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Excel stores dates without a zone: write the local calendar date as a UTC midnight so it shows as is. */
function excelDate(localDate: string): Date {
  return new Date(`${localDate}T00:00:00.000Z`);
}

function xlsxValues(row: FsmaRow): (string | number | Date)[] {
  const values: (string | number | Date)[] = cells(row);
  // Real numbers and dates so the spreadsheet sorts and filters them as such.
  values[QUANTITY_COLUMN] = Number(row.quantity);
  values[DATE_COLUMN] = excelDate(values[DATE_COLUMN] as string);
  return values;
}

function columns() {
  return FSMA_COLUMNS.map((header, i) => ({
    header,
    key: `c${i}`,
    width: [22, 36, 36, 12, 10, 24, 12, 36, 36, 36, 22, 22][i],
    style: i === DATE_COLUMN ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
}

const SHEET_NAME = 'FSMA 204';

/**
 * Streams the sortable spreadsheet as XLSX to a writable (an HTTP response, a file): rows, which may
 * come from an async iterable such as a database cursor, are written and released one by one, so a
 * large trace does not sit in memory. Resolves when the workbook is written.
 */
export async function writeFsmaXlsx(rows: Iterable<FsmaRow> | AsyncIterable<FsmaRow>, stream: Writable): Promise<void> {
  // useSharedStrings off: inline strings can be flushed row by row.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns();
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FSMA_COLUMNS.length } };
  for await (const row of rows) worksheet.addRow(xlsxValues(row)).commit();
  worksheet.commit();
  await workbook.commit();
}

/** The sortable spreadsheet as an XLSX buffer, for small exports and tests. */
export async function toFsmaXlsxBuffer(rows: Iterable<FsmaRow>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns();
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FSMA_COLUMNS.length } };
  for (const row of rows) worksheet.addRow(xlsxValues(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
