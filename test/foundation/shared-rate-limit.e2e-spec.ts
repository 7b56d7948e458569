import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import request from 'supertest';
import { startTestApp, testConfig, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { sharedRateLimitStore } from '../../apps/api/src/common/rate-limit-store.js';

/**
 * The per-IP limit shared through Redis by two API processes (here two apps), as on a deployment with
 * several: counts that arrive at once are none lost, none counted twice, each for its own address.
 */
describe('the per-IP limit shared through Redis', () => {
  const prefix = `ratelimit${randomBytes(4).toString('hex')}`;
  const redis = new Redis(process.env.REDIS_URL!);
  const apps: TestApp[] = [];

  beforeAll(async () => {
    // Behind a proxy on loopback, as deployed: each request's address is the one it forwards.
    const config = testConfig({ RATE_LIMIT_SHARED: 'true', RATE_LIMIT_PER_MINUTE: '20', QUEUE_PREFIX: prefix, TRUST_PROXY: 'loopback' });
    apps.push(await startTestApp(createApiApp, config), await startTestApp(createApiApp, config));
  });
  afterAll(async () => {
    await Promise.all(apps.map((t) => t.close()));
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('lets exactly the limit through to an address that sends 25 at once to two processes, counts all 25 in one window, and leaves another address alone', async () => {
    const busy = '203.0.113.7';
    const quiet = '198.51.100.4';
    // Interleaved, so that both addresses' counts travel in the same batches.
    const sent = apps.flatMap((t) => Array.from({ length: 15 }, (_, i) => ({ t, from: i % 3 === 2 && t === apps[0] ? quiet : busy })));
    expect(sent.filter((s) => s.from === quiet)).toHaveLength(5);
    const responses = await Promise.all(sent.map(({ t, from }) => request(t.server).get('/health/live').set('X-Forwarded-For', from).then((r) => ({ from, r }))));
    const statuses = (from: string) => responses.filter((x) => x.from === from).map((x) => x.r.status);
    expect(statuses(busy).filter((s) => s === 200)).toHaveLength(20);
    expect(statuses(busy).filter((s) => s === 429)).toHaveLength(5);
    expect(statuses(quiet)).toEqual([200, 200, 200, 200, 200]);
    for (const { r } of responses.filter((x) => x.r.status === 429)) expect(r.body.code).toBe('RATE_LIMITED');
    expect(await redis.get(`${prefix}:rate:all:${busy}`)).toBe('25');
    expect(await redis.get(`${prefix}:rate:all:${quiet}`)).toBe('5');
    const ttl = await redis.pttl(`${prefix}:rate:all:${busy}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('answers each of several counts asked for at once with its own key’s count', async () => {
    const Store = sharedRateLimitStore(redis, `${prefix}:direct:`, (max) => max);
    const store = new Store();
    const keys = ['a', 'b', 'a', 'c', 'a', 'b'];
    // Asked for together, before any answer comes back.
    const answers = await Promise.all(keys.map((key) => new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      store.incr(key, (error, counted) => (error || !counted ? reject(error ?? new Error('no count')) : resolve(counted)), 60_000, 100))));
    expect(answers.map((a) => a.current)).toEqual([1, 1, 2, 1, 3, 2]);
    for (const { ttl } of answers) expect(ttl).toBeGreaterThan(0);
    expect(await redis.get(`${prefix}:direct:a`)).toBe('3');
  });
});
