import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, QueueName, type RecallLotsPayload, type VerifyAuditPayload } from '@app/queue';
import { AuditService, DomainException, RecallOperation } from '@app/traceability';
import { TrackedWorkerHost } from './tracked-worker-host.js';

/**
 * Long lot work moved out of requests (JobName.VerifyAudit, JobName.RecallLots): progress after every
 * page of the chain or level of the genealogy, the answer as the job's return value. A refused recall
 * fails its job with "CODE: message" (read back by RecallJobsService), and is not retried.
 */
@Processor(QueueName.LotJobs, { concurrency: 1, lockDuration: 60_000 })
export class LotJobsProcessor extends TrackedWorkerHost {
  private readonly logger = new Logger(LotJobsProcessor.name);

  constructor(
    private readonly audit: AuditService,
    private readonly recalls: RecallOperation,
  ) {
    super();
  }

  protected async handle(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.VerifyAudit: {
        const data = job.data as VerifyAuditPayload;
        return this.audit.verify({ organizationId: data.organizationId }, undefined, async (checked, total) => {
          await job.updateProgress({ checked, total }).catch(() => undefined);
        });
      }
      case JobName.RecallLots: {
        const data = job.data as RecallLotsPayload;
        const reachable = (job.progress as { lotsReachable?: number } | undefined)?.lotsReachable ?? 0;
        try {
          return await this.recalls.run({ organizationId: data.organizationId, userId: data.userId, apiKeyId: data.apiKeyId }, { lotId: data.lotId, reason: data.reason }, undefined, async (lotsMarked) => {
            await job.updateProgress({ lotsMarked, lotsReachable: reachable }).catch(() => undefined);
          });
        } catch (error) {
          if (error instanceof DomainException) throw new UnrecoverableError(`${error.code}: ${error.message}`);
          throw error;
        }
      }
      default:
        this.logger.warn(`Unknown lot job ${job.name}`);
        return undefined;
    }
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`Queue worker: ${error.message}`);
  }
}
