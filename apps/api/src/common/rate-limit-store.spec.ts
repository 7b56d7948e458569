import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { sharedRateLimitStore } from './rate-limit-store.js';

type Counted = { current: number; ttl: number };

const incr = (store: { incr(key: string, cb: (e: Error | null, r: Counted | null) => void, windowMs: number, max: number): void }, key: string, max: number) =>
  new Promise<Counted>((resolve) => store.incr(key, (_e, result) => resolve(result!), 60_000, max));

/** A port nothing listens on. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

// Counting in Redis itself, by several processes at once: test/foundation/shared-rate-limit.e2e-spec.ts.
describe('sharedRateLimitStore', () => {
  it("while Redis is away, allows this process's share of the limit, counted in memory, with no wait", async () => {
    // As the API's client is set: no offline queue, so a command fails at once.
    const redis = new Redis({ host: '127.0.0.1', port: await closedPort(), lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      const Store = sharedRateLimitStore(redis, 'nguon:rate:', (max) => Math.floor(max / 2));
      const store = new Store();
      // Seven at once, then one more.
      const counts = (await Promise.all(Array.from({ length: 7 }, () => incr(store, 'all:10.0.0.2', 10)))).map((c) => c.current);
      counts.push((await incr(store, 'all:10.0.0.2', 10)).current);
      // The plugin refuses a request whose count is over the limit (10): five pass, the others do not.
      expect(counts.filter((current) => current <= 10)).toHaveLength(5);
      expect(counts).toHaveLength(8);
    } finally {
      redis.disconnect();
    }
  });
});
