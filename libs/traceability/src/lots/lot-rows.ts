import type { Columns } from '../common/row-columns.js';
import type { Unit } from '../common/units.js';

/**
 * The rows of the lot tables, declared once (read and written with SQL by the repositories; no
 * TypeORM entity). Each interface has a column map beside it that a test checks against the
 * migrated schema (test/lots/row-types.e2e-spec.ts), so a renamed or dropped column fails there.
 */

export const LOT_KINDS = ['harvest', 'processed', 'packed', 'split', 'received'] as const;
export type LotKind = (typeof LOT_KINDS)[number];

export const LOT_STATUSES = ['active', 'recalled', 'voided'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/**
 * A quantity of one product with one history (docs/domain.md). `consumed` is the running total given
 * out (transform, split, ship) in the lot's own unit; it only changes under a row lock and a CHECK
 * keeps it ≤ quantity, so mass balance holds under concurrency (docs/rules.md, “Mass balance”). Quantities
 * are decimal strings.
 */
export interface LotRow {
  id: string;
  organizationId: string;
  code: string;
  displayName: string | null;
  productId: string;
  kind: LotKind;
  quantity: string;
  unit: Unit;
  consumed: string;
  status: LotStatus;
  growingAreaId: string | null;
  householdPartnerId: string | null;
  facilityId: string | null;
  producedAt: Date;
  producedAtOffset: string;
  /** 'YYYY-MM-DD' (read as text). */
  expiresAt: string | null;
  shortCode: string;
  createdEventId: string | null;
  recalledAt: Date | null;
  recallReason: string | null;
  createdAt: Date;
}

/** Genealogy edge: `quantity` of the parent lot (in the parent's unit) went into the child by `eventId`. */
export interface LotLinkRow {
  organizationId: string;
  parentLotId: string;
  childLotId: string;
  eventId: string;
  /** The type of the event that made the edge (transform or split), so a trace need not read the event. */
  eventType: string;
  quantity: string;
  unit: string;
}

export const SHIPMENT_STATUSES = ['in_transit', 'received', 'cancelled'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Custody passing to a partner; when the partner is on the platform, its organization receives it (docs/rules.md, “Tenants are isolated”: goods pass between organizations only through an accepted shipment). */
export interface ShipmentRow {
  id: string;
  organizationId: string;
  lotId: string;
  eventId: string;
  partnerId: string;
  receiverOrganizationId: string | null;
  quantity: string;
  unit: Unit;
  shippedAt: Date;
  documents: { type: string; number: string }[];
  status: ShipmentStatus;
  receivedLotId: string | null;
  receivedEventId: string | null;
  receivedAt: Date | null;
  createdAt: Date;
}

export const LOT_ROW_COLUMNS: Columns<LotRow> = {
  id: true, organizationId: true, code: true, displayName: true, productId: true, kind: true, quantity: true, unit: true, consumed: true, status: true,
  growingAreaId: true, householdPartnerId: true, facilityId: true, producedAt: true, producedAtOffset: true, expiresAt: true, shortCode: true,
  createdEventId: true, recalledAt: true, recallReason: true, createdAt: true,
};
export const LOT_LINK_ROW_COLUMNS: Columns<LotLinkRow> = { organizationId: true, parentLotId: true, childLotId: true, eventId: true, eventType: true, quantity: true, unit: true };
export const SHIPMENT_ROW_COLUMNS: Columns<ShipmentRow> = {
  id: true, organizationId: true, lotId: true, eventId: true, partnerId: true, receiverOrganizationId: true, quantity: true, unit: true, shippedAt: true,
  documents: true, status: true, receivedLotId: true, receivedEventId: true, receivedAt: true, createdAt: true,
};
