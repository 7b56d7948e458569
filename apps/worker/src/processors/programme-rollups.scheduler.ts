import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JOB_OPTIONS, JobName, QueueProducer } from '@app/queue';
import { PROGRAMME_ROLLUPS_EVERY_MINUTES } from '@app/traceability';

/**
 * The province dashboard's rollups, refreshed every ten minutes by a BullMQ job scheduler (kept in
 * Redis, so one run per tick whatever the number of workers; the refresh itself holds an advisory
 * lock), and once when a worker starts. The first run after a deployment builds every month.
 */
@Injectable()
export class ProgrammeRollupsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProgrammeRollupsScheduler.name);

  constructor(private readonly producer: QueueProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    const { attempts, backoff, removeOnComplete, removeOnFail } = JOB_OPTIONS[JobName.RefreshProgrammeRollups];
    try {
      await this.producer
        .queue(JobName.RefreshProgrammeRollups)
        .upsertJobScheduler(
          JobName.RefreshProgrammeRollups,
          { every: PROGRAMME_ROLLUPS_EVERY_MINUTES * 60_000 },
          { name: JobName.RefreshProgrammeRollups, data: {}, opts: { attempts, backoff, removeOnComplete, removeOnFail } },
        );
      // And one now, so that a new deployment's dashboard is built without waiting for the first tick
      // (one job id per ten minutes: workers starting together run it once).
      const slot = Math.floor(Date.now() / (PROGRAMME_ROLLUPS_EVERY_MINUTES * 60_000));
      await this.producer.add(JobName.RefreshProgrammeRollups, `startup-${slot}`, {});
    } catch (error) {
      this.logger.error(`Could not schedule the programme rollups: ${(error as Error).message}`);
    }
  }
}
