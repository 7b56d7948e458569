import type { JobsOptions } from 'bullmq';

/** Every queue and job name in one place. */
export enum QueueName {
  Labels = 'labels',
  Maintenance = 'maintenance',
  Imports = 'imports',
  Epcis = 'epcis',
  LotJobs = 'lot-jobs',
}

export enum JobName {
  HealthCheck = 'health-check',
  RenderLabels = 'render-labels',
  RequeueStuckJobs = 'requeue-stuck-jobs',
  CommitImport = 'commit-import',
  ProgrammeAlerts = 'programme-alerts',
  RenderPoster = 'render-poster',
  RenderProgrammeReport = 'render-programme-report',
  CaptureEpcis = 'capture-epcis',
  VerifyAudit = 'verify-audit',
  RecallLots = 'recall-lots',
  RefreshProgrammeRollups = 'refresh-programme-rollups',
}

export interface HealthCheckPayload {
  requestedAt: string;
}

export interface RenderLabelsPayload {
  organizationId: string;
  labelJobId: string;
}

/** Commits an uploaded spreadsheet; the requester's role is checked again by the services. */
export interface CommitImportPayload {
  organizationId: string;
  importId: string;
  userId: string | null;
  role: string;
}

/** Computes the programme offices' alerts of a local day (YYYY-MM-DD; today in Vietnam when absent). */
export interface ProgrammeAlertsPayload {
  day?: string;
}

/**
 * Refreshes the province dashboard's rollups: the current month and the months changed since the last
 * refresh; `months` (YYYY-MM) are rebuilt as well, `all` rebuilds every month.
 */
export interface RefreshProgrammeRollupsPayload {
  months?: string[];
  all?: boolean;
}

/** Renders a producer's QR poster (issue 20) into the poster storage under `posterId`. */
export interface RenderPosterPayload {
  organizationId: string;
  posterId: string;
  size: 'a4' | 'a5';
  lang: 'vi' | 'en';
}

/** Renders a programme office's monthly report (XLSX and PDF). */
export interface RenderProgrammeReportPayload {
  officeId: string;
  reportId: string;
}

/** Records a captured EPCISDocument; the capture row holds the document, the state and the errors. */
export interface CaptureEpcisPayload {
  organizationId: string;
  captureId: string;
}

/** Recomputes an organization's hash chain; the job's progress and return value are its state. */
export interface VerifyAuditPayload {
  organizationId: string;
  requestedAt: string;
}

/** A recall reaching many lots, asked for by this user or API key (the role was checked when asked). */
export interface RecallLotsPayload {
  organizationId: string;
  userId: string | null;
  apiKeyId: string | null;
  lotId: string;
  reason: string;
  requestedAt: string;
}

export interface JobPayloads {
  [JobName.HealthCheck]: HealthCheckPayload;
  [JobName.RenderLabels]: RenderLabelsPayload;
  [JobName.RequeueStuckJobs]: Record<string, never>;
  [JobName.CommitImport]: CommitImportPayload;
  [JobName.ProgrammeAlerts]: ProgrammeAlertsPayload;
  [JobName.RenderPoster]: RenderPosterPayload;
  [JobName.RenderProgrammeReport]: RenderProgrammeReportPayload;
  [JobName.CaptureEpcis]: CaptureEpcisPayload;
  [JobName.VerifyAudit]: VerifyAuditPayload;
  [JobName.RecallLots]: RecallLotsPayload;
  [JobName.RefreshProgrammeRollups]: RefreshProgrammeRollupsPayload;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.HealthCheck]: QueueName.Maintenance,
  [JobName.RenderLabels]: QueueName.Labels,
  [JobName.RequeueStuckJobs]: QueueName.Maintenance,
  [JobName.CommitImport]: QueueName.Imports,
  [JobName.ProgrammeAlerts]: QueueName.Maintenance,
  [JobName.RenderPoster]: QueueName.Labels,
  [JobName.RenderProgrammeReport]: QueueName.Maintenance,
  [JobName.CaptureEpcis]: QueueName.Epcis,
  [JobName.VerifyAudit]: QueueName.LotJobs,
  [JobName.RecallLots]: QueueName.LotJobs,
  [JobName.RefreshProgrammeRollups]: QueueName.Maintenance,
};

/** Job options table: retries and retention per job. */
export const JOB_OPTIONS: Record<JobName, JobsOptions> = {
  [JobName.HealthCheck]: { attempts: 1, removeOnComplete: { age: 300 }, removeOnFail: { age: 300 } },
  [JobName.RenderLabels]: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 86_400, count: 1000 },
    removeOnFail: { age: 7 * 86_400 },
  },
  [JobName.RequeueStuckJobs]: { attempts: 1, removeOnComplete: true, removeOnFail: { age: 3600 } },
  // A retried commit resumes where the last one stopped (rows already written are found by their keys).
  [JobName.CommitImport]: { attempts: 3, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
  // A failed day is computed again by the next attempt; what was stored stays (one row per subject).
  [JobName.ProgrammeAlerts]: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 }, removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 30 * 86_400 } },
  // A poster is one page: retried a few times; asking again with the same content re-adds it once the old job is gone.
  [JobName.RenderPoster]: { attempts: 3, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { age: 3600 }, removeOnFail: { age: 3600 } },
  [JobName.RenderProgrammeReport]: { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
  // Read-only and re-runnable: its answer is kept a day for the client to read.
  [JobName.VerifyAudit]: { attempts: 2, backoff: { type: 'fixed', delay: 2000 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 86_400 } },
  // One transaction: a failed attempt recorded nothing; a retry after a commit finds the lot recalled (LOT_ALREADY_RECALLED).
  [JobName.RecallLots]: { attempts: 1, removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 7 * 86_400 } },
  // One transaction: a failed refresh changed nothing, and the next one (ten minutes later) does it all again.
  [JobName.RefreshProgrammeRollups]: { attempts: 2, backoff: { type: 'fixed', delay: 30_000 }, removeOnComplete: { age: 3600, count: 50 }, removeOnFail: { age: 7 * 86_400 } },
  // A retried capture starts again from the document (rollback: nothing was kept; proceed: captured eventIDs are skipped).
  [JobName.CaptureEpcis]: { attempts: 3, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
};

/** Deterministic job ids make adds idempotent. BullMQ forbids ':' in custom ids. */
export function jobId(name: JobName, key: string): string {
  return `${name}.${key}`.replace(/:/g, '-');
}
