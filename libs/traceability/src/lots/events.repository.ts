import { createHash, randomUUID } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppendLanes } from './append-lanes.js';
import { currentIdempotentWrite } from '../idempotency/idempotent-write.js';
import { GENESIS_HASH } from '../common/hash-chain.js';
import type { Unit } from '../common/units.js';
import { closeHotPool, commitWithLastStatement, inlineParameters, queryRows, type Db } from '@app/database';
import type { EventDocument, EventType, LineDirection } from './event-rows.js';
import { eventHashText, type EventHashLine, type EventHashRow } from './event-hash.js';
import type { LotRow, LotStatus, ShipmentRow } from './lot-rows.js';

/** An event about to be appended: everything but its place in the chain. */
export type EventDraft = Omit<EventHashRow, 'organizationId' | 'seq'>;

/** A lot an event makes: its row but what the database fills in. */
export type NewLot = Omit<LotRow, 'organizationId' | 'consumed' | 'createdEventId' | 'createdAt'>;

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

/** A shipment an event makes: its row but what the database fills in. */
export type NewShipment = Omit<ShipmentRow, 'organizationId' | 'eventId' | 'status' | 'receivedLotId' | 'receivedEventId' | 'receivedAt' | 'createdAt'>;

/** What an event does to lots, written in the same statement as the event itself. */
export interface EventEffects {
  lots?: NewLot[];
  lotChanges?: LotChange[];
  links?: NewLink[];
  shipment?: NewShipment;
}

