import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { defaultLabelFonts, type LabelFonts } from './fonts.js';
import { mmToPt } from './layout.js';
import { encodeQr, QR_QUIET_ZONE_MODULES } from './qr.js';

/** ISO 216 sizes, portrait, in millimetres. */
export const POSTER_SIZES = { a4: { widthMm: 210, heightMm: 297 }, a5: { widthMm: 148, heightMm: 210 } } as const;
export type PosterSize = keyof typeof POSTER_SIZES;

export interface PosterView {
  size: PosterSize;
  lang: 'vi' | 'en';
  /** The producer page the QR code opens. */
  url: string;
  producerName: string;
  place: string | null;
  /** A few products with their OCOP stars, shown under the code. */
  products: { name: string; stars: number | null }[];
  welcomesVisitors: boolean;
}

const WORDS = {
  vi: { scan: 'Quét mã để xem sản phẩm OCOP, câu chuyện và cách mua', visit: 'Đón khách tham quan, trải nghiệm', stars: (n: number) => `${n} sao OCOP` },
  en: { scan: 'Scan to see our OCOP products, our story and where to buy', visit: 'Visitors welcome', stars: (n: number) => `${n}-star OCOP` },
};

/**
 * A QR poster for the producer's stall or homestay (issue 20): the producer's name, a large QR code of
 * its showcase page (≥ 1 mm modules, quiet zone kept), the page's address in text, a few products.
 * Noto Sans carries the Vietnamese diacritics, as on the labels.
 */
export function renderPoster(view: PosterView, output: Writable, fonts: LabelFonts = defaultLabelFonts()): Promise<void> {
  const { widthMm, heightMm } = POSTER_SIZES[view.size];
  const words = WORDS[view.lang];
  const scale = widthMm / 210;
  const doc = new PDFDocument({ size: [mmToPt(widthMm), mmToPt(heightMm)], margin: 0, info: { Title: view.producerName, Creator: 'Nguồn', Producer: 'Nguồn poster (pdfkit)' } });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const done = new Promise<void>((resolve, reject) => {
    output.on('finish', () => resolve());
    output.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(output);
  const margin = mmToPt(14 * scale);
  const width = mmToPt(widthMm) - 2 * margin;

  doc.rect(0, 0, mmToPt(widthMm), mmToPt(22 * scale)).fill('#1b6e3a');
  doc.fillColor('#ffffff').font('bold').fontSize(20 * scale).text('OCOP', margin, mmToPt(7 * scale), { width, align: 'center' });
  doc.fillColor('#18211c').font('bold').fontSize(28 * scale).text(view.producerName, margin, mmToPt(30 * scale), { width, align: 'center' });
  if (view.place) doc.font('regular').fontSize(14 * scale).fillColor('#59655d').text(view.place, { width, align: 'center' });

  // The code: 120 mm wide on A4 (85 mm on A5), modules well above 1 mm for a phone at arm's length.
  const symbol = encodeQr(view.url);
  const boxMm = 120 * scale;
  const modules = symbol.size + 2 * QR_QUIET_ZONE_MODULES;
  const module = mmToPt(boxMm) / modules;
  const left = (mmToPt(widthMm) - mmToPt(boxMm)) / 2;
  const top = Math.max(doc.y + mmToPt(6 * scale), mmToPt(60 * scale));
  doc.rect(left, top, mmToPt(boxMm), mmToPt(boxMm)).fill('#ffffff');
  doc.fillColor('#000000');
  for (let row = 0; row < symbol.size; row++) {
    for (let col = 0; col < symbol.size; col++) {
      if (!symbol.modules[row * symbol.size + col]) continue;
      let run = 1;
      while (col + run < symbol.size && symbol.modules[row * symbol.size + col + run]) run++;
      doc.rect(left + (col + QR_QUIET_ZONE_MODULES) * module, top + (row + QR_QUIET_ZONE_MODULES) * module, run * module, module);
      col += run - 1;
    }
  }
  doc.fill('#000000');

  let y = top + mmToPt(boxMm) + mmToPt(4 * scale);
  doc.font('bold').fontSize(15 * scale).fillColor('#18211c').text(words.scan, margin, y, { width, align: 'center' });
  doc.font('regular').fontSize(10 * scale).fillColor('#0b5d8f').text(view.url, { width, align: 'center' });
  y = doc.y + mmToPt(4 * scale);
  doc.fillColor('#18211c').font('regular').fontSize(12 * scale);
  for (const product of view.products.slice(0, 4)) {
    doc.text(`• ${product.name}${product.stars ? ` — ${words.stars(product.stars)}` : ''}`, margin, y, { width, align: 'center' });
    y = doc.y + mmToPt(1);
  }
  if (view.welcomesVisitors) doc.font('bold').fontSize(13 * scale).fillColor('#1b6e3a').text(words.visit, margin, y + mmToPt(2), { width, align: 'center' });
  doc.end();
  return done;
}
