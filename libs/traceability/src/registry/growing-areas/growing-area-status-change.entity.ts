import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { GrowingAreaStatus } from './growing-area-status.js';

/** One row per status change, the creation included (from null): who, when and why. */
@Entity('growing_area_status_change')
export class GrowingAreaStatusChange {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  @Column('uuid') growingAreaId: string;
  @Column('text', { nullable: true }) fromStatus: GrowingAreaStatus | null;
  @Column('text') toStatus: GrowingAreaStatus;
  @Column('text') reason: string;
  /** The user; null when the change came through an API key. */
  @Column('uuid', { nullable: true }) changedBy: string | null;
  @Column('timestamptz') changedAt: Date;
  /** When the change took effect, if earlier than recorded; null: when recorded. */
  @Column('timestamptz', { nullable: true }) effectiveAt: Date | null;
  /** The paper behind the change (a decision number), if given. */
  @Column('text', { nullable: true }) evidenceReference: string | null;
}
