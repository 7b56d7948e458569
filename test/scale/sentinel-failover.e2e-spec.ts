import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import request from 'supertest';
import { JobName, QueueProducer, redisOptions } from '@app/queue';
import { startRedisSentinel, startTestApp, testConfig, waitUntil, type RedisSentinel, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

/**
 * The Redis master dies and its Sentinel promotes the replica (docs/architecture.md, "Many
 * processes on many hosts"): the API and the worker, connected through the Sentinel, carry on against
 * the new master without a restart, and what the old master held (the queue) is there.
 */
describe('a Redis failover behind a Sentinel', () => {
  let redis: RedisSentinel;
  let t: TestApp;
  const prefix = `failover${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    redis = await startRedisSentinel({ replica: true, downAfterMs: 1000 });
    t = await startTestApp(createApiApp, testConfig({ ...redis.config, QUEUE_PREFIX: prefix, RATE_LIMIT_SHARED: 'true' }), createWorkerApp);
  });

  afterAll(async () => {
    await t?.close();
    redis?.stop();
  });

  it('runs jobs before and after the master is killed, on the replica the sentinel promotes', async () => {
    const producer = t.app.get(QueueProducer);
    // The test's own client, closed for certain however the test ends (a client BullMQ closes while it reconnects can go on retrying).
    const connection = new Redis(redisOptions(t.config, 'wait'));
    connection.on('error', () => undefined);
    const events = new QueueEvents(producer.queue(JobName.HealthCheck).name, { connection: connection as never, prefix });
    events.on('error', () => undefined);
    const runJob = async (key: string) => {
      const requestedAt = new Date().toISOString();
      const job = await producer.add(JobName.HealthCheck, key, { requestedAt });
      expect(await job.waitUntilFinished(events, 120_000)).toMatchObject({ status: 'ok', requestedAt });
      return job.id!;
    };
    try {
      await events.waitUntilReady();
      const before = await runJob(`before-${prefix}`);

      redis.killMaster();
      await waitUntil(async () => (await redis.masterPortNow()) === String(redis.replicaPort), 'the sentinel to promote the replica', 120_000, 250);

      // The promoted replica holds what the old master had: the finished job is still there.
      const promoted = new Redis({ port: redis.replicaPort, maxRetriesPerRequest: 1 });
      try {
        expect(await promoted.hget(`${prefix}:${producer.queue(JobName.HealthCheck).name}:${before}`, 'finishedOn')).toMatch(/^\d+$/);
      } finally {
        promoted.disconnect();
      }
      await waitUntil(async () => (await request(t.server).get('/health/ready')).status === 200, 'the API to answer ready on the new master', 120_000, 500);
      await runJob(`after-${prefix}`);
    } finally {
      await events.close();
      connection.disconnect();
    }
  });
});
