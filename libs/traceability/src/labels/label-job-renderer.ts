import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { findTemplate, renderLabels, type RenderProgress } from '@app/labels';
import { JobName, QueueProducer, type RenderLabelsPayload } from '@app/queue';
import { DomainException } from '../common/domain.exception.js';
import { LabelJobsRepository } from './label-jobs.repository.js';
import { labelItems, labelJobView } from './label-snapshot.js';
import { LABEL_STORAGE, type LabelStorage } from './label-storage.js';

/** The row and the queue hear about progress at most this often (and at the end). */
const PROGRESS_INTERVAL_MS = 500;
/** A renderer that has not reported for this long is presumed dead. */
export const LABEL_RENDER_STALE_AFTER_MS = 60_000;
/** Attempts started (errors, crashes, lost queue jobs) before a job is given up as failed. */
export const LABEL_RENDER_MAX_ATTEMPTS = 10;
/** A partial file nobody has written to for this long is abandoned, whatever its job says. */
export const ABANDONED_WRITE_AFTER_MS = 10 * 60_000;

export type RenderOutcome =
  | { labelJobId: string; status: 'done'; pages: number; fileSize: number; sha256: string }
  | { labelJobId: string; status: 'skipped'; reason: string };

/**
 * Renders a label job in the worker (docs/rules.md#labels-are-frozen-and-unique): everything comes from the row — the snapshot and the
 * serial range allocated at creation — so a retry, a crash or a lost queue job renders the same labels.
 */
@Injectable()
export class LabelJobRenderer {
  constructor(
    private readonly repository: LabelJobsRepository,
    @Inject(LABEL_STORAGE) private readonly storage: LabelStorage,
  ) {}

  async render(payload: RenderLabelsPayload, onProgress?: (progress: RenderProgress) => Promise<void>): Promise<RenderOutcome> {
    const { organizationId, labelJobId } = payload;
    const job = await this.repository.find(organizationId, labelJobId);
    if (!job) return { labelJobId, status: 'skipped', reason: 'no such label job' };
    if (job.status === 'done' || job.status === 'failed') return { labelJobId, status: 'skipped', reason: `already ${job.status}` };
    if (!(await this.repository.markRendering(organizationId, labelJobId))) return { labelJobId, status: 'skipped', reason: 'finished meanwhile' };

    const template = findTemplate(job.templateId);
    if (!template) throw new DomainException('LABEL_TEMPLATE_UNKNOWN', `templateId: unknown label template ${job.templateId}`);

    // A key per attempt: an attempt that lost a race (a stalled job re-run) never overwrites the winner's file.
    const fileKey = labelFileKey(organizationId, labelJobId);
    const output = this.storage.createWriteStream(fileKey);
    let reportedAt = 0;
    const result = await renderLabels(
      {
        template,
        view: labelJobView(job.snapshot, job.language),
        labels: labelItems(job.snapshot, job),
        count: job.count,
        startPosition: job.startPosition,
        offsetXMm: job.offsetXMm,
        offsetYMm: job.offsetYMm,
        outline: job.outline,
      },
      output,
      async (progress) => {
        const now = Date.now();
        if (progress.labels < progress.total && now - reportedAt < PROGRESS_INTERVAL_MS) return;
        reportedAt = now;
        await this.repository.recordProgress(organizationId, labelJobId, progress.labels, progress.pages);
        await onProgress?.(progress);
      },
    );
    const stored = output.stored!;
    try {
      const won = await this.repository.markDone(organizationId, labelJobId, { pages: result.pages, fileKey, fileSize: stored.size, sha256: stored.sha256 });
      if (!won) {
        await this.storage.remove(fileKey);
        return { labelJobId, status: 'skipped', reason: 'another attempt finished first' };
      }
    } catch (error) {
      await this.storage.remove(fileKey).catch(() => undefined);
      throw error;
    }
    return { labelJobId, status: 'done', pages: result.pages, fileSize: stored.size, sha256: stored.sha256 };
  }

  /** A rule broken or the last attempt used: the job ends as failed with a code. */
  fail(payload: RenderLabelsPayload, code: string, message: string): Promise<void> {
    return this.repository.markFailed(payload.organizationId, payload.labelJobId, code, message);
  }

