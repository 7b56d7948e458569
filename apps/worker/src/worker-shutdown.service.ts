import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { LabelRenderProcessor } from './processors/label-render.processor.js';
import { MaintenanceProcessor } from './processors/maintenance.processor.js';

/** How long the job in hand may take to finish once the worker is asked to stop. */
export const JOB_FINISH_GRACE_MS = 5_000;

/**
 * Stops the queue workers without depending on Redis. BullMQ's graceful close waits for Redis to
 * answer, for ever while it is down; here the workers stop taking jobs, the label job in hand gets
 * JOB_FINISH_GRACE_MS to finish, and the workers are then closed without a round trip. A render still
 * going is left as a crashed worker's would be: its queue lock lapses and another worker takes the
 * job over; its partial file is swept.
 */
@Injectable()
export class WorkerShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerShutdown.name);

  constructor(
    private readonly labels: LabelRenderProcessor,
    private readonly maintenance: MaintenanceProcessor,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    const workers = [this.labels.worker, this.maintenance.worker];
    // Local only: stops fetching jobs without waiting for the active ones or for Redis.
    await Promise.all(workers.map((worker) => worker.pause(true).catch(() => undefined)));
    const finished = await Promise.race([this.labels.idle().then(() => true), delay(JOB_FINISH_GRACE_MS, false, { ref: false })]);
    if (!finished) this.logger.warn(`A label job is still rendering after ${JOB_FINISH_GRACE_MS / 1000} s; leaving it to another worker`);
    await Promise.all(workers.map((worker) => worker.close(true).catch((error: Error) => this.logger.warn(`Closing a queue worker: ${error.message}`))));
  }
}
