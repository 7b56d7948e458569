import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { gs1CheckDigit, searchKey } from '@app/traceability';

/**
 * SQL-level registry records for lot tests (products, growing areas with status history, member
 * households, facilities, partners linked to other organizations, input applications). Written
 * straight into the registry tables the migration fixes, so lot tests do not depend on the registry
 * API's request shapes.
 */
type Db = Pick<DataSource, 'query'>;

/** A valid, random GTIN-13 as 14 digits (GTINs are unique across the deployment). */
export function randomGtin(): string {
  const body = `893${String(BigInt(`0x${randomBytes(6).toString('hex')}`) % 1_000_000_000n).padStart(9, '0')}`;
  return `0${body}${gs1CheckDigit(body)}`;
}

export async function createTestProduct(
  db: Db,
  organizationId: string,
  options: { nameVi?: string; nameEn?: string; unit?: string; gtin?: string | null; netContent?: string; netContentUnit?: string; shelfLifeDays?: number } = {},
): Promise<string> {
  const nameVi = options.nameVi ?? 'Lúa nếp Séng Cù';
  const [row] = await db.query(
    `INSERT INTO product (organization_id, name_vi, name_en, name_search, unit, gtin, net_content, net_content_unit, shelf_life_days)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      organizationId,
      nameVi,
      options.nameEn ?? null,
      searchKey(nameVi),
      options.unit ?? 'kg',
      options.gtin ?? null,
      options.netContent ?? null,
      options.netContentUnit ?? null,
      options.shelfLifeDays ?? null,
    ],
  );
  return row.id;
}

export async function createTestPartner(
  db: Db,
  organizationId: string,
  options: {
    kind?: string;
    name?: string;
    linkedOrganizationId?: string | null;
    province?: string;
    commune?: string;
    /** With linkedOrganizationId: that organization has accepted shipments from this one (an active trade link). */
    tradeLinkAccepted?: boolean;
  } = {},
): Promise<string> {
  const name = options.name ?? 'Hộ Lò Văn Pọm';
  const [row] = await db.query(
    `INSERT INTO partner (organization_id, kind, name, name_search, linked_organization_id, province, commune, phone)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '0912 345 678') RETURNING id`,
    [organizationId, options.kind ?? 'member_household', name, searchKey(name), options.linkedOrganizationId ?? null, options.province ?? 'Điện Biên', options.commune ?? 'Thanh Xương'],
  );
  if (options.linkedOrganizationId) {
    await db.query(
      `INSERT INTO organization_link (kind, from_organization_id, to_organization_id, status, requested_by_organization_id, responded_at)
       VALUES ('trade', $1, $2, $3, $1, CASE WHEN $3 = 'active' THEN now() END)
       ON CONFLICT (kind, from_organization_id, to_organization_id) WHERE status IN ('pending', 'active') DO NOTHING`,
      [organizationId, options.linkedOrganizationId, options.tradeLinkAccepted ? 'active' : 'pending'],
    );
  }
  return row.id;
}

export async function createTestFacility(db: Db, organizationId: string, options: { kind?: string; name?: string; code?: string } = {}): Promise<string> {
  const name = options.name ?? 'Xưởng xay xát Thanh Xương';
  const [row] = await db.query(
    `INSERT INTO facility (organization_id, kind, name, name_search, code, province, commune, address)
     VALUES ($1, $2, $3, $4, $5, 'Điện Biên', 'Thanh Xương', 'Bản Co Mỵ') RETURNING id`,
    [organizationId, options.kind ?? 'processing_plant', name, searchKey(name), options.code ?? null],
  );
  return row.id;
}

/**
 * A growing area with its status history: registered as draft, then moved to `status` at `since`
 * (default 2020-01-01, long before any test harvest). `owners` become its households.
 */
export async function createTestGrowingArea(
  db: Db,
  organizationId: string,
  options: { code?: string; name?: string; crop?: string; areaHa?: string; status?: string; since?: string; owners?: string[]; maxYieldTPerHa?: string | null } = {},
): Promise<string> {
  const name = options.name ?? 'Ruộng Co Mỵ';
  const status = options.status ?? 'active';
  const since = options.since ?? '2020-01-01T00:00:00+07:00';
  const [row] = await db.query(
    `INSERT INTO growing_area (organization_id, code, name, name_search, crop, area_ha, province, commune, status, max_yield_t_per_ha)
     VALUES ($1, $2, $3, $4, $5, $6, 'Điện Biên', 'Thanh Xương', $7, $8) RETURNING id`,
    [
      organizationId,
      options.code ?? `VN-DBIH-${randomUUID().slice(0, 8).toUpperCase()}`,
      name,
      searchKey(name),
      options.crop ?? 'sticky_rice',
      options.areaHa ?? '2',
      status,
      options.maxYieldTPerHa ?? null,
    ],
  );
  await db.query(
    `INSERT INTO growing_area_status_change (organization_id, growing_area_id, from_status, to_status, reason, changed_at)
     VALUES ($1, $2, NULL, 'draft', 'Đăng ký', $3::timestamptz - interval '1 day')`,
    [organizationId, row.id, since],
  );
  if (status !== 'draft') {
    await db.query(
      `INSERT INTO growing_area_status_change (organization_id, growing_area_id, from_status, to_status, reason, changed_at)
       VALUES ($1, $2, 'draft', $3, 'Cấp mã', $4)`,
      [organizationId, row.id, status, since],
    );
  }
  for (const partnerId of options.owners ?? []) {
    await db.query(`INSERT INTO growing_area_owner (organization_id, growing_area_id, partner_id) VALUES ($1, $2, $3)`, [organizationId, row.id, partnerId]);
  }
  return row.id;
}

/** Moves an area to another status at an instant, as the registry does (history row + current status). */
export async function changeTestGrowingAreaStatus(db: Db, organizationId: string, growingAreaId: string, status: string, at: string): Promise<void> {
  const [area] = await db.query(`SELECT status FROM growing_area WHERE id = $1`, [growingAreaId]);
  await db.query(
    `INSERT INTO growing_area_status_change (organization_id, growing_area_id, from_status, to_status, reason, changed_at) VALUES ($1, $2, $3, $4, 'Kiểm tra', $5)`,
    [organizationId, growingAreaId, area.status, status, at],
  );
  await db.query(`UPDATE growing_area SET status = $2 WHERE id = $1`, [growingAreaId, status]);
}

export async function addTestInputApplication(
  db: Db,
  organizationId: string,
  growingAreaId: string,
  options: { appliedAt: string; phiDays: number; productName?: string; voided?: boolean },
): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO input_application (organization_id, growing_area_id, applied_at, kind, product_name, active_ingredient, phi_days, voided_at, void_reason)
     VALUES ($1, $2, $3, 'pesticide', $4, 'Fipronil', $5, $6, $7) RETURNING id`,
    [
      organizationId,
      growingAreaId,
      options.appliedAt,
      options.productName ?? 'Regent 800WG',
      options.phiDays,
      options.voided ? new Date().toISOString() : null,
      options.voided ? 'Nhập nhầm' : null,
    ],
  );
  return row.id;
}

