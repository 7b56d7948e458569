import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JobName, QueueProducer } from '@app/queue';
import type { Caller } from '../accounts/caller.js';
import { InvalidFieldException, notFound } from '../common/domain.exception.js';
import { LotsRepository } from './lots.repository.js';
import type { RecallInput, RecallResponse } from './operations/recall.operation.js';
import { TraceRepository } from './trace.repository.js';

/** A recall whose lot has more descendants than this (in its organization) runs as a worker job. */
export const RECALL_SYNC_LIMIT = 2_000;

/** A recall run by the worker (docs/public-contract.md#long-work-as-jobs). */
export interface RecallJobView {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  lotId: string;
  /** Lots marked so far (every organization), and how many this organization's genealogy reached when asked. */
  lotsMarked: number;
  lotsReachable: number;
  /** 0–100 (estimated from this organization's reach until done). */
  progress: number;
  /** The recall's answer, when done: what POST /api/v1/recalls answers. */
  result: RecallResponse | null;
  errorCode: string | null;
  errorMessage: string | null;
  requestedAt: string;
}

/**
 * Recalls that reach many lots, as worker jobs. The job lives in the queue (kept a week); what it
 * did is in the journal as the recall event.
 */
@Injectable()
export class RecallJobsService {
  constructor(
    private readonly lots: LotsRepository,
    private readonly trace: TraceRepository,
    private readonly producer: QueueProducer,
  ) {}

  /** How many lots of this organization a recall of `lotId` would reach (the lot included); 404 for another tenant's lot. */
  async reach(caller: Pick<Caller, 'organizationId'>, lotId: string): Promise<number> {
    const [lot] = await this.lots.findLotsByIds(caller.organizationId, [lotId]);
    if (!lot) throw notFound('Lot', lotId, 'lotId');
    return (await this.trace.reachableLotIds(caller.organizationId, lotId, 'forward')).length;
  }

  async queue(caller: Pick<Caller, 'organizationId' | 'userId' | 'apiKeyId'>, input: RecallInput, reachable?: number): Promise<RecallJobView> {
    const reason = input.reason?.trim();
    if (!reason) throw new InvalidFieldException('RECALL_REASON_REQUIRED', 'reason', 'a reason is required');
    const lotsReachable = reachable ?? (await this.reach(caller, input.lotId));
    const id = randomUUID();
    const requestedAt = new Date().toISOString();
    await this.producer.add(JobName.RecallLots, id, { organizationId: caller.organizationId, userId: caller.userId, apiKeyId: caller.apiKeyId, lotId: input.lotId, reason, requestedAt });
    await this.producer.getJob(JobName.RecallLots, id).then((job) => job?.updateProgress({ lotsMarked: 0, lotsReachable }));
    return { id, status: 'queued', lotId: input.lotId, lotsMarked: 0, lotsReachable, progress: 0, result: null, errorCode: null, errorMessage: null, requestedAt };
  }

  async get(caller: Pick<Caller, 'organizationId'>, id: string): Promise<RecallJobView> {
    let job = await this.producer.getJob(JobName.RecallLots, id);
    if (!job || job.data?.organizationId !== caller.organizationId) throw notFound('Recall job', id);
    const state = await job.getState();
    // The job was read before its state: one that ended in between is read again, for its outcome.
    if ((state === 'completed' && job.returnvalue == null) || (state === 'failed' && !job.failedReason)) job = (await this.producer.getJob(JobName.RecallLots, id)) ?? job;
    const progress = (typeof job.progress === 'object' && job.progress ? job.progress : {}) as { lotsMarked?: number; lotsReachable?: number };
    const result = state === 'completed' ? ((job.returnvalue as RecallResponse) ?? null) : null;
    const reachable = progress.lotsReachable ?? 0;
    const marked = progress.lotsMarked ?? 0;
    // A failed recall stores its coded error as the failure reason: "CODE: message".
    const failure = state === 'failed' ? /^([A-Z_]+): ([\s\S]*)$/.exec(job.failedReason ?? '') : null;
    return {
      id,
      status: state === 'completed' ? 'done' : state === 'failed' ? 'failed' : state === 'active' ? 'running' : 'queued',
      lotId: job.data.lotId,
      lotsMarked: result ? marked || result.lots.length : marked,
      lotsReachable: reachable,
      progress: result ? 100 : reachable ? Math.min(99, Math.floor((marked * 100) / reachable)) : 0,
      result,
      errorCode: state === 'failed' ? (failure?.[1] ?? 'INTERNAL_ERROR') : null,
      errorMessage: state === 'failed' ? (failure?.[2] ?? job.failedReason ?? null) : null,
      requestedAt: job.data.requestedAt,
    };
  }
}
