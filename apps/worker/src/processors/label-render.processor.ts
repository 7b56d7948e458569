import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { LabelException } from '@app/labels';
import { JobName, QueueName, type RenderLabelsPayload, type RenderPosterPayload } from '@app/queue';
import { DomainException, LabelJobRenderer, LabelStorageError, PostersService } from '@app/traceability';
import { TrackedWorkerHost, WORKER_NAME } from './tracked-worker-host.js';

/**
 * A killed worker's job is noticed when its lock expires: a short lock (renewed every half of it
 * while rendering, which yields between pages) brings a crashed render back within ~15 s.
 */
export const LABEL_WORKER_OPTIONS = {
  // Rendering is CPU-bound on one thread: more than one job at a time only slows each down.
  concurrency: 1,
  lockDuration: 10_000,
  stalledInterval: 5_000,
  // Beyond this the queue job fails; the re-enqueue sweep still brings it back from PostgreSQL.
  maxStalledCount: 2,
  name: WORKER_NAME,
};

/** Renders label jobs (JobName.RenderLabels, jobId `render-labels.<labelJobId>`) and the showcase's QR posters (JobName.RenderPoster). */
@Processor(QueueName.Labels, LABEL_WORKER_OPTIONS)
export class LabelRenderProcessor extends TrackedWorkerHost {
  private readonly logger = new Logger(LabelRenderProcessor.name);

  constructor(
    private readonly renderer: LabelJobRenderer,
    private readonly posters: PostersService,
  ) {
    super();
  }

  protected async handle(job: Job<RenderLabelsPayload>): Promise<unknown> {
    if (job.name === JobName.RenderPoster) return this.poster(job as unknown as Job<RenderPosterPayload>);
    if (job.name !== JobName.RenderLabels) {
      this.logger.warn(`Unknown labels job ${job.name}`);
      return undefined;
    }
    try {
      return await this.renderer.render(job.data, async (progress) => {
        // The row is the record of progress; the queue's copy is a courtesy that may be gone with Redis.
        await job.updateProgress({ ...progress }).catch(() => undefined);
      });
    } catch (error) {
      throw await this.recordFailure(job, error);
    }
  }

  /** A poster is one page: a broken rule (the producer left the catalogue) fails at once, anything else is retried. */
  private async poster(job: Job<RenderPosterPayload>): Promise<unknown> {
    try {
      return await this.posters.render(job.data);
    } catch (error) {
      if (error instanceof DomainException || error instanceof LabelException) throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }

  /** Writes what went wrong on the job row and answers what to throw to BullMQ (retry or not). */
  private async recordFailure(job: Job<RenderLabelsPayload>, error: unknown): Promise<Error> {
    const attempt = job.attemptsMade + 1;
    const attempts = job.opts.attempts ?? 1;
    const record = (work: Promise<void>) => work.catch((e) => this.logger.error(`Could not record the failure of label job ${job.data.labelJobId}: ${e}`));

    // A broken rule never succeeds on retry: fail the job with its code at once.
    if (error instanceof DomainException || error instanceof LabelException) {
      await record(this.renderer.fail(job.data, error.code, error.message));
      return new UnrecoverableError(`${error.code}: ${error.message}`);
    }
    // A full disk may get space back (files removed, a volume grown): retried with backoff while
    // attempts last. A read-only, missing or failing storage needs an operator: failed at once.
    if (error instanceof LabelStorageError) {
      this.logger.error(`Label job ${job.data.labelJobId} attempt ${attempt} of ${attempts}: ${error.message} (${(error.cause as Error | undefined)?.message ?? ''})`);
      if (error.code === 'STORAGE_FULL' && attempt < attempts) {
        await record(this.renderer.retrying(job.data, `${error.message}; trying again (attempt ${attempt} of ${attempts} failed)`, error.code));
        return error;
      }
      await record(this.renderer.fail(job.data, error.code, attempt > 1 ? `${error.message}; gave up after ${attempt} attempts` : error.message));
      return new UnrecoverableError(`${error.code}: ${error.message}`);
    }
    const message = (error as Error)?.message ?? String(error);
    this.logger.error(`Label job ${job.data.labelJobId} attempt ${attempt} failed: ${(error as Error)?.stack ?? message}`);
    await record(attempt >= attempts ? this.renderer.fail(job.data, 'LABEL_RENDER_FAILED', message) : this.renderer.retrying(job.data, message));
    return error instanceof Error ? error : new Error(message);
  }

  /** Connection trouble reported by the queue worker (it reconnects by itself): logged, never thrown. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`Queue worker: ${error.message}`);
  }
}