  /** A transient error: the job waits for BullMQ's next attempt; a code says why (shown on the row meanwhile). */
  retrying(payload: RenderLabelsPayload, message: string, code?: string): Promise<void> {
    return this.repository.markRetrying(payload.organizationId, payload.labelJobId, message, code ?? null);
  }
}

/** Where an attempt's PDF is stored: the job's folder, a name per attempt. */
export function labelFileKey(organizationId: string, labelJobId: string): string {
  return `label-jobs/${organizationId}/${labelJobId}/${randomUUID()}.pdf`;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LABEL_FILE_KEY = new RegExp(`^label-jobs/(${UUID})/(${UUID})/${UUID}\\.pdf$`);

export function parseLabelFileKey(key: string): { organizationId: string; labelJobId: string } | null {
  const match = LABEL_FILE_KEY.exec(key);
  return match ? { organizationId: match[1], labelJobId: match[2] } : null;
}

/** Queue states in which a render job is still on its way: nothing to re-enqueue. */
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * docs/architecture.md#where-state-lives: PostgreSQL is the source of truth, Redis is transport. A job row still `queued` (or
 * `rendering` with no heartbeat for a while) whose queue job is missing or finished is enqueued again.
 * Runs at worker start-up and periodically (JobName.RequeueStuckJobs).
 */
@Injectable()
export class LabelJobRequeuer {
  private readonly logger = new Logger(LabelJobRequeuer.name);

  constructor(
    private readonly repository: LabelJobsRepository,
    private readonly producer: QueueProducer,
  ) {}

  async requeueStuck(now = new Date()): Promise<{ requeued: number; gaveUp: number }> {
    let requeued = 0;
    let gaveUp = 0;
    const candidates = await this.repository.findUnfinished(new Date(now.getTime() - LABEL_RENDER_STALE_AFTER_MS), 1000);
    for (const row of candidates) {
      const existing = await this.producer.getJob(JobName.RenderLabels, row.id);
      const state = existing ? await existing.getState() : 'missing';
      if (LIVE_STATES.has(state)) continue;
      if (row.attempts >= LABEL_RENDER_MAX_ATTEMPTS) {
        await this.repository.markFailed(row.organizationId, row.id, 'LABEL_RENDER_GAVE_UP', `gave up after ${row.attempts} render attempts`);
        gaveUp++;
        continue;
      }
      // BullMQ ignores an add whose id exists, even a finished job's: remove the dead one first.
      if (existing) await existing.remove().catch(() => undefined);
      await this.producer.add(JobName.RenderLabels, row.id, { organizationId: row.organizationId, labelJobId: row.id });
      requeued++;
    }
    if (requeued || gaveUp) this.logger.warn(`Re-enqueued ${requeued} label job(s) from the database; gave up on ${gaveUp}`);
    return { requeued, gaveUp };
  }
}

/**
 * Partial PDFs left by renders that will never finish them (a worker killed mid-write, or a failure
 * whose clean-up could not run). Each worker sweeps its own storage when it starts and every minute.
 */
@Injectable()
export class LabelFileSweeper {
  private readonly logger = new Logger(LabelFileSweeper.name);

  constructor(
    private readonly repository: LabelJobsRepository,
    @Inject(LABEL_STORAGE) private readonly storage: LabelStorage,
  ) {}

  /**
   * Removes partial PDFs that no live render is writing: those untouched for ABANDONED_WRITE_AFTER_MS,
   * and those untouched for a minute whose job is not `rendering` with a recent heartbeat (a render
   * that failed, or a worker killed mid-write). A live render, in this or another worker, writes its
   * file and records its heartbeat far more often, so its partial file is never taken.
   */
  async sweep(now = new Date()): Promise<number> {
    const quietSince = new Date(now.getTime() - LABEL_RENDER_STALE_AFTER_MS);
    const removed = await this.storage.removeAbandonedWrites(async ({ key, modifiedAt }) => {
      if (modifiedAt.getTime() < now.getTime() - ABANDONED_WRITE_AFTER_MS) return true;
      if (modifiedAt >= quietSince) return false;
      const job = parseLabelFileKey(key);
      return job !== null && !(await this.repository.isRenderingLive(job.organizationId, job.labelJobId, quietSince));
    });
    if (removed) this.logger.warn(`Removed ${removed} abandoned partial label file(s)`);
    return removed;
  }
}
