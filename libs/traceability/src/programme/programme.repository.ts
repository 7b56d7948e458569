import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '@app/database';
import { SUSPICIOUS_SERIAL_DISTINCT_DAYS, SUSPICIOUS_SERIAL_SCANS } from '../public/scan-stats.repository.js';
import type { ProgrammeFilters, ProgrammeOffice, ProgrammeScope } from './programme-scope.js';

/** Mass in kilograms of a lot quantity; other units (l, pcs, pack…) count as lots only. Months are Vietnam's (UTC+07:00, no daylight saving): a POSIX '+07' would mean UTC−7. */
const KG = `CASE l.unit WHEN 'kg' THEN l.quantity WHEN 't' THEN l.quantity * 1000 WHEN 'g' THEN l.quantity / 1000 ELSE 0 END`;

/**
 * The OCOP certificate that speaks for each product of the scope: its latest-expiring one issued by
 * the period's end ($2 = as-of day, $3 = OCOP group or null).
 */
export const PRODUCT_CERTIFICATES = `
  SELECT DISTINCT ON (c.scope_id) c.scope_id AS product_id, c.organization_id, c.level, c.expires_at, c.number,
    p.name_vi, p.ocop_group
  FROM certification c JOIN product p ON p.id = c.scope_id AND p.organization_id = c.organization_id
  WHERE c.organization_id = ANY($1::uuid[]) AND c.kind = 'ocop' AND c.scope_type = 'product' AND c.issued_at <= $2::date
    AND ($3::int IS NULL OR p.ocop_group = $3::int)
  ORDER BY c.scope_id, c.expires_at DESC NULLS FIRST, c.id`;

export interface CoverageRow {
  productId: string;
  organizationId: string;
  organizationName: string;
  productName: string;
  ocopGroup: number | null;
  stars: number;
  lots: number;
  tracedLots: number;
  labelledTracedLots: number;
  /** null: covered. */
  shortfall: 'no_lots' | 'no_growing_area' | 'no_labels' | null;
}

/**
 * The province dashboard's figures, each in one statement over the scope's organizations. Every
 * query filters by `organization_id = ANY($1)` first: the overseen cooperatives are the tenant key.
 */
@Injectable()
export class ProgrammeRepository {
  /** Reads on the primary, or on a replica when the caller chose one (ReadDatabase.fresh / tolerant). */
  constructor(private readonly reads: ReadDatabase) {}

  /** The caller's organization if it is a confirmed programme office; null otherwise. */
  async office(organizationId: string): Promise<ProgrammeOffice | null> {
    const [row] = await this.reads.db.query(
      `SELECT id, name, province, province_code AS "provinceCode" FROM organization
       WHERE id = $1 AND kind = 'programme_office' AND office_confirmed_at IS NOT NULL`,
      [organizationId],
    );
    return row ?? null;
  }

  /** The cooperatives of the office's province with an active oversight link, narrowed by commune. */
  async overseen(officeId: string, communeCode?: string | null): Promise<{ id: string; name: string; commune: string | null; communeCode: string | null }[]> {
    return this.reads.db.query(
      `SELECT o.id, o.name, o.commune, o.commune_code AS "communeCode"
       FROM organization_link l
       JOIN organization office ON office.id = l.from_organization_id
       JOIN organization o ON o.id = l.to_organization_id
       WHERE l.kind = 'oversight' AND l.status = 'active' AND l.from_organization_id = $1
         AND office.kind = 'programme_office' AND office.office_confirmed_at IS NOT NULL AND o.province = office.province
         AND ($2::text IS NULL OR o.commune_code = $2)
       ORDER BY o.name, o.id`,
      [officeId, communeCode ?? null],
    );
  }

  async cooperatives(scope: ProgrammeScope): Promise<{ linked: number; active: number; inactive: number }> {
    // One index probe per cooperative (event_org_time_idx), whatever the number of events.
    const [row] = await this.reads.db.query(
      `SELECT count(*)::int AS active FROM unnest($1::uuid[]) o(id)
       WHERE EXISTS (SELECT 1 FROM event e WHERE e.organization_id = o.id AND e.event_time >= $2 AND e.event_time < $3)`,
      [scope.organizationIds, scope.start, scope.end],
    );
    return { linked: scope.organizationIds.length, active: row.active, inactive: scope.organizationIds.length - row.active };
  }

