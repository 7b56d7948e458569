import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import request from 'supertest';
import { JobName, QueueProducer, redisOptions } from '@app/queue';
import { freePort, startTestApp, testConfig, waitUntil, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { createWorkerApp } from '../../apps/worker/src/worker.factory.js';

/**
 * The Redis master dies and its Sentinel promotes the replica (docs/deploy.md, "Redis"): the API and
 * the worker, connected through the Sentinel, carry on against the new master without a restart, and
 * what the old master held (the queue) is there.
 */
describe('a Redis failover behind a Sentinel', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nguon-failover-'));
  const children: ChildProcess[] = [];
  let masterProcess: ChildProcess;
  let sentinel: Redis;
  let replicaPort: number;
  let t: TestApp;
  const prefix = `failover${randomBytes(4).toString('hex')}`;

  const redisServer = (port: number, ...args: string[]) => {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...args], { stdio: 'ignore' });
    children.push(child);
    return child;
  };
  const masterPortNow = async () => ((await sentinel.call('SENTINEL', 'get-master-addr-by-name', 'nguon')) as string[] | null)?.[1];

  beforeAll(async () => {
    const masterPort = await freePort();
    replicaPort = await freePort();
    const sentinelPort = await freePort();
    masterProcess = redisServer(masterPort);
    redisServer(replicaPort, '--replicaof', '127.0.0.1', String(masterPort));
    const conf = join(dir, 'sentinel.conf');
    writeFileSync(
      conf,
      `port ${sentinelPort}\nbind 127.0.0.1\ndir ${dir}\nsentinel monitor nguon 127.0.0.1 ${masterPort} 1\nsentinel down-after-milliseconds nguon 1000\nsentinel failover-timeout nguon 10000\n`,
    );
    children.push(spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' }));
    sentinel = new Redis({ port: sentinelPort, lazyConnect: true, maxRetriesPerRequest: 1 });
    const replica = new Redis({ port: replicaPort, lazyConnect: true, maxRetriesPerRequest: 1 });
    await waitUntil(async () => (await masterPortNow()) === String(masterPort), 'the sentinel to know the master');
    await waitUntil(async () => /master_link_status:up/.test(await replica.info('replication')), 'the replica to follow the master');
    await waitUntil(async () => ((await sentinel.call('SENTINEL', 'replicas', 'nguon')) as unknown[]).length === 1, 'the sentinel to know the replica');
    replica.disconnect();
    t = await startTestApp(
      createApiApp,
      testConfig({ REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`, REDIS_SENTINEL_NAME: 'nguon', QUEUE_PREFIX: prefix, RATE_LIMIT_SHARED: 'true' }),
      createWorkerApp,
    );
  });

  afterAll(async () => {
    await t?.close();
    sentinel?.disconnect();
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
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

      masterProcess.kill('SIGKILL');
      await waitUntil(async () => (await masterPortNow()) === String(replicaPort), 'the sentinel to promote the replica', 120_000, 250);

      // The promoted replica holds what the old master had: the finished job is still there.
      const promoted = new Redis({ port: replicaPort, maxRetriesPerRequest: 1 });
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
