import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FieldPosition } from '../../common/field-position.js';

export const INPUT_KINDS = ['fertiliser', 'pesticide', 'other'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** Fertiliser or pesticide applied to a growing area (nhật ký canh tác). Append-only: corrected by voiding. */
@Entity('input_application')
export class InputApplication {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  @Column('uuid') growingAreaId: string;
  @Column('date') appliedAt: string;
  @Column('text') kind: InputKind;
  @Column('text') productName: string;
  @Column('text', { nullable: true }) activeIngredient: string | null;
  @Column('numeric', { precision: 14, scale: 4, nullable: true }) dose: string | null;
  @Column('text', { nullable: true }) doseUnit: string | null;
  /** Pre-harvest interval (thời gian cách ly): no harvest before appliedAt + phiDays. */
  @Column('int') phiDays: number;
  @Column('uuid', { nullable: true }) recordedBy: string | null;
  /** Where the phone was when it was written in the field; staff only, never public. */
  @Column('jsonb', { nullable: true }) position: Required<FieldPosition> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) voidedAt: Date | null;
  @Column('uuid', { nullable: true }) voidedBy: string | null;
  @Column('text', { nullable: true }) voidReason: string | null;
}
