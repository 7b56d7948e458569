import { Injectable } from '@nestjs/common';
import { ReadDatabase, type Db } from '@app/database';
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
  producedAt: Date;
  producedAtOffset: string;
  growingAreaId: string | null;
  facilityId: string | null;
  householdPartnerId: string | null;
}

/** An organization as the exports describe it: a party, a place, and the issuer of its GS1 keys. */
export interface ExportOrganization {
  id: string;
  name: string;
  address: string | null;
  commune: string | null;
  province: string | null;
  phone: string | null;
  gln: string | null;
  gs1CompanyPrefix: string | null;
}

export interface ExportFacility {
  id: string;
  name: string;
  kind: string;
  code: string | null;
  address: string | null;
  commune: string | null;
  province: string | null;
  gln: string | null;
}

export interface ExportGrowingArea {
  id: string;
  name: string;
  code: string;
  crop: string;
  variety: string | null;
  commune: string | null;
  province: string;
}

/** A partner with its private phone: the exports go to the organization's own users (see ExportsService). */
export interface ExportPartner {
  id: string;
  name: string;
  kind: string;
  address: string | null;
  commune: string | null;
  province: string | null;
  country: string | null;
  phone: string | null;
  gln: string | null;
  linkedOrganizationId: string | null;
}

/**
 * A shipment this organization received, as the sender left it: the sender, the lot shipped and where
 * its lot code was assigned (the traceability lot code source of FSMA 204). Only public details of
 * the sender: names, addresses, its business phone, GS1 keys.
 */
export interface ReceivedShipment {
  shipmentId: string;
  sender: ExportOrganization;
  lotCode: string;
  lotShortCode: string;
  gtin: string | null;
  productNameVi: string;
  productNameEn: string | null;
  /** Where the shipped lot got its code: a facility of the sender, or a growing area of the sender, or neither (the sender itself). */
  lotFacility: ExportFacility | null;
  lotGrowingArea: ExportGrowingArea | null;
}

export type ExportLotKey = { gtin: string; code: string } | { shortCode: string };

export interface EpcisFilter {
  /** Events on these lots of the organization, or receipts of these lots as the sender named them. */
  lots?: { ids: string[]; keys: ExportLotKey[] };
  geEventTime?: Date;
  ltEventTime?: Date;
  bizSteps?: string[];
  eventTypes?: string[];
  afterSeq: string;
  limit: number;
}

const ORGANIZATION_COLUMNS = `o.id, o.name, o.address, o.commune, o.province, o.phone, o.gln, o.gs1_company_prefix AS "gs1CompanyPrefix"`;
const FACILITY_COLUMNS = `f.id, f.name, f.kind, f.code, f.address, f.commune, f.province, f.gln`;
const AREA_COLUMNS = `a.id, a.name, a.code, a.crop, a.variety, a.commune, a.province`;

@Injectable()
export class ExportsRepository {
  /** Reads on the primary, or on a replica when the route chose one (ReadDatabase; a transaction passes its own `db`). */
  constructor(private readonly reads: ReadDatabase) {}

