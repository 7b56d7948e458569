import { Column, Entity, PrimaryColumn } from 'typeorm';

export const EVENT_TYPES = ['harvest', 'transform', 'split', 'ship', 'receive', 'inspect', 'recall', 'void'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const LINE_DIRECTIONS = ['input', 'output', 'observed'] as const;
export type LineDirection = (typeof LINE_DIRECTIONS)[number];

export interface EventDocument {
  type: string;
  number: string;
}

/**
 * An immutable record of something that happened to lots, shaped like EPCIS 2.0 (DESIGN §5). Rows are
 * append-only (a trigger refuses UPDATE and DELETE) and hash-chained per organization (rule 2).
 * Named LotEvent to stay clear of the global DOM/Node `Event`.
 */
@Entity('event')
export class LotEvent {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  /** bigint: PostgreSQL returns it as a string. */
  @Column('bigint') seq: string;
  @Column('text') type: EventType;
  @Column('text') epcisEventType: string;
  @Column('text', { nullable: true }) action: string | null;
  @Column('text', { nullable: true }) bizStep: string | null;
  @Column('text', { nullable: true }) disposition: string | null;
  @Column('timestamptz') eventTime: Date;
  @Column('text') eventTimeOffset: string;
  @Column('timestamptz') recordTime: Date;
  @Column('uuid', { nullable: true }) recordedBy: string | null;
  @Column('uuid', { nullable: true }) growingAreaId: string | null;
  @Column('uuid', { nullable: true }) facilityId: string | null;
  @Column('uuid', { nullable: true }) sourcePartnerId: string | null;
  @Column('uuid', { nullable: true }) destinationPartnerId: string | null;
  @Column('jsonb') documents: EventDocument[];
  @Column('jsonb') details: Record<string, unknown>;
  @Column('uuid', { nullable: true }) voidsEventId: string | null;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text', { nullable: true }) prevHash: string | null;
  @Column('text') hash: string;
}

/** A quantity line of an event: which lot went in, came out or was observed, and how much. */
@Entity('event_line')
export class EventLine {
  @PrimaryColumn('bigint') id: string;
  @Column('uuid') organizationId: string;
  @Column('uuid') eventId: string;
  @Column('uuid') lotId: string;
  @Column('text') direction: LineDirection;
  @Column('numeric', { precision: 18, scale: 6 }) quantity: string;
  @Column('text') unit: string;
  @Column('numeric', { precision: 18, scale: 6 }) quantityInLotUnit: string;
}
