import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import request from 'supertest';
import { JobName, QueueProducer, redisOptions, redisTopology } from '@app/queue';
import { startRedisSentinel, startTestApp, testConfig, waitUntil, type RedisSentinel, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

/**
 * BullMQ and the shared rate limits on a Redis master found through a Sentinel (REDIS_SENTINELS,
 * REDIS_SENTINEL_NAME): a redis-server and a sentinel watching it, on ports of their own.
 */
describe('Redis behind Sentinels', () => {
  let redis: RedisSentinel;
  let master: Redis;
  let t: TestApp;
  const prefix = `sentinel${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    redis = await startRedisSentinel();
    master = new Redis({ port: redis.masterPort, lazyConnect: true, maxRetriesPerRequest: 1 });
    t = await startTestApp(createApiApp, testConfig({ ...redis.config, QUEUE_PREFIX: prefix, RATE_LIMIT_SHARED: 'true' }), createWorkerApp);
  });

  afterAll(async () => {
    await t?.close();
    master?.disconnect();
    redis?.stop();
  });

  it('runs a job end to end, counts the rate limits and answers ready, all on the master the sentinel names', async () => {
    expect(redisTopology(t.config)).toBe('sentinel');
    await request(t.server).get('/health/ready').expect(200);

    const producer = t.app.get(QueueProducer);
    const events = new QueueEvents(producer.queue(JobName.HealthCheck).name, { connection: redisOptions(t.config, 'wait') as never, prefix });
    try {
      await events.waitUntilReady();
      const requestedAt = new Date().toISOString();
      const job = await producer.add(JobName.HealthCheck, `sentinel-${Date.now()}`, { requestedAt });
      expect(await job.waitUntilFinished(events, 120_000)).toMatchObject({ status: 'ok', requestedAt });
    } finally {
      await events.close();
    }
    // The queue's keys and the rate-limit counters are on the master, under the plain prefix.
    expect((await master.keys(`${prefix}:maintenance:*`)).length).toBeGreaterThan(0);
    // (The first requests may be counted in memory while the API's client is still connecting: it never waits.)
    await waitUntil(async () => {
      await request(t.server).get('/health/live').expect(200);
      return (await master.keys(`${prefix}:rate:all:*`)).length > 0;
    }, 'the rate limit counted on the master');
  });
});
