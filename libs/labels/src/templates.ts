import { LabelException } from './label.exception.js';

/** Where the labels of one template sit on a page. All lengths are millimetres. */
export interface LabelTemplate {
  id: string;
  nameVi: string;
  nameEn: string;
  /** A sheet holds a grid of labels; a roll prints one label per page. */
  kind: 'sheet' | 'roll';
  pageWidthMm: number;
  pageHeightMm: number;
  columns: number;
  rows: number;
  /** Distance from the page's top-left corner to the first label's top-left corner. */
  marginTopMm: number;
  marginLeftMm: number;
  /** Label size plus the gap to the next label. */
  pitchXMm: number;
  pitchYMm: number;
  labelWidthMm: number;
  labelHeightMm: number;
  /** Smallest QR module the printer reproduces reliably (laser ≈ 0.3 mm, 203-dpi thermal 0.33 mm). */
  minQrModuleMm: number;
}

const SHEET_MIN_MODULE_MM = 0.3;
const THERMAL_MIN_MODULE_MM = 0.33;

/** A roll label is its own page: one column, one row, no margins. */
function rollTemplate(id: string, widthMm: number, heightMm: number): LabelTemplate {
  return {
    id,
    nameVi: `Tem cuộn nhiệt ${widthMm}×${heightMm} mm`,
    nameEn: `Thermal roll label ${widthMm}×${heightMm} mm`,
    kind: 'roll',
    pageWidthMm: widthMm,
    pageHeightMm: heightMm,
    columns: 1,
    rows: 1,
    marginTopMm: 0,
    marginLeftMm: 0,
    pitchXMm: widthMm,
    pitchYMm: heightMm,
    labelWidthMm: widthMm,
    labelHeightMm: heightMm,
    minQrModuleMm: THERMAL_MIN_MODULE_MM,
  };
}

export const LABEL_TEMPLATES: readonly LabelTemplate[] = Object.freeze([
  {
    // The common 24-up sheet: labels touch each other and fill 210×296 mm, 0.5 mm left top and bottom.
    id: 'a4-3x8-70x37',
    nameVi: 'Giấy A4 24 tem 70×37 mm (3×8)',
    nameEn: 'A4 sheet, 24 labels 70×37 mm (3×8)',
    kind: 'sheet',
    pageWidthMm: 210,
    pageHeightMm: 297,
    columns: 3,
    rows: 8,
    marginTopMm: 0.5,
    marginLeftMm: 0,
    pitchXMm: 70,
    pitchYMm: 37,
    labelWidthMm: 70,
    labelHeightMm: 37,
    minQrModuleMm: SHEET_MIN_MODULE_MM,
  },
  {
    // 40-up sheet (Avery L7654 / Tanex 40): 4×48.5 = 194 mm centred, 10×25.4 = 254 mm centred.
    id: 'a4-4x10-48x25',
    nameVi: 'Giấy A4 40 tem 48,5×25,4 mm (4×10)',
    nameEn: 'A4 sheet, 40 labels 48.5×25.4 mm (4×10)',
    kind: 'sheet',
    pageWidthMm: 210,
    pageHeightMm: 297,
    columns: 4,
    rows: 10,
    marginTopMm: 21.5,
    marginLeftMm: 8,
    pitchXMm: 48.5,
    pitchYMm: 25.4,
    labelWidthMm: 48.5,
    labelHeightMm: 25.4,
    minQrModuleMm: SHEET_MIN_MODULE_MM,
  },
  {
    // Avery L7163 geometry: 2.5 mm between columns, no gap between rows.
    id: 'a4-2x7-99x38',
    nameVi: 'Giấy A4 14 tem 99,1×38,1 mm (2×7)',
    nameEn: 'A4 sheet, 14 labels 99.1×38.1 mm (2×7)',
    kind: 'sheet',
    pageWidthMm: 210,
    pageHeightMm: 297,
    columns: 2,
    rows: 7,
    marginTopMm: 15.1,
    marginLeftMm: 4.65,
    pitchXMm: 101.6,
    pitchYMm: 38.1,
    labelWidthMm: 99.1,
    labelHeightMm: 38.1,
    minQrModuleMm: SHEET_MIN_MODULE_MM,
  },
  rollTemplate('roll-50x30', 50, 30),
  rollTemplate('roll-40x30', 40, 30),
  rollTemplate('roll-100x150', 100, 150),
]);

export function findTemplate(id: string): LabelTemplate | undefined {
  return LABEL_TEMPLATES.find((template) => template.id === id);
}

/** For job creation: an unknown template id is the caller's error, with a code. */
export function requireTemplate(id: string): LabelTemplate {
  const template = findTemplate(id);
  if (!template) {
    throw new LabelException('LABEL_TEMPLATE_NOT_FOUND', `unknown label template ${id}`, {
      templateId: id,
      known: LABEL_TEMPLATES.map((known) => known.id),
    });
  }
  return template;
}

export function labelsPerPage(template: LabelTemplate): number {
  return template.columns * template.rows;
}
