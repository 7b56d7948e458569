import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseUtcTimestamptz, queryRows, readRows, type Db } from '@app/database';
import type { Unit } from '../common/units.js';
import type { KeysetPosition } from '../common/keyset-cursor.js';
import { InFlightBatches } from './in-flight-batches.js';
import type { ProductRecord } from './lot-registry.repository.js';
import type { LotKind, LotRow, LotStatus, ShipmentRow, ShipmentStatus } from './lot-rows.js';
import type { LotResponseSource } from './lot-views.js';


/** A lot with what operations on it need from its product (net content for unit conversions). */
export type LockedLot = Omit<LotRow, 'organizationId' | 'displayName' | 'createdAt'> & {
  netContent: string | null;
  netContentUnit: Unit | null;
  gtin: string | null;
  productNameVi: string;
};

/** The full view of a lot for the API: its row, its product and the names of what it refers to. */
export type LotView = LotRow &
  LockedLot & {
    productNameEn: string | null;
    productUnit: Unit;
    growingAreaCode: string | null;
    growingAreaName: string | null;
    householdName: string | null;
    facilityName: string | null;
  };

export interface LotListFilter {
  search?: string;
  status?: LotStatus;
  kind?: LotKind;
  productId?: string;
  growingAreaId?: string;
  limit: number;
  after?: KeysetPosition;
  /** Count every match too (one more query, growing with the organization). */
  count?: boolean;
}

/** A lot a recall has just marked. */
export interface MarkedLot {
  id: string;
  organizationId: string;
  quantity: string;
  unit: Unit;
}

const MARK_RECALLED = `status = 'recalled', recalled_at = $2, recall_reason = $3`;
const MARKED_COLUMNS = `id, organization_id AS "organizationId", quantity, unit`;

/** A partner as a shipment reads it. */
export interface ShipPartner {
  id: string;
  kind: string;
  name: string;
  linkedOrganizationId: string | null;
  /** The linked organization accepted this organization's shipments (false when there is none). */
  tradeLinkActive: boolean;
}

export interface ShipmentView extends ShipmentRow {
  lotCode: string;
  lotShortCode: string;
  productId: string;
  productNameVi: string;
  productGtin: string | null;
  partnerName: string;
  senderOrganizationName: string;
  receivedLotCode: string | null;
}

const LOCKED_LOT_COLUMNS = `l.id, l.code, l.kind, l.quantity, l.unit, l.consumed, l.status, l.product_id AS "productId",
  l.produced_at AS "producedAt", l.produced_at_offset AS "producedAtOffset", l.growing_area_id AS "growingAreaId",
  l.household_partner_id AS "householdPartnerId", l.facility_id AS "facilityId", l.expires_at::text AS "expiresAt",
  l.short_code AS "shortCode", l.created_event_id AS "createdEventId", l.recalled_at AS "recalledAt",
  l.recall_reason AS "recallReason", p.net_content AS "netContent", p.net_content_unit AS "netContentUnit", p.gtin,
  p.name_vi AS "productNameVi"`;

const LOT_VIEW_COLUMNS = `${LOCKED_LOT_COLUMNS}, l.organization_id AS "organizationId", l.display_name AS "displayName",
  p.name_en AS "productNameEn", p.unit AS "productUnit", ga.code AS "growingAreaCode", ga.name AS "growingAreaName",
  hh.name AS "householdName", f.name AS "facilityName", l.created_at AS "createdAt"`;

/**
 * The version of every row a lot's answer is made of (the lot, its product, growing area, household
 * and facility): their xmin, the transaction that wrote each row as it is now. Any change to one
 * of them writes a new row version, so an answer kept under this version is still the answer.
 */
const LOT_ANSWER_VERSION = `format('%s,%s,%s,%s,%s', l.xmin, p.xmin, ga.xmin, hh.xmin, f.xmin)`;

/** A lot of a page: where it stands (its creation time as PostgreSQL prints it, for the cursor) and its answer's version. */
export interface LotPosition {
  id: string;
  createdAtText: string;
  version: string;
}

