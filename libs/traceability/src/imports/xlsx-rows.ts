import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { CellValue } from './cell-values.js';
import { ImportFileException } from './import-errors.js';
import { mergedRanges, MergeFiller } from './merged-cells.js';
import { ZipArchive } from './zip-archive.js';

/** One non-empty row of a sheet: its number as the clerk sees it (1-based) and its cells. */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

/**
 * The non-empty rows of a workbook's data sheet, one at a time, read straight from the XLSX archive
 * (docs/architecture.md, "Reading spreadsheets"): the first visible sheet that has a row, in the
 * order the workbook lists its sheets. Cells come as plain values — text, numbers, booleans, dates as
 * 'YYYY-MM-DD' (or an ISO instant with a time of day), formulas by their last result — and the cells
 * of a merged range carry its value; a row with nothing of its own is left out.
 *
 * The archive's parts are found through its table of contents, so the order a program wrote them in
 * does not matter (Excel puts the shared strings last, others the sheet list), and only one row of
 * the sheet is held at a time: a historical import runs to 100,000 rows.
 */
export async function* xlsxRows(bytes: Buffer): AsyncGenerator<SheetRow> {
  let zip: ZipArchive;
  let book: Workbook;
  try {
    zip = new ZipArchive(bytes);
    book = await readWorkbook(zip);
  } catch (error) {
    throw asCorrupt(error);
  }
  for (const sheet of book.sheets) {
    let rows = 0;
    try {
      const source = zip.stream(sheet.path);
      if (!source) continue;
      const merges = new MergeFiller(await mergedRanges(zip.stream(sheet.path)!));
      for await (const row of sheetRows(source, book)) {
        const cells = merges.empty ? row.cells : merges.fill(row.row, row.cells);
        if (!cells) continue;
        while (cells.length && cells[cells.length - 1] === null) cells.pop();
        if (cells.length === 0) continue;
        rows++;
        yield { row: row.row, cells };
      }
    } catch (error) {
      throw asCorrupt(error);
    }
    // Only the first sheet with rows is data; a template's other sheets hold examples and allowed values.
    if (rows > 0) return;
  }
}

function asCorrupt(error: unknown): ImportFileException {
  if (error instanceof ImportFileException) return error;
  return new ImportFileException('IMPORT_FILE_CORRUPT', `the workbook cannot be read (${(error as Error).message.slice(0, 200)}); open it in Excel and save it again`);
}

interface Workbook {
  /** Visible sheets in the workbook's order, with the archive path of each. */
  sheets: { name: string; path: string }[];
  /** Excel for Mac's old date system counts days from 1904 instead of 1900. */
  date1904: boolean;
  sharedStrings: string[];
  /** Per cell style (the `s` of a cell): whether its number format shows a date or time. */
  dateStyles: boolean[];
}

async function readWorkbook(zip: ZipArchive): Promise<Workbook> {
  const workbookXml = zip.text('xl/workbook.xml');
  if (workbookXml === null) throw new Error('it has no xl/workbook.xml');
  // The workbook's relationships name the part of each sheet, and of its shared strings and styles.
  const targets = new Map<string, string>();
  const parts = { sharedStrings: 'xl/sharedStrings.xml', styles: 'xl/styles.xml' };
  eachTag(zip.text('xl/_rels/workbook.xml.rels') ?? '', 'Relationship', (attrs) => {
    if (!attrs.Id || !attrs.Target) return;
    const path = attrs.Target.startsWith('/') ? attrs.Target.slice(1) : `xl/${attrs.Target}`;
    targets.set(attrs.Id, path);
    if (attrs.Type?.endsWith('/sharedStrings')) parts.sharedStrings = path;
    if (attrs.Type?.endsWith('/styles')) parts.styles = path;
  });
  const sheets: Workbook['sheets'] = [];
  let date1904 = false;
  eachTag(workbookXml, 'workbookPr', (attrs) => {
    date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
  });
  eachTag(workbookXml, 'sheet', (attrs) => {
    if (attrs.state === 'hidden' || attrs.state === 'veryHidden') return;
    const relationship = Object.entries(attrs).find(([name]) => name.endsWith(':id'))?.[1];
    const path = relationship ? targets.get(relationship) : undefined;
    if (path) sheets.push({ name: attrs.name ?? '', path });
  });
  return { sheets, date1904, sharedStrings: await readSharedStrings(zip, parts.sharedStrings), dateStyles: readDateStyles(zip.text(parts.styles) ?? '') };
}

/** The shared strings table: one text per `<si>`, its runs joined, phonetic guides (`<rPh>`) left out. */
async function readSharedStrings(zip: ZipArchive, path: string): Promise<string[]> {
  const source = zip.stream(path);
  if (!source) return [];
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  const parser = xmlParser();
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') current = '';
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && phonetic === 0) inText = true;
  });
  parser.on('text', (text) => {
    if (inText) current += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') strings.push(current);
    else if (name === 'rPh') phonetic--;
    else if (name === 't') inText = false;
  });
  await writeAll(parser, source);
  return strings;
}

