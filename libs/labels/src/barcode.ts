import bwipjs from 'bwip-js';
import { mmToPt, type LabelBoxLayout } from './layout.js';

/**
 * The linear barcode a shop's till scans, for products with a GTIN: EAN-13 for a GTIN-13 (stored as
 * GTIN-14 with a leading 0, as every Vietnamese 893 code is), ITF-14 for a GTIN-14 with an indicator
 * digit (cases and cartons). bwip-js draws it (a maintained port of BWIPP, the reference barcode
 * writer); it is kept as vector paths so it prints as sharp as the QR code.
 */
export interface BarcodeVector {
  kind: 'ean13' | 'itf14';
  /** The digits it encodes. */
  text: string;
  /** Size of the drawing, in its own units (one unit is one module). */
  width: number;
  height: number;
  /** Bars: lines of the given stroke width. */
  strokes: { width: number; d: string }[];
  /** The human-readable digits under the bars, as filled outlines. */
  fills: string[];
}

export function barcodeForGtin(gtin14: string): BarcodeVector {
  if (!/^\d{14}$/.test(gtin14)) throw new Error(`not a GTIN-14: ${gtin14}`);
  const ean13 = gtin14.startsWith('0');
  const kind = ean13 ? 'ean13' : 'itf14';
  const text = ean13 ? gtin14.slice(1) : gtin14;
  const svg = bwipjs.toSVG({ bcid: kind, text, includetext: true, textxalign: 'center', height: ean13 ? 8 : 6, scale: 1, ...(ean13 ? {} : { borderwidth: 0, showborder: false }) });
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!box) throw new Error('bwip-js returned an SVG without a viewBox');
  const strokes: BarcodeVector['strokes'] = [];
  const fills: string[] = [];
  for (const match of svg.matchAll(/<path([^>]*)\/>/g)) {
    const attributes = match[1];
    const d = /\sd="([^"]+)"/.exec(attributes)?.[1];
    if (!d) continue;
    const stroke = /stroke-width="([\d.]+)"/.exec(attributes);
    if (stroke) strokes.push({ width: Number(stroke[1]), d });
    else fills.push(d);
  }
  return { kind, text, width: Number(box[1]), height: Number(box[2]), strokes, fills };
}

/** Draws the barcode scaled to fit the box (points, label space with y down), centred horizontally. */
export function drawBarcode(doc: PDFKit.PDFDocument, barcode: BarcodeVector, box: { xPt: number; yPt: number; widthPt: number; heightPt: number }): void {
  const scale = Math.min(box.widthPt / barcode.width, box.heightPt / barcode.height);
  const x = box.xPt + (box.widthPt - barcode.width * scale) / 2;
  doc.save().translate(x, box.yPt).scale(scale).fillColor('black').strokeColor('black');
  for (const stroke of barcode.strokes) doc.path(stroke.d).lineWidth(stroke.width).stroke();
  for (const fill of barcode.fills) doc.path(fill).fill();
  doc.restore();
}

/** EAN-13 is specified down to 80 % magnification: 0.264 mm modules, about 25 mm with its quiet zones. */
const MIN_BARCODE_WIDTH_MM = 25;
/** What the text must keep above the barcode to stay readable. */
const MIN_TEXT_HEIGHT_MM = 14;

/**
 * Room for the barcode at the bottom of the text box, and the text box that is left, or null when the
 * label is too small for a scannable barcode (the 48×25 sheet, the 40×30 and 50×30 rolls): those
 * labels carry the QR code only, and a till scans the product's own packaging.
 */
export function placeBarcode(layout: LabelBoxLayout, barcode: BarcodeVector): { layout: LabelBoxLayout; box: { xPt: number; yPt: number; widthPt: number; heightPt: number } } | null {
  const { text } = layout;
  const widthMm = Math.min(text.widthMm, 40);
  const heightMm = Math.min(14, (widthMm * barcode.height) / barcode.width);
  if (widthMm < MIN_BARCODE_WIDTH_MM || text.heightMm - heightMm - 0.5 < MIN_TEXT_HEIGHT_MM) return null;
  const yMm = text.yMm + text.heightMm - heightMm;
  return {
    layout: { ...layout, text: { ...text, heightMm: text.heightMm - heightMm - 0.5 } },
    box: { xPt: mmToPt(text.xMm), yPt: mmToPt(yMm), widthPt: mmToPt(widthMm), heightPt: mmToPt(heightMm) },
  };
}
