import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Unit } from '../common/units.js';

export const LOT_KINDS = ['harvest', 'processed', 'packed', 'split', 'received'] as const;
export type LotKind = (typeof LOT_KINDS)[number];

export const LOT_STATUSES = ['active', 'recalled', 'voided'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/**
 * A quantity of one product with one history (DESIGN §2). `consumed` is the running total given out
 * (transform, split, ship) in the lot's own unit; it only changes under a row lock and a CHECK keeps
 * it ≤ quantity, so mass balance holds under concurrency (rule 4). Quantities are decimal strings.
 */
@Entity('lot')
export class Lot {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  @Column('varchar', { length: 20 }) code: string;
  @Column('text', { nullable: true }) displayName: string | null;
  @Column('uuid') productId: string;
  @Column('text') kind: LotKind;
  @Column('numeric', { precision: 18, scale: 6 }) quantity: string;
  @Column('text') unit: Unit;
  @Column('numeric', { precision: 18, scale: 6 }) consumed: string;
  @Column('text') status: LotStatus;
  @Column('uuid', { nullable: true }) growingAreaId: string | null;
  @Column('uuid', { nullable: true }) householdPartnerId: string | null;
  @Column('uuid', { nullable: true }) facilityId: string | null;
  @Column('timestamptz') producedAt: Date;
  @Column('text') producedAtOffset: string;
  @Column('date', { nullable: true }) expiresAt: string | null;
  @Column('varchar', { length: 16 }) shortCode: string;
  @Column('uuid', { nullable: true }) createdEventId: string | null;
  @Column('timestamptz', { nullable: true }) recalledAt: Date | null;
  @Column('text', { nullable: true }) recallReason: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** Genealogy edge: `quantity` of the parent lot (in the parent's unit) went into the child by `eventId`. */
@Entity('lot_link')
export class LotLink {
  @Column('uuid') organizationId: string;
  @PrimaryColumn('uuid') parentLotId: string;
  @PrimaryColumn('uuid') childLotId: string;
  @PrimaryColumn('uuid') eventId: string;
  /** The type of the event that made the edge (transform or split), so a trace need not read the event. */
  @Column('text') eventType: string;
  @Column('numeric', { precision: 18, scale: 6 }) quantity: string;
  @Column('text') unit: string;
}

export const SHIPMENT_STATUSES = ['in_transit', 'received', 'cancelled'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Custody passing to a partner; when the partner is on the platform, its organization receives it (rule 8). */
@Entity('shipment')
export class Shipment {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  @Column('uuid') lotId: string;
  @Column('uuid') eventId: string;
  @Column('uuid') partnerId: string;
  @Column('uuid', { nullable: true }) receiverOrganizationId: string | null;
  @Column('numeric', { precision: 18, scale: 6 }) quantity: string;
  @Column('text') unit: string;
  @Column('timestamptz') shippedAt: Date;
  @Column('jsonb') documents: { type: string; number: string }[];
  @Column('text') status: ShipmentStatus;
  @Column('uuid', { nullable: true }) receivedLotId: string | null;
  @Column('uuid', { nullable: true }) receivedEventId: string | null;
  @Column('timestamptz', { nullable: true }) receivedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
