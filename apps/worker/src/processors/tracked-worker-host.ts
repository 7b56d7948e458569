import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';

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
