import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, QueueName, type VerifyAuditPayload } from '@app/queue';
import { AuditService } from '@app/traceability';
import { TrackedWorkerHost } from './tracked-worker-host.js';

/** Verifies an organization's hash chain (JobName.VerifyAudit); progress after every page, the verification as the return value. */
@Processor(QueueName.Audit, { concurrency: 1, lockDuration: 60_000 })
export class AuditVerifyProcessor extends TrackedWorkerHost {
  private readonly logger = new Logger(AuditVerifyProcessor.name);

  constructor(private readonly audit: AuditService) {
    super();
  }

  protected async handle(job: Job<VerifyAuditPayload>): Promise<unknown> {
    if (job.name !== JobName.VerifyAudit) {
      this.logger.warn(`Unknown audit job ${job.name}`);
      return undefined;
    }
    return this.audit.verify({ organizationId: job.data.organizationId }, undefined, async (checked, total) => {
      await job.updateProgress({ checked, total }).catch(() => undefined);
    });
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`Queue worker: ${error.message}`);
  }
}
