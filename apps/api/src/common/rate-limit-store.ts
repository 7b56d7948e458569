import type { Cluster, Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result: Counted | null) => void;

/**
 * One fixed window per key, counted in Redis by one script (one round trip): INCR, and the window's
 * expiry set with the first request. The key is one address's bucket, so on a cluster each call
 * touches one slot.
 */
const WINDOW_SCRIPT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}`;

type WithWindow = { nguonRateWindow(key: string, windowMs: number, callback: (error: Error | null, result: [number, number]) => void): void };

/** Fixed windows in this process's memory: the fallback while Redis cannot be reached. */
class LocalWindows {
  private readonly windows = new LRUCache<string, { current: number; startedAt: number }>({ max: 50_000 });

  incr(key: string, windowMs: number): Counted {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.startedAt + windowMs <= now) {
      window = { current: 0, startedAt: now };
      this.windows.set(key, window);
    }
    window.current++;
    return { current: window.current, ttl: window.startedAt + windowMs - now };
  }
}

/**
 * The per-IP limits' counters (a store for @fastify/rate-limit) shared by every API process on every
 * host through Redis: an address gets the configured limit in all, whichever process answers it.
 * While Redis does not answer, each process counts in its own memory and allows its share of the
 * limit (`localShare`), as it does with no Redis at all; a request is never refused, nor held up,
 * because Redis is away (the client fails fast).
 */
export function sharedRateLimitStore(redis: Redis | Cluster, namespace: string, localShare: (max: number) => number) {
  if (!(redis as unknown as Partial<WithWindow>).nguonRateWindow) redis.defineCommand('nguonRateWindow', { numberOfKeys: 1, lua: WINDOW_SCRIPT });
  const counter = redis as unknown as WithWindow;
  const local = new LocalWindows();
  class SharedRateLimitStore {
    private readonly prefix: string;

    /** The plugin constructs its store with its settings; a route's own limit (child) adds its route to the prefix. */
    constructor(_settings?: unknown, prefix = namespace) {
      this.prefix = prefix;
    }

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      counter.nguonRateWindow(this.prefix + key, timeWindow, (error, result) => {
        if (error || !result) {
          const counted = local.incr(this.prefix + key, timeWindow);
          // Counted against this process's share: scaled so that the plugin's comparison with `max` holds.
          callback(null, { current: Math.ceil((counted.current * max) / localShare(max)), ttl: counted.ttl });
          return;
        }
        callback(null, { current: Number(result[0]), ttl: Number(result[1]) });
      });
    }

    child(routeOptions: { routeInfo: { method: string; url: string } }): SharedRateLimitStore {
      return new SharedRateLimitStore(undefined, `${this.prefix}${routeOptions.routeInfo.method}${routeOptions.routeInfo.url}-`);
    }
  }
  return SharedRateLimitStore;
}
