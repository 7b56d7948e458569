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

/**
 * A location description as 21 CFR 1.1310 defines it: business name, phone number, physical address
 * (or coordinates), city/province, and the country for places outside the United States.
 */
export interface FsmaLocation {
  name: string;
  /** What else names the place: a facility's official code, a growing area's code. */
  detail?: string | null;
  address?: string | null;
  commune?: string | null;
  province?: string | null;
  /** ISO 3166-1 alpha-2; absent means Vietnam. */
  country?: string | null;
  phone?: string | null;
}

/**
 * One row of the sortable spreadsheet: one critical tracking event of one traceability lot; an event
 * that used several input lots (transformation, initial packing) has one row per input lot, the
 * rows sharing the event id.
 */
export interface FsmaRow {
  eventId: string;
  criticalTrackingEvent: FsmaCriticalTrackingEvent;
  eventDate: Date;
  /** Offset of the place of the event, for its local date; defaults to Vietnam's +07:00. */
  eventTimeZoneOffset?: string;
  traceabilityLotCode: string;
  productDescription: string;
  commodity?: string;
  variety?: string;
  /** Decimal string. */
  quantity: string;
  unitOfMeasure: string;
  /** Where the traceability lot code was assigned. */
  traceabilityLotCodeSource?: FsmaLocation;
  /** A reference to it instead (a GLN). */
  traceabilityLotCodeSourceReference?: string;
  /** Where the event happened: the farm, where cooled, packed, shipped from, received, transformed. */
  eventLocation?: FsmaLocation;
  previousSource?: FsmaLocation;
  subsequentRecipient?: FsmaLocation;
  fieldName?: string;
  harvestLocation?: FsmaLocation;
  harvesterName?: string;
  harvesterPhone?: string;
  /** Local calendar dates (YYYY-MM-DD) at the offset of their own events, which may differ from this row's. */
  harvestDate?: string;
  coolingLocation?: FsmaLocation;
  coolingDate?: string;
  inputTraceabilityLotCode?: string;
  inputProductDescription?: string;
  inputQuantity?: string;
  inputUnitOfMeasure?: string;
  /** Initial packing: the date the packer received the raw food (YYYY-MM-DD). */
  inputReceivedDate?: string;
  referenceDocumentType?: string;
  referenceDocumentNumber?: string;
}

/**
 * The columns, in order, named after the key data elements of 21 CFR 1.1325–1.1350 (see README,
 * "Exports", for which CTE fills which). One layout for every CTE, so the sheet sorts and filters as
 * a whole; a column a CTE does not need stays empty on its rows.
 */
export const FSMA_COLUMNS = [
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
] as const;

export type FsmaColumn = (typeof FSMA_COLUMNS)[number];

const DATE_COLUMNS = new Set<FsmaColumn>(['Event Date', 'Harvest Date', 'Cooling Date', 'Input Received Date']);
const NUMBER_COLUMNS = new Set<FsmaColumn>(['Quantity', 'Input Quantity']);

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * A location description in one cell: "Name (detail); address, commune, province, Country; Tel. phone".
 * The name comes first so the column sorts by business.
 */
export function describeLocation(location: FsmaLocation | undefined): string {
  if (!location) return '';
  const name = location.detail ? `${location.name} (${location.detail})` : location.name;
  const country = countryNames.of((location.country ?? 'VN').toUpperCase()) ?? location.country ?? 'Vietnam';
  const place = [location.address, location.commune, location.province, country].filter(Boolean).join(', ');
  return [name, place, location.phone ? `Tel. ${location.phone}` : null].filter(Boolean).join('; ');
}

