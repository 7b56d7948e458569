import type { Db } from '@app/database';
import { InvalidFieldException } from '../../common/domain.exception.js';
import { searchKey } from '../../common/text.js';
import type { ProductRecord } from '../../lots/lot-registry.repository.js';

/** Records by every word a clerk may name them with (name without diacritics, GTIN, phone, citizen id). */
export type Lookup<T> = Map<string, T[]>;

function add<T extends { id: string }>(lookup: Lookup<T>, word: string | null, record: T): void {
  if (!word) return;
  const found = lookup.get(word) ?? [];
  if (!found.some((r) => r.id === record.id)) found.push(record);
  lookup.set(word, found);
}

/** Products by name (Vietnamese or English, diacritics and case ignored) and by GTIN. */
export async function productsOf(db: Db, organizationId: string): Promise<Lookup<ProductRecord>> {
  const rows: (ProductRecord & { nameSearch: string })[] = await db.query(
    `SELECT id, name_vi AS "nameVi", name_en AS "nameEn", gtin, unit, net_content AS "netContent", net_content_unit AS "netContentUnit",
       shelf_life_days AS "shelfLifeDays" FROM product WHERE organization_id = $1`,
    [organizationId],
  );
  const lookup: Lookup<ProductRecord> = new Map();
  for (const product of rows) {
    add(lookup, searchKey(product.nameVi), product);
    add(lookup, product.nameEn ? searchKey(product.nameEn) : null, product);
    add(lookup, product.gtin ? product.gtin.replace(/^0+/, '') : null, product);
  }
  return lookup;
}

export interface HouseholdRecord {
  id: string;
  kind: string;
  name: string;
}

/** Partners by phone (national form), citizen id and name. */
export async function householdsOf(db: Db, organizationId: string): Promise<Lookup<HouseholdRecord>> {
  const rows: (HouseholdRecord & { phone: string | null; citizenId: string | null })[] = await db.query(
    `SELECT id, kind, name, phone, citizen_id AS "citizenId" FROM partner WHERE organization_id = $1`,
    [organizationId],
  );
  const lookup: Lookup<HouseholdRecord> = new Map();
  for (const partner of rows) {
    add(lookup, partner.phone ? phoneDigits(partner.phone) : null, partner);
    add(lookup, partner.citizenId, partner);
    add(lookup, searchKey(partner.name), partner);
  }
  return lookup;
}

/** The one record a cell names: PRODUCT_NOT_FOUND / PARTNER_NOT_FOUND, or …_AMBIGUOUS when several answer to it. */
export function uniqueMatch<T>(lookup: Lookup<T>, text: string, field: string, what: 'PRODUCT' | 'PARTNER'): T {
  const words = /^\+?[\d\s.()-]+$/.test(text) ? [phoneDigits(text), text.replace(/\D/g, '').replace(/^0+/, '')] : [searchKey(text)];
  const found = words.map((w) => lookup.get(w)).find((f) => f?.length) ?? [];
  const noun = what === 'PRODUCT' ? 'product' : 'partner';
  if (found.length === 0) throw new InvalidFieldException(what === 'PRODUCT' ? 'PRODUCT_NOT_FOUND' : 'PARTNER_NOT_FOUND', field, `no ${noun} named "${text}"; register it first`);
  if (found.length > 1) throw new InvalidFieldException(what === 'PRODUCT' ? 'PRODUCT_AMBIGUOUS' : 'PARTNER_AMBIGUOUS', field, `${found.length} ${noun}s answer to "${text}"; give the ${what === 'PRODUCT' ? 'GTIN' : 'phone or citizen id'} instead`);
  return found[0];
}

/** Digits of a phone with Vietnam's +84 written as the national 0. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
}

export interface FacilityRecord {
  id: string;
  name: string;
  code: string | null;
}

/** Facilities by code (case and spaces ignored) and by name (diacritics and case ignored). */
export async function facilitiesOf(db: Db, organizationId: string): Promise<Lookup<FacilityRecord>> {
  const rows: FacilityRecord[] = await db.query(`SELECT id, name, code FROM facility WHERE organization_id = $1`, [organizationId]);
  const lookup: Lookup<FacilityRecord> = new Map();
  for (const facility of rows) {
    add(lookup, facility.code ? `code:${facilityCode(facility.code)}` : null, facility);
    add(lookup, `name:${searchKey(facility.name)}`, facility);
  }
  return lookup;
}

const facilityCode = (code: string) => code.normalize('NFC').replace(/\s+/g, '').toUpperCase();

/** The one facility a cell names by code, else by name: FACILITY_NOT_FOUND, or FACILITY_AMBIGUOUS when several have that name. */
export function facilityMatch(lookup: Lookup<FacilityRecord>, text: string, field: string): FacilityRecord {
  const byCode = lookup.get(`code:${facilityCode(text)}`);
  if (byCode?.length === 1) return byCode[0];
  const found = lookup.get(`name:${searchKey(text)}`) ?? [];
  if (found.length === 0) throw new InvalidFieldException('FACILITY_NOT_FOUND', field, `no facility with the code or name "${text}"; register it first (or import the facilities)`);
  if (found.length > 1) throw new InvalidFieldException('FACILITY_AMBIGUOUS', field, `${found.length} facilities are named "${text}"; give the facility's code instead`);
  return found[0];
}
