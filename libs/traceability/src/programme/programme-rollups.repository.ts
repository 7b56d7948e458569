import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type QueryRunner } from 'typeorm';
import { SUSPICIOUS_SERIAL_DISTINCT_DAYS, SUSPICIOUS_SERIAL_SCANS } from '../public/scan-stats.repository.js';
import { PRODUCT_CERTIFICATES, type CoverageRow } from './programme.repository.js';
import type { ProgrammeScope } from './programme-scope.js';

/** Mass in kilograms of a lot quantity (as the live SQL counts it); other units count as lots only. */
const KG = `CASE l.unit WHEN 'kg' THEN l.quantity WHEN 't' THEN l.quantity * 1000 WHEN 'g' THEN l.quantity / 1000 ELSE 0 END`;
const LOCAL = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/** One local month of a period: read from its month row when `whole`, else from its day rows in [from, to]. */
export interface PeriodMonth {
  month: string;
  start: string;
  whole: boolean;
}

/** One month of the dashboard's series. */
export interface MonthlyRow {
  month: string;
  lots: number;
  harvestLots: number;
  harvestedKg: string;
  processedLots: number;
  processedKg: string;
  labelsPrinted: number;
  scans: number;
  distinctClients: number;
  /** `month`: each client counted once in the month (per cooperative); `day`: the period cuts the month, each client counted once a day. */
  distinctClientsPer: 'month' | 'day';
}

export interface RollupState {
  refreshedAt: Date | null;
  lastKind: string | null;
  lastMonths: number | null;
  lastDurationMs: number | null;
}

/** The first day (YYYY-MM-01) of each local month touched by [from, to], and whether the period covers it. */
export function periodMonths(from: string, to: string, today: string): PeriodMonth[] {
  const months: PeriodMonth[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    if (start > to) break;
    const nextYear = month === 12 ? year + 1 : year;
    const nextMonth = month === 12 ? 1 : month + 1;
    const last = new Date(Date.UTC(nextYear, nextMonth - 1, 1) - 86_400_000).toISOString().slice(0, 10);
    // The month row serves when the period covers the month, or all of it up to today (no lot,
    // label or scan is dated after today, so the rest of the month is empty).
    months.push({ month: start.slice(0, 7), start, whole: from <= start && to >= (last < today ? last : today) });
    year = nextYear;
    month = nextMonth;
  }
  return months;
}

/**
 * The province dashboard's rollups (migration ProgrammeRollups1764406700000): their refresh, one
 * local month at a time, and the dashboard's reads of them. A period is read from month rows for the
 * months it covers and from day rows for the others, so any period costs a few thousand rows.
 */
