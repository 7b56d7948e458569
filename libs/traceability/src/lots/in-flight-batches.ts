/**
 * One batch in flight per key: the first item goes at once, and the items that arrive while it is
 * on its way wait and go together in the next batch (at most `maxBatch` of them). `flush` must settle
 * every item it is given; should it throw anyway, the batch and everything queued behind it are
 * rejected, so nobody waits for ever. Group commit of appends (AppendLanes) and merged lot-code
 * draws (LotsRepository) both work this way.
 */
export class InFlightBatches<K, I extends { reject(error: unknown): void }> {
  private readonly queues = new Map<K, I[]>();

  constructor(
    private readonly flush: (key: K, batch: I[]) => Promise<void>,
    private readonly maxBatch = Infinity,
  ) {}

  add(key: K, item: I): void {
    const queue = this.queues.get(key);
    if (queue) {
      queue.push(item);
      return;
    }
    this.queues.set(key, []);
    void this.drain(key, [item]);
  }

  private async drain(key: K, first: I[]): Promise<void> {
    let batch = first;
    try {
      while (batch.length) {
        await this.flush(key, batch);
        batch = this.queues.get(key)!.splice(0, this.maxBatch);
      }
    } catch (error) {
      for (const item of [...batch, ...this.queues.get(key)!]) item.reject(error);
    } finally {
      this.queues.delete(key);
    }
  }
}