export interface AppendOptions {
  /** Nothing else follows in the operation's transaction (see CommitWithLastStatement). */
  last?: boolean;
  /**
   * Mass balance checked by the statement itself: these lots are locked (id order) and the event is
   * written only if each is active and can give out its consumedDelta. Otherwise nothing is written
   * and append() answers null. Lets an operation run as one atomic statement, without a transaction.
   */
  guardLotIds?: string[];
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

/**
 * Appends one event (see EventsRepository.append). Every placeholder carries its type, so the
 * statement can also travel with inlined literals over the simple protocol. `ok` is false when a
 * guarded lot was missing, not active or short: then nothing at all is written. An append that
 * commits on its own (alone, group-committed, or sent with its COMMIT) records the request's
 * Idempotency-Key ($30…) with its event, so the key commits exactly when the event does.
 */
const APPEND_STATEMENT = `WITH locked AS (
    SELECT l.id, l.quantity, l.consumed, l.status FROM lot l
    WHERE l.organization_id = $2::uuid AND l.id = ANY($27::uuid[]) ORDER BY l.id FOR UPDATE
  ), ok AS (
    SELECT count(*) = cardinality($27::uuid[]) AND coalesce(bool_and(l.status = 'active' AND l.consumed + c.delta <= l.quantity), true) AS ok
    FROM locked l JOIN jsonb_to_recordset($25::jsonb) AS c(lot_id uuid, delta numeric) ON c.lot_id = l.id
  ), head AS (
    INSERT INTO event_chain_head AS h (organization_id, last_seq, last_hash, prev_hash)
    SELECT $2::uuid, 1, encode(sha256(convert_to($21::text || $22::text || '1' || $23::text, 'UTF8')), 'hex'), NULL
    WHERE (SELECT ok FROM ok)
    ON CONFLICT (organization_id) DO UPDATE SET
      last_seq = h.last_seq + 1,
      prev_hash = h.last_hash,
      last_hash = encode(sha256(convert_to(coalesce(h.last_hash, $21::text) || $22::text || (h.last_seq + 1)::text || $23::text, 'UTF8')), 'hex')
    RETURNING last_seq, last_hash, prev_hash
  ), ev AS (
    INSERT INTO event (id, organization_id, seq, type, epcis_event_type, action, biz_step, disposition, event_time,
      event_time_offset, record_time, recorded_by, growing_area_id, facility_id, source_partner_id, destination_partner_id,
      documents, details, voids_event_id, reason, prev_hash, hash)
    SELECT $1::uuid, $2::uuid, head.last_seq, $3::text, $4::text, $5::text, $6::text, $7::text, $8::timestamptz, $9::text,
      $10::timestamptz, $11::uuid, $12::uuid, $13::uuid, $14::uuid, $15::uuid, $16::jsonb, $17::jsonb, $18::uuid, $19::text,
      head.prev_hash, head.last_hash
    FROM head
    RETURNING seq, prev_hash, hash
  ), new_lots AS (
    INSERT INTO lot (id, organization_id, code, display_name, product_id, kind, quantity, unit, status, growing_area_id,
      household_partner_id, facility_id, produced_at, produced_at_offset, expires_at, short_code, created_event_id,
      recalled_at, recall_reason, created_at)
    SELECT x.id, $2::uuid, x.code, x.display_name, x.product_id, x.kind, x.quantity, x.unit, x.status, x.growing_area_id,
      x.household_partner_id, x.facility_id, x.produced_at, x.produced_at_offset, x.expires_at, x.short_code, $1::uuid,
      x.recalled_at, x.recall_reason, $29::timestamptz
    FROM jsonb_to_recordset($24::jsonb) AS x(id uuid, code text, display_name text, product_id uuid, kind text,
      quantity numeric, unit text, status text, growing_area_id uuid, household_partner_id uuid, facility_id uuid,
      produced_at timestamptz, produced_at_offset text, expires_at date, short_code text, recalled_at timestamptz,
      recall_reason text)
    WHERE (SELECT ok FROM ok)
    RETURNING id
  ), changed AS (
    UPDATE lot SET consumed = lot.consumed + c.delta,
      status = coalesce(c.status, lot.status),
      recalled_at = coalesce(c.recalled_at, lot.recalled_at),
      recall_reason = coalesce(c.recall_reason, lot.recall_reason)
    FROM jsonb_to_recordset($25::jsonb) AS c(lot_id uuid, delta numeric, status text, recalled_at timestamptz, recall_reason text)
    WHERE lot.organization_id = $2::uuid AND lot.id = c.lot_id AND (SELECT ok FROM ok)
    RETURNING lot.id
  ), new_lines AS (
    INSERT INTO event_line (organization_id, event_id, lot_id, direction, quantity, unit, quantity_in_lot_unit)
    SELECT $2::uuid, $1::uuid, x.lot_id, x.direction, x.quantity, x.unit, x.quantity_in_lot_unit
    FROM jsonb_to_recordset($20::jsonb) AS x(lot_id uuid, direction text, quantity numeric, unit text, quantity_in_lot_unit numeric)
    WHERE (SELECT ok FROM ok)
    RETURNING id
  ), new_links AS (
    INSERT INTO lot_link (organization_id, parent_lot_id, child_lot_id, event_id, event_type, quantity, unit)
    SELECT $2::uuid, x.parent_lot_id, x.child_lot_id, $1::uuid, $3::text, x.quantity, x.unit
    FROM jsonb_to_recordset($26::jsonb) AS x(parent_lot_id uuid, child_lot_id uuid, quantity numeric, unit text)
    WHERE (SELECT ok FROM ok)
    RETURNING parent_lot_id
  ), new_shipment AS (
    INSERT INTO shipment (id, organization_id, lot_id, event_id, partner_id, receiver_organization_id, quantity, unit, shipped_at, documents, created_at)
    SELECT x.id, $2::uuid, x.lot_id, $1::uuid, x.partner_id, x.receiver_organization_id, x.quantity, x.unit, x.shipped_at, x.documents, $29::timestamptz
    FROM jsonb_to_recordset($28::jsonb) AS x(id uuid, lot_id uuid, partner_id uuid, receiver_organization_id uuid, quantity numeric, unit text,
      shipped_at timestamptz, documents jsonb)
    WHERE (SELECT ok FROM ok)
    RETURNING id
  ), idempotency AS (
    INSERT INTO idempotency_key (organization_id, key, method, path, request_hash, status_code, result)
    SELECT $2::uuid, $30::text, $31::text, $32::text, $33::text, $34::int, jsonb_build_object('eventId', $1::uuid)
    WHERE $30::text IS NOT NULL AND (SELECT ok FROM ok)
    RETURNING key
  )
  SELECT (SELECT ok FROM ok) AS ok, ev.seq::text AS seq, ev.prev_hash AS "prevHash", ev.hash
  FROM (SELECT 1) AS one LEFT JOIN ev ON true`;

/**
 * Writers of appends per process (AppendLanes). Measured on 2 CPUs with 4 organizations: 1 writer
 * 658 ship events/s, 2 writers 707, 4 writers 540 (more backends writing at once contend for the
 * same pages and cost more CPU than they add).
 */
const APPEND_WRITERS = 2;

/** What the append statement answers: whether its checks passed, and the event's place in the chain. */
interface AppendedRow {
  ok: boolean;
  seq: string | null;
  prevHash: string | null;
  hash: string | null;
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
 * Append-only, hash-chained event log (docs/rules.md, “Immutable history” and “Tamper evidence”). Appending is one statement: it moves
 * the organization's chain head (locking its row until commit) to seq + 1, hashes the canonical body
 * (lines included) onto the previous hash with sha256, and writes the event, its lines and its
 * effects on lots. The head is held for that statement and the commit only (or, for appends made
 * on their own, for the batch they are group-committed with, sent in one round trip), never across
 * round trips to the application, so appends of one organization queue as briefly as possible.
 * Callers lock the lots they touch *before* appending: lot rows (sorted by id) first, then the chain
 * head, everywhere — one lock order, no deadlock between them.
 */
@Injectable()
export class EventsRepository implements OnModuleDestroy {
  private readonly lanes: AppendLanes<AppendedRow>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.lanes = new AppendLanes(dataSource, { name: 'nguon_append_event', text: APPEND_STATEMENT }, APPEND_WRITERS);
  }