@Injectable()
export class ProgrammeRollupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async state(): Promise<RollupState> {
    const [row] = await this.dataSource.query(
      `SELECT refreshed_at AS "refreshedAt", last_kind AS "lastKind", last_months AS "lastMonths", last_duration_ms AS "lastDurationMs" FROM programme_rollup_state WHERE id = 1`,
    );
    return row ?? { refreshedAt: null, lastKind: null, lastMonths: null, lastDurationMs: null };
  }

  // ---- refresh (on the refresh's own connection, inside its repeatable-read transaction) ----

  /** The months marked dirty (visible to this transaction), and the ids to delete once recomputed. */
  async dirty(runner: QueryRunner): Promise<{ months: string[]; maxId: string | null }> {
    const rows: { month: string; maxId: string }[] = await runner.query(`SELECT month::text AS month, max(id)::text AS "maxId" FROM programme_rollup_dirty GROUP BY month`);
    const maxId = rows.reduce<string | null>((max, row) => (max === null || BigInt(row.maxId) > BigInt(max) ? row.maxId : max), null);
    return { months: rows.map((row) => row.month), maxId };
  }

  /** The first local month holding any lot, label job or scan (a full rebuild starts there). */
  async firstMonth(runner: QueryRunner): Promise<string | null> {
    const [row] = await runner.query(
      `SELECT date_trunc('month', least(
         (SELECT min(produced_at) FROM lot), (SELECT min(created_at) FROM label_job), (SELECT min(scanned_at) FROM scan)) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS month`,
    );
    return row?.month ?? null;
  }

  /**
   * Recomputes every rollup row of one local month (YYYY-MM-01) from the records; with
   * `copiedLabels`, the copied-label signals of the serials scanned that month too.
   */
  async recomputeMonth(runner: QueryRunner, month: string, copiedLabels = true): Promise<void> {
    const start = `${month}T00:00:00+07:00`;
    const next = nextMonthOf(month);
    const end = `${next}T00:00:00+07:00`;
    await runner.query(`DELETE FROM programme_rollup_lot WHERE bucket >= $1::date AND bucket < $2::date`, [month, next]);
    // Lots by production day: made, harvested, processed, traced to a growing area (the lot or an
    // ancestor through lot_link), and traced with labels printed (a label job that did not fail).
    // Labels printed by the job's creation day.
    await runner.query(
      `WITH RECURSIVE month_lots AS (
         SELECT l.id, l.organization_id, l.product_id, l.kind, l.growing_area_id, ${LOCAL('l.produced_at')} AS day, ${KG} AS kg
         FROM lot l WHERE l.produced_at >= $1 AND l.produced_at < $2 AND l.status <> 'voided'),
       ancestry (lot_id, ancestor_id) AS (
         SELECT id, id FROM month_lots WHERE growing_area_id IS NULL
         UNION
         SELECT a.lot_id, k.parent_lot_id FROM ancestry a JOIN lot_link k ON k.child_lot_id = a.ancestor_id),
       traced AS (
         SELECT id AS lot_id FROM month_lots WHERE growing_area_id IS NOT NULL
         UNION
         SELECT a.lot_id FROM ancestry a JOIN lot x ON x.id = a.ancestor_id WHERE x.growing_area_id IS NOT NULL),
       facts AS (
         SELECT m.organization_id, m.product_id, m.day, 1 AS lots,
           (m.kind = 'harvest')::int AS harvest_lots, CASE WHEN m.kind = 'harvest' THEN m.kg ELSE 0 END AS harvested_kg,
           (m.kind IN ('processed', 'packed'))::int AS processed_lots, CASE WHEN m.kind IN ('processed', 'packed') THEN m.kg ELSE 0 END AS processed_kg,
           (t.lot_id IS NOT NULL)::int AS traced_lots,
           (t.lot_id IS NOT NULL AND EXISTS (SELECT 1 FROM label_job j WHERE j.organization_id = m.organization_id AND j.lot_id = m.id AND j.status <> 'failed'))::int AS labelled_traced_lots,
           0 AS labels_printed
         FROM month_lots m LEFT JOIN traced t ON t.lot_id = m.id
         UNION ALL
         SELECT j.organization_id, l.product_id, ${LOCAL('j.created_at')}, 0, 0, 0, 0, 0, 0, 0, j.count
         FROM label_job j JOIN lot l ON l.id = j.lot_id AND l.organization_id = j.organization_id
         WHERE j.created_at >= $1 AND j.created_at < $2 AND j.status <> 'failed')
       INSERT INTO programme_rollup_lot (organization_id, span, bucket, product_id, lots, harvest_lots, harvested_kg, processed_lots, processed_kg, traced_lots, labelled_traced_lots, labels_printed)
       SELECT organization_id, 'day', day, product_id, sum(lots), sum(harvest_lots), sum(harvested_kg), sum(processed_lots), sum(processed_kg), sum(traced_lots), sum(labelled_traced_lots), sum(labels_printed)
       FROM facts GROUP BY organization_id, day, product_id`,
      [start, end],
    );
    await runner.query(
      `INSERT INTO programme_rollup_lot (organization_id, span, bucket, product_id, lots, harvest_lots, harvested_kg, processed_lots, processed_kg, traced_lots, labelled_traced_lots, labels_printed)
       SELECT organization_id, 'month', $1::date, product_id, sum(lots), sum(harvest_lots), sum(harvested_kg), sum(processed_lots), sum(processed_kg), sum(traced_lots), sum(labelled_traced_lots), sum(labels_printed)
       FROM programme_rollup_lot WHERE span = 'day' AND bucket >= $1::date AND bucket < $2::date GROUP BY organization_id, product_id`,
      [month, next],
    );
    // Scans (bots left out) and their distinct clients per organization, OCOP group (0 = all) and
    // day, and per month: a month row counts each client once in the month, not once a day.
    await runner.query(`DELETE FROM programme_rollup_scan WHERE bucket >= $1::date AND bucket < $2::date`, [month, next]);
    await runner.query(
      `WITH s AS (
         SELECT s.organization_id, ${LOCAL('s.scanned_at')} AS day, coalesce(p.ocop_group, -1)::smallint AS grp, coalesce(s.client_hash, s.id::text) AS client
         FROM scan s JOIN lot l ON l.id = s.lot_id JOIN product p ON p.id = l.product_id
         WHERE s.scanned_at >= $1 AND s.scanned_at < $2 AND s.client_class <> 'bot')
       INSERT INTO programme_rollup_scan (organization_id, span, bucket, ocop_group, scans, distinct_clients)
       SELECT organization_id, CASE WHEN GROUPING(day) = 1 THEN 'month' ELSE 'day' END, coalesce(day, $3::date), CASE WHEN GROUPING(grp) = 1 THEN 0 ELSE grp END,
         count(*), count(DISTINCT client)
       FROM s GROUP BY GROUPING SETS ((organization_id, day, grp), (organization_id, day), (organization_id, grp), (organization_id))
       HAVING GROUPING(grp) = 1 OR grp > 0`,
      [start, end, month],
    );
    if (copiedLabels) await this.recomputeCopiedLabels(runner, start, end);
  }

  /**
   * Copied-label signals of the serials scanned in [start, end): the first local day on which a
   * serial's scans so far crossed the threshold (more distinct days, or more distinct
   * day-and-client pairs, than a genuine label gets), over all its scans. Only new scans change a
   * serial's signal, so a refresh recomputes the serials scanned since the one before.
   */
  async recomputeCopiedLabels(runner: QueryRunner, start: string | Date, end: string | Date): Promise<void> {
    const touched = `SELECT DISTINCT lot_id, serial FROM scan WHERE scanned_at >= $1 AND scanned_at < $2 AND serial IS NOT NULL AND client_class <> 'bot'`;
    await runner.query(`DELETE FROM programme_copied_label c USING (${touched}) t WHERE c.lot_id = t.lot_id AND c.serial = t.serial`, [start, end]);
    await runner.query(
      `WITH touched AS (${touched}),
       days AS (
         SELECT s.organization_id, s.lot_id, s.serial, s.scanned_on, count(DISTINCT coalesce(s.client_hash, s.id::text)) AS clients
         FROM touched t JOIN scan s ON s.lot_id = t.lot_id AND s.serial = t.serial
         WHERE s.client_class <> 'bot' GROUP BY s.organization_id, s.lot_id, s.serial, s.scanned_on),
       running AS (
         SELECT *, row_number() OVER w AS days_so_far, sum(clients) OVER w AS pairs_so_far FROM days
         WINDOW w AS (PARTITION BY organization_id, lot_id, serial ORDER BY scanned_on))
       INSERT INTO programme_copied_label (organization_id, lot_id, serial, flagged_on)
       SELECT organization_id, lot_id, serial, min(scanned_on) FROM running
       WHERE days_so_far > ${SUSPICIOUS_SERIAL_DISTINCT_DAYS} OR pairs_so_far > ${SUSPICIOUS_SERIAL_SCANS}
       GROUP BY organization_id, lot_id, serial`,
      [start, end],
    );
  }

  /** Forgets the dirty marks this refresh read (marks added since stay for the next one). */
  async clearDirty(runner: QueryRunner, maxId: string | null, months: string[]): Promise<void> {
    if (maxId === null) return;
    await runner.query(`DELETE FROM programme_rollup_dirty WHERE id <= $1 AND month = ANY($2::date[])`, [maxId, months]);
  }

  /** Records the refresh: every change committed before this transaction began is counted. */
  async stamp(runner: QueryRunner, kind: string, months: number, durationMs: number): Promise<Date> {
    await runner.query(`UPDATE programme_rollup_state SET refreshed_at = now(), last_kind = $1, last_months = $2, last_duration_ms = $3 WHERE id = 1`, [kind, months, durationMs]);
    const [row] = await runner.query(`SELECT now() AS "refreshedAt"`);
    return row.refreshedAt;
  }

  // ---- reads ----

  /** Lots, mass, labels, scans and distinct clients per local month of the period, from the rollups. */
  async monthly(scope: ProgrammeScope, months: PeriodMonth[]): Promise<MonthlyRow[]> {
    const { whole, ranges } = buckets(months, scope.filters.from, scope.filters.to);
    const group = scope.filters.ocopGroup ?? null;
    const scanDays = (from: string, to: string) =>
      `SELECT r.* FROM programme_rollup_scan r WHERE r.organization_id = ANY($1::uuid[]) AND r.span = 'day' AND r.bucket >= ${from}::date AND r.bucket <= ${to}::date AND r.ocop_group = coalesce($3::int, 0)`;
    const rows: Omit<MonthlyRow, 'distinctClientsPer'>[] = await this.dataSource.query(
      `WITH lots AS (
         SELECT to_char(r.bucket, 'YYYY-MM') AS month, sum(r.lots)::int AS lots, sum(r.harvest_lots)::int AS "harvestLots", sum(r.harvested_kg) AS "harvestedKg",
           sum(r.processed_lots)::int AS "processedLots", sum(r.processed_kg) AS "processedKg", sum(r.labels_printed)::int AS labels
         FROM (${periodLots(['$1', '$2', '$5', '$6', '$7', '$8'])}) r JOIN product p ON p.id = r.product_id
         WHERE ($3::int IS NULL OR p.ocop_group = $3::int) GROUP BY 1),
       scans AS (
         SELECT to_char(r.bucket, 'YYYY-MM') AS month, sum(r.scans)::int AS scans, sum(r.distinct_clients)::int AS "distinctClients"
         FROM (
           SELECT r.* FROM programme_rollup_scan r WHERE r.organization_id = ANY($1::uuid[]) AND r.span = 'month' AND r.bucket = ANY($2::date[]) AND r.ocop_group = coalesce($3::int, 0)
           UNION ALL ${scanDays('$5', '$6')}
           UNION ALL ${scanDays('$7', '$8')}) r
         GROUP BY 1)
       SELECT m.month, coalesce(l.lots, 0) AS lots, coalesce(l."harvestLots", 0) AS "harvestLots", coalesce(l."harvestedKg", 0)::text AS "harvestedKg",
         coalesce(l."processedLots", 0) AS "processedLots", coalesce(l."processedKg", 0)::text AS "processedKg",
         coalesce(l.labels, 0) AS "labelsPrinted", coalesce(s.scans, 0) AS scans, coalesce(s."distinctClients", 0) AS "distinctClients"
       FROM unnest($4::text[]) m(month) LEFT JOIN lots l USING (month) LEFT JOIN scans s USING (month) ORDER BY m.month`,
      [scope.organizationIds, whole, group, months.map((m) => m.month), ...ranges],
    );
    const wholeMonths = new Set(months.filter((m) => m.whole).map((m) => m.month));
    // A month the period cuts is read from day rows: its clients are counted once a day.
    return rows.map((row) => ({ ...row, distinctClientsPer: wholeMonths.has(row.month) ? 'month' : 'day' }));
  }

  /** Traceability coverage per product with a valid OCOP certificate (judged live), its lots from the rollups. */
  async coverage(scope: ProgrammeScope, months: PeriodMonth[]): Promise<CoverageRow[]> {
    const { whole, ranges } = buckets(months, scope.filters.from, scope.filters.to);
    return this.dataSource.query(
      `WITH cert AS (${PRODUCT_CERTIFICATES}),
       certified AS (SELECT * FROM cert WHERE expires_at IS NULL OR expires_at >= $2::date),
       judged AS (
         SELECT r.organization_id, r.product_id, sum(r.lots)::int AS lots, sum(r.traced_lots)::int AS traced, sum(r.labelled_traced_lots)::int AS labelled
         FROM (${periodLots(['$1', '$4', '$5', '$6', '$7', '$8'])}) r GROUP BY r.organization_id, r.product_id)
       SELECT c.product_id AS "productId", c.organization_id AS "organizationId", o.name AS "organizationName", c.name_vi AS "productName",
         c.ocop_group AS "ocopGroup", c.level AS stars, coalesce(j.lots, 0) AS lots, coalesce(j.traced, 0) AS "tracedLots",
         coalesce(j.labelled, 0) AS "labelledTracedLots",
         CASE WHEN coalesce(j.lots, 0) = 0 THEN 'no_lots' WHEN j.traced = 0 THEN 'no_growing_area' WHEN j.labelled = 0 THEN 'no_labels' END AS shortfall
       FROM certified c JOIN organization o ON o.id = c.organization_id
       LEFT JOIN judged j ON j.product_id = c.product_id AND j.organization_id = c.organization_id
       ORDER BY (CASE WHEN coalesce(j.labelled, 0) > 0 THEN 1 ELSE 0 END), o.name, c.name_vi`,
      [scope.organizationIds, scope.asOf, scope.filters.ocopGroup ?? null, whole, ...ranges],
    );
  }

  /** Lots made in the period per organization of the scope (the cooperatives' drill-down table). */
  async lotsPerOrganization(scope: ProgrammeScope, months: PeriodMonth[]): Promise<Map<string, number>> {
    const { whole, ranges } = buckets(months, scope.filters.from, scope.filters.to);
    const rows: { organizationId: string; lots: number }[] = await this.dataSource.query(
      `SELECT r.organization_id AS "organizationId", sum(r.lots)::int AS lots FROM (${periodLots(['$1', '$2', '$3', '$4', '$5', '$6'])}) r GROUP BY r.organization_id`,
      [scope.organizationIds, whole, ...ranges],
    );
    return new Map(rows.map((row) => [row.organizationId, row.lots]));
  }

  /** Label serials of the scope that looked copied by the period's last day. */
  async copiedLabels(scope: ProgrammeScope): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM programme_copied_label WHERE organization_id = ANY($1::uuid[]) AND flagged_on <= $2::date`, [
      scope.organizationIds,
      scope.asOf,
    ]);
    return row.n;
  }
}

/**
 * The lot rollup rows of the period over the scope: month rows for whole months, day rows for the
 * days of the (at most two) months the period cuts, each a range. `p` names the parameters: the
 * organizations, the whole months' first days, and the two ranges' first and last days (null: none).
 */
function periodLots(p: [string, string, string, string, string, string]): string {
  const [orgs, whole, from1, to1, from2, to2] = p;
  const days = (from: string, to: string) =>
    `SELECT r.* FROM programme_rollup_lot r WHERE r.organization_id = ANY(${orgs}::uuid[]) AND r.span = 'day' AND r.bucket >= ${from}::date AND r.bucket <= ${to}::date`;
  return `
    SELECT r.* FROM programme_rollup_lot r WHERE r.organization_id = ANY(${orgs}::uuid[]) AND r.span = 'month' AND r.bucket = ANY(${whole}::date[])
    UNION ALL ${days(from1, to1)}
    UNION ALL ${days(from2, to2)}`;
}

/** The whole months' first days, and the day ranges of the months the period cuts (its first and last month at most). */
function buckets(months: PeriodMonth[], from: string, to: string): { whole: string[]; ranges: [string | null, string | null, string | null, string | null] } {
  const cut = months
    .filter((m) => !m.whole)
    .map((m) => {
      const last = new Date(Date.parse(`${nextMonthOf(m.start)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      return [m.start < from ? from : m.start, last > to ? to : last] as const;
    });
  return { whole: months.filter((m) => m.whole).map((m) => m.start), ranges: [cut[0]?.[0] ?? null, cut[0]?.[1] ?? null, cut[1]?.[0] ?? null, cut[1]?.[1] ?? null] };
}

/** The first day of the month after a YYYY-MM-01. */
export function nextMonthOf(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
}
