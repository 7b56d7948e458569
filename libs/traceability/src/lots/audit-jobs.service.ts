import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JobName, QueueProducer } from '@app/queue';
import type { Caller } from '../accounts/caller.js';
import { notFound } from '../common/domain.exception.js';
import { AuditService, type AuditVerification } from './audit.service.js';
import { EventsRepository } from './events.repository.js';

/** Chains up to this many events are verified while the request waits; longer ones by a worker job. */
export const AUDIT_VERIFY_SYNC_LIMIT = 50_000;

/** A chain verification run by the worker (docs/public-contract.md#long-work-as-jobs). */
export interface AuditVerifyJobView {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** Events checked so far, and the chain's length when the job started. */
  eventsChecked: number;
  eventsTotal: number | null;
  /** 0–100. */
  progress: number;
  /** The verification, when done. */
  result: AuditVerification | null;
  errorMessage: string | null;
  requestedAt: string;
}

/**
 * `/audit/verify` over a long chain as a worker job. The job lives in the queue (its progress and
 * return value are its state, kept a day): verifying is read-only and can always be asked again.
 */
@Injectable()
export class AuditJobsService {
  constructor(
    private readonly audit: AuditService,
    private readonly events: EventsRepository,
    private readonly producer: QueueProducer,
  ) {}

  /** The verification at once for a short chain, else the job that runs it. */
  async verifyOrQueue(caller: Pick<Caller, 'organizationId'>, syncLimit = AUDIT_VERIFY_SYNC_LIMIT): Promise<{ result: AuditVerification } | { job: AuditVerifyJobView }> {
    const head = await this.events.chainHead(caller.organizationId);
    if (!head || Number(head.lastSeq) <= syncLimit) return { result: await this.audit.verify(caller) };
    return { job: await this.queue(caller) };
  }

  async queue(caller: Pick<Caller, 'organizationId'>): Promise<AuditVerifyJobView> {
    const id = randomUUID();
    const requestedAt = new Date().toISOString();
    await this.producer.add(JobName.VerifyAudit, id, { organizationId: caller.organizationId, requestedAt });
    return { id, status: 'queued', eventsChecked: 0, eventsTotal: null, progress: 0, result: null, errorMessage: null, requestedAt };
  }

  async get(caller: Pick<Caller, 'organizationId'>, id: string): Promise<AuditVerifyJobView> {
    let job = await this.producer.getJob(JobName.VerifyAudit, id);
    if (!job || job.data?.organizationId !== caller.organizationId) throw notFound('Audit verification job', id);
    const state = await job.getState();
    // The job was read before its state: one that ended in between is read again, for its outcome.
    if ((state === 'completed' && job.returnvalue == null) || (state === 'failed' && !job.failedReason)) job = (await this.producer.getJob(JobName.VerifyAudit, id)) ?? job;
    const progress = (typeof job.progress === 'object' && job.progress ? job.progress : {}) as { checked?: number; total?: number };
    const result = state === 'completed' ? ((job.returnvalue as AuditVerification) ?? null) : null;
    const total = progress.total ?? null;
    const checked = result?.eventsChecked ?? progress.checked ?? 0;
    return {
      id,
      status: state === 'completed' ? 'done' : state === 'failed' ? 'failed' : state === 'active' ? 'running' : 'queued',
      eventsChecked: checked,
      eventsTotal: total,
      progress: result ? 100 : total ? Math.floor((checked * 100) / total) : 0,
      result,
      errorMessage: state === 'failed' ? (job.failedReason ?? null) : null,
      requestedAt: job.data.requestedAt,
    };
  }
}
