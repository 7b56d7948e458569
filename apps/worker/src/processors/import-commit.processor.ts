import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, QueueName, type CommitImportPayload } from '@app/queue';
import { ImportCommitter } from '@app/traceability';
import { TrackedWorkerHost } from './tracked-worker-host.js';

/**
 * Commits spreadsheet imports (JobName.CommitImport). The import row holds the progress; a commit
 * whose worker died is taken over when its lock lapses and resumes at the last saved row.
 */
@Processor(QueueName.Imports, { concurrency: 1, lockDuration: 30_000, stalledInterval: 15_000, maxStalledCount: 3 })
export class ImportCommitProcessor extends TrackedWorkerHost {
  private readonly logger = new Logger(ImportCommitProcessor.name);

  constructor(private readonly committer: ImportCommitter) {
    super();
  }

  protected async handle(job: Job<CommitImportPayload>): Promise<unknown> {
    if (job.name !== JobName.CommitImport) {
      this.logger.warn(`Unknown imports job ${job.name}`);
      return undefined;
    }
    return this.committer.commit(job.data, async (progress) => {
      // The row is the record of progress; the queue's copy is a courtesy.
      await job.updateProgress({ ...progress }).catch(() => undefined);
    });
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`Queue worker: ${error.message}`);
  }
}
