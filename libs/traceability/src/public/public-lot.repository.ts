import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '@app/database';
import type { EventType } from '../lots/event-rows.js';
import type { EventHashLine, EventHashRow } from '../lots/event-hash.js';
import type { Columns } from '../common/row-columns.js';
import type { PublicCertification, PublicFacility, PublicLot, PublicOrganization, PublicPartner, PublicProduct } from './public-lot.types.js';

/**
 * SQL of the public pages. Public tables are read with their public columns named one by one (never
 * `SELECT *`, never a partner's phone, citizen id, tax code, address or notes; never event documents
 * or free-text details): the privacy rule is enforced here, where the data is read.
 */
export interface LotKey {
  id: string;
  organizationId: string;
}

export interface RawPublicEvent {
  id: string;
  organizationId: string;
  seq: string;
  type: EventType;
  bizStep: string | null;
  eventTime: Date;
  eventTimeOffset: string;
  recordTime: Date;
  growingAreaId: string | null;
  facilityId: string | null;
  sourcePartnerId: string | null;
  destinationPartnerId: string | null;
  process: string | null;
  result: string | null;
  reason: string | null;
  lines: { lotId: string; direction: 'input' | 'output' | 'observed'; quantity: string; unit: string }[];
}

export interface RawShipment {
  id: string;
  lotId: string;
  eventId: string;
  receivedLotId: string | null;
  status: string;
}

export interface RawGrowingArea {
  id: string;
  code: string;
  name: string;
  crop: string;
  variety: string | null;
  areaHa: string;
  commune: string | null;
  province: string;
  provinceCode?: string | null;
  communeCode?: string | null;
  standard: string | null;
  location: unknown;
}

export interface RawInputApplication {
  growingAreaId: string;
  appliedAt: string;
  kind: string;
  productName: string;
  activeIngredient: string | null;
  phiDays: number;
  harvestDate: string;
}

export interface ChainRow extends EventHashRow {
  prevHash: string | null;
  hash: string;
  lines: EventHashLine[];
}

export interface SerialStats {
  firstScannedAt: Date | null;
  /** Scans by people, each client once a day. */
  scans: number;
  distinctDays: number;
  /** Local date (YYYY-MM-DD) of the latest scan. */
  lastScannedOn: string | null;
}

/** What a public page reads of a lot (the query's columns are checked against its type by test/foundation/row-types.e2e-spec.ts). */
export const PUBLIC_LOT_SELECT = `l.id, l.organization_id AS "organizationId", l.code, l.short_code AS "shortCode", l.display_name AS "displayName",
  l.kind, l.status, l.product_id AS "productId", l.quantity::text AS quantity, l.unit, l.produced_at AS "producedAt",
  l.produced_at_offset AS "producedAtOffset", l.expires_at::text AS "expiresAt", l.growing_area_id AS "growingAreaId",
  l.household_partner_id AS "householdPartnerId", l.facility_id AS "facilityId", l.recalled_at AS "recalledAt",
  l.recall_reason AS "recallReason"`;

export const PUBLIC_LOT_COLUMNS: Columns<Omit<PublicLot, 'depth'>> = {
  id: true, organizationId: true, code: true, shortCode: true, displayName: true, kind: true, status: true, productId: true, quantity: true, unit: true,
  producedAt: true, producedAtOffset: true, expiresAt: true, growingAreaId: true, householdPartnerId: true, facilityId: true, recalledAt: true,
  recallReason: true,
};

/** What a public page reads of a product (checked like PUBLIC_LOT_SELECT). */
export const PUBLIC_PRODUCT_SELECT = `p.id, p.organization_id AS "organizationId", p.name_vi AS "nameVi", p.name_en AS "nameEn", p.gtin, p.brand,
  p.description, p.image_url AS "imageUrl", p.unit, p.net_content::text AS "netContent", p.net_content_unit AS "netContentUnit",
  p.shelf_life_days AS "shelfLifeDays", p.ocop_group AS "ocopGroup", p.standards, p.photo_key AS "photoKey"`;

export const PUBLIC_PRODUCT_COLUMNS: Columns<PublicProduct> = {
  id: true, organizationId: true, nameVi: true, nameEn: true, gtin: true, brand: true, description: true, imageUrl: true, unit: true, netContent: true,
  netContentUnit: true, shelfLifeDays: true, ocopGroup: true, standards: true, photoKey: true,
};

/** OCOP certificates are valid 36 months from issue when no expiry was recorded (docs/domain.md#words). */
const VALID_UNTIL = `coalesce(c.expires_at, CASE WHEN c.kind = 'ocop' THEN (c.issued_at + interval '36 months' - interval '1 day')::date END)`;

/** Scans of one label read back for its page (see serialStats). */
const SERIAL_STATS_CAP = 10_000;

