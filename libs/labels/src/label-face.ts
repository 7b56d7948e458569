import { MIN_FONT_PT, mmToPt, READABLE_FONT_PT, type BoxMm, type LabelBoxLayout } from './layout.js';
import { drawBarcode, type BarcodeVector } from './barcode.js';
import type { TextLine, TextLineRole } from './label-view.js';

export const REGULAR_FONT = 'NotoSans';
export const BOLD_FONT = 'NotoSans-Bold';

/** Baseline-to-baseline distance as a multiple of the font size: room for stacked Vietnamese marks (Ấ, ễ). */
const LINE_PITCH = 1.22;
const ELLIPSIS = '…';
const OCOP = 'OCOP';

/** One line of the text block, placed relative to the label's top-left corner, in points. */
export interface PlacedLine {
  role: TextLineRole;
  text: string;
  bold: boolean;
  sizePt: number;
  xPt: number;
  baselinePt: number;
}

export interface FittedText {
  lines: PlacedLine[];
  /** Lines left out to keep the text readable on a small label (they are on the QR's page). */
  omitted?: TextLineRole[];
  /** Where the per-label serial starts (after its caption) and how wide it may grow. */
  serial?: { xPt: number; baselinePt: number; sizePt: number; maxWidthPt: number };
  ocopStars?: { count: number; xPt: number; centreYPt: number; radiusPt: number };
  /** The product's linear barcode, the same on every label, under the text. */
  barcode?: { vector: BarcodeVector; box: { xPt: number; yPt: number; widthPt: number; heightPt: number } };
}

/** The measuring part of pdfkit that fitting needs. */
export interface TextMeasurer {
  font(name: string): unknown;
  fontSize(size: number): unknown;
  widthOfString(text: string): number;
}

/**
 * Lines that may take two rows when one is not enough, in the order they get them when space is short:
 * the URL first (a reader types it when the QR fails), the English name last. The OCOP stars and the
 * serial slot stay on one row.
 */
const SECOND_ROW_PRIORITY: readonly TextLineRole[] = ['url', 'lot', 'name', 'cooperative', 'address', 'growingArea', 'date', 'expiry', 'nameEn'];
const WRAPPING_ROLES: ReadonlySet<TextLineRole> = new Set(SECOND_ROW_PRIORITY);
/**
 * On a label too small for every line at a readable size, the lines left out first (the QR's page has
 * them all): never the name, the lot, the link, the serial or the OCOP mark.
 */
const OMIT_ORDER: readonly TextLineRole[] = ['nameEn', 'address', 'origin', 'growingArea', 'cooperative', 'expiry', 'date', 'netContent'];
/** When the text cannot fit whole even at the smallest size, cutting starts from this size. */
const MIN_CUT_TEXT_PT = 4.5;
const SIZE_STEP_PT = 0.25;

/**
 * Fits the job's text lines into the layout's text box once per job (the text is the same on every
 * label): one font size for the block, the largest at which every line fits whole, most lines
 * wrapping onto a second row when they must; only when even the smallest size fails are lines cut
 * with an ellipsis. `serialSample` reserves room for the serial written after its caption.
 */