  async ocop(scope: ProgrammeScope) {
    const [row] = await this.reads.db.query(
      `WITH cert AS (${PRODUCT_CERTIFICATES}),
       judged AS (SELECT *, expires_at IS NULL OR expires_at >= $2::date AS valid FROM cert)
       SELECT count(*)::int AS products,
         count(*) FILTER (WHERE valid AND level = 3)::int AS "stars3",
         count(*) FILTER (WHERE valid AND level = 4)::int AS "stars4",
         count(*) FILTER (WHERE valid AND level = 5)::int AS "stars5",
         count(*) FILTER (WHERE valid)::int AS valid,
         count(*) FILTER (WHERE expires_at >= $2::date AND expires_at <= $2::date + 90)::int AS "expiringWithin90Days",
         count(*) FILTER (WHERE expires_at >= $2::date AND expires_at <= $2::date + 30)::int AS "expiringWithin30Days",
         count(*) FILTER (WHERE NOT valid)::int AS expired
       FROM judged`,
      [scope.organizationIds, scope.asOf, scope.filters.ocopGroup ?? null],
    );
    return row as { products: number; stars3: number; stars4: number; stars5: number; valid: number; expiringWithin90Days: number; expiringWithin30Days: number; expired: number };
  }

  /** Certificates by state as of the period's end, for the drill-down. */
  certificates(scope: ProgrammeScope, state: 'valid' | 'expiring90' | 'expiring30' | 'expired') {
    const condition = {
      valid: `(expires_at IS NULL OR expires_at >= $2::date)`,
      expiring90: `expires_at >= $2::date AND expires_at <= $2::date + 90`,
      expiring30: `expires_at >= $2::date AND expires_at <= $2::date + 30`,
      expired: `expires_at < $2::date`,
    }[state];
    return this.reads.db.query(
      `WITH cert AS (${PRODUCT_CERTIFICATES})
       SELECT cert.product_id AS "productId", cert.name_vi AS "productName", cert.ocop_group AS "ocopGroup", cert.level AS stars,
         cert.number, cert.expires_at::text AS "expiresAt", cert.organization_id AS "organizationId", o.name AS "organizationName"
       FROM cert JOIN organization o ON o.id = cert.organization_id WHERE ${condition}
       ORDER BY cert.expires_at NULLS LAST, o.name, cert.name_vi`,
      [scope.organizationIds, scope.asOf, scope.filters.ocopGroup ?? null],
    );
  }

  /**
   * Traceability coverage: each product with a valid OCOP certificate, its lots made in the period,
   * those whose genealogy reaches a growing area (the lot itself or an ancestor through lot_link),
   * and those of them with labels printed (a label job that did not fail).
   */
  async coverage(scope: ProgrammeScope): Promise<CoverageRow[]> {
    const rows: CoverageRow[] = await this.reads.db.query(
      `WITH RECURSIVE cert AS (${PRODUCT_CERTIFICATES}),
       certified AS (SELECT * FROM cert WHERE expires_at IS NULL OR expires_at >= $2::date),
       period_lots AS (
         SELECT l.id, l.product_id, l.organization_id FROM lot l JOIN certified c ON c.product_id = l.product_id AND c.organization_id = l.organization_id
         WHERE l.organization_id = ANY($1::uuid[]) AND l.produced_at >= $4 AND l.produced_at < $5 AND l.status <> 'voided'),
       ancestry (lot_id, ancestor_id) AS (
         SELECT id, id FROM period_lots
         UNION
         SELECT a.lot_id, k.parent_lot_id FROM ancestry a JOIN lot_link k ON k.child_lot_id = a.ancestor_id),
       traced AS (SELECT DISTINCT a.lot_id FROM ancestry a JOIN lot x ON x.id = a.ancestor_id WHERE x.growing_area_id IS NOT NULL),
       judged AS (
         SELECT pl.product_id, count(*)::int AS lots, count(t.lot_id)::int AS traced,
           count(t.lot_id) FILTER (WHERE EXISTS (SELECT 1 FROM label_job j WHERE j.organization_id = pl.organization_id AND j.lot_id = pl.id AND j.status <> 'failed'))::int AS labelled
         FROM period_lots pl LEFT JOIN traced t ON t.lot_id = pl.id GROUP BY pl.product_id)
       SELECT c.product_id AS "productId", c.organization_id AS "organizationId", o.name AS "organizationName", c.name_vi AS "productName",
         c.ocop_group AS "ocopGroup", c.level AS stars, coalesce(j.lots, 0) AS lots, coalesce(j.traced, 0) AS "tracedLots",
         coalesce(j.labelled, 0) AS "labelledTracedLots",
         CASE WHEN coalesce(j.lots, 0) = 0 THEN 'no_lots' WHEN j.traced = 0 THEN 'no_growing_area' WHEN j.labelled = 0 THEN 'no_labels' END AS shortfall
       FROM certified c JOIN organization o ON o.id = c.organization_id LEFT JOIN judged j ON j.product_id = c.product_id
       ORDER BY (CASE WHEN coalesce(j.labelled, 0) > 0 THEN 1 ELSE 0 END), o.name, c.name_vi`,
      [scope.organizationIds, scope.asOf, scope.filters.ocopGroup ?? null, scope.start, scope.end],
    );
    return rows;
  }

