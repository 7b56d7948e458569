import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, QueueName, type HealthCheckPayload } from '@app/queue';
import { LabelJobRequeuer } from '@app/traceability';

/** Small jobs that keep the system healthy. The health check proves the worker path end to end. */
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(private readonly labelJobs: LabelJobRequeuer) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.HealthCheck: {
        const payload = job.data as HealthCheckPayload;
        return { status: 'ok', requestedAt: payload.requestedAt, processedAt: new Date().toISOString(), pid: process.pid };
      }
      case JobName.RequeueStuckJobs:
        return this.labelJobs.requeueStuck();
      default:
        this.logger.warn(`Unknown maintenance job ${job.name}`);
        return undefined;
    }
  }
}