export function fitTextBlock(
  measurer: TextMeasurer,
  lines: TextLine[],
  layout: LabelBoxLayout,
  options: { ocopStars?: number; serialSample?: string } = {},
): FittedText {
  const box = {
    x: mmToPt(layout.text.xMm),
    y: mmToPt(layout.text.yMm),
    width: mmToPt(layout.text.widthMm),
    height: mmToPt(layout.text.heightMm),
  };
  const width = (text: string, bold: boolean, size: number) => {
    measurer.font(bold ? BOLD_FONT : REGULAR_FONT);
    measurer.fontSize(size);
    return measurer.widthOfString(text);
  };
  // The OCOP mark sits under the QR when the layout has room there, leaving more rows for the text.
  const ocopUnderQr = Boolean(layout.underQr && options.ocopStars);
  if (ocopUnderQr) lines = lines.filter((line) => line.role !== 'ocop');
  // Small labels keep a readable size (layout.readableFontPt) and leave lines out instead of shrinking.
  const readable = layout.readableFontPt ?? READABLE_FONT_PT;
  // A serial whose caption and number do not fit one row at a readable size takes the short caption.
  lines = lines.map((line) =>
    line.role === 'serial' && line.short && width(line.text + (options.serialSample ?? ''), line.bold, readable) > box.width ? { ...line, text: line.short } : line,
  );
  const all = lines;
  const measured = (line: TextLine) => (line.role === 'serial' ? line.text + (options.serialSample ?? '') : line.text);
  type Row = { line: TextLine; text: string };

  /**
   * Rows at one size. Whole: every line in full, wrapping onto a second row when it must, or
   * undefined if that overflows. Cut: one row per line, second rows given out by priority while
   * the box has room, and what still does not fit cut with an ellipsis.
   */
  const rowsAt = (size: number, cut: boolean): { rows: Row[]; cuts: number } | undefined => {
    const capacity = Math.floor(box.height / (size * LINE_PITCH) + 1e-9);
    const wrapped = lines.map((line) => wrapWords(measured(line), (text) => width(text, line.bold, size), box.width));
    // The link is never cut: it takes the rows it needs (it breaks only after a slash or a dot).
    const allowed = lines.map((line, index) => (line.role === 'url' ? Math.max(2, wrapped[index].length) : WRAPPING_ROLES.has(line.role) ? 2 : 1));
    if (!cut && wrapped.some((rows, index) => rows.length > allowed[index])) return undefined;
    if (cut) {
      let spare = capacity - lines.length;
      lines.forEach((line, index) => {
        allowed[index] = line.role === 'url' ? wrapped[index].length : 1;
        if (line.role === 'url') spare -= wrapped[index].length - 1;
      });
      for (const role of SECOND_ROW_PRIORITY) {
        lines.forEach((line, index) => {
          if (line.role === role && role !== 'url' && spare > 0 && wrapped[index].length > 1) {
            allowed[index] = 2;
            spare--;
          }
        });
      }
    }
    const rows: Row[] = [];
    let cuts = 0;
    lines.forEach((line, index) => {
      let lineRows = wrapped[index];
      if (lineRows.length > allowed[index]) {
        const kept = lineRows.slice(0, allowed[index] - 1);
        const widthOf = (text: string) => width(text, line.bold, size);
        lineRows = [...kept, truncateToWidth(remainderAfter(measured(line), kept), widthOf, box.width)];
        cuts++;
      }
      for (const text of lineRows) rows.push({ line, text });
    });
    return rows.length <= capacity ? { rows, cuts } : undefined;
  };

  // Whole text at the largest readable size that fits; else, lines the QR's page carries anyway left
  // out one by one until the rest fits whole at a readable size; else the small size that has to cut the fewest lines.
  let fit: { size: number; rows: Row[] } | undefined;
  const omitted: TextLineRole[] = [];
  const wholeFrom = (floor: number) => {
    for (let size = layout.maxFontPt; !fit && size >= floor; size -= SIZE_STEP_PT) {
      const whole = rowsAt(size, false);
      if (whole) fit = { size, rows: whole.rows };
    }
  };
  wholeFrom(readable);
  // An English label is printed for its English name: it goes after the dates.
  const omitOrder: readonly TextLineRole[] = lines.some((line) => line.role === 'nameEn') ? [...OMIT_ORDER.filter((role) => role !== 'nameEn' && role !== 'netContent'), 'nameEn', 'netContent'] : OMIT_ORDER;
  for (const role of omitOrder) {
    if (fit || readable <= MIN_FONT_PT) break;
    if (!lines.some((line) => line.role === role)) continue;
    omitted.push(role);
    lines = lines.filter((line) => line.role !== role);
    wholeFrom(readable);
  }
  if (!fit && readable > MIN_FONT_PT) {
    // A name too long even then is cut at the readable size (the link never is).
    const cut = rowsAt(readable, true);
    if (cut) fit = { size: readable, rows: cut.rows };
  }
  if (!fit) {
    // Even the lines never left out do not fit at a readable size: all of them again, smaller.
    lines = all;
    omitted.length = 0;
    wholeFrom(MIN_FONT_PT);
  }
  if (!fit) {
    let fewestCuts = Infinity;
    for (let size = MIN_CUT_TEXT_PT; size >= MIN_FONT_PT; size -= SIZE_STEP_PT) {
      const cutRows = rowsAt(size, true);
      if (cutRows && cutRows.cuts < fewestCuts) {
        fewestCuts = cutRows.cuts;
        fit = { size, rows: cutRows.rows };
      }
    }
  }
  // Ten lines always fit the smallest box at the smallest size, cut if need be.
  const { size, rows } = fit!;
  const pitch = size * LINE_PITCH;
  const fitted: FittedText = { lines: [], ...(omitted.length ? { omitted } : {}) };
  if (ocopUnderQr && layout.underQr && options.ocopStars) {
    placeOcopUnderQr(fitted, width, layout.underQr, options.ocopStars, size * 1.2);
  }
  rows.forEach(({ line, text: fittedText }, index) => {
    const baselinePt = box.y + size * 0.95 + index * pitch;
    // The serial itself is drawn per label: the stamp carries only its caption.
    const text = line.role === 'serial' ? line.text : fittedText;
    fitted.lines.push({ role: line.role, text, bold: line.bold, sizePt: size, xPt: box.x, baselinePt });
    if (line.role === 'serial') {
      const captionWidth = width(text, false, size);
      fitted.serial = { xPt: box.x + captionWidth, baselinePt, sizePt: size, maxWidthPt: box.width - captionWidth };
    }
    if (line.role === 'ocop' && options.ocopStars) {
      fitted.ocopStars = {
        count: options.ocopStars,
        xPt: box.x + width(text, true, size) + size * 0.3,
        centreYPt: baselinePt - size * 0.36,
        radiusPt: size * 0.5,
      };
    }
  });
  return fitted;
}

/**
 * Greedy word wrap. A word wider than the whole row (a long URL or code) is broken where it must be —
 * after its last slash that fits, else at the last character that fits — which still beats cutting it:
 * the reader needs every character.
 */
