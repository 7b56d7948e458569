import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Unit } from '../common/units.js';
import type { Db } from './db.js';
import type { EventDocument, EventType, LineDirection } from './event.entity.js';
import { eventHash, type EventHashLine, type EventHashRow } from './event-hash.js';
import type { LotKind, LotStatus } from './lot.entity.js';

/** An event about to be appended: everything but its place in the chain. */
export type EventDraft = Omit<EventHashRow, 'organizationId' | 'seq'>;

export interface NewLot {
  id: string;
  code: string;
  displayName: string | null;
  productId: string;
  kind: LotKind;
  quantity: string;
  unit: Unit;
  status: LotStatus;
  growingAreaId: string | null;
  householdPartnerId: string | null;
  facilityId: string | null;
  producedAt: Date;
  producedAtOffset: string;
  expiresAt: string | null;
  shortCode: string;
  recalledAt: Date | null;
  recallReason: string | null;
}

/** A change to an existing lot: `consumedDelta` in the lot's unit (negative when a void gives it back), and/or a new status. */
export interface LotChange {
  lotId: string;
  consumedDelta?: string;
  status?: LotStatus;
  recalledAt?: Date;
  recallReason?: string;
}

export interface NewLink {
  parentLotId: string;
  childLotId: string;
  quantity: string;
  unit: string;
}

/** What an event does to lots, written in the same statement as the event itself. */
export interface EventEffects {
  lots?: NewLot[];
  lotChanges?: LotChange[];
  links?: NewLink[];
}

export interface AppendedEvent extends EventHashRow {
  prevHash: string | null;
  hash: string;
  lines: EventHashLine[];
}

export interface StoredEvent extends AppendedEvent {
  lines: (EventHashLine & { lotCode: string })[];
  voidedBy: { eventId: string; reason: string | null; recordTime: Date } | null;
}

export const EVENT_COLUMNS = `e.id, e.organization_id AS "organizationId", e.seq, e.type, e.epcis_event_type AS "epcisEventType", e.action,
  e.biz_step AS "bizStep", e.disposition, e.event_time AS "eventTime", e.event_time_offset AS "eventTimeOffset",
  e.record_time AS "recordTime", e.recorded_by AS "recordedBy", e.growing_area_id AS "growingAreaId",
  e.facility_id AS "facilityId", e.source_partner_id AS "sourcePartnerId", e.destination_partner_id AS "destinationPartnerId",
  e.documents, e.details, e.voids_event_id AS "voidsEventId", e.reason, e.prev_hash AS "prevHash", e.hash`;

const LINE_COLUMNS = `event_id AS "eventId", lot_id AS "lotId", direction, quantity, unit, quantity_in_lot_unit AS "quantityInLotUnit"`;
const JOINED_LINE_COLUMNS = `el.event_id AS "eventId", el.lot_id AS "lotId", el.direction, el.quantity, el.unit,
  el.quantity_in_lot_unit AS "quantityInLotUnit", l.code AS "lotCode"`;

