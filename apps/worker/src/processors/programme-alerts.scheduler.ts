import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JOB_OPTIONS, JobName, QueueProducer } from '@app/queue';
import { todayInVietnam } from '@app/traceability';

/** 06:00 in Vietnam, before an office opens. */
export const PROGRAMME_ALERTS_CRON = '0 6 * * *';

/**
 * The programme offices' daily alerts: a BullMQ job scheduler (kept in Redis, so one run per day
 * whatever the number of workers) at 06:00 Asia/Ho_Chi_Minh, and one run for today when a worker
 * starts, under a job id of the day so that two workers starting together compute it once.
 */
@Injectable()
export class ProgrammeAlertsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProgrammeAlertsScheduler.name);

  constructor(private readonly producer: QueueProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    const { attempts, backoff, removeOnComplete, removeOnFail } = JOB_OPTIONS[JobName.ProgrammeAlerts];
    const queue = this.producer.queue(JobName.ProgrammeAlerts);
    try {
      await queue.upsertJobScheduler(
        JobName.ProgrammeAlerts,
        { pattern: PROGRAMME_ALERTS_CRON, tz: 'Asia/Ho_Chi_Minh' },
        { name: JobName.ProgrammeAlerts, data: {}, opts: { attempts, backoff, removeOnComplete, removeOnFail } },
      );
      const day = todayInVietnam();
      await this.producer.add(JobName.ProgrammeAlerts, day, { day });
    } catch (error) {
      this.logger.error(`Could not schedule the programme alerts: ${(error as Error).message}`);
    }
  }
}
