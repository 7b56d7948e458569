import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { ImportFileException } from './import-errors.js';

interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeader: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * A ZIP archive held in memory (an XLSX workbook is one), its entries found through the central
 * directory at its end, so they are read in any order, each as often as needed, and never depend on
 * the order a writer put them in. Entries are inflated as they are read.
 */
export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Buffer) {
    const end = this.findEnd();
    const count = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    for (let n = 0; n < count; n++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw corrupt('its table of contents is cut short');
      const nameLength = bytes.readUInt16LE(at + 28);
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      this.entries.set(name, { method: bytes.readUInt16LE(at + 10), compressedSize: bytes.readUInt32LE(at + 20), localHeader: bytes.readUInt32LE(at + 42) });
      at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** An entry inflated piece by piece; null when the archive has none of that name. */
  stream(name: string): Readable | null {
    const found = this.entries.get(name);
    if (!found) return null;
    const data = this.data(name, found);
    return found.method === STORED ? Readable.from([data]) : Readable.from([data]).pipe(createInflateRaw());
  }

  /** A small entry (the workbook's sheet list, its styles) as text; null when there is none. */
  text(name: string): string | null {
    const found = this.entries.get(name);
    if (!found) return null;
    const data = this.data(name, found);
    try {
      return (found.method === STORED ? data : inflateRawSync(data)).toString('utf8');
    } catch {
      throw corrupt(`${name} cannot be unpacked`);
    }
  }

  private data(name: string, entry: ZipEntry): Buffer {
    const { bytes } = this;
    if (entry.method !== STORED && entry.method !== DEFLATED) throw corrupt(`${name} is packed in a way spreadsheets never are`);
    if (entry.localHeader + 30 > bytes.length || bytes.readUInt32LE(entry.localHeader) !== LOCAL_FILE_HEADER) throw corrupt(`${name} is missing`);
    const start = entry.localHeader + 30 + bytes.readUInt16LE(entry.localHeader + 26) + bytes.readUInt16LE(entry.localHeader + 28);
    if (start + entry.compressedSize > bytes.length) throw corrupt(`${name} is cut short`);
    return bytes.subarray(start, start + entry.compressedSize);
  }

  private findEnd(): number {
    const { bytes } = this;
    // The end record sits in the last 22 bytes, or before a comment of at most 65,535 bytes.
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
      if (bytes.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
    }
    throw corrupt('it is cut short (no table of contents at its end)');
  }
}

function corrupt(why: string): ImportFileException {
  return new ImportFileException('IMPORT_FILE_CORRUPT', `the workbook cannot be read (${why}); open it in Excel and save it again`);
}
