import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import { defaultLabelFonts, type LabelFonts } from './fonts.js';
import { LabelException } from './label.exception.js';
import { barcodeForGtin, placeBarcode } from './barcode.js';
import { drawLabelFace, fitTextBlock, REGULAR_FONT, BOLD_FONT, type FittedText } from './label-face.js';
import { labelTextLines, type LabelItem, type LabelJobView } from './label-view.js';
import { assertStartPosition, labelBoxLayout, labelCell, mmToPt, type LabelBoxLayout } from './layout.js';
import {
  captureContent,
  createFormXObject,
  currentFont,
  pageFonts,
  pageXObjects,
  releaseWrittenPage,
  type EmbeddedFont,
} from './pdfkit-internals.js';
import { assertModuleReadable, encodeQr, qrModuleMm, qrRunsPath } from './qr.js';
import type { LabelTemplate } from './templates.js';

/** A printer calibration larger than this is a mistake, not a calibration. */
export const MAX_OFFSET_MM = 5;

export interface RenderLabelsOptions {
  template: LabelTemplate;
  view: LabelJobView;
  /**
   * Exactly `count` items, read lazily so a 100,000-label job never sits in memory: an iterable,
   * an async iterable (a database cursor) or a function of the 0-based label index.
   */
  labels: LabelSource;
  count: number;
  /** 1-based cell of the first label on the first sheet, to finish a partly used sheet. Default 1. */
  startPosition?: number;
  /** Printer calibration: moves everything on the page, in mm (positive = right / down). */
  offsetXMm?: number;
  offsetYMm?: number;
  /** Thin grey label outlines, for cutting plain paper or checking alignment. */
  outline?: boolean;
  /** Defaults to Noto Sans regular and bold from npm. */
  fonts?: LabelFonts;
}

export type LabelSource =
  | Iterable<LabelItem>
  | AsyncIterable<LabelItem>
  | ((index: number) => LabelItem | Promise<LabelItem>);

export interface RenderProgress {
  labels: number;
  total: number;
  pages: number;
}

export interface RenderResult {
  pages: number;
  labels: number;
}

export type ProgressListener = (progress: RenderProgress) => void | Promise<void>;

/** What a painter needs to know about the job, computed once. */
export interface PreparedJob {
  template: LabelTemplate;
  layout: LabelBoxLayout;
  fitted: FittedText;
  labelSizePt: { width: number; height: number };
  outline: boolean;
}

/** How labels are put on the page: the project renderer and the naive baseline differ only here. */
export interface LabelPainter {
  /** Once, on the first page, before any label. */
  prepare(doc: PDFKit.PDFDocument, job: PreparedJob): void;
  /** At the start of every page. */
  startPage(doc: PDFKit.PDFDocument): void;
  /** Draws one label with its top-left corner at (x, y) points; may return content operators to append. */
  drawLabel(doc: PDFKit.PDFDocument, item: LabelItem, xPt: number, yPt: number): string | void;
}

/**
 * Renders a label job as a PDF streamed into `output` page by page (pdfkit writes each page out when
 * the next one starts), waiting whenever `output` pushes back, so memory stays flat for any count.
 * `output` is ended when the document is complete. If rendering fails, `output` is destroyed and has
 * closed before the error is thrown: the error `output` reported, if any, else the renderer's own.
 * Errors from `output` or the document never escape as 'error' events.
 */
export function renderLabels(options: RenderLabelsOptions, output: Writable, onProgress?: ProgressListener): Promise<RenderResult> {
  return runLabelJob(options, output, onProgress, new StampPainter());
}

export async function runLabelJob(
  options: RenderLabelsOptions,
  output: Writable,
  onProgress: ProgressListener | undefined,
  painter: LabelPainter,
): Promise<RenderResult> {
  let labels: AsyncIterator<LabelItem> | Iterator<LabelItem> | undefined;
  let outputError: Error | undefined;
  const onOutputError = (error: Error) => (outputError ??= error);
  output.on('error', onOutputError);
  try {
    validateOptions(options);
    labels = toIterator(options.labels, options.count);
    return await writeDocument(options, labels, output, onProgress, painter, () => outputError, onOutputError);
  } catch (error) {
    // The document is incomplete: discard the output, and listen until it has closed, because a
    // stream reports a failed write (a full disk) only after its asynchronous clean-up. Its error,
    // which says what went wrong, is the one to throw.
    output.destroy();
    await closed(output);
    throw outputError ?? error;
  } finally {
    output.off('error', onOutputError);
    // Lets a database cursor behind the source close even when we stop early.
    await labels?.return?.();
  }
}

