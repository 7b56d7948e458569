import type { Writable } from 'node:stream';
import QRCode from 'qrcode';
import { drawLabelFace, REGULAR_FONT } from './label-face.js';
import type { LabelItem } from './label-view.js';
import { mmToPt } from './layout.js';
import { assertModuleReadable, QR_QUIET_ZONE_MODULES } from './qr.js';
import {
  runLabelJob,
  type LabelPainter,
  type PreparedJob,
  type ProgressListener,
  type RenderLabelsOptions,
  type RenderResult,
} from './renderer.js';

/**
 * The obvious way to draw labels with pdfkit, kept only as the benchmark's yardstick: same layout and
 * streaming, but every label lays out its text again and every dark module is its own filled rectangle.
 */
export function renderLabelsBaseline(options: RenderLabelsOptions, output: Writable, onProgress?: ProgressListener): Promise<RenderResult> {
  return runLabelJob(options, output, onProgress, new NaivePainter());
}

class NaivePainter implements LabelPainter {
  private job!: PreparedJob;

  prepare(_doc: PDFKit.PDFDocument, job: PreparedJob): void {
    this.job = job;
  }

  startPage(): void {}

  drawLabel(doc: PDFKit.PDFDocument, item: LabelItem, xPt: number, yPt: number): void {
    const { layout, fitted, template } = this.job;
    const qr = QRCode.create(item.payload, { errorCorrectionLevel: 'M' });
    const { size } = qr.modules;
    const moduleMm = layout.qr.widthMm / (size + 2 * QR_QUIET_ZONE_MODULES);
    assertModuleReadable({ version: qr.version, size, modules: qr.modules.data }, moduleMm, template.minQrModuleMm, item.payload.length);
    const module = mmToPt(moduleMm);
    const qrX = mmToPt(layout.qr.xMm) + QR_QUIET_ZONE_MODULES * module;
    const qrY = mmToPt(layout.qr.yMm) + QR_QUIET_ZONE_MODULES * module;

    doc.save().translate(xPt, yPt);
    drawLabelFace(doc, fitted, this.job.labelSizePt, this.job.outline);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        if (qr.modules.get(row, col)) doc.rect(qrX + col * module, qrY + row * module, module, module).fill('black');
      }
    }
    if (fitted.serial && item.serial) {
      doc.font(REGULAR_FONT).fontSize(fitted.serial.sizePt);
      const width = doc.widthOfString(item.serial);
      if (width > fitted.serial.maxWidthPt) doc.fontSize((fitted.serial.sizePt * fitted.serial.maxWidthPt) / width);
      doc.text(item.serial, fitted.serial.xPt, fitted.serial.baselinePt, { lineBreak: false, baseline: 'alphabetic' });
    }
    doc.restore();
  }
}
