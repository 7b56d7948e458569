import { describe, it, expect, beforeAll } from '@jest/globals';
import PDFDocument from 'pdfkit';
import { defaultLabelFonts } from './fonts.js';
import { BOLD_FONT, fitTextBlock, REGULAR_FONT, starPoints, truncateToWidth, wrapWords } from './label-face.js';
import { labelTextLines, type LabelJobView } from './label-view.js';
import { labelBoxLayout, mmToPt, MIN_FONT_PT, READABLE_FONT_PT } from './layout.js';
import { findTemplate, LABEL_TEMPLATES } from './templates.js';

// Half an em per character: enough to test the arithmetic without a font.
const monospace = (size: number) => (text: string) => text.length * size * 0.5;

describe('wrapWords', () => {
  it('wraps at spaces', () => {
    expect(wrapWords('Gạo nếp Séng Cù', monospace(10), 40)).toEqual(['Gạo nếp', 'Séng Cù']);
  });

  it('breaks a word longer than the row (a URL) rather than losing characters', () => {
    const rows = wrapWords('nguon.example/l/7HKQ2MXR', monospace(10), 60);
    expect(rows.join('')).toBe('nguon.example/l/7HKQ2MXR');
    expect(rows.every((row) => monospace(10)(row) <= 60)).toBe(true);
  });
});

describe('truncateToWidth', () => {
  it('finds the longest prefix that fits with the ellipsis', () => {
    expect(truncateToWidth('abcdefghij', monospace(10), 30)).toBe('abcde…');
    expect(truncateToWidth('abc defghij', monospace(10), 25)).toBe('abc…');
  });
});

describe('starPoints', () => {
  it('draws a five-pointed star with its first point up (y grows downwards)', () => {
    const points = starPoints(10, 10, 5);
    expect(points).toHaveLength(10);
    expect(points[0][0]).toBeCloseTo(10);
    expect(points[0][1]).toBeCloseTo(5);
  });
});

describe('fitTextBlock with the real font', () => {
  const doc = new PDFDocument({ autoFirstPage: false });
  beforeAll(() => {
    const fonts = defaultLabelFonts();
    doc.registerFont(REGULAR_FONT, fonts.regular);
    doc.registerFont(BOLD_FONT, fonts.bold);
  });
  const widthOf = (text: string, bold: boolean, size: number) => doc.font(bold ? BOLD_FONT : REGULAR_FONT).fontSize(size).widthOfString(text);

  const ordinary: LabelJobView = {
    productName: 'Gạo nếp Séng Cù Điện Biên',
    lotCode: 'DB-2026-000123',
    dateKind: 'harvest',
    date: '2026-03-12',
    expiry: '2027-03-12',
    growingAreaCode: 'VN-DB-MA-0012',
    cooperativeName: 'Hợp tác xã Nông nghiệp Thanh Xương, Điện Biên',
    ocopStars: 5,
    shortUrlText: 'nguon.example/l/7HKQ2MXR',
    language: 'vi',
  };
  const extreme: LabelJobView = {
    ...ordinary,
    productName: 'Chè Shan tuyết cổ thụ Tủa Chùa thượng hạng hái tay một tôm hai lá vùng cao Điện Biên Đông',
    productNameEn: 'Hand-picked ancient Shan Tuyet tea from the highlands of Dien Bien Dong district',
    cooperativeName: 'Hợp tác xã Nông lâm nghiệp và Dịch vụ Tổng hợp Chè Shan tuyết Tủa Chùa huyện Điện Biên Đông',
    language: 'en',
  };

  for (const template of LABEL_TEMPLATES) {
    for (const [kind, view] of [['ordinary', ordinary], ['very long', extreme]] as const) {
      it(`${template.id}: ${kind} Vietnamese text never leaves its box`, () => {
        const layout = labelBoxLayout(template);
        const fitted = fitTextBlock(doc, labelTextLines(view, true), layout, { ocopStars: 5, serialSample: '100000123' });
        const left = mmToPt(layout.text.xMm);
        const right = left + mmToPt(layout.text.widthMm);
        const top = mmToPt(layout.text.yMm);
        const bottom = top + mmToPt(layout.text.heightMm);
        for (const line of fitted.lines) {
          expect(line.sizePt).toBeGreaterThanOrEqual(MIN_FONT_PT);
          if (line.role === 'ocop' && layout.underQr) continue;
          expect(line.xPt).toBeGreaterThanOrEqual(left);
          expect(line.xPt + widthOf(line.text, line.bold, line.sizePt)).toBeLessThanOrEqual(right + 0.01);
          expect(line.baselinePt - line.sizePt * 0.8).toBeGreaterThanOrEqual(top - 0.01);
          expect(line.baselinePt + line.sizePt * 0.25).toBeLessThanOrEqual(bottom + 0.01);
        }
        // Room for the serial after its caption, and the stars inside the label.
        expect(fitted.serial!.xPt + widthOf('100000123', false, fitted.serial!.sizePt)).toBeLessThanOrEqual(right + 0.01);
        const stars = fitted.ocopStars!;
        expect(stars.xPt + stars.count * stars.radiusPt * 2.1).toBeLessThanOrEqual(mmToPt(template.labelWidthMm));
        if (kind === 'ordinary') {
          // Everything printed whole, the product name in full.
          expect(fitted.lines.some((line) => line.text.endsWith('…'))).toBe(false);
          expect(fitted.lines.filter((line) => line.role === 'name').map((line) => line.text).join(' ')).toBe(ordinary.productName);
        }
      });
    }
  }
});

