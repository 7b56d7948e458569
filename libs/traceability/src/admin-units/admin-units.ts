import { InvalidFieldException } from '../common/domain.exception.js';
import { searchKey } from '../common/text.js';
import { FORMER_PROVINCES, PROVINCE_ALIASES } from './former-provinces.js';
import { COMMUNES_2025, PROVINCES_2025 } from './units-2025.data.js';

/**
 * Vietnam's administrative units since 1 July 2025: two tiers, 34 provinces and 3,321 communes
 * (xã, phường, đặc khu), no districts (docs/domain.md#who-uses-nguon). Codes are the Statistics
 * Office's (2 digits for a province, 5 for a commune), the ones on official forms.
 */
export interface Province {
  code: string;
  /** As people say it and as stored in `province` columns: "Điện Biên", "Hà Nội". */
  name: string;
  /** The official name: "Tỉnh Điện Biên", "Thành phố Hà Nội". */
  officialName: string;
}

export interface Commune {
  code: string;
  /** The official name with its kind: "Xã Thanh Xương", "Phường Mường Thanh". */
  name: string;
  provinceCode: string;
}

export const PROVINCES: readonly Province[] = PROVINCES_2025.map(([code, name, officialName]) => ({ code, name, officialName }));
export const COMMUNES: readonly Commune[] = COMMUNES_2025.split('\n')
  .filter(Boolean)
  .map((line) => {
    const [provinceCode, code, name] = line.split('|');
    return { code, name, provinceCode };
  });

const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));
const communeByCode = new Map(COMMUNES.map((c) => [c.code, c]));

/** "Tỉnh Điện Biên", "tinh dien bien", "TP. Hà Nội" → "dien bien", "ha noi". */
const provinceKey = (text: string) =>
  searchKey(text)
    .replace(/[.,]/g, ' ')
    .replace(/-/g, ' - ')
    .replace(/\s+/g, ' ')
    .replace(/^(tinh|thanh pho|tp)\s+/, '')
    .trim();
/** "Xã Thanh Xương", "xa thanh xuong", "Thanh Xương" → "thanh xuong". */
const communeKey = (text: string) =>
  searchKey(text)
    .replace(/\s*-\s*/g, ' - ')
    .replace(/^(xa|phuong|dac khu|thi tran)\s+/, '')
    .trim();

const provinceByKey = new Map<string, Province>();
for (const p of PROVINCES) provinceByKey.set(provinceKey(p.name), p);
for (const [name, code] of Object.entries({ ...PROVINCE_ALIASES, ...FORMER_PROVINCES })) provinceByKey.set(provinceKey(name), provinceByCode.get(code)!);

const communesByKey = new Map<string, Commune[]>();
for (const c of COMMUNES) {
  const key = `${c.provinceCode}|${communeKey(c.name)}`;
  communesByKey.set(key, [...(communesByKey.get(key) ?? []), c]);
}

export function provinceByCodeOf(code: string): Province | null {
  return provinceByCode.get(code) ?? null;
}

export function communeByCodeOf(code: string): Commune | null {
  return communeByCode.get(code) ?? null;
}

/** A province by its current name, official name or former (pre-2025) name; null when none matches. */
export function findProvince(text: string): Province | null {
  return provinceByKey.get(provinceKey(text)) ?? null;
}

/**
 * A commune of the province by name, with or without its kind ("Mường Thanh", "Phường Mường Thanh").
 * Null when none or more than one match ("Xã An Bình" and "Phường An Bình" in one province): a
 * guess would put a cooperative in the wrong place.
 */
export function findCommune(provinceCode: string, text: string): Commune | null {
  const key = communeKey(text);
  const exactKind = COMMUNES.find((c) => c.provinceCode === provinceCode && searchKey(c.name) === searchKey(text));
  if (exactKind) return exactKind;
  const matches = communesByKey.get(`${provinceCode}|${key}`) ?? [];
  return matches.length === 1 ? matches[0] : null;
}