/** Resolves once `stream` has closed (its last 'error' event, if any, comes before 'close'). */
function closed(stream: Writable): Promise<void> {
  return finished(stream).then(
    () => undefined,
    () => undefined,
  );
}

async function writeDocument(
  options: RenderLabelsOptions,
  labels: AsyncIterator<LabelItem> | Iterator<LabelItem>,
  output: Writable,
  onProgress: ProgressListener | undefined,
  painter: LabelPainter,
  outputError: () => Error | undefined,
  onDocumentError: (error: Error) => void,
): Promise<RenderResult> {
  const { template, view, count } = options;
  const startPosition = options.startPosition ?? 1;
  const offsetXMm = options.offsetXMm ?? 0;
  const offsetYMm = options.offsetYMm ?? 0;

  const first = await labels.next();
  if (first.done) throw countMismatch(count, 0);
  const serialized = first.value.serial !== undefined;

  const doc = new PDFDocument({
    autoFirstPage: false,
    info: { Title: `${view.productName} – ${view.lotCode}`, Creator: 'Nguồn', Producer: 'Nguồn labels (pdfkit)' },
  });
  const fonts = options.fonts ?? defaultLabelFonts();
  doc.on('error', onDocumentError);
  doc.registerFont(REGULAR_FONT, fonts.regular);
  doc.registerFont(BOLD_FONT, fonts.bold);
  doc.pipe(output);

  const pageSize = [mmToPt(template.pageWidthMm), mmToPt(template.pageHeightMm)];
  let pages = 0;
  let pageContent = '';
  const startPage = () => {
    const written = doc.page;
    // pdfkit writes the previous page out when the next one starts.
    doc.addPage({ size: pageSize, margin: 0 });
    if (written) releaseWrittenPage(written);
    pages++;
    painter.startPage(doc);
  };
  // Appended once per page: pdfkit converts every write to bytes, so one big write beats many small ones.
  const flushPageContent = () => {
    if (pageContent) doc.addContent(Buffer.from(pageContent, 'latin1'));
    pageContent = '';
  };

  try {
    doc.addPage({ size: pageSize, margin: 0 });
    pages = 1;
    let layout = labelBoxLayout(template);
    // A product with a GTIN gets its till barcode under the text, where the label has room for one.
    const barcode = view.gtin ? barcodeForGtin(view.gtin) : undefined;
    const placed = barcode ? placeBarcode(layout, barcode) : null;
    if (placed) layout = placed.layout;
    const fitted = fitTextBlock(doc, labelTextLines(view, serialized), layout, { ocopStars: view.ocopStars, serialSample: first.value.serial });
    if (barcode && placed) fitted.barcode = { vector: barcode, box: placed.box };
    painter.prepare(doc, {
      template,
      layout,
      fitted,
      labelSizePt: { width: mmToPt(template.labelWidthMm), height: mmToPt(template.labelHeightMm) },
      outline: options.outline ?? false,
    });
    painter.startPage(doc);

    let next: IteratorResult<LabelItem> = first;
    for (let index = 0; index < count; index++) {
      if (index > 0) next = await labels.next();
      if (next.done) throw countMismatch(count, index);
      const cell = labelCell(template, startPosition, index);
      if (cell.page === pages) {
        flushPageContent();
        startPage();
        // The previous page has just been written out: report it and let the output catch up.
        await onProgress?.({ labels: index, total: count, pages: pages - 1 });
        await waitForRoom(doc, output);
        if (outputError()) throw outputError();
        if (output.destroyed) throw new Error('the output was closed before the labels were rendered');
      }
      const content = painter.drawLabel(doc, next.value, mmToPt(cell.xMm + offsetXMm), mmToPt(cell.yMm + offsetYMm));
      if (content) pageContent += content;
    }
    flushPageContent();
    doc.end();
    await finished(output, { readable: false });
    if (outputError()) throw outputError();
    await onProgress?.({ labels: count, total: count, pages });
    return { pages, labels: count };
  } catch (error) {
    doc.unpipe(output);
    throw error;
  }
}

function validateOptions({ template, count, startPosition = 1, offsetXMm = 0, offsetYMm = 0 }: RenderLabelsOptions): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new LabelException('LABEL_COUNT_INVALID', 'count must be a positive integer', { count });
  }
  assertStartPosition(template, startPosition);
  for (const offset of [offsetXMm, offsetYMm]) {
    if (!Number.isFinite(offset) || Math.abs(offset) > MAX_OFFSET_MM) {
      throw new LabelException('LABEL_OFFSET_OUT_OF_RANGE', `printer offsets must be within ±${MAX_OFFSET_MM} mm`, {
        offsetXMm,
        offsetYMm,
      });
    }
  }
}

