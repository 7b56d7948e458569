import { LabelException } from './label.exception.js';
import { labelsPerPage, type LabelTemplate } from './templates.js';

export const POINTS_PER_MM = 72 / 25.4;

export function mmToPt(mm: number): number {
  return mm * POINTS_PER_MM;
}

/** Where the index-th label of a job lands. Pages are 0-based; x/y are the label's top-left corner in mm. */
export interface LabelCell {
  page: number;
  column: number;
  row: number;
  xMm: number;
  yMm: number;
}

export function assertStartPosition(template: LabelTemplate, startPosition: number): void {
  const last = labelsPerPage(template);
  if (!Number.isInteger(startPosition) || startPosition < 1 || startPosition > last) {
    throw new LabelException(
      'LABEL_START_POSITION_OUT_OF_RANGE',
      `start position must be an integer from 1 to ${last} for template ${template.id}`,
      { startPosition, labelsPerPage: last },
    );
  }
}

/**
 * Labels fill a sheet row by row, left to right; `startPosition` (1-based) skips the cells already
 * used on a partly printed first sheet.
 */
export function labelCell(template: LabelTemplate, startPosition: number, index: number): LabelCell {
  const slot = startPosition - 1 + index;
  const perPage = labelsPerPage(template);
  const cell = slot % perPage;
  const row = Math.floor(cell / template.columns);
  const column = cell % template.columns;
  return {
    page: Math.floor(slot / perPage),
    column,
    row,
    xMm: template.marginLeftMm + column * template.pitchXMm,
    yMm: template.marginTopMm + row * template.pitchYMm,
  };
}

export function pageCount(template: LabelTemplate, startPosition: number, count: number): number {
  return count === 0 ? 0 : labelCell(template, startPosition, count - 1).page + 1;
}

export interface BoxMm {
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

/** Inside one label, relative to its top-left corner. */
export interface LabelBoxLayout {
  /** Square holding the symbol and its 4-module quiet zone. */
  qr: BoxMm;
  text: BoxMm;
  /** Room under the QR on landscape labels whose QR is limited by the width: the OCOP mark goes there. */
  underQr?: BoxMm;
  /** Largest font size the text block starts from before it shrinks to fit. */
  maxFontPt: number;
  /**
   * The size the text keeps on a small label (its shorter side 30 mm or less: the rolls of 40×30 and
   * 50×30, the 48×25 sheet), leaving out lines rather than shrinking below it; larger labels, which
   * fit their text at 6 pt or more anyway, keep every line and shrink when they must (a shelf label
   * with its barcode). See docs/domain.md, “Label templates”.
   */
  readableFontPt: number;
}

const SMALL_LABEL_SIDE_MM = 30;

/** Enough for a readable row of OCOP stars. */
const MIN_UNDER_QR_MM = 2.5;

/** The absolute floor of the text size, reached only when nothing else fits (a box too small for the few lines that are never left out). */
export const MIN_FONT_PT = 4;

/**
 * The smallest size a shopper reads without a magnifier (about 2.1 mm capitals with Noto Sans): the
 * text never goes below it while lines that the QR page carries anyway can be left out instead.
 */
export const READABLE_FONT_PT = 6;

/**
 * QR on the left and text on the right for landscape labels; QR on top for tall labels (100×150).
 * The QR takes at most 42% of the width so the text keeps room on narrow labels.
 */
export function labelBoxLayout(template: LabelTemplate): LabelBoxLayout {
  const width = template.labelWidthMm;
  const height = template.labelHeightMm;
  const readableFontPt = Math.min(width, height) <= SMALL_LABEL_SIDE_MM ? READABLE_FONT_PT : MIN_FONT_PT;
  // Die-cut sheets and thermal printers both drift about a millimetre: keep the content off the edge.
  const padding = Math.min(4, Math.max(1.5, Math.min(width, height) * 0.06));
  // The quiet zone inside the QR box already separates the code from the text.
  const gap = 0.5;

  if (height > width) {
    const qrSize = Math.min(width - 2 * padding, (height - 2 * padding) * 0.55);
    const textY = padding + qrSize + gap;
    return {
      qr: { xMm: (width - qrSize) / 2, yMm: padding, widthMm: qrSize, heightMm: qrSize },
      text: { xMm: padding, yMm: textY, widthMm: width - 2 * padding, heightMm: height - padding - textY },
      maxFontPt: 14,
      readableFontPt,
    };
  }

  const qrSize = Math.min(height - 2 * padding, width * 0.42);
  const textX = padding + qrSize + gap;
  const text = { xMm: textX, yMm: padding, widthMm: width - padding - textX, heightMm: height - 2 * padding };
  const spareHeight = height - 2 * padding - qrSize;
  if (spareHeight < MIN_UNDER_QR_MM) {
    return { qr: { xMm: padding, yMm: (height - qrSize) / 2, widthMm: qrSize, heightMm: qrSize }, text, maxFontPt: 9, readableFontPt };
  }
  return {
    qr: { xMm: padding, yMm: padding, widthMm: qrSize, heightMm: qrSize },
    text,
    underQr: { xMm: padding, yMm: padding + qrSize, widthMm: qrSize, heightMm: spareHeight },
    maxFontPt: 9,
    readableFontPt,
  };
}
