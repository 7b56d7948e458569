import { COMMUNES, PROVINCES, communesOf, currentAddress, findCommune, findProvince, resolvePlace } from './admin-units.js';
import { FORMER_PROVINCES } from './former-provinces.js';

describe('administrative units after 1 July 2025', () => {
  it('has the 34 provinces and 3,321 communes of the official lists, each code once', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(COMMUNES).toHaveLength(3321);
    expect(new Set(COMMUNES.map((c) => c.code)).size).toBe(3321);
    expect(COMMUNES.every((c) => /^\d{5}$/.test(c.code) && PROVINCES.some((p) => p.code === c.provinceCode))).toBe(true);
    expect(PROVINCES.find((p) => p.code === '11')).toEqual({ code: '11', name: 'Điện Biên', officialName: 'Tỉnh Điện Biên' });
    // Every province has communes (Điện Biên: 45 after the reform, Resolution 1661/NQ-UBTVQH15).
    for (const p of PROVINCES) expect(communesOf(p.code).length).toBeGreaterThan(30);
  });

  it('finds provinces by current, official, former and unaccented names', () => {
    expect(findProvince('Điện Biên')?.code).toBe('11');
    expect(findProvince('TỈNH  ĐIỆN BIÊN')?.code).toBe('11');
    expect(findProvince('dien bien')?.code).toBe('11');
    expect(findProvince('Thành phố Hà Nội')?.code).toBe('01');
    expect(findProvince('TP. Hồ Chí Minh')?.code).toBe('79');
    expect(findProvince('Hà Giang')?.name).toBe('Tuyên Quang');
    expect(findProvince('Bà Rịa - Vũng Tàu')?.name).toBe('Hồ Chí Minh');
    expect(findProvince('Thừa Thiên Huế')?.name).toBe('Huế');
    expect(findProvince('Atlantis')).toBeNull();
    // Each former province names an existing successor; 34 + 29 merged = the 63 provinces of before.
    expect(Object.values(FORMER_PROVINCES).every((code) => PROVINCES.some((p) => p.code === code))).toBe(true);
    expect(Object.keys(FORMER_PROVINCES).filter((name) => name !== 'Thừa Thiên Huế')).toHaveLength(29);
  });

  it('finds a commune of a province with or without its kind, NFD or not', () => {
    expect(findCommune('11', 'Mường Thanh')).toEqual({ code: '03334', name: 'Phường Mường Thanh', provinceCode: '11' });
    expect(findCommune('11', 'Phường Mường Thanh'.normalize('NFD'))?.code).toBe('03334');
    expect(findCommune('01', 'Mường Thanh')).toBeNull();
    expect(communesOf('01', 'hoan kiem').map((c) => c.name)).toEqual(['Phường Hoàn Kiếm']);
  });

  it('resolves a place: codes win and must agree; names match; unknown text is kept without a code', () => {
    expect(resolvePlace({ province: 'dien bien', commune: 'muong thanh' })).toEqual({ province: 'Điện Biên', commune: 'Phường Mường Thanh', provinceCode: '11', communeCode: '03334' });
    expect(resolvePlace({ communeCode: '03334' })).toEqual({ province: 'Điện Biên', commune: 'Phường Mường Thanh', provinceCode: '11', communeCode: '03334' });
    expect(resolvePlace({ province: 'Hà Giang', commune: 'Bản Cũ' })).toEqual({ province: 'Tuyên Quang', commune: 'Bản Cũ', provinceCode: '08', communeCode: null });
    expect(resolvePlace({ province: 'Vùng cao', commune: null })).toEqual({ province: 'Vùng cao', commune: null, provinceCode: null, communeCode: null });
    expect(() => resolvePlace({ provinceCode: '99' })).toThrow(/provinceCode/);
    expect(() => resolvePlace({ provinceCode: '01', communeCode: '03334' }, 'place.')).toThrow(/place\.communeCode: Phường Mường Thanh is not in Thành phố Hà Nội/);
  });

  it('writes addresses in the current two-tier form', () => {
    expect(currentAddress({ communeCode: '03334', provinceCode: '11', commune: 'x', province: 'y' })).toBe('Phường Mường Thanh, tỉnh Điện Biên');
    expect(currentAddress({ provinceCode: '01', commune: 'Long Biên' })).toBe('Long Biên, thành phố Hà Nội');
    expect(currentAddress({ commune: 'Bản Cũ', province: 'Vùng cao' })).toBe('Bản Cũ, Vùng cao');
  });
});
