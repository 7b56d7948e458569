import { describe, expect, it } from '@jest/globals';
import { InFlightBatches } from './in-flight-batches.js';

interface Item {
  n: number;
  reject(error: unknown): void;
}

describe('InFlightBatches', () => {
  const item = (n: number, rejected: unknown[] = []): Item => ({ n, reject: (error) => rejected.push([n, error]) });

  it('sends the first item alone and what arrives meanwhile together, per key, at most maxBatch at a time', async () => {
    const sent: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batches = new InFlightBatches<string, Item>(async (key, batch) => {
      sent.push(`${key}:${batch.map((i) => i.n).join(',')}`);
      if (batch[0].n === 1) await gate;
    }, 3);
    batches.add('a', item(1));
    for (const n of [2, 3, 4, 5]) batches.add('a', item(n));
    batches.add('b', item(9));
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toEqual(['a:1', 'b:9', 'a:2,3,4', 'a:5']);
  });

  it('rejects the batch and everything queued behind it if flush throws, then starts afresh', async () => {
    const rejected: unknown[] = [];
    const boom = new Error('boom');
    let calls = 0;
    const batches = new InFlightBatches<string, Item>(async () => {
      calls++;
      await Promise.resolve();
      if (calls === 1) throw boom;
    });
    batches.add('a', item(1, rejected));
    batches.add('a', item(2, rejected));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(rejected).toEqual([
      [1, boom],
      [2, boom],
    ]);
    batches.add('a', item(3, rejected));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toBe(2);
    expect(rejected).toHaveLength(2);
  });
});