describe('the small labels stay readable (issue 15)', () => {
  const doc = new PDFDocument({ autoFirstPage: false });
  beforeAll(() => {
    const fonts = defaultLabelFonts();
    doc.registerFont(REGULAR_FONT, fonts.regular);
    doc.registerFont(BOLD_FONT, fonts.bold);
  });
  const shelf: LabelJobView = {
    productName: 'Gạo nếp Séng Cù Điện Biên',
    lotCode: 'DB-2026-000123',
    dateKind: 'pack',
    date: '2026-03-12',
    expiry: '2027-03-12',
    growingAreaCode: 'VN-DB-MA-0012',
    cooperativeName: 'Hợp tác xã Nông nghiệp Thanh Xương, Điện Biên',
    netContent: '2 kg',
    producerAddress: 'Bản Co Mỵ, xã Thanh Xương, Điện Biên',
    origin: 'Việt Nam',
    ocopStars: 4,
    shortUrlText: 'truyxuat.htx-thanhxuong.vn/l/7HKQ2MXR',
    language: 'vi',
  };
  const long: LabelJobView = { ...shelf, productName: 'Chè Shan tuyết cổ thụ Tủa Chùa thượng hạng hái tay một tôm hai lá vùng cao Điện Biên Đông' };

  const small = LABEL_TEMPLATES.filter((template) => labelBoxLayout(template).readableFontPt === READABLE_FONT_PT);
  it('counts the rolls of 40×30 and 50×30 and the 48×25 sheet as small', () => {
    expect(small.map((template) => template.id).sort()).toEqual(['a4-4x10-48x25', 'roll-40x30', 'roll-50x30']);
  });

  for (const template of small) {
    for (const [kind, view] of [['shop-shelf', shelf], ['very long name', long]] as const) {
      it(`${template.id}, ${kind}: text at ${READABLE_FONT_PT} pt or more, the link whole and its code on one row`, () => {
        const fitted = fitTextBlock(doc, labelTextLines(view, true), labelBoxLayout(template), { ocopStars: 4, serialSample: '100000123' });
        for (const line of fitted.lines) expect(line.sizePt).toBeGreaterThanOrEqual(READABLE_FONT_PT);
        const url = fitted.lines.filter((line) => line.role === 'url').map((line) => line.text);
        expect(url.join('')).toBe(view.shortUrlText);
        expect(url.some((row) => row.endsWith('7HKQ2MXR') && (row === '7HKQ2MXR' || row.endsWith('/7HKQ2MXR')))).toBe(true);
        // Never left out: the name, the lot, the link and the serial.
        for (const role of ['name', 'lot', 'url', 'serial'] as const) expect(fitted.lines.some((line) => line.role === role)).toBe(true);
        for (const role of fitted.omitted ?? []) expect(fitted.lines.some((line) => line.role === role)).toBe(false);
      });
    }
  }

  it('a large label keeps every shop-shelf line (it shrinks instead)', () => {
    const fitted = fitTextBlock(doc, labelTextLines(shelf, true), labelBoxLayout(findTemplate('a4-3x8-70x37')!), { ocopStars: 4, serialSample: '100000123' });
    expect(fitted.omitted).toBeUndefined();
    for (const role of ['netContent', 'address', 'origin', 'cooperative'] as const) expect(fitted.lines.some((line) => line.role === role)).toBe(true);
  });

  it('roll-40x30 leaves out what the QR page carries, not the shop’s net content', () => {
    const fitted = fitTextBlock(doc, labelTextLines(shelf, true), labelBoxLayout(findTemplate('roll-40x30')!), { ocopStars: 4, serialSample: '100000123' });
    expect(fitted.omitted).toEqual(expect.arrayContaining(['address', 'cooperative']));
    expect(fitted.lines.map((line) => line.role)).toContain('lot');
  });
});

describe('wrapping a URL', () => {
  it('breaks a host too long for a row after a dot or hyphen, never inside the code', () => {
    const widthOf = (text: string) => text.length;
    expect(wrapWords('truyxuat.htx-thanhxuong.vn/l/7HKQ2MXR', widthOf, 16)).toEqual(['truyxuat.htx-', 'thanhxuong.vn/l/', '7HKQ2MXR']);
  });

  it('breaks after a slash, so the short code stays whole', () => {
    const widthOf = (text: string) => text.length;
    expect(wrapWords('truyxuat.example.vn/l/K7M2Q9XZ', widthOf, 26)).toEqual(['truyxuat.example.vn/l/', 'K7M2Q9XZ']);
    // No slash to break at: the last character that fits, as before.
    expect(wrapWords('ABCDEFGHIJ', widthOf, 4)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });
});