  async growingAreas(scope: ProgrammeScope) {
    const [byStatus, byCrop, revokedOnSale] = await Promise.all([
      this.reads.db.query(
        `SELECT status, count(*)::int AS areas, coalesce(sum(area_ha), 0)::text AS "areaHa" FROM growing_area
         WHERE organization_id = ANY($1::uuid[]) GROUP BY status ORDER BY status`,
        [scope.organizationIds],
      ),
      this.reads.db.query(
        `SELECT crop, count(*)::int AS areas, coalesce(sum(area_ha), 0)::text AS "areaHa" FROM growing_area
         WHERE organization_id = ANY($1::uuid[]) GROUP BY crop ORDER BY sum(area_ha) DESC, crop`,
        [scope.organizationIds],
      ),
      this.suspendedWithStock(scope),
    ]);
    const totalHa = byStatus.reduce((sum: number, row: { areaHa: string }) => sum + Number(row.areaHa), 0);
    return { byStatus, byCrop, totalAreaHa: totalHa.toFixed(4).replace(/\.?0+$/, ''), suspendedOrRevokedWithStockOnSale: revokedOnSale };
  }

  /**
   * Suspended or revoked areas whose lots (harvested there, or made from those) are still active
   * with stock left: what a borrowed or withdrawn code lets reach the market.
   */
  async suspendedWithStock(scope: ProgrammeScope): Promise<{ growingAreaId: string; code: string; name: string; status: string; organizationId: string; lotsOnSale: number }[]> {
    // The withdrawn areas first, on their own: given their ids, the planner follows the area index
    // to their lots instead of reading every lot of the province.
    const withdrawn: { id: string }[] = await this.reads.db.query(
      `SELECT id FROM growing_area WHERE organization_id = ANY($1::uuid[]) AND status IN ('suspended', 'revoked')`,
      [scope.organizationIds],
    );
    if (!withdrawn.length) return [];
    return this.reads.db.query(
      `WITH RECURSIVE bad AS (
         SELECT id, organization_id, code, name, status FROM growing_area WHERE id = ANY($1::uuid[])),
       descendants (area_id, lot_id) AS (
         SELECT l.growing_area_id, l.id FROM lot l WHERE l.growing_area_id = ANY($1::uuid[])
         UNION
         SELECT d.area_id, k.child_lot_id FROM descendants d JOIN lot_link k ON k.parent_lot_id = d.lot_id)
       SELECT b.id AS "growingAreaId", b.code, b.name, b.status, b.organization_id AS "organizationId", count(DISTINCT l.id)::int AS "lotsOnSale"
       FROM bad b JOIN descendants d ON d.area_id = b.id JOIN lot l ON l.id = d.lot_id
       WHERE l.status = 'active' AND l.consumed < l.quantity
       GROUP BY b.id, b.code, b.name, b.status, b.organization_id ORDER BY b.code`,
      [withdrawn.map((area) => area.id)],
    );
  }

