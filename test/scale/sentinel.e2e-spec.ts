import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import request from 'supertest';
import { JobName, QueueProducer, redisOptions, redisTopology } from '@app/queue';
import { freePort, startTestApp, testConfig, waitUntil, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

/**
 * BullMQ and the shared rate limits on a Redis master found through a Sentinel (REDIS_SENTINELS,
 * REDIS_SENTINEL_NAME): a redis-server and a sentinel watching it, on ports of their own.
 */
describe('Redis behind Sentinels', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nguon-sentinel-'));
  const children: ChildProcess[] = [];
  let master: Redis;
  let t: TestApp;
  const prefix = `sentinel${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const masterPort = await freePort();
    const sentinelPort = await freePort();
    children.push(spawn('redis-server', ['--port', String(masterPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' }));
    const conf = join(dir, 'sentinel.conf');
    writeFileSync(conf, `port ${sentinelPort}\nbind 127.0.0.1\ndir ${dir}\nsentinel monitor nguon 127.0.0.1 ${masterPort} 1\nsentinel down-after-milliseconds nguon 5000\n`);
    children.push(spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' }));
    master = new Redis({ port: masterPort, lazyConnect: true, maxRetriesPerRequest: 1 });
    const sentinel = new Redis({ port: sentinelPort, lazyConnect: true, maxRetriesPerRequest: 1 });
    await waitUntil(async () => {
      const address = (await sentinel.call('SENTINEL', 'get-master-addr-by-name', 'nguon')) as string[] | null;
      return address?.[1] === String(masterPort);
    }, 'the sentinel to know the master');
    sentinel.disconnect();
    t = await startTestApp(
      createApiApp,
      testConfig({ REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`, REDIS_SENTINEL_NAME: 'nguon', QUEUE_PREFIX: prefix, RATE_LIMIT_SHARED: 'true' }),
      createWorkerApp,
    );
  });

  afterAll(async () => {
    await t?.close();
    master?.disconnect();
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
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