/**
 * Append-only, hash-chained event log (DESIGN rules 1 and 2). Appending locks the organization's
 * chain head row, takes seq + 1, hashes the canonical body (lines included) onto the previous hash,
 * and writes the event, its lines and its effects on lots in one statement, so the head is held only
 * for that statement and the commit. Callers lock the lots they touch *before* appending: lot rows
 * (sorted by id) first, then the chain head, everywhere — one lock order, no deadlock between them.
 */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(organizationId: string, draft: EventDraft, lines: EventHashLine[], effects: EventEffects, db: Db): Promise<AppendedEvent> {
    const [head]: { lastSeq: string; lastHash: string | null }[] = await db.query(
      `INSERT INTO event_chain_head (organization_id) VALUES ($1)
       ON CONFLICT (organization_id) DO UPDATE SET last_seq = event_chain_head.last_seq
       RETURNING last_seq AS "lastSeq", last_hash AS "lastHash"`,
      [organizationId],
    );
    const seq = String(BigInt(head.lastSeq) + 1n);
    const row: EventHashRow = { ...draft, organizationId, seq };
    const hash = eventHash(head.lastHash, row, lines);

    const lots = (effects.lots ?? []).map((lot) => ({
      id: lot.id,
      code: lot.code,
      display_name: lot.displayName,
      product_id: lot.productId,
      kind: lot.kind,
      quantity: lot.quantity,
      unit: lot.unit,
      status: lot.status,
      growing_area_id: lot.growingAreaId,
      household_partner_id: lot.householdPartnerId,
      facility_id: lot.facilityId,
      produced_at: lot.producedAt.toISOString(),
      produced_at_offset: lot.producedAtOffset,
      expires_at: lot.expiresAt,
      short_code: lot.shortCode,
      recalled_at: lot.recalledAt?.toISOString() ?? null,
      recall_reason: lot.recallReason,
    }));
    const changes = (effects.lotChanges ?? []).map((change) => ({
      lot_id: change.lotId,
      delta: change.consumedDelta ?? '0',
      status: change.status ?? null,
      recalled_at: change.recalledAt?.toISOString() ?? null,
      recall_reason: change.recallReason ?? null,
    }));
    const lineRows = lines.map((line) => ({
      lot_id: line.lotId,
      direction: line.direction,
      quantity: line.quantity,
      unit: line.unit,
      quantity_in_lot_unit: line.quantityInLotUnit,
    }));
    const links = (effects.links ?? []).map((link) => ({
      parent_lot_id: link.parentLotId,
      child_lot_id: link.childLotId,
      quantity: link.quantity,
      unit: link.unit,
    }));

    // One statement: data-modifying CTEs all run, and foreign keys (line → lot → event) are checked
    // at its end, when every row is in place.
    await db.query(
      `WITH ev AS (
         INSERT INTO event (id, organization_id, seq, type, epcis_event_type, action, biz_step, disposition, event_time,
           event_time_offset, record_time, recorded_by, growing_area_id, facility_id, source_partner_id, destination_partner_id,
           documents, details, voids_event_id, reason, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
         RETURNING id
       ), new_lots AS (
         INSERT INTO lot (id, organization_id, code, display_name, product_id, kind, quantity, unit, status, growing_area_id,
           household_partner_id, facility_id, produced_at, produced_at_offset, expires_at, short_code, created_event_id,
           recalled_at, recall_reason)
         SELECT x.id, $2, x.code, x.display_name, x.product_id, x.kind, x.quantity, x.unit, x.status, x.growing_area_id,
           x.household_partner_id, x.facility_id, x.produced_at, x.produced_at_offset, x.expires_at, x.short_code, $1,
           x.recalled_at, x.recall_reason
         FROM jsonb_to_recordset($23::jsonb) AS x(id uuid, code text, display_name text, product_id uuid, kind text,
           quantity numeric, unit text, status text, growing_area_id uuid, household_partner_id uuid, facility_id uuid,
           produced_at timestamptz, produced_at_offset text, expires_at date, short_code text, recalled_at timestamptz,
           recall_reason text)
         RETURNING id
       ), changed AS (
         UPDATE lot SET consumed = lot.consumed + c.delta,
           status = coalesce(c.status, lot.status),
           recalled_at = coalesce(c.recalled_at, lot.recalled_at),
           recall_reason = coalesce(c.recall_reason, lot.recall_reason)
         FROM jsonb_to_recordset($24::jsonb) AS c(lot_id uuid, delta numeric, status text, recalled_at timestamptz, recall_reason text)
         WHERE lot.organization_id = $2 AND lot.id = c.lot_id
         RETURNING lot.id
       ), new_lines AS (
         INSERT INTO event_line (organization_id, event_id, lot_id, direction, quantity, unit, quantity_in_lot_unit)
         SELECT $2, $1, x.lot_id, x.direction, x.quantity, x.unit, x.quantity_in_lot_unit
         FROM jsonb_to_recordset($25::jsonb) AS x(lot_id uuid, direction text, quantity numeric, unit text, quantity_in_lot_unit numeric)
         RETURNING id
       ), new_links AS (
         INSERT INTO lot_link (organization_id, parent_lot_id, child_lot_id, event_id, quantity, unit)
         SELECT $2, x.parent_lot_id, x.child_lot_id, $1, x.quantity, x.unit
         FROM jsonb_to_recordset($26::jsonb) AS x(parent_lot_id uuid, child_lot_id uuid, quantity numeric, unit text)
         RETURNING parent_lot_id
       ), head AS (
         UPDATE event_chain_head SET last_seq = $3, last_hash = $22 WHERE organization_id = $2 RETURNING last_seq
       )
       SELECT (SELECT count(*) FROM ev) AS events, (SELECT count(*) FROM changed) AS changed, (SELECT count(*) FROM head) AS heads`,
      [
        row.id,
        organizationId,
        seq,
        row.type,
        row.epcisEventType,
        row.action,
        row.bizStep,
        row.disposition,
        row.eventTime.toISOString(),
        row.eventTimeOffset,
        row.recordTime.toISOString(),
        row.recordedBy,
        row.growingAreaId,
        row.facilityId,
        row.sourcePartnerId,
        row.destinationPartnerId,
        JSON.stringify(row.documents),
        JSON.stringify(row.details),
        row.voidsEventId,
        row.reason,
        head.lastHash,
        hash,
        JSON.stringify(lots),
        JSON.stringify(changes),
        JSON.stringify(lineRows),
        JSON.stringify(links),
      ],
    );
    return { ...row, prevHash: head.lastHash, hash, lines };
  }

  async findEvent(organizationId: string, id: string, db: Db = this.dataSource, lock = false): Promise<StoredEvent | null> {
    const rows: StoredEvent[] = await db.query(`SELECT ${EVENT_COLUMNS} FROM event e WHERE e.organization_id = $1 AND e.id = $2${lock ? ' FOR UPDATE' : ''}`, [
      organizationId,
      id,
    ]);
    if (!rows[0]) return null;
    const [event] = await this.withLinesAndVoids(organizationId, rows, db);
    return event;
  }

  /** The event that voided this one, if any. */
  async findVoidOf(organizationId: string, eventId: string, db: Db = this.dataSource): Promise<string | null> {
    const rows: { id: string }[] = await db.query(`SELECT id FROM event WHERE organization_id = $1 AND voids_event_id = $2`, [organizationId, eventId]);
    return rows[0]?.id ?? null;
  }

  /** Every event with a line on the lot, and the voids of those events, in chain order. */
  async listForLot(organizationId: string, lotId: string, db: Db = this.dataSource): Promise<StoredEvent[]> {
    const rows: StoredEvent[] = await db.query(
      `SELECT ${EVENT_COLUMNS} FROM event e
       WHERE e.organization_id = $1 AND (
         e.id IN (SELECT event_id FROM event_line WHERE lot_id = $2 AND organization_id = $1)
         OR e.voids_event_id IN (SELECT event_id FROM event_line WHERE lot_id = $2 AND organization_id = $1))
       ORDER BY e.seq`,
      [organizationId, lotId],
    );
    return this.withLinesAndVoids(organizationId, rows, db);
  }

  async withLinesAndVoids(organizationId: string, events: StoredEvent[], db: Db = this.dataSource): Promise<StoredEvent[]> {
    if (!events.length) return events;
    const ids = events.map((event) => event.id);
    const [lines, voids]: [(EventHashLine & { eventId: string; lotCode: string })[], { id: string; voidsEventId: string; reason: string | null; recordTime: Date }[]] =
      await Promise.all([
        db.query(
          `SELECT ${JOINED_LINE_COLUMNS}
           FROM event_line el JOIN lot l ON l.id = el.lot_id
           WHERE el.organization_id = $1 AND el.event_id = ANY($2::uuid[]) ORDER BY el.id`,
          [organizationId, ids],
        ),
        db.query(
          `SELECT id, voids_event_id AS "voidsEventId", reason, record_time AS "recordTime" FROM event
           WHERE organization_id = $1 AND voids_event_id = ANY($2::uuid[])`,
          [organizationId, ids],
        ),
      ]);
    const linesByEvent = new Map<string, StoredEvent['lines']>();
    for (const { eventId, ...line } of lines) {
      const list = linesByEvent.get(eventId) ?? [];
      list.push(line);
      linesByEvent.set(eventId, list);
    }
    const voidBy = new Map(voids.map((v) => [v.voidsEventId, { eventId: v.id, reason: v.reason, recordTime: v.recordTime }]));
    return events.map((event) => ({ ...event, lines: linesByEvent.get(event.id) ?? [], voidedBy: voidBy.get(event.id) ?? null }));
  }

  /** One page of the chain in seq order with the lines each hash covers (for verification). */
  async chainPage(organizationId: string, afterSeq: string, limit: number, db: Db = this.dataSource): Promise<(AppendedEvent & { seq: string })[]> {
    const events: (AppendedEvent & { seq: string })[] = await db.query(
      `SELECT ${EVENT_COLUMNS} FROM event e WHERE e.organization_id = $1 AND e.seq > $2 ORDER BY e.seq LIMIT $3`,
      [organizationId, afterSeq, limit],
    );
    if (!events.length) return events;
    const lines: (EventHashLine & { eventId: string })[] = await db.query(
      `SELECT ${LINE_COLUMNS} FROM event_line WHERE organization_id = $1 AND event_id = ANY($2::uuid[])`,
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

  async chainHead(organizationId: string, db: Db = this.dataSource): Promise<{ lastSeq: string; lastHash: string | null } | null> {
    const rows = await db.query(`SELECT last_seq AS "lastSeq", last_hash AS "lastHash" FROM event_chain_head WHERE organization_id = $1`, [organizationId]);
    return rows[0] ?? null;
  }
}

export type { EventDocument, EventType, LineDirection };