/** A lot's view and the version of the rows it was read from (LOT_ANSWER_VERSION). */
export type VersionedLotView = LotView & { version: string };

/**
 * A page of lots reads only the view's columns a lot's answer shows (toLotResponse's LotResponseSource:
 * no organization, no net content) and its creation time once, as PostgreSQL prints it (the cursor's
 * value, read into the Date the driver would make of the column).
 */
const LOT_LIST_COLUMNS = `l.id, l.code, l.kind, l.quantity, l.unit, l.consumed, l.status, l.product_id AS "productId",
  l.produced_at AS "producedAt", l.produced_at_offset AS "producedAtOffset", l.growing_area_id AS "growingAreaId",
  l.household_partner_id AS "householdPartnerId", l.facility_id AS "facilityId", l.expires_at::text AS "expiresAt",
  l.short_code AS "shortCode", l.created_event_id AS "createdEventId", l.recalled_at AS "recalledAt",
  l.recall_reason AS "recallReason", p.gtin, p.name_vi AS "productNameVi", l.display_name AS "displayName",
  p.name_en AS "productNameEn", p.unit AS "productUnit", ga.code AS "growingAreaCode", ga.name AS "growingAreaName",
  hh.name AS "householdName", f.name AS "facilityName", l.created_at::text AS "createdAtText"`;

/** A lot of a page: what its answer shows, and its creation time as text for the cursor. */
export type LotListItem = LotResponseSource & { createdAtText: string };

const LOT_VIEW_FROM = `lot l JOIN product p ON p.id = l.product_id
  LEFT JOIN growing_area ga ON ga.id = l.growing_area_id
  LEFT JOIN partner hh ON hh.id = l.household_partner_id
  LEFT JOIN facility f ON f.id = l.facility_id`;

const SHIPMENT_COLUMNS = `s.id, s.organization_id AS "organizationId", s.lot_id AS "lotId", s.event_id AS "eventId", s.partner_id AS "partnerId",
  s.receiver_organization_id AS "receiverOrganizationId", s.quantity, s.unit, s.shipped_at AS "shippedAt", s.documents, s.status,
  s.received_lot_id AS "receivedLotId", s.received_event_id AS "receivedEventId", s.received_at AS "receivedAt", s.created_at AS "createdAt"`;

const SHIPMENT_VIEW = `SELECT ${SHIPMENT_COLUMNS}, l.code AS "lotCode", l.short_code AS "lotShortCode", p.id AS "productId",
    p.name_vi AS "productNameVi", p.gtin AS "productGtin", pa.name AS "partnerName", o.name AS "senderOrganizationName",
    rl.code AS "receivedLotCode"
  FROM shipment s JOIN lot l ON l.id = s.lot_id JOIN product p ON p.id = l.product_id
  JOIN partner pa ON pa.id = s.partner_id JOIN organization o ON o.id = s.organization_id
  LEFT JOIN lot rl ON rl.id = s.received_lot_id`;

const LOTS_BY_IDS = `SELECT ${LOT_VIEW_COLUMNS} FROM ${LOT_VIEW_FROM} WHERE l.organization_id = $1 AND l.id = ANY($2::uuid[]) ORDER BY l.code`;
const LOT_BY_ID = `SELECT ${LOT_VIEW_COLUMNS} FROM ${LOT_VIEW_FROM} WHERE l.organization_id = $1 AND l.id = $2`;

/** A draw of lot-code numbers waiting for the one on its way (LotsRepository.drawLotCodeNumbers). */
interface WaitingDraw {
  organizationId: string;
  prefix: string;
  year: number;
  count: number;
  resolve: (first: number) => void;
  reject: (error: unknown) => void;
}

