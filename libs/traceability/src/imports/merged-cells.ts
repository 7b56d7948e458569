import type { Readable } from 'node:stream';
import type { CellValue } from './cell-values.js';

/** A merged range of a sheet, 1-based and inclusive, as Excel gives it (`C3:C7`). */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `C3` → column 3, row 3 (1-based). */
function cellRef(ref: string): { col: number; row: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!match) return null;
  let col = 0;
  for (const letter of match[1]) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { col, row: Number(match[2]) };
}

export function parseRange(ref: string): MergedRange | null {
  const [from, to = from] = ref.split(':');
  const a = cellRef(from);
  const b = cellRef(to);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/**
 * The merged ranges of a worksheet, from its XML. Excel lists them after the sheet's rows, where a
 * streaming reader only gets to at the end, so the sheet is read once beforehand, in pieces, for its
 * `<mergeCell ref="…"/>` only.
 */
export async function mergedRanges(sheetXml: Readable): Promise<MergedRange[]> {
  const ranges: MergedRange[] = [];
  const pattern = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;
  let carry = '';
  for await (const piece of sheetXml as AsyncIterable<Buffer>) {
    const text = carry + piece.toString('utf8');
    let last = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const range = parseRange(match[1]);
      if (range && (range.bottom > range.top || range.right > range.left)) ranges.push(range);
      last = pattern.lastIndex;
    }
    pattern.lastIndex = 0;
    // A tag cut at the piece's end is read again with the next piece.
    const open = text.lastIndexOf('<');
    carry = open >= last && text.length - open < 512 ? text.slice(open) : '';
  }
  return ranges;
}

/**
 * Gives the streamed rows of a sheet the values of their merged cells (docs/domain.md, "Spreadsheet
 * imports"): a value merged over several cells belongs to each of them, as the clerk sees it (a
 * harvest date merged down over the day's rows is the date of each row). The top-left cell holds the
 * value and comes first in the stream. A row with nothing of its own (a merged range running into
 * blank rows) stays blank: it is no record.
 */
export class MergeFiller {
  private readonly pending: MergedRange[];
  private active: { range: MergedRange; value: CellValue }[] = [];
  private next = 0;

  constructor(ranges: MergedRange[]) {
    this.pending = [...ranges].sort((a, b) => a.top - b.top);
  }

  get empty(): boolean {
    return this.pending.length === 0;
  }

  /** The row's cells (0-based, column 1 at index 0) with merged values filled in; null when the row is blank. */
  fill(row: number, cells: CellValue[]): CellValue[] | null {
    this.active = this.active.filter((a) => a.range.bottom >= row);
    while (this.next < this.pending.length && this.pending[this.next].top <= row) {
      const range = this.pending[this.next++];
      // A range whose top row was blank (not streamed) has no value to spread.
      if (range.top === row && range.bottom >= row) this.active.push({ range, value: cells[range.left - 1] ?? null });
    }
    const own = cells.some((cell) => cell !== null);
    if (!own) return null;
    for (const { range, value } of this.active) {
      if (value === null) continue;
      for (let col = range.left; col <= range.right; col++) {
        while (cells.length < col) cells.push(null);
        cells[col - 1] = value;
      }
    }
    return cells;
  }
}
