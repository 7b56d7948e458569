import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { KeysetPosition } from '../common/keyset-cursor.js';

export interface YieldOverrideRow {
  eventId: string;
  organizationId: string;
  organizationName: string;
  eventTime: Date;
  eventTimeOffset: string;
  recordTime: Date;
  recordTimeText: string;
  recordedBy: string | null;
  override: { season: string; seasonTotalT: string; limitT: string; areaHa: string; maxYieldTPerHa: string; reason: string };
  growingAreaId: string | null;
  growingAreaCode: string | null;
  growingAreaName: string | null;
  lotId: string;
  lotCode: string;
  quantity: string;
  unit: string;
  voided: boolean;
}

@Injectable()
export class LotReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Harvests recorded with an acknowledged yield override, newest first, in the given organizations. */
  async yieldOverrides(
    organizationIds: string[],
    page: { limit: number; after?: KeysetPosition; count?: boolean },
  ): Promise<{ rows: YieldOverrideRow[]; total?: number }> {
    const params: unknown[] = [organizationIds];
    let keyset = '';
    if (page.after) {
      params.push(page.after.value, page.after.id);
      keyset = `AND (e.record_time, e.id) < ($2::timestamptz, $3::uuid)`;
    }
    params.push(page.limit);
    const filter = `e.organization_id = ANY($1::uuid[]) AND e.type = 'harvest' AND e.details ? 'yieldOverride'`;
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT e.id AS "eventId", e.organization_id AS "organizationId", o.name AS "organizationName", e.event_time AS "eventTime",
           e.event_time_offset AS "eventTimeOffset", e.record_time AS "recordTime", e.record_time::text AS "recordTimeText",
           e.recorded_by AS "recordedBy", e.details->'yieldOverride' AS override, ga.id AS "growingAreaId", ga.code AS "growingAreaCode",
           ga.name AS "growingAreaName", l.id AS "lotId", l.code AS "lotCode", l.quantity, l.unit,
           EXISTS (SELECT 1 FROM event v WHERE v.voids_event_id = e.id) AS voided
         FROM event e JOIN organization o ON o.id = e.organization_id
         LEFT JOIN growing_area ga ON ga.id = e.growing_area_id
         JOIN event_line el ON el.event_id = e.id AND el.direction = 'output'
         JOIN lot l ON l.id = el.lot_id
         WHERE ${filter} ${keyset}
         ORDER BY e.record_time DESC, e.id DESC LIMIT $${params.length}`,
        params,
      ),
      page.count ? this.dataSource.query(`SELECT count(*) AS n FROM event e WHERE ${filter}`, [organizationIds]) : undefined,
    ]);
    return { rows, total: count ? Number(count[0].n) : undefined };
  }

  /**
   * For a confirmed programme office: the organizations that accepted its oversight (it reads no
   * other); for anyone else: itself.
   */
  async organizationsOverseenBy(organizationId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT o.id FROM organization_link l
         JOIN organization office ON office.id = l.from_organization_id
         JOIN organization o ON o.id = l.to_organization_id
       WHERE l.kind = 'oversight' AND l.status = 'active' AND l.from_organization_id = $1
         AND office.kind = 'programme_office' AND office.office_confirmed_at IS NOT NULL AND o.province = office.province`,
      [organizationId],
    );
    return rows.length ? rows.map((row) => row.id) : [organizationId];
  }
}
