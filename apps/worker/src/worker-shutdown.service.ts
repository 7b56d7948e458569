import { setTimeout as delay } from 'node:timers/promises';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { LabelRenderProcessor } from './processors/label-render.processor.js';
import { MaintenanceProcessor } from './processors/maintenance.processor.js';
import { ImportCommitProcessor } from './processors/import-commit.processor.js';
import { EpcisCaptureProcessor } from './processors/epcis-capture.processor.js';
import { LotJobsProcessor } from './processors/lot-jobs.processor.js';

/** How long the jobs in hand may take to finish once the worker is asked to stop. */
export const JOB_FINISH_GRACE_MS = 5_000;

/**
 * Stops the queue workers without a Redis round trip. BullMQ's graceful close waits for Redis to
 * answer (QUIT, its blocking connection), for ever while Redis is down. Here the workers stop taking
 * jobs (a local flag), the jobs in hand get JOB_FINISH_GRACE_MS to finish, and the workers are closed
 * without waiting for anything more. A render still going then is left as a crashed worker's would
 * be: its queue lock lapses, another worker takes the job over, and its partial file is swept.
 */
@Injectable()
export class WorkerShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerShutdown.name);

  constructor(
    private readonly labels: LabelRenderProcessor,
    private readonly maintenance: MaintenanceProcessor,
    private readonly imports: ImportCommitProcessor,
    private readonly epcis: EpcisCaptureProcessor,
    private readonly lotJobs: LotJobsProcessor,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    // Every queue worker of the process: one left out keeps the process alive while Redis is down.
    const hosts = [this.labels, this.maintenance, this.imports, this.epcis, this.lotJobs];
    await Promise.all(hosts.map((host) => host.worker.pause(true).catch(() => undefined)));
    const idle = Promise.all(hosts.map((host) => host.idle())).then(() => true);
    if (!(await Promise.race([idle, delay(JOB_FINISH_GRACE_MS, false, { ref: false })]))) {
      this.logger.warn(`A job is still in hand ${JOB_FINISH_GRACE_MS / 1000} s after the stop was asked; leaving it to another worker`);
    }
    await Promise.all(hosts.map((host) => host.worker.close(true).catch((error: Error) => this.logger.warn(`Closing a queue worker: ${error.message}`))));
  }
}