function countMismatch(expected: number, received: number): LabelException {
  return new LabelException('LABEL_COUNT_MISMATCH', `expected ${expected} labels, the source ended after ${received}`, {
    expected,
    received,
  });
}

function toIterator(source: LabelSource, count: number): AsyncIterator<LabelItem> | Iterator<LabelItem> {
  if (typeof source === 'function') {
    return (async function* () {
      for (let index = 0; index < count; index++) yield await source(index);
    })();
  }
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}

/** pdfkit ignores backpressure: wait here until both its buffer and the output's are below their marks. */
async function waitForRoom(doc: PDFKit.PDFDocument, output: Writable): Promise<void> {
  const readable = doc as unknown as { readableLength: number; readableHighWaterMark: number };
  while (!output.destroyed) {
    if (output.writableNeedDrain) await drainOrClose(output);
    else if (readable.readableLength > readable.readableHighWaterMark) await nextTurn();
    else return;
  }
}

/** A closed or failed output never drains: stop waiting then too (the caller checks why). */
function drainOrClose(output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      output.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    output.on('drain', done).on('close', done).on('error', done);
  });
}

/** Short decimal numbers for content streams (a thousandth of a point is far below any printer's dot). */
function pdfNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * The fast painter: the job's constant text, stars and outline are drawn once into a Form XObject
 * stamped on every label; the QR is one path of run rectangles; the serial is written from a cache
 * of glyph codes. Per label that is a few hundred bytes of operators and no text layout.
 */
class StampPainter implements LabelPainter {
  private form!: PDFKit.PDFKitReference;
  private font!: EmbeddedFont;
  private readonly glyphs = new Map<string, { hex: string; advance: number }>();
  private job!: PreparedJob;
  private qrBox!: { x: number; y: number; sizeMm: number };

  prepare(doc: PDFKit.PDFDocument, job: PreparedJob): void {
    this.job = job;
    const { width, height } = job.labelSizePt;
    const content = captureContent(doc, () => drawLabelFace(doc, job.fitted, job.labelSizePt, job.outline));
    // The label space has y pointing down like pdfkit's page space, so the box is simply the label.
    this.form = createFormXObject(doc, content, [-1, -1, width + 1, height + 1], { ...pageFonts(doc) });
    doc.font(REGULAR_FONT);
    this.font = currentFont(doc);
    this.qrBox = { x: mmToPt(job.layout.qr.xMm), y: mmToPt(job.layout.qr.yMm), sizeMm: job.layout.qr.widthMm };
  }

  startPage(doc: PDFKit.PDFDocument): void {
    pageXObjects(doc).Label = this.form;
    pageFonts(doc)[this.font.id] = this.font.ref();
  }

  drawLabel(_doc: PDFKit.PDFDocument, item: LabelItem, xPt: number, yPt: number): string {
    const symbol = encodeQr(item.payload);
    const moduleMm = qrModuleMm(symbol, this.qrBox.sizeMm);
    assertModuleReadable(symbol, moduleMm, this.job.template.minQrModuleMm, item.payload.length);
    const module = pdfNumber(mmToPt(moduleMm));

    let content =
      `q 1 0 0 1 ${pdfNumber(xPt)} ${pdfNumber(yPt)} cm\n/Label Do\n` +
      `q ${module} 0 0 ${module} ${pdfNumber(this.qrBox.x)} ${pdfNumber(this.qrBox.y)} cm\n${qrRunsPath(symbol)}f\nQ\n`;
    const slot = this.job.fitted.serial;
    if (slot && item.serial) {
      const { hex, advance } = this.encodeSerial(item.serial);
      const size = Math.min(slot.sizePt, (slot.maxWidthPt * 1000) / advance);
      // The page space has y down: the text matrix flips glyphs back upright.
      content += `BT /${this.font.id} ${pdfNumber(size)} Tf 1 0 0 -1 ${pdfNumber(slot.xPt)} ${pdfNumber(slot.baselinePt)} Tm <${hex}> Tj ET\n`;
    }
    return content + 'Q\n';
  }

  /** Glyph codes per character, encoded once: serials are short ASCII strings without kerning pairs. */
  private encodeSerial(serial: string): { hex: string; advance: number } {
    let hex = '';
    let advance = 0;
    for (const character of serial) {
      let glyph = this.glyphs.get(character);
      if (!glyph) {
        const [codes, positions] = this.font.encode(character);
        glyph = { hex: codes.join(''), advance: positions.reduce((sum, position) => sum + position.xAdvance, 0) };
        this.glyphs.set(character, glyph);
      }
      hex += glyph.hex;
      advance += glyph.advance;
    }
    return { hex, advance };
  }
}