  /** Lots named by their GTIN and code or by their short code. */
  async resolveLots(organizationId: string, keys: ExportLotKey[], db: Db = this.reads.db): Promise<string[]> {
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
  async epcisEvents(organizationId: string, filter: EpcisFilter, db: Db = this.reads.db): Promise<StoredEvent[]> {
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
    if (filter.lots) {
      // A receipt names the goods as shipped (the sender's lot), which its lines do not hold.
      const byCode = filter.lots.keys.filter((k): k is { gtin: string; code: string } => 'gtin' in k);
      const byShort = filter.lots.keys.filter((k): k is { shortCode: string } => 'shortCode' in k).map((k) => k.shortCode);
      params.push(filter.lots.ids, byShort, JSON.stringify(byCode));
      const [ids, shorts, codes] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
      where.push(`(EXISTS (SELECT 1 FROM event_line el WHERE el.event_id = coalesce(e.voids_event_id, e.id) AND el.lot_id = ANY(${ids}::uuid[]))
        OR (coalesce(s.type, e.type) = 'receive' AND (
          coalesce(s.details, e.details)->'from'->>'lotShortCode' = ANY(${shorts}::text[])
          OR (coalesce(s.details, e.details)->'from'->>'gtin', coalesce(s.details, e.details)->'from'->>'lotCode') IN (SELECT x.gtin, x.code FROM jsonb_to_recordset(${codes}::jsonb) AS x(gtin text, code text)))))`);
    }
    params.push(filter.limit);
    return db.query(
      `SELECT ${EVENT_COLUMNS} FROM event e LEFT JOIN event s ON s.id = e.voids_event_id
       WHERE ${where.join(' AND ')} ORDER BY e.seq LIMIT $${params.length}`,
      params,
    );
  }

  async eventsByIds(organizationId: string, ids: string[], db: Db = this.reads.db): Promise<StoredEvent[]> {
    if (!ids.length) return [];
    return db.query(`SELECT ${EVENT_COLUMNS} FROM event e WHERE e.organization_id = $1 AND e.id = ANY($2::uuid[])`, [organizationId, ids]);
  }

  /** Events with a line on any of these lots (not voids), in time order: the trace's critical tracking events. */
  async eventsOfLots(organizationId: string, lotIds: string[], types: string[], db: Db = this.reads.db): Promise<StoredEvent[]> {
    if (!lotIds.length) return [];
    return db.query(
      `SELECT ${EVENT_COLUMNS} FROM event e
       WHERE e.organization_id = $1 AND e.type = ANY($3::text[])
         AND e.id IN (SELECT event_id FROM event_line WHERE organization_id = $1 AND lot_id = ANY($2::uuid[]))
       ORDER BY e.event_time, e.seq`,
      [organizationId, lotIds, types],
    );
  }

  /** The events that made these lots (an output line on them), of the given types. */
  async eventsMakingLots(organizationId: string, lotIds: string[], types: string[], db: Db = this.reads.db): Promise<StoredEvent[]> {
    if (!lotIds.length) return [];
    return db.query(
      `SELECT ${EVENT_COLUMNS} FROM event e
       WHERE e.organization_id = $1 AND e.type = ANY($3::text[])
         AND e.id IN (SELECT event_id FROM event_line WHERE organization_id = $1 AND lot_id = ANY($2::uuid[]) AND direction = 'output')`,
      [organizationId, lotIds, types],
    );
  }

  lots(organizationId: string, ids: string[], db: Db = this.reads.db): Promise<ExportLot[]> {
    return db.query(
      `SELECT l.id, l.code, l.short_code AS "shortCode", p.gtin, p.name_vi AS "productNameVi", p.name_en AS "productNameEn", l.kind,
         l.expires_at::text AS "expiresAt", l.produced_at AS "producedAt", l.produced_at_offset AS "producedAtOffset",
         l.growing_area_id AS "growingAreaId", l.facility_id AS "facilityId", l.household_partner_id AS "householdPartnerId"
       FROM lot l JOIN product p ON p.id = l.product_id WHERE l.organization_id = $1 AND l.id = ANY($2::uuid[])`,
      [organizationId, ids],
    );
  }

  /**
   * Organizations by id: the caller's own, the senders of shipments it received and the organizations
   * its partners link to. Only what a business shows on its documents.
   */
  organizations(ids: string[], db: Db = this.reads.db): Promise<ExportOrganization[]> {
    if (!ids.length) return Promise.resolve([]);
    return db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organization o WHERE o.id = ANY($1::uuid[])`, [ids]);
  }

  facilities(organizationId: string, ids: string[], db: Db = this.reads.db): Promise<ExportFacility[]> {
    if (!ids.length) return Promise.resolve([]);
    return db.query(`SELECT ${FACILITY_COLUMNS} FROM facility f WHERE f.organization_id = $1 AND f.id = ANY($2::uuid[])`, [organizationId, ids]);
  }

  growingAreas(organizationId: string, ids: string[], db: Db = this.reads.db): Promise<ExportGrowingArea[]> {
    if (!ids.length) return Promise.resolve([]);
    return db.query(`SELECT ${AREA_COLUMNS} FROM growing_area a WHERE a.organization_id = $1 AND a.id = ANY($2::uuid[])`, [organizationId, ids]);
  }

  partners(organizationId: string, ids: string[], db: Db = this.reads.db): Promise<ExportPartner[]> {
    if (!ids.length) return Promise.resolve([]);
    return db.query(
      `SELECT id, name, kind, address, commune, province, country, phone, gln, linked_organization_id AS "linkedOrganizationId"
       FROM partner WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      [organizationId, ids],
    );
  }

  /** Shipments received by this organization, with the sender's side (see ReceivedShipment). */
  async receivedShipments(organizationId: string, shipmentIds: string[], db: Db = this.reads.db): Promise<ReceivedShipment[]> {
    if (!shipmentIds.length) return [];
    const rows: (Omit<ReceivedShipment, 'sender' | 'lotFacility' | 'lotGrowingArea'> & {
      sender: ExportOrganization;
      lotFacility: ExportFacility | null;
      lotGrowingArea: ExportGrowingArea | null;
    })[] = await db.query(
      `SELECT s.id AS "shipmentId", l.code AS "lotCode", l.short_code AS "lotShortCode", p.gtin,
         p.name_vi AS "productNameVi", p.name_en AS "productNameEn",
         (SELECT row_to_json(x) FROM (SELECT ${ORGANIZATION_COLUMNS} FROM organization o WHERE o.id = s.organization_id) x) AS sender,
         (SELECT row_to_json(x) FROM (SELECT ${FACILITY_COLUMNS} FROM facility f WHERE f.id = l.facility_id) x) AS "lotFacility",
         (SELECT row_to_json(x) FROM (SELECT ${AREA_COLUMNS} FROM growing_area a WHERE a.id = l.growing_area_id) x) AS "lotGrowingArea"
       FROM shipment s JOIN lot l ON l.id = s.lot_id JOIN product p ON p.id = l.product_id
       WHERE s.receiver_organization_id = $1 AND s.id = ANY($2::uuid[])`,
      [organizationId, shipmentIds],
    );
    return rows;
  }
}
