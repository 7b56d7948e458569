import { describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { sharedRateLimitStore } from './rate-limit-store.js';

type Counted = { current: number; ttl: number };

/** A Redis whose script answers from a map, or fails (Redis away). */
function fakeRedis(down: () => boolean) {
  const counts = new Map<string, number>();
  const keys: string[] = [];
  const redis = {
    defineCommand: () => undefined,
    nguonRateWindow: (key: string, windowMs: number, callback: (error: Error | null, result: [number, number] | null) => void) => {
      if (down()) return callback(new Error('Stream isn\'t writeable and enableOfflineQueue options is false'), null);
      keys.push(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      callback(null, [counts.get(key)!, windowMs]);
    },
  };
  return { redis: redis as unknown as Redis, keys };
}

const incr = (store: { incr(key: string, cb: (e: Error | null, r: Counted | null) => void, windowMs: number, max: number): void }, key: string, max: number) =>
  new Promise<Counted>((resolve) => store.incr(key, (_e, result) => resolve(result!), 60_000, max));

describe('sharedRateLimitStore', () => {
  it('counts in Redis under its namespace, the plugin settings aside', async () => {
    const { redis, keys } = fakeRedis(() => false);
    const Store = sharedRateLimitStore(redis, 'nguon:rate:', (max) => max / 2);
    const store = new Store({ timeWindow: 60_000 });
    expect(await incr(store, 'public:10.0.0.1', 10)).toEqual({ current: 1, ttl: 60_000 });
    expect(await incr(store, 'public:10.0.0.1', 10)).toEqual({ current: 2, ttl: 60_000 });
    expect(keys).toEqual(['nguon:rate:public:10.0.0.1', 'nguon:rate:public:10.0.0.1']);
  });

  it("while Redis is away, allows this process's share of the limit, counted in memory", async () => {
    const { redis } = fakeRedis(() => true);
    const Store = sharedRateLimitStore(redis, 'nguon:rate:', (max) => Math.floor(max / 2));
    const store = new Store();
    const counts = [];
    for (let i = 0; i < 7; i++) counts.push((await incr(store, 'all:10.0.0.2', 10)).current);
    // The plugin refuses a request whose count is over the limit (10): five pass, the sixth does not.
    expect(counts.filter((current) => current <= 10)).toHaveLength(5);
  });
});