/** The province's communes, optionally filtered by a diacritic-insensitive part of the name. */
export function communesOf(provinceCode: string, query?: string): Commune[] {
  const q = query ? searchKey(query) : '';
  return COMMUNES.filter((c) => c.provinceCode === provinceCode && (!q || searchKey(c.name).includes(q))).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** "Xã Thanh Xương, tỉnh Điện Biên": an address's tail in the current two-tier form. */
export function currentAddress(place: { commune?: string | null; province?: string | null; communeCode?: string | null; provinceCode?: string | null }): string {
  const province = place.provinceCode ? provinceByCode.get(place.provinceCode) : null;
  const commune = place.communeCode ? communeByCode.get(place.communeCode) : null;
  const provinceText = province ? province.officialName.replace(/^Tỉnh /, 'tỉnh ').replace(/^Thành phố /, 'thành phố ') : place.province;
  return [commune?.name ?? place.commune, provinceText].filter(Boolean).join(', ');
}

export interface PlaceInput {
  province?: string | null;
  commune?: string | null;
  provinceCode?: string | null;
  communeCode?: string | null;
}

export interface ResolvedPlace {
  province: string | null;
  commune: string | null;
  provinceCode: string | null;
  communeCode: string | null;
}

/**
 * What a registry write stores for a place. Codes win when given (and must exist and agree); a name
 * is matched to the current list (a former province's name gives its successor) and stored in its
 * current form with its code; text that matches nothing is kept as typed with no code, as before
 * the reform (the programme office's report lists such rows).
 */
export function resolvePlace(input: PlaceInput, fieldPrefix = ''): ResolvedPlace {
  const field = (name: string) => `${fieldPrefix}${name}`;
  let province: Province | null = null;
  if (input.provinceCode != null && input.provinceCode !== '') {
    province = provinceByCode.get(String(input.provinceCode)) ?? null;
    if (!province) throw new InvalidFieldException('UNKNOWN_PROVINCE', field('provinceCode'), `no province has code "${input.provinceCode}" (two digits, e.g. "11" for Điện Biên; GET /api/v1/admin-units/provinces)`);
  }
  let commune: Commune | null = null;
  if (input.communeCode != null && input.communeCode !== '') {
    commune = communeByCode.get(String(input.communeCode)) ?? null;
    if (!commune) throw new InvalidFieldException('UNKNOWN_COMMUNE', field('communeCode'), `no commune has code "${input.communeCode}" (five digits; GET /api/v1/admin-units/provinces/{code}/communes)`);
    if (province && commune.provinceCode !== province.code)
      throw new InvalidFieldException('COMMUNE_NOT_IN_PROVINCE', field('communeCode'), `${commune.name} is not in ${province.officialName}`);
    province ??= provinceByCode.get(commune.provinceCode)!;
  }
  const provinceText = input.province?.trim() || null;
  const communeText = input.commune?.trim() || null;
  if (!province && provinceText) province = findProvince(provinceText);
  if (province && !commune && communeText) commune = findCommune(province.code, communeText);
  return {
    province: province?.name ?? provinceText,
    commune: commune?.name ?? communeText,
    provinceCode: province?.code ?? null,
    communeCode: commune?.code ?? null,
  };
}

/**
 * The place columns a create or PATCH sets: nothing when no place field is given; otherwise the
 * resolved texts and codes of the fields given (a PATCH of the province alone leaves the commune as
 * it was).
 */
export function placeValues(input: PlaceInput): Partial<ResolvedPlace> {
  const given = (key: keyof PlaceInput) => input[key] !== undefined;
  if (!given('province') && !given('commune') && !given('provinceCode') && !given('communeCode')) return {};
  const text = (value: string | null | undefined) => (typeof value === 'string' ? value.normalize('NFC').trim() || null : null);
  const place = resolvePlace({ province: text(input.province), commune: text(input.commune), provinceCode: input.provinceCode ?? null, communeCode: input.communeCode ?? null });
  const values: Partial<ResolvedPlace> = {};
  // A commune code names its province too; clearing the commune (null) leaves the province alone.
  if (given('province') || given('provinceCode') || (input.communeCode != null && input.communeCode !== '')) Object.assign(values, { province: place.province, provinceCode: place.provinceCode });
  if (given('commune') || given('communeCode')) Object.assign(values, { commune: place.commune, communeCode: place.communeCode });
  return values;
}
