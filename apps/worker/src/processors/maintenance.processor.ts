import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, QueueName, type HealthCheckPayload } from '@app/queue';
import { CaptureService, ImportsService, LabelJobRequeuer } from '@app/traceability';
import { TrackedWorkerHost } from './tracked-worker-host.js';

/** Small jobs that keep the system healthy. The health check proves the worker path end to end. */
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends TrackedWorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly labelJobs: LabelJobRequeuer,
    private readonly imports: ImportsService,
    private readonly captures: CaptureService,
  ) {
    super();
  }

  protected async handle(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.HealthCheck: {
        const payload = job.data as HealthCheckPayload;
        return { status: 'ok', requestedAt: payload.requestedAt, processedAt: new Date().toISOString(), pid: process.pid };
      }
      case JobName.RequeueStuckJobs:
        return { labels: await this.labelJobs.requeueStuck(), imports: await this.imports.requeueUnfinished(), captures: await this.captures.requeueUnfinished() };
      default:
        this.logger.warn(`Unknown maintenance job ${job.name}`);
        return undefined;
    }
  }

  /** Connection trouble reported by the queue worker (it reconnects by itself): logged, never thrown. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`Queue worker: ${error.message}`);
  }
}
