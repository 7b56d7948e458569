import { describe, it, expect } from '@jest/globals';
import { LabelException } from './label.exception.js';
import { assertStartPosition, labelBoxLayout, labelCell, pageCount } from './layout.js';
import { findTemplate, LABEL_TEMPLATES } from './templates.js';

const sheet = findTemplate('a4-3x8-70x37')!;
const roll = findTemplate('roll-50x30')!;

describe('labelCell', () => {
  it('fills a sheet row by row from the top-left', () => {
    expect(labelCell(sheet, 1, 0)).toEqual({ page: 0, column: 0, row: 0, xMm: 0, yMm: 0.5 });
    expect(labelCell(sheet, 1, 1)).toMatchObject({ page: 0, column: 1, row: 0, xMm: 70 });
    expect(labelCell(sheet, 1, 3)).toMatchObject({ page: 0, column: 0, row: 1, yMm: 37.5 });
    expect(labelCell(sheet, 1, 23)).toMatchObject({ page: 0, column: 2, row: 7, xMm: 140, yMm: 259.5 });
    expect(labelCell(sheet, 1, 24)).toMatchObject({ page: 1, column: 0, row: 0 });
  });

  it('starts at position N of a partly used first sheet, then uses whole sheets', () => {
    // Position 5 is the second row's middle label.
    expect(labelCell(sheet, 5, 0)).toMatchObject({ page: 0, column: 1, row: 1 });
    expect(labelCell(sheet, 5, 19)).toMatchObject({ page: 0, column: 2, row: 7 });
    expect(labelCell(sheet, 5, 20)).toMatchObject({ page: 1, column: 0, row: 0 });
    expect(labelCell(sheet, 24, 0)).toMatchObject({ page: 0, column: 2, row: 7 });
    expect(labelCell(sheet, 24, 1)).toMatchObject({ page: 1, column: 0, row: 0 });
  });

  it('uses the template margins and pitch, gaps included', () => {
    const l7163 = findTemplate('a4-2x7-99x38')!;
    const cell = labelCell(l7163, 1, 3);
    expect(cell).toMatchObject({ column: 1, row: 1 });
    expect(cell.xMm).toBeCloseTo(4.65 + 101.6);
    expect(cell.yMm).toBeCloseTo(15.1 + 38.1);
  });

  it('puts every roll label on its own page at the origin', () => {
    expect(labelCell(roll, 1, 41)).toEqual({ page: 41, column: 0, row: 0, xMm: 0, yMm: 0 });
  });
});

describe('pageCount', () => {
  it('counts the pages a job needs', () => {
    expect(pageCount(sheet, 1, 24)).toBe(1);
    expect(pageCount(sheet, 1, 25)).toBe(2);
    expect(pageCount(sheet, 5, 50)).toBe(3);
    expect(pageCount(sheet, 5, 20)).toBe(1);
    expect(pageCount(roll, 1, 50)).toBe(50);
    expect(pageCount(sheet, 1, 0)).toBe(0);
  });
});

describe('assertStartPosition', () => {
  it('accepts 1 to labels per page', () => {
    expect(() => assertStartPosition(sheet, 1)).not.toThrow();
    expect(() => assertStartPosition(sheet, 24)).not.toThrow();
  });

  it.each([0, 25, 2.5, Number.NaN])('refuses %p on a 24-label sheet', (position) => {
    expect(() => assertStartPosition(sheet, position)).toThrow(
      expect.objectContaining({ code: 'LABEL_START_POSITION_OUT_OF_RANGE' }) as unknown as LabelException,
    );
  });

  it('refuses any position but 1 on a roll', () => {
    expect(() => assertStartPosition(roll, 2)).toThrow(LabelException);
  });
});

describe('labelBoxLayout', () => {
  const inside = (box: { xMm: number; yMm: number; widthMm: number; heightMm: number }, width: number, height: number) =>
    box.xMm >= 0 && box.yMm >= 0 && box.widthMm > 0 && box.heightMm > 0 &&
    box.xMm + box.widthMm <= width + 1e-9 && box.yMm + box.heightMm <= height + 1e-9;
  const overlap = (a: { xMm: number; yMm: number; widthMm: number; heightMm: number }, b: typeof a) =>
    a.xMm < b.xMm + b.widthMm && b.xMm < a.xMm + a.widthMm && a.yMm < b.yMm + b.heightMm && b.yMm < a.yMm + a.heightMm;

  it.each(LABEL_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s: QR and text stay inside the label without overlapping',
    (_id, template) => {
      const layout = labelBoxLayout(template);
      const { labelWidthMm: width, labelHeightMm: height } = template;
      expect(layout.qr.widthMm).toBe(layout.qr.heightMm);
      expect(inside(layout.qr, width, height)).toBe(true);
      expect(inside(layout.text, width, height)).toBe(true);
      expect(overlap(layout.qr, layout.text)).toBe(false);
      if (layout.underQr) {
        expect(inside(layout.underQr, width, height)).toBe(true);
        expect(overlap(layout.underQr, layout.qr)).toBe(false);
        expect(overlap(layout.underQr, layout.text)).toBe(false);
      }
      // A typical 42-character short URL (QR version 3, 29 modules + quiet zone) must be printable.
      expect(layout.qr.widthMm / (29 + 8)).toBeGreaterThanOrEqual(template.minQrModuleMm);
    },
  );

  it('puts the QR on the left of landscape labels and on top of the 100×150 label', () => {
    const landscape = labelBoxLayout(sheet);
    expect(landscape.text.xMm).toBeGreaterThan(landscape.qr.xMm + landscape.qr.widthMm);
    const tall = labelBoxLayout(findTemplate('roll-100x150')!);
    expect(tall.text.yMm).toBeGreaterThan(tall.qr.yMm + tall.qr.heightMm);
  });
});
