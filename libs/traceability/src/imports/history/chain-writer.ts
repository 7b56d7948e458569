import type { Db } from '@app/database';
import { eventHash, type EventHashLine, type EventHashRow } from '../../lots/event-hash.js';
import type { NewLot } from '../../lots/events.repository.js';

/** An event of a historical import: its row but its place in the chain, and its lines. */
export interface ChunkEvent {
  row: Omit<EventHashRow, 'organizationId' | 'seq'>;
  lines: EventHashLine[];
}

/**
 * Appends many events to an organization's hash chain in a few statements (docs/rules.md, "Tamper
 * evidence"): the chain head is locked once (after what the rows refer to, the API's lock order),
 * each event's seq, prev_hash and hash are computed here with the very function the audit verifies
 * with (eventHash: sha256(prev_hash || canonical body)), then the events, lots and lines are inserted
 * set-based from arrays, and the head is moved once at the end. Everything runs in the import's one
 * transaction: a killed worker leaves no event behind and the head where it was.
 */
export class ChainWriter {
  private seq = 0;
  private lastHash: string | null = null;
  private prevOfLast: string | null = null;
  private locked = false;
  private written = 0;

  constructor(
    private readonly db: Db,
    private readonly organizationId: string,
  ) {}

  /** Writes the events of a chunk and what they make: events first (lots point to them), then lots, then lines. */
  async write(events: ChunkEvent[], lots: NewLot[]): Promise<void> {
    if (!events.length) return;
    await this.lockHead();
    const org = this.organizationId;
    const rows = events.map(({ row, lines }) => {
      this.seq++;
      const full: EventHashRow = { ...row, organizationId: org, seq: String(this.seq) };
      const prev = this.lastHash;
      const hash = eventHash(prev, full, lines);
      this.prevOfLast = prev;
      this.lastHash = hash;
      return { full, prev, hash };
    });
    await this.db.query(
      `INSERT INTO event (id, organization_id, seq, type, epcis_event_type, action, biz_step, disposition, event_time, event_time_offset,
         record_time, recorded_by, growing_area_id, facility_id, source_partner_id, destination_partner_id, documents, details,
         voids_event_id, reason, prev_hash, hash)
       SELECT e.id, $1, e.seq, e.type, e.epcis_event_type, e.action, e.biz_step, e.disposition, e.event_time, e.event_time_offset,
         e.record_time, e.recorded_by, e.growing_area_id, e.facility_id, e.source_partner_id, e.destination_partner_id, e.documents,
         e.details, e.voids_event_id, e.reason, e.prev_hash, e.hash
       FROM unnest($2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[],
         $11::timestamptz[], $12::uuid[], $13::uuid[], $14::uuid[], $15::uuid[], $16::uuid[], $17::jsonb[], $18::jsonb[], $19::uuid[],
         $20::text[], $21::text[], $22::text[])
         AS e(id, seq, type, epcis_event_type, action, biz_step, disposition, event_time, event_time_offset, record_time, recorded_by,
           growing_area_id, facility_id, source_partner_id, destination_partner_id, documents, details, voids_event_id, reason, prev_hash, hash)`,
      [
        org,
        rows.map((r) => r.full.id),
        rows.map((r) => r.full.seq),
        rows.map((r) => r.full.type),
        rows.map((r) => r.full.epcisEventType),
        rows.map((r) => r.full.action),
        rows.map((r) => r.full.bizStep),
        rows.map((r) => r.full.disposition),
        rows.map((r) => r.full.eventTime.toISOString()),
        rows.map((r) => r.full.eventTimeOffset),
        rows.map((r) => r.full.recordTime.toISOString()),
        rows.map((r) => r.full.recordedBy),
        rows.map((r) => r.full.growingAreaId),
        rows.map((r) => r.full.facilityId),
        rows.map((r) => r.full.sourcePartnerId),
        rows.map((r) => r.full.destinationPartnerId),
        rows.map((r) => JSON.stringify(r.full.documents)),
        rows.map((r) => JSON.stringify(r.full.details)),
        rows.map((r) => r.full.voidsEventId),
        rows.map((r) => r.full.reason),
        rows.map((r) => r.prev),
        rows.map((r) => r.hash),
      ],
    );
    await insertLots(this.db, org, lots, new Map(events.flatMap((e) => e.lines.filter((l) => l.direction === 'output').map((l) => [l.lotId, e.row] as const))));
    const lines = events.flatMap((e) => e.lines.map((line) => ({ eventId: e.row.id, ...line })));
    await this.db.query(
      `INSERT INTO event_line (organization_id, event_id, lot_id, direction, quantity, unit, quantity_in_lot_unit)
       SELECT $1, l.event_id, l.lot_id, l.direction, l.quantity, l.unit, l.quantity_in_lot_unit
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::numeric[], $6::text[], $7::numeric[]) AS l(event_id, lot_id, direction, quantity, unit, quantity_in_lot_unit)`,
      [org, lines.map((l) => l.eventId), lines.map((l) => l.lotId), lines.map((l) => l.direction), lines.map((l) => l.quantity), lines.map((l) => l.unit), lines.map((l) => l.quantityInLotUnit)],
    );
    this.written += events.length;
  }

