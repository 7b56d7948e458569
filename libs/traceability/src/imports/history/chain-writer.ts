import type { EntityManager } from 'typeorm';
import type { Db } from '@app/database';
import { CanonicalText, canonicalJson, chainHash } from '../../common/hash-chain.js';
import { eventHashBody, type EventHashLine, type EventHashRow } from '../../lots/event-hash.js';
import type { NewLot } from '../../lots/events.repository.js';
import { copyRows, type CopyValue } from './copy-rows.js';

const EVENT_COPY_COLUMNS = ['id', 'organization_id', 'seq', 'type', 'epcis_event_type', 'action', 'biz_step', 'disposition', 'event_time', 'event_time_offset', 'record_time', 'recorded_by', 'growing_area_id', 'facility_id', 'source_partner_id', 'destination_partner_id', 'documents', 'details', 'voids_event_id', 'reason', 'prev_hash', 'hash'];
const LOT_COPY_COLUMNS = ['id', 'organization_id', 'code', 'display_name', 'product_id', 'kind', 'quantity', 'unit', 'status', 'growing_area_id', 'household_partner_id', 'facility_id', 'produced_at', 'produced_at_offset', 'expires_at', 'short_code', 'created_event_id', 'created_at'];
const LINE_COPY_COLUMNS = ['organization_id', 'event_id', 'lot_id', 'direction', 'quantity', 'unit', 'quantity_in_lot_unit'];

/** An event of a historical import: its row but its place in the chain, and its lines. */
export interface ChunkEvent {
  row: Omit<EventHashRow, 'organizationId' | 'seq'>;
  lines: EventHashLine[];
}

/**
 * Appends many events to an organization's hash chain in a few statements (docs/rules.md, "Tamper
 * evidence"): the chain head is locked once (after what the rows refer to, the API's lock order),
 * each event's seq, prev_hash and hash are computed here from the very body the audit verifies
 * (eventHashBody, chainHash: sha256(prev_hash || canonical body)), then the events, lots and lines
 * are written with COPY on the transaction's connection (in the background, while the next chunk is
 * checked), and the head is moved once at the end. Everything runs in the import's one transaction:
 * a killed worker leaves no event behind and the head where it was.
 */
export class ChainWriter {
  private seq = 0;
  private lastHash: string | null = null;
  private prevOfLast: string | null = null;
  private locked = false;
  private written = 0;
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(
    private readonly db: Db,
    private readonly organizationId: string,
  ) {}

  /**
   * Writes the events of a chunk and what they make: events first (lots point to them), then lots,
   * then lines, then `after` (the rows' natural keys). The statements run on the transaction's
   * connection while the caller reads and checks the next chunk (PostgreSQL on one core, this
   * process on the other): anything else the caller sends on that connection meanwhile waits for
   * settle() first; the next write, and finish, wait for them and throw what they failed with.
   */
  async write(events: ChunkEvent[], lots: NewLot[], after?: () => Promise<void>): Promise<void> {
    await this.settle();
    if (!events.length) return;
    await this.lockHead();
    const org = this.organizationId;
    // details serialised once: the same canonical text is hashed and stored (jsonb reads it alike).
    const eventRows: CopyValue[][] = new Array(events.length);
    const lineRows: CopyValue[][] = [];
    const eventOf = new Map<string, ChunkEvent['row']>();
    for (let i = 0; i < events.length; i++) {
      const { row, lines } = events[i];
      this.seq++;
      const full: EventHashRow = { ...row, organizationId: org, seq: String(this.seq) };
      const details = canonicalJson(row.details);
      const prev = this.lastHash;
      const hash = chainHash(prev, { ...eventHashBody(full, lines), details: new CanonicalText(details) });
      this.prevOfLast = prev;
      this.lastHash = hash;
      eventRows[i] = [
        row.id, org, full.seq, row.type, row.epcisEventType, row.action, row.bizStep, row.disposition, row.eventTime.toISOString(), row.eventTimeOffset,
        row.recordTime.toISOString(), row.recordedBy, row.growingAreaId, row.facilityId, row.sourcePartnerId, row.destinationPartnerId,
        JSON.stringify(row.documents), details, row.voidsEventId, row.reason, prev, hash,
      ];
      for (const l of lines) {
        lineRows.push([org, row.id, l.lotId, l.direction, l.quantity, l.unit, l.quantityInLotUnit]);
        if (l.direction === 'output') eventOf.set(l.lotId, row);
      }
    }
    const lotRows = lots.map((l): CopyValue[] => {
      const made = eventOf.get(l.id)!;
      return [
        l.id, org, l.code, l.displayName, l.productId, l.kind, l.quantity, l.unit, l.status, l.growingAreaId, l.householdPartnerId, l.facilityId,
        l.producedAt.toISOString(), l.producedAtOffset, l.expiresAt, l.shortCode, made.id, made.recordTime.toISOString(),
      ];
    });
    const manager = this.db as EntityManager;
    // One statement after the other (a connection runs one at a time), while the caller goes on.
    const statements = async () => {
      await copyRows(manager, 'event', EVENT_COPY_COLUMNS, eventRows);
      await copyRows(manager, 'lot', LOT_COPY_COLUMNS, lotRows);
      await copyRows(manager, 'event_line', LINE_COPY_COLUMNS, lineRows);
      await after?.();
    };
    this.pending = statements().then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= error;
      },
    );
    this.written += events.length;
  }

  /** Waits for the statements of the last write; throws what one of them failed with. */
  async settle(): Promise<void> {
    await this.pending;
    if (this.failure) throw this.failure;
  }

  /** Moves the head to the last event written (nothing when none was). */
  async finish(): Promise<void> {
    await this.settle();
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