  /**
   * Lots made, harvested and processed mass, labels printed and scans, per local month of the period,
   * computed live over every lot and scan (the dashboard reads the rollups; this is the independent
   * SQL they are checked and benchmarked against, as is `coverage`).
   */
  monthly(scope: ProgrammeScope) {
    const group = scope.filters.ocopGroup ?? null;
    return this.reads.db.query(
      `WITH months AS (
         SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series(date_trunc('month', $2::date), date_trunc('month', $3::date), interval '1 month') m),
       lots AS (
         SELECT to_char(l.produced_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, count(*)::int AS lots,
           count(*) FILTER (WHERE l.kind = 'harvest')::int AS "harvestLots",
           coalesce(sum(${KG}) FILTER (WHERE l.kind = 'harvest'), 0) AS "harvestedKg",
           count(*) FILTER (WHERE l.kind IN ('processed', 'packed'))::int AS "processedLots",
           coalesce(sum(${KG}) FILTER (WHERE l.kind IN ('processed', 'packed')), 0) AS "processedKg"
         FROM lot l JOIN product p ON p.id = l.product_id
         WHERE l.organization_id = ANY($1::uuid[]) AND l.produced_at >= $4 AND l.produced_at < $5 AND l.status <> 'voided'
           AND ($6::int IS NULL OR p.ocop_group = $6::int)
         GROUP BY 1),
       labels AS (
         SELECT to_char(j.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, coalesce(sum(j.count), 0)::int AS labels
         FROM label_job j JOIN lot l ON l.id = j.lot_id JOIN product p ON p.id = l.product_id
         WHERE j.organization_id = ANY($1::uuid[]) AND j.created_at >= $4 AND j.created_at < $5 AND j.status <> 'failed'
           AND ($6::int IS NULL OR p.ocop_group = $6::int)
         GROUP BY 1),
       scans AS (
         SELECT to_char(s.scanned_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, count(*)::int AS scans,
           count(DISTINCT coalesce(s.client_hash, s.id::text))::int AS "distinctClients"
         FROM scan s JOIN lot l ON l.id = s.lot_id JOIN product p ON p.id = l.product_id
         WHERE s.organization_id = ANY($1::uuid[]) AND s.scanned_at >= $4 AND s.scanned_at < $5 AND s.client_class <> 'bot'
           AND ($6::int IS NULL OR p.ocop_group = $6::int)
         GROUP BY 1)
       SELECT m.month, coalesce(l.lots, 0) AS lots, coalesce(l."harvestLots", 0) AS "harvestLots", coalesce(l."harvestedKg", 0)::text AS "harvestedKg",
         coalesce(l."processedLots", 0) AS "processedLots", coalesce(l."processedKg", 0)::text AS "processedKg",
         coalesce(b.labels, 0) AS "labelsPrinted", coalesce(s.scans, 0) AS scans, coalesce(s."distinctClients", 0) AS "distinctClients"
       FROM months m LEFT JOIN lots l USING (month) LEFT JOIN labels b USING (month) LEFT JOIN scans s USING (month)
       ORDER BY m.month`,
      [scope.organizationIds, scope.filters.from, scope.filters.to, scope.start, scope.end, group],
    );
  }

  /**
   * Recalls started by a cooperative of the scope up to the period's end, with their reach: the
   * lots marked (in every organization the recall crossed), those organizations, and the labels
   * printed for those lots.
   */
  recalls(scope: ProgrammeScope) {
    return this.reads.db.query(
      `WITH roots AS (
         SELECT e.details->>'recallId' AS recall_id, e.organization_id, e.event_time, e.reason, e.details->>'rootLotCode' AS root_lot_code
         FROM event e WHERE e.organization_id = ANY($1::uuid[]) AND e.type = 'recall' AND e.details->>'rootLotId' IS NOT NULL AND e.event_time < $2),
       reach AS (
         SELECT r.recall_id, e.organization_id, el.lot_id FROM roots r
         JOIN event e ON e.type = 'recall' AND e.details->>'recallId' = r.recall_id
         JOIN event_line el ON el.event_id = e.id)
       SELECT r.recall_id AS "recallId", r.organization_id AS "organizationId", o.name AS "organizationName", r.root_lot_code AS "rootLotCode",
         r.event_time AS "recalledAt", r.reason,
         (SELECT count(DISTINCT lot_id)::int FROM reach x WHERE x.recall_id = r.recall_id) AS lots,
         (SELECT count(DISTINCT organization_id)::int FROM reach x WHERE x.recall_id = r.recall_id) AS organizations,
         (SELECT coalesce(sum(j.count), 0)::int FROM label_job j WHERE j.status <> 'failed' AND j.lot_id IN (SELECT lot_id FROM reach x WHERE x.recall_id = r.recall_id)) AS "labelsPrinted"
       FROM roots r JOIN organization o ON o.id = r.organization_id ORDER BY r.event_time DESC`,
      [scope.organizationIds, scope.end],
    );
  }

  /** Harvests of the period recorded over the expected yield, with a reason (and not voided). */
  async yieldOverrides(scope: ProgrammeScope): Promise<number> {
    const [row] = await this.reads.db.query(
      `SELECT count(*)::int AS n FROM event e WHERE e.organization_id = ANY($1::uuid[]) AND e.type = 'harvest' AND e.details ? 'yieldOverride'
         AND e.event_time >= $2 AND e.event_time < $3 AND NOT EXISTS (SELECT 1 FROM event v WHERE v.voids_event_id = e.id)`,
      [scope.organizationIds, scope.start, scope.end],
    );
    return row.n;
  }