/** The row as cells in column order; dates as the local calendar date YYYY-MM-DD, which sorts as text. */
export function fsmaCells(row: FsmaRow): Record<FsmaColumn, string> {
  const offset = row.eventTimeZoneOffset ?? VIETNAM_OFFSET;
  return {
    'Event ID': row.eventId,
    'Critical Tracking Event': row.criticalTrackingEvent,
    'Event Date': toLocalDate(row.eventDate, offset),
    'Traceability Lot Code': row.traceabilityLotCode,
    'Product Description': row.productDescription,
    Commodity: row.commodity ?? '',
    Variety: row.variety ?? '',
    Quantity: row.quantity,
    'Unit of Measure': row.unitOfMeasure,
    'Traceability Lot Code Source Location Description': describeLocation(row.traceabilityLotCodeSource),
    'Traceability Lot Code Source Reference': row.traceabilityLotCodeSourceReference ?? '',
    'Event Location Description': describeLocation(row.eventLocation),
    'Immediate Previous Source Location Description': describeLocation(row.previousSource),
    'Immediate Subsequent Recipient Location Description': describeLocation(row.subsequentRecipient),
    'Field or Growing Area Name': row.fieldName ?? '',
    'Harvest Location Description': describeLocation(row.harvestLocation),
    'Harvester Business Name': row.harvesterName ?? '',
    'Harvester Phone Number': row.harvesterPhone ?? '',
    'Harvest Date': row.harvestDate ?? '',
    'Cooling Location Description': describeLocation(row.coolingLocation),
    'Cooling Date': row.coolingDate ?? '',
    'Input Traceability Lot Code': row.inputTraceabilityLotCode ?? '',
    'Input Product Description': row.inputProductDescription ?? '',
    'Input Quantity': row.inputQuantity ?? '',
    'Input Unit of Measure': row.inputUnitOfMeasure ?? '',
    'Input Received Date': row.inputReceivedDate ?? '',
    'Reference Document Type': row.referenceDocumentType ?? '',
    'Reference Document Number': row.referenceDocumentNumber ?? '',
  };
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. Text
 * starting with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula (CSV
 * injection from a partner's name or a product description); quantities are left as numbers.
 */
function csvField(value: string, column: FsmaColumn | null): string {
  const text = !(column && NUMBER_COLUMNS.has(column)) && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The sortable spreadsheet as CSV: RFC 4180 (CRLF line ends, header row), UTF-8 with a byte order mark
 * because Excel otherwise opens the file as Windows-1252 and garbles Vietnamese. Rows keep the given order.
 */
export function toFsmaCsv(rows: Iterable<FsmaRow>): string {
  const lines = [FSMA_COLUMNS.map((name) => csvField(name, null)).join(',')];
  for (const row of rows) {
    const cells = fsmaCells(row);
    lines.push(FSMA_COLUMNS.map((column) => csvField(cells[column], column)).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Excel stores dates without a zone: write the local calendar date as a UTC midnight so it shows as is. */
function excelDate(localDate: string): Date {
  return new Date(`${localDate}T00:00:00.000Z`);
}

function xlsxValues(row: FsmaRow): (string | number | Date | null)[] {
  const cells = fsmaCells(row);
  // Real numbers and dates so the spreadsheet sorts and filters them as such.
  return FSMA_COLUMNS.map((column) => {
    const text = cells[column];
    if (text === '') return null;
    if (NUMBER_COLUMNS.has(column)) return Number(text);
    if (DATE_COLUMNS.has(column)) return excelDate(text);
    return text;
  });
}

const WIDE = new Set<FsmaColumn>([
  'Traceability Lot Code Source Location Description',
  'Event Location Description',
  'Immediate Previous Source Location Description',
  'Immediate Subsequent Recipient Location Description',
  'Harvest Location Description',
  'Cooling Location Description',
  'Product Description',
  'Input Product Description',
]);

function columns() {
  return FSMA_COLUMNS.map((header, i) => ({
    header,
    key: `c${i}`,
    width: WIDE.has(header) ? 40 : NUMBER_COLUMNS.has(header) || DATE_COLUMNS.has(header) ? 12 : header === 'Event ID' ? 38 : 22,
    style: DATE_COLUMNS.has(header) ? { numFmt: 'yyyy-mm-dd' } : {},
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