  /** Moves the head to the last event written (nothing when none was). */
  async finish(): Promise<void> {
    if (!this.written) return;
    await this.db.query(`UPDATE event_chain_head SET last_seq = $2, last_hash = $3, prev_hash = $4 WHERE organization_id = $1`, [
      this.organizationId,
      String(this.seq),
      this.lastHash,
      this.prevOfLast,
    ]);
  }

  private async lockHead(): Promise<void> {
    if (this.locked) return;
    await this.db.query(`INSERT INTO event_chain_head (organization_id, last_seq, last_hash, prev_hash) VALUES ($1, 0, NULL, NULL) ON CONFLICT (organization_id) DO NOTHING`, [
      this.organizationId,
    ]);
    const [head]: { last_seq: string; last_hash: string | null }[] = await this.db.query(`SELECT last_seq::text, last_hash FROM event_chain_head WHERE organization_id = $1 FOR UPDATE`, [
      this.organizationId,
    ]);
    this.seq = Number(head.last_seq);
    this.lastHash = head.last_hash;
    this.locked = true;
  }
}

/** New lots in one statement, each pointing to the event that made it (created_at: that event's record time). */
async function insertLots(db: Db, organizationId: string, lots: NewLot[], eventOf: Map<string, Omit<EventHashRow, 'organizationId' | 'seq'>>): Promise<void> {
  if (!lots.length) return;
  const col = <T>(f: (lot: NewLot) => T) => lots.map(f);
  await db.query(
    `INSERT INTO lot (id, organization_id, code, display_name, product_id, kind, quantity, unit, status, growing_area_id, household_partner_id,
       facility_id, produced_at, produced_at_offset, expires_at, short_code, created_event_id, recalled_at, recall_reason, created_at)
     SELECT x.id, $1, x.code, x.display_name, x.product_id, x.kind, x.quantity, x.unit, x.status, x.growing_area_id, x.household_partner_id,
       x.facility_id, x.produced_at, x.produced_at_offset, x.expires_at, x.short_code, x.created_event_id, NULL, NULL, x.created_at
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::numeric[], $8::text[], $9::text[], $10::uuid[], $11::uuid[],
       $12::uuid[], $13::timestamptz[], $14::text[], $15::date[], $16::text[], $17::uuid[], $18::timestamptz[])
       AS x(id, code, display_name, product_id, kind, quantity, unit, status, growing_area_id, household_partner_id, facility_id, produced_at,
         produced_at_offset, expires_at, short_code, created_event_id, created_at)`,
    [
      organizationId,
      col((l) => l.id),
      col((l) => l.code),
      col((l) => l.displayName),
      col((l) => l.productId),
      col((l) => l.kind),
      col((l) => l.quantity),
      col((l) => l.unit),
      col((l) => l.status),
      col((l) => l.growingAreaId),
      col((l) => l.householdPartnerId),
      col((l) => l.facilityId),
      col((l) => l.producedAt.toISOString()),
      col((l) => l.producedAtOffset),
      col((l) => l.expiresAt),
      col((l) => l.shortCode),
      col((l) => eventOf.get(l.id)!.id),
      col((l) => eventOf.get(l.id)!.recordTime.toISOString()),
    ],
  );
}
