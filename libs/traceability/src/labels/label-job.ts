import type { LabelLanguage } from '@app/labels';
import type { Columns } from '../common/row-columns.js';
import type { LabelJobSnapshot } from './label-snapshot.js';

export const LABEL_JOB_STATUSES = ['queued', 'rendering', 'done', 'failed'] as const;
export type LabelJobStatus = (typeof LABEL_JOB_STATUSES)[number];

/**
 * A request to print `count` labels of one lot on one template (docs/domain.md#words, docs/public-contract.md#labels). The row is the
 * source of truth; the BullMQ job that renders it is only transport. Read and written with SQL
 * (LabelJobsRepository); bigints (serials, file size) are strings, as node-postgres returns them.
 */
export interface LabelJob {
  id: string;
  organizationId: string;
  lotId: string;
  templateId: string;
  count: number;
  serialized: boolean;
  startPosition: number;
  offsetXMm: number;
  offsetYMm: number;
  outline: boolean;
  language: LabelLanguage;
  snapshot: LabelJobSnapshot;
  status: LabelJobStatus;
  /** Labels rendered so far. */
  progress: number;
  pages: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  serialFirst: string | null;
  serialLast: string | null;
  fileKey: string | null;
  fileSize: string | null;
  fileSha256: string | null;
  /** Render attempts started, whatever ended them (errors, crashes, lost queue jobs). */
  attempts: number;
  createdBy: string | null;
  createdByApiKeyId: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
}

/** Every column of `label_job` (checked against the migrated schema by test/foundation/row-types.e2e-spec.ts). */
export const LABEL_JOB_COLUMNS: Columns<LabelJob> = {
  id: true, organizationId: true, lotId: true, templateId: true, count: true, serialized: true, startPosition: true, offsetXMm: true,
  offsetYMm: true, outline: true, language: true, snapshot: true, status: true, progress: true, pages: true, errorCode: true,
  errorMessage: true, serialFirst: true, serialLast: true, fileKey: true, fileSize: true, fileSha256: true, attempts: true,
  createdBy: true, createdByApiKeyId: true, createdAt: true, updatedAt: true, startedAt: true, finishedAt: true, heartbeatAt: true,
};
