import { randomBytes, randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { generateShortCode, gs1CheckDigit, searchKey } from '@app/traceability';

export interface LabelLotOptions {
  /** true: a random valid GTIN-14 with Vietnam's 893 prefix; a string: that GTIN. */
  gtin?: boolean | string;
  productNameVi?: string;
  productNameEn?: string | null;
  shelfLifeDays?: number | null;
  /** An OCOP certification of the product with these stars. */
  ocopStars?: 3 | 4 | 5;
  /** Make that certification one that expired last year. */
  ocopExpired?: boolean;
  lotCode?: string;
  lotStatus?: 'active' | 'recalled' | 'voided';
  producedAt?: string;
}

export interface LabelLotFixture {
  productId: string;
  lotId: string;
  lotCode: string;
  shortCode: string;
  gtin: string | null;
  growingAreaId: string;
  growingAreaCode: string;
}

function randomGtin(): string {
  const body = `893${String(randomInt(0, 1e9)).padStart(9, '0')}`;
  return `0${body}${gs1CheckDigit(body)}`;
}

/**
 * A product, an active growing area and a harvested lot of one organization, written straight to the
 * database: label tests need a printable lot, not the harvest rules (those have their own tests).
 */
export async function createLabelLot(dataSource: DataSource, organizationId: string, options: LabelLotOptions = {}): Promise<LabelLotFixture> {
  const suffix = randomBytes(4).toString('hex').toUpperCase();
  const gtin = options.gtin === true ? randomGtin() : typeof options.gtin === 'string' ? options.gtin : null;
  const nameVi = options.productNameVi ?? 'Gạo nếp Séng Cù Điện Biên';
  const [product] = await dataSource.query(
    `INSERT INTO product (organization_id, name_vi, name_en, name_search, gtin, unit, shelf_life_days, ocop_group)
     VALUES ($1, $2, $3, $4, $5, 'kg', $6, 1) RETURNING id`,
    [organizationId, nameVi, options.productNameEn === undefined ? 'Séng Cù sticky rice' : options.productNameEn, searchKey(nameVi), gtin, options.shelfLifeDays === undefined ? 365 : options.shelfLifeDays],
  );
  const growingAreaCode = `VN-DBIH-${suffix}`;
  const [area] = await dataSource.query(
    `INSERT INTO growing_area (organization_id, code, name, name_search, crop, area_ha, province, commune, status)
     VALUES ($1, $2, 'Cánh đồng Mường Thanh', 'canh dong muong thanh', 'rice', 12.5, 'Điện Biên', 'Thanh Xương', 'active') RETURNING id`,
    [organizationId, growingAreaCode],
  );
  if (options.ocopStars) {
    const expired = options.ocopExpired ?? false;
    await dataSource.query(
      `INSERT INTO certification (organization_id, kind, level, issuing_level, number, issuer, issued_at, expires_at, scope_type, scope_id)
       VALUES ($1, 'ocop', $2, 'provincial', $3, 'UBND tỉnh Điện Biên', $4, $5, 'product', $6)`,
      [
        organizationId,
        options.ocopStars,
        `${randomInt(100, 999)}/QĐ-UBND`,
        expired ? '2021-01-01' : '2025-01-01',
        expired ? '2024-01-01' : '2027-12-31',
        product.id,
      ],
    );
  }
  const lotCode = options.lotCode ?? `DB-2026-${suffix}`;
  const shortCode = generateShortCode();
  const status = options.lotStatus ?? 'active';
  const [lot] = await dataSource.query(
    `INSERT INTO lot (organization_id, code, product_id, kind, quantity, unit, status, growing_area_id, produced_at, short_code, recalled_at, recall_reason)
     VALUES ($1, $2, $3, 'harvest', 500, 'kg', $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      organizationId,
      lotCode,
      product.id,
      status,
      area.id,
      options.producedAt ?? '2026-03-15T08:00:00+07:00',
      shortCode,
      status === 'recalled' ? new Date() : null,
      status === 'recalled' ? 'Kiểm tra dư lượng' : null,
    ],
  );
  return { productId: product.id, lotId: lot.id, lotCode, shortCode, gtin, growingAreaId: area.id, growingAreaCode };
}