  async onModuleDestroy(): Promise<void> {
    await closeHotPool(this.dataSource);
  }

  async append(organizationId: string, draft: EventDraft, lines: EventHashLine[], effects: EventEffects, db: Db, options: AppendOptions = {}): Promise<AppendedEvent | null> {
    // The canonical text of the event with its seq left open: the database fills the seq in when it
    // moves the chain head, and hashes prev_hash || text with sha256 in the same statement.
    const placeholder = `seq-${randomUUID()}`;
    const text = eventHashText({ ...draft, organizationId, seq: placeholder }, lines);
    const marker = `"seq":"${placeholder}"`;
    const at = text.indexOf(marker);
    if (at < 0 || text.indexOf(marker, at + 1) >= 0) throw new Error('event hash: the seq placeholder must occur exactly once');
    const head = `${text.slice(0, at)}"seq":"`;
    const tail = `"${text.slice(at + marker.length)}`;
    const row = { ...draft, organizationId };
    const createdAt = row.recordTime.toISOString();

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
    const shipments = effects.shipment
      ? [
          {
            id: effects.shipment.id,
            lot_id: effects.shipment.lotId,
            partner_id: effects.shipment.partnerId,
            receiver_organization_id: effects.shipment.receiverOrganizationId,
            quantity: effects.shipment.quantity,
            unit: effects.shipment.unit,
            shipped_at: effects.shipment.shippedAt.toISOString(),
            documents: effects.shipment.documents,
          },
        ]
      : [];
    const parameters = [
      row.id,
      organizationId,
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
      JSON.stringify(lineRows),
      GENESIS_HASH,
      head,
      tail,
      JSON.stringify(lots),
      JSON.stringify(changes),
      JSON.stringify(links),
      `{${(options.guardLotIds ?? []).join(',')}}`,
      JSON.stringify(shipments),
      createdAt,
    ];
    const commitWith = options.last ? commitWithLastStatement(db) : undefined;
    const commitsHere = (commitWith && !commitWith.committed) || db instanceof DataSource;
    const write = currentIdempotentWrite();
    const recordsKey = !!write && !write.committed && write.row.organizationId === organizationId;
    // Inside a longer transaction the key is recorded at its COMMIT (IdempotencySubscriber).
    if (recordsKey) write.result = { eventId: row.id };
    const key = recordsKey && commitsHere ? write.row : null;
    parameters.push(key?.key ?? null, key?.method ?? null, key?.path ?? null, key?.requestHash ?? null, key ? String(key.statusCode) : null);
    if (key) await write!.assertClaimed();
    let written: AppendedRow;
    if (commitWith && !commitWith.committed) {
      const results = (await commitWith.client.query(`${inlineParameters(APPEND_STATEMENT, parameters)};\nCOMMIT`)) as { rows: AppendedRow[] }[];
      commitWith.committed = true;
      written = results[0].rows[0];
    } else if (db instanceof DataSource) {
      // On its own (not inside a caller's transaction): group-committed with other appends (AppendLanes).
      written = await this.lanes.append(organizationId, parameters, changes.map((change) => change.lot_id));
    } else {
      [written] = await queryRows<AppendedRow>(db, APPEND_STATEMENT, parameters, 'nguon_append_event');
    }
    if (!written.ok) return null;
    if (key) write!.committed = true;
    const appended = { ...row, seq: written.seq!, prevHash: written.prevHash, hash: written.hash!, lines };
    // The database hashed what we meant it to: the same text, with its seq, hashes the same here.
    const expected = createHash('sha256').update(`${written.prevHash ?? GENESIS_HASH}${head}${written.seq}${tail}`, 'utf8').digest('hex');
    if (expected !== written.hash) throw new Error(`event ${row.id}: the chain hash computed by the database differs`);
    return appended;
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

  /**
   * The other organizations a recall reached: their `recall` events of the same recall (same id in
   * details, recorded at the same instant), with how many of their lots each marked.
   */
  async recallElsewhere(organizationId: string, recallId: string, recordTime: Date): Promise<{ organizationId: string; name: string; lotsRecalled: number }[]> {
    return this.dataSource.query(
      `SELECT e.organization_id AS "organizationId", o.name, (SELECT count(*) FROM event_line el WHERE el.event_id = e.id)::int AS "lotsRecalled"
       FROM event e JOIN organization o ON o.id = e.organization_id
       WHERE e.type = 'recall' AND e.record_time = $3 AND e.details->>'recallId' = $2 AND e.organization_id <> $1`,
      [organizationId, recallId, recordTime],
    );
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
