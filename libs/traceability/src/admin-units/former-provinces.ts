/**
 * The 29 provinces that Resolution 202/2025/QH15 (12 June 2025, in force 1 July 2025) merged into
 * another one, each with the code of its successor (and Thừa Thiên Huế, which became the city of Huế). The 34 provinces that exist now answer for
 * themselves (units-2025.data.ts); a former province that kept its name (e.g. Bắc Ninh, which took
 * in Bắc Giang) is one of those.
 */
export const FORMER_PROVINCES: Readonly<Record<string, string>> = {
  'Hà Giang': '08',
  'Yên Bái': '15',
  'Bắc Kạn': '19',
  'Vĩnh Phúc': '25',
  'Hòa Bình': '25',
  'Bắc Giang': '24',
  'Thái Bình': '33',
  'Hải Dương': '31',
  'Hà Nam': '37',
  'Nam Định': '37',
  'Quảng Bình': '44',
  'Thừa Thiên Huế': '46',
  'Quảng Nam': '48',
  'Kon Tum': '51',
  'Bình Định': '52',
  'Ninh Thuận': '56',
  'Phú Yên': '66',
  'Đắk Nông': '68',
  'Bình Thuận': '68',
  'Bình Phước': '75',
  'Bình Dương': '79',
  'Bà Rịa - Vũng Tàu': '79',
  'Long An': '80',
  'Tiền Giang': '82',
  'Bến Tre': '86',
  'Trà Vinh': '86',
  'Sóc Trăng': '92',
  'Hậu Giang': '92',
  'Bạc Liêu': '96',
  'Kiên Giang': '91',
};

/** Other ways people write a province that is still there. */
export const PROVINCE_ALIASES: Readonly<Record<string, string>> = {
  'TP HCM': '79',
  HCM: '79',
  TPHCM: '79',
  'Sài Gòn': '79',
  'Thành phố Hồ Chí Minh': '79',
  'Đắk Lắc': '66',
  'Daklak': '66',
};