/** Excel's built-in number formats that show dates or times (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function readDateStyles(stylesXml: string): boolean[] {
  const customDates = new Set<number>();
  eachTag(stylesXml, 'numFmt', (attrs) => {
    if (isDateFormat(attrs.formatCode ?? '')) customDates.add(Number(attrs.numFmtId));
  });
  const cellXfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[0] ?? '';
  const styles: boolean[] = [];
  eachTag(cellXfs, 'xf', (attrs) => {
    const id = Number(attrs.numFmtId ?? 0);
    styles.push(BUILT_IN_DATE_FORMATS.has(id) || customDates.has(id));
  });
  return styles;
}

/** A number format shows a date when, outside quoted text, escapes and [colours/locales], it has a date or time part. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  // Only the first section (positive numbers) decides; "General" and "@" hold no date letters.
  return /[ymdhsb]/i.test(bare.split(';')[0].replace(/General/gi, ''));
}

/** A row as the sheet holds it, before merged cells are filled in and trailing blanks dropped. */
async function* sheetRows(source: NodeJS.ReadableStream, book: Workbook): AsyncGenerator<SheetRow> {
  const parser = xmlParser();
  const ready: SheetRow[] = [];
  let row: SheetRow | null = null;
  let lastRow = 0;
  let column = 0;
  let type = '';
  let style = 0;
  let value: string | null = null;
  let inline = '';
  let reading: 'v' | 't' | null = null;
  let phonetic = 0;
  parser.on('opentag', (tag) => {
    switch (localName(tag.name)) {
      case 'row':
        lastRow = tag.attributes.r ? Number(tag.attributes.r) : lastRow + 1;
        row = { row: lastRow, cells: [] };
        column = 0;
        break;
      case 'c':
        column = columnOf(tag.attributes.r) ?? column + 1;
        type = tag.attributes.t ?? 'n';
        style = Number(tag.attributes.s ?? 0);
        value = null;
        inline = '';
        break;
      case 'v':
        reading = 'v';
        value = '';
        break;
      case 'rPh':
        phonetic++;
        break;
      case 't':
        if (phonetic === 0) reading = 't';
        break;
    }
  });
  parser.on('text', (text) => {
    if (reading === 'v') value += text;
    else if (reading === 't') inline += text;
  });
  parser.on('closetag', (tag) => {
    switch (localName(tag.name)) {
      case 'v':
      case 't':
        reading = null;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'c':
        if (row) {
          const cell = cellValue(type, value, inline, book.dateStyles[style] ?? false, book);
          while (row.cells.length < column - 1) row.cells.push(null);
          row.cells[column - 1] = cell;
        }
        break;
      case 'row':
        if (row) ready.push(row);
        row = null;
        break;
    }
  });
  const decoder = new TextDecoder('utf-8');
  for await (const piece of source as AsyncIterable<Buffer>) {
    parser.write(decoder.decode(piece, { stream: true }));
    yield* ready.splice(0);
  }
  parser.write(decoder.decode()).close();
  yield* ready.splice(0);
}

/** A cell's plain value from its type (`t`), its `<v>`, its inline text and whether its style shows a date. */
function cellValue(type: string, value: string | null, inline: string, dateStyle: boolean, book: Workbook): CellValue {
  switch (type) {
    case 's':
      return text(book.sharedStrings[Number(value)]);
    case 'str':
      return text(value);
    case 'inlineStr':
      return text(inline);
    case 'b':
      return value === null || value === '' ? null : Number(value) !== 0;
    case 'e':
      return null;
    case 'd':
      return value ? dateText(new Date(value.endsWith('Z') || /[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`)) : null;
    default: {
      if (value === null || value.trim() === '') return null;
      const number = Number(value);
      if (!Number.isFinite(number)) return null;
      // Excel stores a date as days since 1899-12-30 (1904-01-01 in the old Mac system), as wall-clock time.
      if (dateStyle) return dateText(new Date(Math.round((number - 25569 + (book.date1904 ? 1462 : 0)) * 86_400_000)));
      return number;
    }
  }
}

function text(value: string | null | undefined): CellValue {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

/** A date cell: 'YYYY-MM-DD' when it has no time of day, else the ISO instant of its wall-clock time read as UTC. */
function dateText(date: Date): CellValue {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** `C3` → 3. */
function columnOf(ref: string | undefined): number | null {
  const match = ref ? /^\$?([A-Z]{1,3})/i.exec(ref) : null;
  if (!match) return null;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function xmlParser(): SaxesParser {
  return new SaxesParser({ position: false });
}

async function writeAll(parser: SaxesParser, source: NodeJS.ReadableStream): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  for await (const piece of source as AsyncIterable<Buffer>) parser.write(decoder.decode(piece, { stream: true }));
  parser.write(decoder.decode()).close();
}

/** The attributes of every `<name …>` tag (any namespace prefix) of a small XML part. */
function eachTag(xml: string, name: string, each: (attrs: Record<string, string>) => void): void {
  const parser = xmlParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (localName(tag.name) === name) each(tag.attributes);
  });
  parser.write(xml).close();
}
