import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LabelLanguage } from '@app/labels';
import type { LabelJobSnapshot } from './label-snapshot.js';

export const LABEL_JOB_STATUSES = ['queued', 'rendering', 'done', 'failed'] as const;
export type LabelJobStatus = (typeof LABEL_JOB_STATUSES)[number];

/**
 * A request to print `count` labels of one lot on one template (docs/domain.md#words, docs/public-contract.md#labels). The row is the
 * source of truth; the BullMQ job that renders it is only transport. Bigints (serials, file size)
 * are strings, as node-postgres returns them.
 */
@Entity('label_job')
export class LabelJob {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  @Column('uuid') lotId: string;
  @Column('text') templateId: string;
  @Column('int') count: number;
  @Column('boolean') serialized: boolean;
  @Column('int') startPosition: number;
  @Column('double precision', { name: 'offset_x_mm' }) offsetXMm: number;
  @Column('double precision', { name: 'offset_y_mm' }) offsetYMm: number;
  @Column('boolean') outline: boolean;
  @Column('text') language: LabelLanguage;
  @Column('jsonb') snapshot: LabelJobSnapshot;
  @Column('text') status: LabelJobStatus;
  /** Labels rendered so far. */
  @Column('int') progress: number;
  @Column('int', { nullable: true }) pages: number | null;
  @Column('text', { nullable: true }) errorCode: string | null;
  @Column('text', { nullable: true }) errorMessage: string | null;
  @Column('bigint', { nullable: true }) serialFirst: string | null;
  @Column('bigint', { nullable: true }) serialLast: string | null;
  @Column('text', { nullable: true }) fileKey: string | null;
  @Column('bigint', { nullable: true }) fileSize: string | null;
  @Column('char', { length: 64, nullable: true, name: 'file_sha256' }) fileSha256: string | null;
  /** Render attempts started, whatever ended them (errors, crashes, lost queue jobs). */
  @Column('int') attempts: number;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @Column('uuid', { nullable: true }) createdByApiKeyId: string | null;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
  @Column('timestamptz', { nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { nullable: true }) finishedAt: Date | null;
  @Column('timestamptz', { nullable: true }) heartbeatAt: Date | null;
}
