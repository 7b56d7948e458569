import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JOB_OPTIONS, JobName, QueueProducer } from '@app/queue';
import { ImportsService, LabelJobRequeuer } from '@app/traceability';

const SWEEP_EVERY_MS = 60_000;
/** The scheduler itself lives in Redis: put it back now and then in case Redis lost it. */
const RESCHEDULE_EVERY_MS = 5 * 60_000;

/**
 * docs/architecture.md#where-state-lives: jobs lost from Redis are recovered from PostgreSQL — once when a worker starts, then
 * every minute through a BullMQ job scheduler (one sweep per minute whatever the number of workers).
 */
@Injectable()
export class RequeueStuckJobsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RequeueStuckJobsScheduler.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly producer: QueueProducer,
    private readonly requeuer: LabelJobRequeuer,
    private readonly imports: ImportsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.requeuer.requeueStuck();
      await this.imports.requeueUnfinished();
    } catch (error) {
      this.logger.error(`Start-up re-enqueue sweep failed: ${(error as Error).message}`);
    }
    await this.schedule();
    this.timer = setInterval(() => void this.schedule(), RESCHEDULE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async schedule(): Promise<void> {
    const { attempts, removeOnComplete, removeOnFail } = JOB_OPTIONS[JobName.RequeueStuckJobs];
    try {
      await this.producer
        .queue(JobName.RequeueStuckJobs)
        .upsertJobScheduler(JobName.RequeueStuckJobs, { every: SWEEP_EVERY_MS }, { name: JobName.RequeueStuckJobs, data: {}, opts: { attempts, removeOnComplete, removeOnFail } });
    } catch (error) {
      this.logger.error(`Could not schedule the re-enqueue sweep: ${(error as Error).message}`);
    }
  }
}