export function wrapWords(text: string, widthOf: (text: string) => number, maxWidth: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (let word of text.split(' ')) {
    const extended = row ? `${row} ${word}` : word;
    if (widthOf(extended) <= maxWidth) {
      row = extended;
      continue;
    }
    if (row) rows.push(row);
    while (widthOf(word) > maxWidth) {
      let head = longestFittingPrefix(word, widthOf, maxWidth);
      // A URL breaks after a slash, so its short code stays whole on the next row ("…/l/" + "K7M2Q9XZ");
      // a host too long for a row breaks after a dot or a hyphen, never inside the code.
      const slash = word.lastIndexOf('/', head - 1);
      const dot = Math.max(word.lastIndexOf('.', head - 1), word.lastIndexOf('-', head - 1));
      const lastSlash = word.lastIndexOf('/');
      if (slash > 0 && slash + 1 <= head) head = slash + 1;
      else if (dot > 0 && dot + 1 < head && (lastSlash < 0 || dot < lastSlash)) head = dot + 1;
      rows.push(word.slice(0, head));
      word = word.slice(head);
    }
    row = word;
  }
  rows.push(row);
  return rows;
}

/** At least one character, so wrapping always advances. */
function longestFittingPrefix(text: string, widthOf: (text: string) => number, maxWidth: number): number {
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (widthOf(text.slice(0, middle)) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** "OCOP ★★★★" centred in the room under the QR, no larger than the given size. */
function placeOcopUnderQr(
  fitted: FittedText,
  width: (text: string, bold: boolean, size: number) => number,
  area: BoxMm,
  stars: number,
  maxSizePt: number,
): void {
  const box = { x: mmToPt(area.xMm), y: mmToPt(area.yMm), width: mmToPt(area.widthMm), height: mmToPt(area.heightMm) };
  const starsWidth = (size: number) => size * (0.3 + stars * 1.05);
  let size = Math.min(maxSizePt, box.height / 1.1);
  const natural = width(OCOP, true, size) + starsWidth(size);
  if (natural > box.width) size = (size * box.width) / natural;
  const x = box.x + (box.width - width(OCOP, true, size) - starsWidth(size)) / 2;
  const baselinePt = box.y + (box.height + size * 0.7) / 2;
  fitted.lines.push({ role: 'ocop', text: OCOP, bold: true, sizePt: size, xPt: x, baselinePt });
  fitted.ocopStars = { count: stars, xPt: x + width(OCOP, true, size) + size * 0.3, centreYPt: baselinePt - size * 0.36, radiusPt: size * 0.5 };
}

/** What is left of a text once its first rows are taken (rows break at spaces or inside a word). */
function remainderAfter(text: string, rows: string[]): string {
  let position = 0;
  for (const row of rows) position = text.indexOf(row, position) + row.length;
  return text.slice(position).trimStart();
}

/** Longest prefix that fits with an ellipsis (binary search: widths grow with length). */
export function truncateToWidth(text: string, widthOf: (text: string) => number, maxWidth: number): string {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (widthOf(text.slice(0, middle).trimEnd() + ELLIPSIS) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return text.slice(0, low).trimEnd() + ELLIPSIS;
}

/** Ten corners of a five-pointed star, first point up. */
export function starPoints(centreX: number, centreY: number, outerRadius: number): Array<[number, number]> {
  const innerRadius = outerRadius * 0.382;
  const points: Array<[number, number]> = [];
  for (let corner = 0; corner < 10; corner++) {
    const radius = corner % 2 === 0 ? outerRadius : innerRadius;
    const angle = -Math.PI / 2 + (corner * Math.PI) / 5;
    points.push([centreX + radius * Math.cos(angle), centreY + radius * Math.sin(angle)]);
  }
  return points;
}

/**
 * Draws everything that is the same on every label of the job, with the label's top-left corner at
 * the origin: text, OCOP stars (vector, no font has them) and the optional cut outline.
 */
export function drawLabelFace(
  doc: PDFKit.PDFDocument,
  fitted: FittedText,
  labelSizePt: { width: number; height: number },
  outline: boolean,
): void {
  doc.fillColor('black');
  for (const line of fitted.lines) {
    doc
      .font(line.bold ? BOLD_FONT : REGULAR_FONT)
      .fontSize(line.sizePt)
      .text(line.text, line.xPt, line.baselinePt, { lineBreak: false, baseline: 'alphabetic' });
  }
  const stars = fitted.ocopStars;
  if (stars) {
    for (let star = 0; star < stars.count; star++) {
      const centreX = stars.xPt + stars.radiusPt + star * stars.radiusPt * 2.1;
      doc.polygon(...starPoints(centreX, stars.centreYPt, stars.radiusPt)).fill('black');
    }
  }
  if (fitted.barcode) drawBarcode(doc, fitted.barcode.vector, fitted.barcode.box);
  if (outline) {
    doc.save().lineWidth(0.25).strokeColor('#8c8c8c').rect(0, 0, labelSizePt.width, labelSizePt.height).stroke().restore();
  }
}
