import { hostname } from 'node:os';
import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';

/**
 * This worker process's name, given to its queue workers: BullMQ records it on each job it takes
 * (`processedBy`), so an operator (and test/scale) can tell which of several workers ran a job.
 */
export const WORKER_NAME = `${hostname()}:${process.pid}`;

/** A queue processor that knows which jobs it has in hand, so that a shutdown can wait for them. */
export abstract class TrackedWorkerHost extends WorkerHost {
  private readonly inHand = new Set<Promise<unknown>>();

  process(job: Job): Promise<unknown> {
    const work = this.handle(job);
    this.inHand.add(work);
    const done = () => void this.inHand.delete(work);
    work.then(done, done);
    return work;
  }

  /** Resolves when no job is in hand. */
  async idle(): Promise<void> {
    while (this.inHand.size) await Promise.allSettled([...this.inHand]);
  }

  protected abstract handle(job: Job): Promise<unknown>;
}