  /**
   * The signals computed live over every scan (the dashboard reads copied labels from the rollups;
   * this is the independent SQL the rollups are checked and benchmarked against).
   */
  async signals(scope: ProgrammeScope): Promise<{ yieldOverrides: number; copiedLabels: number }> {
    const [row] = await this.reads.db.query(
      `SELECT
         (SELECT count(*)::int FROM event e WHERE e.organization_id = ANY($1::uuid[]) AND e.type = 'harvest' AND e.details ? 'yieldOverride'
            AND e.event_time >= $2 AND e.event_time < $3 AND NOT EXISTS (SELECT 1 FROM event v WHERE v.voids_event_id = e.id)) AS "yieldOverrides",
         (SELECT count(*)::int FROM (
            SELECT s.lot_id, s.serial FROM scan s
            WHERE s.organization_id = ANY($1::uuid[]) AND s.serial IS NOT NULL AND s.client_class <> 'bot' AND s.scanned_at < $3
            GROUP BY s.lot_id, s.serial
            HAVING count(DISTINCT s.scanned_on) > ${SUSPICIOUS_SERIAL_DISTINCT_DAYS}
                OR count(DISTINCT (s.scanned_on, coalesce(s.client_hash, s.id::text))) > ${SUSPICIOUS_SERIAL_SCANS}) x) AS "copiedLabels"`,
      [scope.organizationIds, scope.start, scope.end],
    );
    return row;
  }

  /** Per cooperative of the scope: the live figures a drill-down table shows (its lots come from the rollups). */
  cooperativeRows(scope: ProgrammeScope) {
    return this.reads.db.query(
      `SELECT o.id, o.name, o.commune, o.commune_code AS "communeCode",
         EXISTS (SELECT 1 FROM event e WHERE e.organization_id = o.id AND e.event_time >= $2 AND e.event_time < $3) AS active,
         (SELECT count(*)::int FROM growing_area g WHERE g.organization_id = o.id) AS "growingAreas",
         (SELECT count(*)::int FROM certification c WHERE c.organization_id = o.id AND c.kind = 'ocop' AND c.scope_type = 'product'
            AND (c.expires_at IS NULL OR c.expires_at >= $4::date) AND c.issued_at <= $4::date) AS "ocopCertificates"
       FROM organization o WHERE o.id = ANY($1::uuid[]) ORDER BY o.name, o.id`,
      [scope.organizationIds, scope.start, scope.end, scope.asOf],
    );
  }

  /** A cooperative's lots made in the period, newest first (read-only drill-down). */
  lots(scope: ProgrammeScope, organizationId: string, page: { limit: number; offset: number }) {
    return this.reads.db.query(
      `SELECT l.id, l.code, l.display_name AS "displayName", l.kind, l.quantity::text AS quantity, l.unit, l.status, l.produced_at AS "producedAt",
         p.id AS "productId", p.name_vi AS "productName", p.ocop_group AS "ocopGroup", g.code AS "growingAreaCode",
         (SELECT coalesce(sum(j.count), 0)::int FROM label_job j WHERE j.organization_id = l.organization_id AND j.lot_id = l.id AND j.status <> 'failed') AS "labelsPrinted"
       FROM lot l JOIN product p ON p.id = l.product_id LEFT JOIN growing_area g ON g.id = l.growing_area_id
       WHERE l.organization_id = $1 AND l.produced_at >= $2 AND l.produced_at < $3 AND ($4::int IS NULL OR p.ocop_group = $4::int)
       ORDER BY l.produced_at DESC, l.id LIMIT $5 OFFSET $6`,
      [organizationId, scope.start, scope.end, scope.filters.ocopGroup ?? null, page.limit, page.offset],
    );
  }

  /** Growing areas of the scope with their geometry, for the map and its table. */
  areas(scope: ProgrammeScope) {
    return this.reads.db.query(
      `SELECT g.id, g.organization_id AS "organizationId", o.name AS "organizationName", g.code, g.name, g.crop, g.area_ha::text AS "areaHa",
         g.status, g.commune, g.commune_code AS "communeCode", g.location
       FROM growing_area g JOIN organization o ON o.id = g.organization_id
       WHERE g.organization_id = ANY($1::uuid[]) ORDER BY g.code`,
      [scope.organizationIds],
    );
  }
}

export type { ProgrammeFilters };