@Injectable()
export class LotsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Locks lots for the rest of the transaction in id order, the one order every operation uses, so
   * two operations on overlapping lots queue instead of deadlocking. Rows come back current (a
   * waiting lock re-reads the row), which is what the mass-balance check must see.
   */
  lockLots(organizationId: string, ids: string[], db: Db): Promise<LockedLot[]> {
    return db.query(
      `SELECT ${LOCKED_LOT_COLUMNS} FROM lot l JOIN product p ON p.id = l.product_id
       WHERE l.organization_id = $1 AND l.id = ANY($2::uuid[]) ORDER BY l.id FOR UPDATE OF l`,
      [organizationId, [...new Set(ids)].sort()],
    );
  }

  /**
   * The shipped lot as its receiver needs it, under a share lock (it may belong to another
   * organization: the sender's id comes from the shipment the receiver is party to).
   */
  async findSenderLotForShare(senderOrganizationId: string, lotId: string, db: Db): Promise<(LockedLot & { productUnit: Unit }) | null> {
    const rows: (LockedLot & { productUnit: Unit })[] = await db.query(
      `SELECT ${LOCKED_LOT_COLUMNS}, p.unit AS "productUnit" FROM lot l JOIN product p ON p.id = l.product_id
       WHERE l.organization_id = $1 AND l.id = $2 FOR SHARE OF l`,
      [senderOrganizationId, lotId],
    );
    return rows[0] ?? null;
  }

  /** A lot by id; outside a transaction a short read on the shared connection (readRows). */
  async findLot(organizationId: string, id: string, db: Db = this.dataSource): Promise<LotView | null> {
    const rows = await readRows<LotView>(db, LOT_BY_ID, [organizationId, id], 'nguon_lot_by_id');
    return rows[0] ?? null;
  }

  /** Any number of lots by id (a recall's, a response's). */
  findLotsByIds(organizationId: string, ids: string[], db: Db = this.dataSource): Promise<LotView[]> {
    return queryRows<LotView>(db, LOTS_BY_IDS, [organizationId, ids], 'nguon_lots_by_ids');
  }

  /** The few lots an event is about to use, read on the connection such short reads share (readRows). */
  findLotsForEvent(organizationId: string, ids: string[], db: Db = this.dataSource): Promise<LotView[]> {
    return readRows<LotView>(db, LOTS_BY_IDS, [organizationId, ids], 'nguon_lots_for_event');
  }

  /** What a transformation reads, in one round trip: its input lots, its output products and its facility. */
  async findTransformContext(
    organizationId: string,
    lotIds: string[],
    productIds: string[],
    facilityId: string | null,
    db: Db = this.dataSource,
  ): Promise<{ lots: LotView[]; products: ProductRecord[]; facility: { id: string; name: string } | null }> {
    const [row] = await readRows<{ lots: (LotView & { producedAt: string; recalledAt: string | null; createdAt: string })[]; products: ProductRecord[]; facility: { id: string; name: string } | null }>(
      db,
      `SELECT
         (SELECT coalesce(json_agg(v), '[]') FROM (SELECT ${LOT_VIEW_COLUMNS.replace(/l\.quantity,/, 'l.quantity::text AS quantity,').replace(/l\.consumed,/, 'l.consumed::text AS consumed,').replace('p.net_content AS', 'p.net_content::text AS')}
            FROM ${LOT_VIEW_FROM} WHERE l.organization_id = $1 AND l.id = ANY($2::uuid[])) v) AS lots,
         (SELECT coalesce(json_agg(json_build_object('id', p.id, 'nameVi', p.name_vi, 'nameEn', p.name_en, 'gtin', p.gtin, 'unit', p.unit,
            'netContent', p.net_content::text, 'netContentUnit', p.net_content_unit, 'shelfLifeDays', p.shelf_life_days)), '[]')
            FROM product p WHERE p.organization_id = $1 AND p.id = ANY($3::uuid[])) AS products,
         (SELECT json_build_object('id', f.id, 'name', f.name) FROM facility f WHERE f.organization_id = $1 AND f.id = $4::uuid) AS facility`,
      [organizationId, lotIds, [...new Set(productIds)], facilityId],
      'nguon_transform_context',
    );
    // json_agg gives times as text: back to Dates, as the pg driver gives them elsewhere.
    const lots = row.lots.map((lot) => ({
      ...lot,
      producedAt: new Date(lot.producedAt),
      recalledAt: lot.recalledAt ? new Date(lot.recalledAt) : null,
      createdAt: new Date(lot.createdAt),
    }));
    return { lots, products: row.products, facility: row.facility };
  }

  /**
   * What a shipment reads, in one round trip: the lot, the partner (with whether the organization it
   * names, if any, has accepted this organization's shipments: an active trade link) and the sender's name.
   */
  async findShipContext(organizationId: string, lotId: string, partnerId: string, db: Db = this.dataSource): Promise<{ lot: LotView | null; partner: ShipPartner | null; organizationName: string }> {
    const [row] = await readRows<LotView & { partner: ShipPartner | null; organizationName: string; lotFound: boolean }>(
      db,
      `SELECT v.*, v.id IS NOT NULL AS "lotFound",
         (SELECT json_build_object('id', pa.id, 'kind', pa.kind, 'name', pa.name, 'linkedOrganizationId', pa.linked_organization_id,
                   'tradeLinkActive', EXISTS (SELECT 1 FROM organization_link k WHERE k.kind = 'trade' AND k.status = 'active'
                                                AND k.from_organization_id = $1 AND k.to_organization_id = pa.linked_organization_id))
            FROM partner pa WHERE pa.organization_id = $1 AND pa.id = $3) AS partner,
         (SELECT name FROM organization WHERE id = $1) AS "organizationName"
       FROM (SELECT 1) AS one
       LEFT JOIN (SELECT ${LOT_VIEW_COLUMNS} FROM ${LOT_VIEW_FROM} WHERE l.organization_id = $1 AND l.id = $2) AS v ON true`,
      [organizationId, lotId, partnerId],
      'nguon_ship_context',
    );
    const { partner, organizationName, lotFound, ...lot } = row;
    return { lot: lotFound ? (lot as LotView) : null, partner, organizationName };
  }

  /**
   * A page of lots, newest first: its lots as their answers show them (`lots`), or only where they
   * stand and their answers' versions (`positions`: for a page whose answers are likely kept,
   * LotAnswers). The matches are counted only when `count` asks (see pageTotal).
   */
  listLots(organizationId: string, filter: LotListFilter, read: 'lots', db?: Db): Promise<{ items: LotListItem[]; total?: number }>;
  listLots(organizationId: string, filter: LotListFilter, read: 'positions', db?: Db): Promise<{ items: LotPosition[]; total?: number }>;
  async listLots(organizationId: string, filter: LotListFilter, read: 'lots' | 'positions', db: Db = this.dataSource): Promise<{ items: (LotListItem | LotPosition)[]; total?: number }> {
    const where = ['l.organization_id = $1'];
    const params: unknown[] = [organizationId];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (filter.search) add(`upper(l.code) LIKE '%' || ? || '%'`, filter.search.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`));
    if (filter.status) add('l.status = ?', filter.status);
    if (filter.kind) add('l.kind = ?', filter.kind);
    if (filter.productId) add('l.product_id = ?', filter.productId);
    if (filter.growingAreaId) add('l.growing_area_id = ?', filter.growingAreaId);
    const countParams = [...params];
    const countWhere = [...where];
    if (filter.after) {
      params.push(filter.after.value, filter.after.id);
      where.push(`(l.created_at, l.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit);
    const columns = read === 'lots' ? LOT_LIST_COLUMNS : `l.id, l.created_at::text AS "createdAtText", ${LOT_ANSWER_VERSION} AS version`;
    const text = `SELECT ${columns} FROM ${LOT_VIEW_FROM}
         WHERE ${where.join(' AND ')} ORDER BY l.created_at DESC, l.id DESC LIMIT $${params.length}`;
    // A page walks the (organization, created_at, id) index: a short read, shared like the others, as
    // one prepared statement per combination of filters. A search by part of a code may scan: on its own.
    const shape = ['status', 'kind', 'productId', 'growingAreaId', 'after'].map((key) => (filter[key as keyof LotListFilter] ? '1' : '0')).join('');
    const [items, count]: [(LotListItem | LotPosition)[], { n: string }[] | undefined] = await Promise.all([
      filter.search ? db.query(text, params) : readRows<LotListItem | LotPosition>(db, text, params, `nguon_list_${read}_${shape}`),
      filter.count ? db.query(`SELECT count(*) AS n FROM lot l WHERE ${countWhere.join(' AND ')}`, countParams) : undefined,
    ]);
    if (read === 'lots') for (const item of items as LotListItem[]) item.createdAt = parseUtcTimestamptz(item.createdAtText);
    return { items, total: count ? Number(count[0].n) : undefined };
  }

  /** Lots by id with the version of the rows each was read from, on the shared connection (readRows). */
  findVersionedLots(organizationId: string, ids: string[], db: Db = this.dataSource): Promise<VersionedLotView[]> {
    return readRows<VersionedLotView>(
      db,
      `SELECT ${LOT_VIEW_COLUMNS}, ${LOT_ANSWER_VERSION} AS version FROM ${LOT_VIEW_FROM} WHERE l.organization_id = $1 AND l.id = ANY($2::uuid[])`,
      [organizationId, ids],
      'nguon_versioned_lots',
    );
  }

  /** Harvest lots of a growing area produced in [from, to), voided ones excluded (the season total). */
  seasonHarvests(
    organizationId: string,
    growingAreaId: string,
    from: Date,
    to: Date,
    db: Db,
  ): Promise<{ quantity: string; unit: Unit; netContent: string | null; netContentUnit: Unit | null }[]> {
    return db.query(
      `SELECT l.quantity, l.unit, p.net_content AS "netContent", p.net_content_unit AS "netContentUnit"
       FROM lot l JOIN product p ON p.id = l.product_id
       WHERE l.organization_id = $1 AND l.growing_area_id = $2 AND l.kind = 'harvest' AND l.status <> 'voided'
         AND l.produced_at >= $3 AND l.produced_at < $4`,
      [organizationId, growingAreaId, from.toISOString(), to.toISOString()],
    );
  }

  /**
   * Draws `count` consecutive numbers for generated lot codes. Inside a transaction the counter row
   * stays locked until commit. On its own, draws for the same counter that arrive while one is on its
   * way are merged into the next one (one statement and one commit for all of them, instead of each
   * queueing on the counter's row lock); each caller still gets its own consecutive numbers.
   */
  drawLotCodeNumbers(organizationId: string, prefix: string, year: number, count: number, db: Db): Promise<number> {
    if (!(db instanceof DataSource)) return this.drawNow(organizationId, prefix, year, count, db);
    return new Promise((resolve, reject) => this.draws.add(`${organizationId} ${prefix} ${year}`, { organizationId, prefix, year, count, resolve, reject }));
  }

  /** One draw per counter in flight; the draws that arrive meanwhile are merged into the next. */
  private readonly draws = new InFlightBatches<string, WaitingDraw>(async (_key, draws) => {
    const [{ organizationId, prefix, year }] = draws;
    try {
      let next = await this.drawNow(organizationId, prefix, year, draws.reduce((sum, d) => sum + d.count, 0), this.dataSource);
      for (const d of draws) {
        d.resolve(next);
        next += d.count;
      }
    } catch (error) {
      draws.forEach((d) => d.reject(error));
    }
  });

  private async drawNow(organizationId: string, prefix: string, year: number, count: number, db: Db): Promise<number> {
    const [row] = await queryRows<{ lastSeq: string }>(
      db,
      `INSERT INTO lot_code_sequence (organization_id, prefix, year, last_seq) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organization_id, prefix, year) DO UPDATE SET last_seq = lot_code_sequence.last_seq + $4
       RETURNING last_seq AS "lastSeq"`,
      [organizationId, prefix, year, count],
      'nguon_draw_lot_codes',
    );
    return Number(row.lastSeq) - count + 1;
  }

  async codesTaken(organizationId: string, codes: string[], db: Db = this.dataSource): Promise<string[]> {
    if (!codes.length) return [];
    const rows: { code: string }[] = await db.query(`SELECT code FROM lot WHERE organization_id = $1 AND code = ANY($2::text[])`, [organizationId, codes]);
    return rows.map((row) => row.code);
  }

  async insertShipment(organizationId: string, shipment: Omit<ShipmentRow, 'organizationId' | 'status' | 'receivedLotId' | 'receivedEventId' | 'receivedAt' | 'createdAt'>, db: Db): Promise<void> {
    await db.query(
      `INSERT INTO shipment (id, organization_id, lot_id, event_id, partner_id, receiver_organization_id, quantity, unit, shipped_at, documents)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        shipment.id,
        organizationId,
        shipment.lotId,
        shipment.eventId,
        shipment.partnerId,
        shipment.receiverOrganizationId,
        shipment.quantity,
        shipment.unit,
        shipment.shippedAt.toISOString(),
        JSON.stringify(shipment.documents),
      ],
    );
  }

  /** A shipment the organization sent, or one sent to it (as receiver); locked when asked. */
  async findShipmentForParty(organizationId: string, id: string, db: Db = this.dataSource, lock = false): Promise<ShipmentView | null> {
    const rows: ShipmentView[] = await db.query(
      `${SHIPMENT_VIEW} WHERE s.id = $2 AND (s.organization_id = $1 OR s.receiver_organization_id = $1)${lock ? ' FOR UPDATE OF s' : ''}`,
      [organizationId, id],
    );
    return rows[0] ?? null;
  }

  async findShipmentByEvent(organizationId: string, eventId: string, db: Db, lock = false): Promise<ShipmentRow | null> {
    const rows: ShipmentRow[] = await db.query(
      `SELECT ${SHIPMENT_COLUMNS} FROM shipment s WHERE s.organization_id = $1 AND s.event_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [organizationId, eventId],
    );
    return rows[0] ?? null;
  }

  /** The shipment a receiver accepted into one of its lots (received_event_id = the receive event). */
  async findShipmentReceivedBy(receiverOrganizationId: string, receiveEventId: string, db: Db, lock = false): Promise<ShipmentRow | null> {
    const rows: ShipmentRow[] = await db.query(
      `SELECT ${SHIPMENT_COLUMNS} FROM shipment s WHERE s.receiver_organization_id = $1 AND s.received_event_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [receiverOrganizationId, receiveEventId],
    );
    return rows[0] ?? null;
  }

  async markShipmentReceived(receiverOrganizationId: string, shipmentId: string, lotId: string, eventId: string, receivedAt: Date, db: Db): Promise<void> {
    await db.query(
      `UPDATE shipment SET status = 'received', received_lot_id = $3, received_event_id = $4, received_at = $5
       WHERE receiver_organization_id = $1 AND id = $2`,
      [receiverOrganizationId, shipmentId, lotId, eventId, receivedAt.toISOString()],
    );
  }

  /** After a void: a cancelled shipment (its ship was voided) or one back in transit (its receipt was voided). */
  async setShipmentStatus(partyOrganizationId: string, shipmentId: string, status: ShipmentStatus, db: Db): Promise<void> {
    await db.query(
      `UPDATE shipment SET status = $3,
         received_lot_id = CASE WHEN $3 = 'received' THEN received_lot_id END,
         received_event_id = CASE WHEN $3 = 'received' THEN received_event_id END,
         received_at = CASE WHEN $3 = 'received' THEN received_at END
       WHERE id = $2 AND (organization_id = $1 OR receiver_organization_id = $1)`,
      [partyOrganizationId, shipmentId, status],
    );
  }

  async listShipments(
    organizationId: string,
    direction: 'incoming' | 'outgoing',
    filter: { status?: ShipmentStatus; lotId?: string; limit: number; after?: KeysetPosition; count?: boolean },
    db: Db = this.dataSource,
  ): Promise<{ items: (ShipmentView & { createdAtText: string })[]; total?: number }> {
    const where = [direction === 'incoming' ? 's.receiver_organization_id = $1' : 's.organization_id = $1'];
    const params: unknown[] = [organizationId];
    if (filter.status) {
      params.push(filter.status);
      where.push(`s.status = $${params.length}`);
    }
    if (filter.lotId) {
      params.push(filter.lotId);
      where.push(`s.lot_id = $${params.length}`);
    }
    const countWhere = [...where];
    const countParams = [...params];
    if (filter.after) {
      params.push(filter.after.value, filter.after.id);
      where.push(`(s.created_at, s.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit);
    const [items, count] = await Promise.all([
      db.query(
        `${SHIPMENT_VIEW.replace('SELECT ', 'SELECT s.created_at::text AS "createdAtText", ')} WHERE ${where.join(' AND ')}
         ORDER BY s.created_at DESC, s.id DESC LIMIT $${params.length}`,
        params,
      ),
      filter.count ? db.query(`SELECT count(*) AS n FROM shipment s WHERE ${countWhere.join(' AND ')}`, countParams) : undefined,
    ]);
    return { items, total: count ? Number(count[0].n) : undefined };
  }

  /** Shipments out of any of these lots (partners at the leaves of a trace, recall notices). */
  shipmentsOfLots(organizationId: string, lotIds: string[], db: Db = this.dataSource): Promise<ShipmentView[]> {
    return db.query(`${SHIPMENT_VIEW} WHERE s.organization_id = $1 AND s.lot_id = ANY($2::uuid[]) AND s.status <> 'cancelled' ORDER BY s.shipped_at, s.id`, [
      organizationId,
      lotIds,
    ]);
  }

  /** Marks an active lot recalled (locking it); empty when it was not active. */
  markRecalled(organizationId: string, lotId: string, recalledAt: Date, reason: string, db: Db): Promise<MarkedLot[]> {
    // UPDATE inside a CTE: TypeORM returns [rows, count] for a bare UPDATE.
    return db.query(
      `WITH marked AS (UPDATE lot SET ${MARK_RECALLED} WHERE organization_id = $4 AND id = $1 AND status = 'active' RETURNING ${MARKED_COLUMNS})
       SELECT * FROM marked`,
      [lotId, recalledAt.toISOString(), reason, organizationId],
    );
  }

  /**
   * Marks recalled every active child of these lots: in their organization through the link table,
   * and in receiving organizations through received shipments. The one lot query that is not scoped
   * by organization, by design: a recall follows the goods to whoever accepted them (docs/rules.md, “Recalls propagate”).
   */
  markChildrenRecalled(parentLotIds: string[], recalledAt: Date, reason: string, db: Db): Promise<MarkedLot[]> {
    return db.query(
      `WITH marked AS (
         UPDATE lot SET ${MARK_RECALLED}
         WHERE status = 'active' AND id IN (
           SELECT child_lot_id FROM lot_link WHERE parent_lot_id = ANY($1::uuid[])
           UNION
           SELECT received_lot_id FROM shipment WHERE lot_id = ANY($1::uuid[]) AND status = 'received' AND received_lot_id IS NOT NULL)
         RETURNING ${MARKED_COLUMNS})
       SELECT * FROM marked`,
      [parentLotIds, recalledAt.toISOString(), reason],
    );
  }

  async deleteLinksOfEvent(organizationId: string, eventId: string, parentLotIds: string[], db: Db): Promise<void> {
    await db.query(`DELETE FROM lot_link WHERE organization_id = $1 AND event_id = $2 AND parent_lot_id = ANY($3::uuid[])`, [
      organizationId,
      eventId,
      parentLotIds,
    ]);
  }
}
