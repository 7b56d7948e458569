import { canonicalJson, chainHash } from '../common/hash-chain.js';
import { canonicalQuantity } from './quantity.js';
import type { EventDocument, EventType, LineDirection } from './event-rows.js';

/** The columns of an event row that the chain covers, as written and as read back. */
export interface EventHashRow {
  id: string;
  organizationId: string;
  seq: string | number;
  type: EventType;
  epcisEventType: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  eventTime: Date;
  eventTimeOffset: string;
  recordTime: Date;
  recordedBy: string | null;
  growingAreaId: string | null;
  facilityId: string | null;
  sourcePartnerId: string | null;
  destinationPartnerId: string | null;
  documents: EventDocument[];
  details: Record<string, unknown>;
  voidsEventId: string | null;
  reason: string | null;
}

export interface EventHashLine {
  lotId: string;
  direction: LineDirection;
  quantity: string;
  unit: string;
  quantityInLotUnit: string;
}

const lineKey = (line: EventHashLine) =>
  `${line.direction}\u0000${line.lotId}\u0000${line.quantity}\u0000${line.unit}\u0000${line.quantityInLotUnit}`;

/**
 * The canonical body of an event and its lines (docs/rules.md, “Tamper evidence”): what `hash = sha256(prev_hash ||
 * canonical_json(body))` covers. Built the same way when the event is written and when the chain is
 * verified from the rows, so: quantities in canonical decimal text (the database pads numeric to its
 * scale), times as ISO instants (millisecond precision, as written), seq as text (bigint), and lines
 * in a fixed order whatever order the database returns them in.
 */
export function eventHashBody(row: EventHashRow, lines: EventHashLine[]): Record<string, unknown> {
  const canonicalLines = lines
    .map((line) => ({
      lotId: line.lotId,
      direction: line.direction,
      quantity: canonicalQuantity(line.quantity),
      unit: line.unit,
      quantityInLotUnit: canonicalQuantity(line.quantityInLotUnit),
    }))
    .sort((a, b) => (lineKey(a) < lineKey(b) ? -1 : lineKey(a) > lineKey(b) ? 1 : 0));
  return {
    v: 1,
    id: row.id,
    organizationId: row.organizationId,
    seq: String(row.seq),
    type: row.type,
    epcisEventType: row.epcisEventType,
    action: row.action,
    bizStep: row.bizStep,
    disposition: row.disposition,
    eventTime: row.eventTime.toISOString(),
    eventTimeOffset: row.eventTimeOffset,
    recordTime: row.recordTime.toISOString(),
    recordedBy: row.recordedBy,
    growingAreaId: row.growingAreaId,
    facilityId: row.facilityId,
    sourcePartnerId: row.sourcePartnerId,
    destinationPartnerId: row.destinationPartnerId,
    documents: row.documents,
    details: row.details,
    voidsEventId: row.voidsEventId,
    reason: row.reason,
    lines: canonicalLines,
  };
}

export function eventHash(prevHash: string | null, row: EventHashRow, lines: EventHashLine[]): string {
  return chainHash(prevHash, eventHashBody(row, lines));
}

/** For debugging a broken link: the exact text that was hashed. */
export function eventHashText(row: EventHashRow, lines: EventHashLine[]): string {
  return canonicalJson(eventHashBody(row, lines));
}
