import { describe, it, expect } from '@jest/globals';
import { findTemplate, LABEL_TEMPLATES, labelsPerPage, requireTemplate } from './templates.js';

// Tolerance for decimal millimetres such as 4.65 + 99.1 + 2.5 + 99.1 + 4.65.
const EPSILON = 1e-9;

describe('label templates', () => {
  it('offers the sheets and rolls of docs/domain.md#label-templates with unique ids', () => {
    const ids = LABEL_TEMPLATES.map((template) => template.id);
    expect(ids).toEqual(
      expect.arrayContaining(['a4-3x8-70x37', 'a4-4x10-48x25', 'a4-2x7-99x38', 'roll-50x30', 'roll-40x30', 'roll-100x150']),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(LABEL_TEMPLATES.map((template) => [template.id, template] as const))('%s fits inside its page', (_id, template) => {
    expect(template.pitchXMm).toBeGreaterThanOrEqual(template.labelWidthMm);
    expect(template.pitchYMm).toBeGreaterThanOrEqual(template.labelHeightMm);
    expect(template.marginLeftMm).toBeGreaterThanOrEqual(0);
    expect(template.marginTopMm).toBeGreaterThanOrEqual(0);
    const right = template.marginLeftMm + (template.columns - 1) * template.pitchXMm + template.labelWidthMm;
    const bottom = template.marginTopMm + (template.rows - 1) * template.pitchYMm + template.labelHeightMm;
    expect(right).toBeLessThanOrEqual(template.pageWidthMm + EPSILON);
    expect(bottom).toBeLessThanOrEqual(template.pageHeightMm + EPSILON);
    expect(template.nameVi).not.toBe('');
    expect(template.nameEn).not.toBe('');
    expect(template.minQrModuleMm).toBeGreaterThanOrEqual(template.kind === 'roll' ? 0.33 : 0.3);
  });

  it('uses real sticker-sheet geometry', () => {
    const a4x24 = findTemplate('a4-3x8-70x37')!;
    expect(labelsPerPage(a4x24)).toBe(24);
    // Labels touch each other and fill 210 × 296 mm, half a millimetre above and below.
    expect(a4x24.columns * a4x24.labelWidthMm).toBe(210);
    expect(a4x24.marginTopMm + a4x24.rows * a4x24.pitchYMm + 0.5).toBeCloseTo(297);

    const a4x40 = findTemplate('a4-4x10-48x25')!;
    expect(labelsPerPage(a4x40)).toBe(40);
    expect(a4x40.marginLeftMm * 2 + 4 * a4x40.pitchXMm).toBeCloseTo(210);
    expect(a4x40.marginTopMm * 2 + 10 * a4x40.pitchYMm).toBeCloseTo(297);

    const l7163 = findTemplate('a4-2x7-99x38')!;
    expect(labelsPerPage(l7163)).toBe(14);
    expect(l7163.marginLeftMm * 2 + l7163.pitchXMm + l7163.labelWidthMm).toBeCloseTo(210);
    expect(l7163.pitchXMm - l7163.labelWidthMm).toBeCloseTo(2.5);
  });

  it('prints one thermal roll label per page, the page being the label', () => {
    for (const id of ['roll-50x30', 'roll-40x30', 'roll-100x150']) {
      const roll = findTemplate(id)!;
      expect(roll.kind).toBe('roll');
      expect(labelsPerPage(roll)).toBe(1);
      expect([roll.pageWidthMm, roll.pageHeightMm]).toEqual([roll.labelWidthMm, roll.labelHeightMm]);
      expect(roll.minQrModuleMm).toBe(0.33);
    }
  });

  it('finds nothing for an unknown id, and requireTemplate says so with a code', () => {
    expect(findTemplate('a4-1x1')).toBeUndefined();
    expect(requireTemplate('roll-40x30').id).toBe('roll-40x30');
    expect(() => requireTemplate('a4-1x1')).toThrow(expect.objectContaining({ code: 'LABEL_TEMPLATE_NOT_FOUND' }) as unknown as Error);
  });
});