export interface LotTestSetup {
  /** Paddy by the kg (no GTIN: short URLs). */
  paddyId: string;
  /** Milled rice by the kg (no GTIN). */
  riceId: string;
  /** 500 g packs of rice, with a GTIN (Digital Link URIs) and a 365-day shelf life. */
  packId: string;
  packGtin: string;
  householdId: string;
  secondHouseholdId: string;
  areaId: string;
  secondAreaId: string;
  facilityId: string;
  distributorId: string;
}

/** The registry a rice cooperative needs to log harvests, milling, packing and shipments. */
export async function createLotTestSetup(db: Db, organizationId: string): Promise<LotTestSetup> {
  const householdId = await createTestPartner(db, organizationId, { name: 'Hộ Lò Văn Pọm' });
  const secondHouseholdId = await createTestPartner(db, organizationId, { name: 'Hộ Quàng Thị Xôm' });
  const packGtin = randomGtin();
  return {
    paddyId: await createTestProduct(db, organizationId, { nameVi: 'Thóc nếp Séng Cù', unit: 'kg' }),
    riceId: await createTestProduct(db, organizationId, { nameVi: 'Gạo nếp Séng Cù', unit: 'kg' }),
    packId: await createTestProduct(db, organizationId, {
      nameVi: 'Gạo nếp Séng Cù túi 500 g',
      nameEn: 'Seng Cu sticky rice 500 g',
      unit: 'pack',
      gtin: packGtin,
      netContent: '500',
      netContentUnit: 'g',
      shelfLifeDays: 365,
    }),
    packGtin,
    householdId,
    secondHouseholdId,
    areaId: await createTestGrowingArea(db, organizationId, { name: 'Ruộng Co Mỵ', owners: [householdId], areaHa: '2', crop: 'sticky_rice' }),
    secondAreaId: await createTestGrowingArea(db, organizationId, { name: 'Ruộng Noong Bua', owners: [secondHouseholdId], areaHa: '1.5', crop: 'sticky_rice' }),
    facilityId: await createTestFacility(db, organizationId),
    distributorId: await createTestPartner(db, organizationId, { kind: 'distributor', name: 'Công ty Phân phối Nông sản Tây Bắc', province: 'Hà Nội', commune: 'Long Biên' }),
  };
}
