import { ImportFileException } from './import-errors.js';

/**
 * The text of a CSV file as Excel and LibreOffice write it in Vietnam: UTF-8 with or without a BOM,
 * or UTF-16 ("Unicode text", little-endian with a BOM, tab-separated). Text that is no valid UTF-8
 * is refused rather than guessed: a wrong guess would store garbled names.
 */
export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // UTF-16 without a BOM: ASCII characters leave every other byte zero.
  const sample = bytes.subarray(0, 512);
  let zerosAtOdd = 0;
  let zerosAtEven = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? zerosAtOdd++ : zerosAtEven++;
  if (zerosAtOdd > sample.length / 4) return new TextDecoder('utf-16le').decode(bytes);
  if (zerosAtEven > sample.length / 4) return new TextDecoder('utf-16be').decode(bytes);
  return utf8(bytes);
}

function utf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileException('IMPORT_FILE_CORRUPT', 'the CSV file is not UTF-8 or UTF-16 text; save it from Excel as "CSV UTF-8" or as an .xlsx workbook');
  }
}

/** The separator of the header line: tab (Excel's Unicode text), ';' (Excel with a Vietnamese locale) or ','. */
function separatorOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = ['\t', ';', ','].map((sep) => ({ sep, n: firstLine.split(sep).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).sep;
}

/** RFC 4180 rows (quoted fields, doubled quotes, newlines inside quotes), with the separator detected. */
export function parseCsv(text: string): string[][] {
  const sep = separatorOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
