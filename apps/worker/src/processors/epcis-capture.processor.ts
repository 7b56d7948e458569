import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, QueueName, type CaptureEpcisPayload } from '@app/queue';
import { CaptureRunner } from '@app/traceability';
import { TrackedWorkerHost } from './tracked-worker-host.js';

/**
 * Records captured EPCIS documents (JobName.CaptureEpcis). The capture row holds the document, the
 * state and the per-event errors; the queue's progress is a courtesy copy.
 */
@Processor(QueueName.Epcis, { concurrency: 1, lockDuration: 60_000, stalledInterval: 30_000, maxStalledCount: 2 })
export class EpcisCaptureProcessor extends TrackedWorkerHost {
  private readonly logger = new Logger(EpcisCaptureProcessor.name);

  constructor(private readonly runner: CaptureRunner) {
    super();
  }

  protected async handle(job: Job<CaptureEpcisPayload>): Promise<unknown> {
    if (job.name !== JobName.CaptureEpcis) {
      this.logger.warn(`Unknown epcis job ${job.name}`);
      return undefined;
    }
    const row = await this.runner.run(job.data, async (progress) => {
      await job.updateProgress({ ...progress }).catch(() => undefined);
    });
    return row ? { status: row.status, capturedCount: row.capturedCount, refusedCount: row.refusedCount } : null;
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`Queue worker: ${error.message}`);
  }
}
