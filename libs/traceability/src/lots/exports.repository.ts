import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Db } from './db.js';
import { EVENT_COLUMNS, type StoredEvent } from './events.repository.js';

export interface ExportLot {
  id: string;
  code: string;
  shortCode: string;
  gtin: string | null;
  productNameVi: string;
  productNameEn: string | null;
  kind: string;
  expiresAt: string | null;
  growingAreaId: string | null;
  facilityId: string | null;
}

export interface Place {
  id: string;
  name: string;
  code: string | null;
  address: string | null;
  commune: string | null;
  province: string | null;
}

export interface EpcisFilter {
  lotIds?: string[];
  geEventTime?: Date;
  ltEventTime?: Date;
  bizSteps?: string[];
  eventTypes?: string[];
  afterSeq: string;
  limit: number;
}

@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Lots named by their Digital Link (GTIN + code) or short code. */
  async resolveLots(organizationId: string, keys: ({ gtin: string; code: string } | { shortCode: string })[], db: Db = this.dataSource): Promise<string[]> {
    const byCode = keys.filter((k): k is { gtin: string; code: string } => 'gtin' in k);
    const byShort = keys.filter((k): k is { shortCode: string } => 'shortCode' in k).map((k) => k.shortCode);
    const rows: { id: string }[] = await db.query(
      `SELECT l.id FROM lot l JOIN product p ON p.id = l.product_id
       WHERE l.organization_id = $1 AND (
         l.short_code = ANY($2::text[])
         OR (p.gtin, l.code) IN (SELECT x.gtin, x.code FROM jsonb_to_recordset($3::jsonb) AS x(gtin text, code text)))`,
      [organizationId, byShort, JSON.stringify(byCode)],
    );
    return rows.map((row) => row.id);
  }

  /**
   * EPCIS events in chain order. A void is exported as an error declaration about the event it voids,
   * so it matches the filters through that event (its subject): same time, business step and lots.
   */
  async epcisEvents(organizationId: string, filter: EpcisFilter, db: Db = this.dataSource): Promise<StoredEvent[]> {
    const where = ['e.organization_id = $1', 'e.seq > $2'];
    const params: unknown[] = [organizationId, filter.afterSeq];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replaceAll('?', `$${params.length}`));
    };
    if (filter.geEventTime) add('coalesce(s.event_time, e.event_time) >= ?', filter.geEventTime.toISOString());
    if (filter.ltEventTime) add('coalesce(s.event_time, e.event_time) < ?', filter.ltEventTime.toISOString());
    if (filter.bizSteps) add('coalesce(s.biz_step, e.biz_step) = ANY(?::text[])', filter.bizSteps);
    if (filter.eventTypes) add('e.epcis_event_type = ANY(?::text[])', filter.eventTypes);
    if (filter.lotIds) add('EXISTS (SELECT 1 FROM event_line el WHERE el.event_id = coalesce(e.voids_event_id, e.id) AND el.lot_id = ANY(?::uuid[]))', filter.lotIds);
    params.push(filter.limit);
    return db.query(
      `SELECT ${EVENT_COLUMNS} FROM event e LEFT JOIN event s ON s.id = e.voids_event_id
       WHERE ${where.join(' AND ')} ORDER BY e.seq LIMIT $${params.length}`,
      params,
    );
  }

  async eventsByIds(organizationId: string, ids: string[], db: Db = this.dataSource): Promise<StoredEvent[]> {
    if (!ids.length) return [];
    return db.query(`SELECT ${EVENT_COLUMNS} FROM event e WHERE e.organization_id = $1 AND e.id = ANY($2::uuid[])`, [organizationId, ids]);
  }

  /** Events with a line on any of these lots (not voids), in time order: the trace's critical tracking events. */
  async eventsOfLots(organizationId: string, lotIds: string[], types: string[], db: Db = this.dataSource): Promise<StoredEvent[]> {
    return db.query(
      `SELECT ${EVENT_COLUMNS} FROM event e
       WHERE e.organization_id = $1 AND e.type = ANY($3::text[])
         AND e.id IN (SELECT event_id FROM event_line WHERE organization_id = $1 AND lot_id = ANY($2::uuid[]))
       ORDER BY e.event_time, e.seq`,
      [organizationId, lotIds, types],
    );
  }

  lots(organizationId: string, ids: string[], db: Db = this.dataSource): Promise<ExportLot[]> {
    return db.query(
      `SELECT l.id, l.code, l.short_code AS "shortCode", p.gtin, p.name_vi AS "productNameVi", p.name_en AS "productNameEn", l.kind,
         l.expires_at::text AS "expiresAt", l.growing_area_id AS "growingAreaId", l.facility_id AS "facilityId"
       FROM lot l JOIN product p ON p.id = l.product_id WHERE l.organization_id = $1 AND l.id = ANY($2::uuid[])`,
      [organizationId, ids],
    );
  }

  async places(organizationId: string, ids: { areas: string[]; facilities: string[]; partners: string[] }, db: Db = this.dataSource) {
    const [areas, facilities, partners, organization]: [Place[], Place[], (Place & { kind: string })[], Place[]] = await Promise.all([
      db.query(`SELECT id, name, code, NULL AS address, commune, province FROM growing_area WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, ids.areas]),
      db.query(`SELECT id, name, code, address, commune, province FROM facility WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, ids.facilities]),
      db.query(`SELECT id, name, NULL AS code, address, commune, province, kind FROM partner WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, ids.partners]),
      db.query(`SELECT id, name, NULL AS code, address, commune, province FROM organization WHERE id = $1`, [organizationId]),
    ]);
    const map = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
    return { areas: map(areas), facilities: map(facilities), partners: map(partners), organization: organization[0] };
  }
}