/** Genealogy deeper than this is not shown (a real chain is a handful of steps). */
const MAX_DEPTH = 64;

@Injectable()
export class PublicLotRepository {
  /** Reads on the primary, or on a replica when the caller chose one (ReadDatabase.fresh / tolerant). */
  constructor(private readonly reads: ReadDatabase) {}

  async findLotByGtin(gtin: string, lotCode: string): Promise<LotKey | null> {
    const rows: LotKey[] = await this.reads.db.query(
      `SELECT l.id, l.organization_id AS "organizationId" FROM product p
       JOIN lot l ON l.organization_id = p.organization_id AND l.product_id = p.id
       WHERE p.gtin = $1 AND l.code = $2`,
      [gtin, lotCode],
    );
    return rows[0] ?? null;
  }

  async findLotByShortCode(shortCode: string): Promise<LotKey | null> {
    const rows: LotKey[] = await this.reads.db.query(`SELECT id, organization_id AS "organizationId" FROM lot WHERE short_code = $1`, [shortCode]);
    return rows[0] ?? null;
  }

  /** The lot a serialised label belongs to (serials are unique across the deployment). */
  async findLotBySerial(serial: string): Promise<(LotKey & { gtin: string | null }) | null> {
    if (!/^\d{1,18}$/.test(serial)) return null;
    const rows = await this.reads.db.query(
      `SELECT l.id, l.organization_id AS "organizationId", p.gtin FROM label_job j
       JOIN lot l ON l.organization_id = j.organization_id AND l.id = j.lot_id
       JOIN product p ON p.organization_id = l.organization_id AND p.id = l.product_id
       WHERE j.serialized AND int8range(j.serial_first, j.serial_last, '[]') @> $1::bigint`,
      [serial],
    );
    return rows[0] ?? null;
  }

  /** Whether a label with this serial was issued for this lot. */
  async serialIssued(lot: LotKey, serial: string): Promise<boolean> {
    if (!/^\d{1,18}$/.test(serial)) return false;
    const rows = await this.reads.db.query(
      `SELECT 1 FROM label_job WHERE organization_id = $1 AND lot_id = $2 AND serialized AND $3::bigint BETWEEN serial_first AND serial_last LIMIT 1`,
      [lot.organizationId, lot.id, serial],
    );
    return rows.length > 0;
  }

  /**
   * The lot and its ancestors: back over genealogy links, and across organizations from a received
   * lot to the lot that was shipped. Voided lots are left out.
   */
  async genealogy(lotId: string): Promise<PublicLot[]> {
    const rows: PublicLot[] = await this.reads.db.query(
      `WITH RECURSIVE reach(id, depth) AS (
         SELECT $1::uuid, 0
         UNION
         SELECT up.id, r.depth + 1 FROM reach r
         CROSS JOIN LATERAL (
           SELECT k.parent_lot_id AS id FROM lot_link k WHERE k.child_lot_id = r.id
           UNION ALL
           SELECT s.lot_id FROM shipment s WHERE s.received_lot_id = r.id AND s.status = 'received'
         ) up
         WHERE r.depth < ${MAX_DEPTH}
       )
       SELECT ${PUBLIC_LOT_SELECT}, r.depth
       FROM (SELECT id, min(depth) AS depth FROM reach GROUP BY id) r JOIN lot l ON l.id = r.id
       WHERE l.status <> 'voided' OR r.depth = 0
       ORDER BY r.depth, l.produced_at`,
      [lotId],
    );
    return rows.map((row) => ({ ...row, depth: Number(row.depth) }));
  }

  products(ids: string[]): Promise<PublicProduct[]> {
    return this.reads.db.query(`SELECT ${PUBLIC_PRODUCT_SELECT} FROM product p WHERE p.id = ANY($1::uuid[])`, [ids]);
  }

  async productByGtin(gtin: string): Promise<PublicProduct | null> {
    const rows: PublicProduct[] = await this.reads.db.query(`SELECT ${PUBLIC_PRODUCT_SELECT} FROM product p WHERE p.gtin = $1`, [gtin]);
    return rows[0] ?? null;
  }

