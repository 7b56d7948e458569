import { describe, it, expect } from '@jest/globals';
import { formatLabelDate, labelTextLines, type LabelJobView } from './label-view.js';

const view: LabelJobView = {
  productName: 'Gạo nếp Séng Cù',
  productNameEn: 'Séng Cù sticky rice',
  lotCode: 'DB-2026-000123',
  dateKind: 'harvest',
  date: '2026-03-12',
  expiry: '2027-03-12',
  growingAreaCode: 'VN-DB-MA-0012',
  cooperativeName: 'Hợp tác xã Nông nghiệp Thanh Xương',
  ocopStars: 4,
  shortUrlText: 'nguon.example/l/7HKQ2MXR',
  language: 'vi',
};

describe('labelTextLines', () => {
  it('writes Vietnamese captions by default', () => {
    expect(labelTextLines(view, true).map((line) => line.text)).toEqual([
      'Gạo nếp Séng Cù',
      'OCOP',
      'Lô: DB-2026-000123',
      'Ngày thu hoạch: 12/03/2026',
      'HSD: 12/03/2027',
      'Mã vùng trồng: VN-DB-MA-0012',
      'Hợp tác xã Nông nghiệp Thanh Xương',
      'nguon.example/l/7HKQ2MXR',
      'Số sê-ri: ',
    ]);
  });

  it('writes English captions and adds the English name under the Vietnamese one', () => {
    const lines = labelTextLines({ ...view, language: 'en', dateKind: 'pack' }, true).map((line) => line.text);
    expect(lines.slice(0, 2)).toEqual(['Gạo nếp Séng Cù', 'Séng Cù sticky rice']);
    expect(lines).toEqual(
      expect.arrayContaining(['Lot: DB-2026-000123', 'Packed: 2026-03-12', 'Expires: 2027-03-12', 'Growing area: VN-DB-MA-0012', 'Serial: ']),
    );
  });

  it('leaves out what the job does not have', () => {
    const lines = labelTextLines({ ...view, expiry: undefined, growingAreaCode: undefined, ocopStars: undefined }, false);
    expect(lines.map((line) => line.role)).toEqual(['name', 'lot', 'date', 'cooperative', 'url']);
  });

  it('composes decomposed diacritics so the font finds its precomposed Vietnamese letters', () => {
    const decomposed = 'Điện Biên'.normalize('NFD');
    expect(decomposed).not.toBe('Điện Biên');
    const [name] = labelTextLines({ ...view, productName: `Gạo  ${decomposed} ` }, false);
    expect(name).toEqual({ role: 'name', text: 'Gạo Điện Biên', bold: true });
  });
});

describe('formatLabelDate', () => {
  it('uses day/month/year in Vietnamese and ISO in English', () => {
    expect(formatLabelDate('2026-03-12', 'vi')).toBe('12/03/2026');
    expect(formatLabelDate('2026-03-12', 'en')).toBe('2026-03-12');
  });
});