  organizations(ids: string[]): Promise<PublicOrganization[]> {
    // showcaseProvinceCode: the catalogue its showcase pages are in (listed, overseen by its province's office), or null.
    return this.reads.db.query(
      `SELECT id, name, kind, address, commune, province, gln, province_code AS "provinceCode", commune_code AS "communeCode",
         (SELECT office.province_code FROM organization_public_profile pp
          JOIN organization_link l ON l.to_organization_id = pp.organization_id AND l.kind = 'oversight' AND l.status = 'active'
          JOIN organization office ON office.id = l.from_organization_id AND office.kind = 'programme_office'
            AND office.office_confirmed_at IS NOT NULL AND office.province = organization.province
          WHERE pp.organization_id = organization.id AND pp.listed ORDER BY office.province_code LIMIT 1) AS "showcaseProvinceCode"
       FROM organization WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Events that touched these lots and still count: not void events, not voided ones. Only the
   * public parts of `details` are read (the process name, an inspection's result).
   */
  events(lotIds: string[]): Promise<RawPublicEvent[]> {
    return this.reads.db.query(
      `SELECT e.id, e.organization_id AS "organizationId", e.seq::text AS seq, e.type, e.biz_step AS "bizStep", e.event_time AS "eventTime",
         e.event_time_offset AS "eventTimeOffset", e.record_time AS "recordTime", e.growing_area_id AS "growingAreaId", e.facility_id AS "facilityId",
         e.source_partner_id AS "sourcePartnerId", e.destination_partner_id AS "destinationPartnerId",
         e.details->>'process' AS process, e.details->>'result' AS result, CASE WHEN e.type = 'recall' THEN e.reason END AS reason,
         (SELECT json_agg(json_build_object('lotId', el.lot_id, 'direction', el.direction, 'quantity', el.quantity::text, 'unit', el.unit) ORDER BY el.id)
            FROM event_line el WHERE el.organization_id = e.organization_id AND el.event_id = e.id) AS lines
       FROM event e
       WHERE e.id IN (SELECT event_id FROM event_line WHERE lot_id = ANY($1::uuid[]))
         AND e.type <> 'void'
         AND NOT EXISTS (SELECT 1 FROM event v WHERE v.voids_event_id = e.id)
       ORDER BY e.event_time, e.organization_id, e.seq`,
      [lotIds],
    );
  }

  shipments(lotIds: string[]): Promise<RawShipment[]> {
    return this.reads.db.query(
      `SELECT id, lot_id AS "lotId", event_id AS "eventId", received_lot_id AS "receivedLotId", status
       FROM shipment WHERE lot_id = ANY($1::uuid[]) AND status <> 'cancelled'`,
      [lotIds],
    );
  }

  growingAreas(ids: string[]): Promise<RawGrowingArea[]> {
    return this.reads.db.query(
      `SELECT id, code, name, crop, variety, area_ha::text AS "areaHa", commune, province, province_code AS "provinceCode", commune_code AS "communeCode", standard, location
       FROM growing_area WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  facilities(ids: string[]): Promise<PublicFacility[]> {
    return this.reads.db.query(`SELECT id, kind, name, code, gln, address, commune, province, gln, province_code AS "provinceCode", commune_code AS "communeCode" FROM facility WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Name, kind, commune and province only: a household's phone, id number or address never leaves here. */
  partners(ids: string[]): Promise<PublicPartner[]> {
    return this.reads.db.query(`SELECT id, kind, name, commune, province FROM partner WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * Input applications on the growing areas of these harvest lots in the year before each harvest
   * (local dates), with the harvest date they preceded.
   */
  inputApplications(harvestLotIds: string[]): Promise<RawInputApplication[]> {
    return this.reads.db.query(
      `WITH h AS (
         SELECT l.organization_id, l.growing_area_id, ((l.produced_at AT TIME ZONE 'UTC') + l.produced_at_offset::interval)::date AS harvest_date
         FROM lot l WHERE l.id = ANY($1::uuid[]) AND l.growing_area_id IS NOT NULL
       )
       SELECT ia.growing_area_id AS "growingAreaId", ia.applied_at::text AS "appliedAt", ia.kind, ia.product_name AS "productName",
         ia.active_ingredient AS "activeIngredient", ia.phi_days AS "phiDays", h.harvest_date::text AS "harvestDate"
       FROM h JOIN input_application ia ON ia.organization_id = h.organization_id AND ia.growing_area_id = h.growing_area_id
       WHERE ia.voided_at IS NULL AND ia.applied_at <= h.harvest_date AND ia.applied_at > h.harvest_date - 365
       ORDER BY ia.applied_at, ia.product_name`,
      [harvestLotIds],
    );
  }

  /** Certifications valid on `today` (YYYY-MM-DD) for any of these scopes. */
  validCertifications(scopeIds: string[], today: string): Promise<Omit<PublicCertification, 'scopeName'>[]> {
    return this.reads.db.query(
      `SELECT c.id, c.kind, c.level, c.number, c.issuer, c.issued_at::text AS "issuedAt", (${VALID_UNTIL})::text AS "validUntil",
         c.scope_type AS "scopeType", c.scope_id AS "scopeId"
       FROM certification c
       WHERE c.scope_id = ANY($1::uuid[]) AND c.issued_at <= $2::date AND (${VALID_UNTIL} IS NULL OR ${VALID_UNTIL} >= $2::date)
       ORDER BY (c.kind = 'ocop') DESC, c.level DESC NULLS LAST, c.issued_at DESC`,
      [scopeIds, today],
    );
  }

  /** The public lots of a product, newest first. */
  productLots(productId: string, limit: number): Promise<Pick<PublicLot, 'code' | 'shortCode' | 'status' | 'producedAt' | 'producedAtOffset' | 'expiresAt'>[]> {
    return this.reads.db.query(
      `SELECT l.code, l.short_code AS "shortCode", l.status, l.produced_at AS "producedAt", l.produced_at_offset AS "producedAtOffset",
         l.expires_at::text AS "expiresAt"
       FROM lot l WHERE l.product_id = $1 AND l.status <> 'voided'
       ORDER BY l.produced_at DESC, l.code LIMIT $2`,
      [productId, limit],
    );
  }

  /**
   * One page of an organization's hash chain after `afterSeq`, in seq order, with the exact columns
   * and lines the hash covers (private columns included: they are hashed here, never shown).
   */
  async chainPage(organizationId: string, afterSeq: string, uptoSeq: string, limit: number): Promise<ChainRow[]> {
    const events: Omit<ChainRow, 'lines'>[] = await this.reads.db.query(
      `SELECT e.id, e.organization_id AS "organizationId", e.seq::text AS seq, e.type, e.epcis_event_type AS "epcisEventType", e.action,
         e.biz_step AS "bizStep", e.disposition, e.event_time AS "eventTime", e.event_time_offset AS "eventTimeOffset",
         e.record_time AS "recordTime", e.recorded_by AS "recordedBy", e.growing_area_id AS "growingAreaId",
         e.facility_id AS "facilityId", e.source_partner_id AS "sourcePartnerId", e.destination_partner_id AS "destinationPartnerId",
         e.documents, e.details, e.voids_event_id AS "voidsEventId", e.reason, e.prev_hash AS "prevHash", e.hash
       FROM event e WHERE e.organization_id = $1 AND e.seq > $2::bigint AND e.seq <= $3::bigint ORDER BY e.seq LIMIT $4`,
      [organizationId, afterSeq, uptoSeq, limit],
    );
    if (!events.length) return [];
    const lines: (EventHashLine & { eventId: string })[] = await this.reads.db.query(
      `SELECT event_id AS "eventId", lot_id AS "lotId", direction, quantity::text AS quantity, unit, quantity_in_lot_unit::text AS "quantityInLotUnit"
       FROM event_line WHERE organization_id = $1 AND event_id = ANY($2::uuid[])`,
      [organizationId, events.map((event) => event.id)],
    );
    const byEvent = new Map<string, EventHashLine[]>();
    for (const { eventId, ...line } of lines) {
      const list = byEvent.get(eventId) ?? [];
      list.push(line);
      byEvent.set(eventId, list);
    }
    return events.map((event) => ({ ...event, lines: byEvent.get(event.id) ?? [] }));
  }

  /**
   * The freshness of many cached pages in one round trip: each lot's status and each organization's
   * latest event seq (max over the unique (organization_id, seq) index: one index probe each).
   */
  async versions(lotIds: string[], organizationIds: string[]): Promise<{ lots: [string, string, string | null][]; heads: [string, string][] }> {
    const [row] = await this.reads.db.query(
      `SELECT
         (SELECT coalesce(json_agg(json_build_array(l.id, l.status, l.recalled_at)), '[]') FROM lot l WHERE l.id = ANY($1::uuid[])) AS lots,
         (SELECT coalesce(json_agg(json_build_array(o.id, (SELECT coalesce(max(e.seq), 0)::text FROM event e WHERE e.organization_id = o.id))), '[]')
            FROM unnest($2::uuid[]) AS o(id)) AS heads`,
      [lotIds, organizationIds],
    );
    return row;
  }

  /**
   * A label's scans by people, each client counted once a day (its hash changes with the day's salt;
   * rows from before the hash count one each). Read over its first SERIAL_STATS_CAP resolutions (in
   * day order, from the index): enough to tell a copied label, and bounded however often one is scanned.
   */
  async serialStats(lotId: string, serial: string): Promise<SerialStats> {
    const [row] = await this.reads.db.query(
      `SELECT min(scanned_at) AS "firstScannedAt", count(DISTINCT coalesce(client_hash, '#' || id))::int AS scans,
         count(DISTINCT scanned_on)::int AS "distinctDays", max(scanned_on)::text AS "lastScannedOn"
       FROM (SELECT id, scanned_at, scanned_on, client_hash FROM scan WHERE lot_id = $1 AND serial = $2 AND client_class <> 'bot'
             ORDER BY scanned_on LIMIT ${SERIAL_STATS_CAP}) s`,
      [lotId, serial],
    );
    return row;
  }
}
