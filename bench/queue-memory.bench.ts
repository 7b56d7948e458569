// Redis memory per queued job (issue 18, docs/capacity.md): N label jobs added to the labels queue as
// the API adds them (the producer's job options and deterministic ids, a real payload), nobody
// consuming them, in a scratch key prefix on the real Redis; every key under the prefix is then
// sized with MEMORY USAGE (exact for these keys, whatever else the shared Redis holds). Baseline in
// the same run: the same payloads as plain strings (SET key payload), the least a job could cost.
// Run: node --import @swc-node/register/esm-register bench/queue-memory.bench.ts [jobs]   (default 10,000)
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { redisUrl } from './bench-environment.js';
import { JOB_OPTIONS, JobName, QueueName, jobId, type RenderLabelsPayload } from '../libs/queue/src/index.js';

const jobs = Number(process.argv[2] ?? 10_000);
const prefix = `benchqm${randomBytes(4).toString('hex')}`;
const redis = new Redis(redisUrl);

/** Bytes Redis holds for every key under a prefix (MEMORY USAGE with every element sampled). */
async function bytesUnder(match: string): Promise<{ keys: number; bytes: number }> {
  let cursor = '0';
  let keys = 0;
  let bytes = 0;
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
    cursor = next;
    for (const key of found) {
      keys++;
      bytes += Number(await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'));
    }
  } while (cursor !== '0');
  return { keys, bytes };
}

async function removeUnder(match: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
    cursor = next;
    if (found.length) await redis.del(...found);
  } while (cursor !== '0');
}

const { hostname, port } = new URL(redisUrl);
const queue = new Queue(QueueName.Labels, { connection: { host: hostname, port: Number(port || 6379) }, prefix });
try {
  const payloads: RenderLabelsPayload[] = Array.from({ length: jobs }, () => ({ organizationId: randomUUID(), labelJobId: randomUUID() }));
  for (let i = 0; i < jobs; i += 500) {
    await queue.addBulk(
      payloads.slice(i, i + 500).map((payload) => ({
        name: JobName.RenderLabels,
        data: payload,
        opts: { ...JOB_OPTIONS[JobName.RenderLabels], jobId: jobId(JobName.RenderLabels, payload.labelJobId) },
      })),
    );
  }
  const queued = await bytesUnder(`${prefix}:*`);
  const pipeline = redis.pipeline();
  for (const payload of payloads) pipeline.set(`${prefix}-plain:${payload.labelJobId}`, JSON.stringify(payload));
  await pipeline.exec();
  const plain = await bytesUnder(`${prefix}-plain:*`);
  console.log(`Redis memory per queued job (BullMQ ${JobName.RenderLabels}, ${jobs} jobs waiting, Redis ${(await redis.info('server')).match(/redis_version:(\S+)/)?.[1]})`);
  console.log('| what | keys | bytes | bytes per job |');
  console.log('|---|---:|---:|---:|');
  console.log(`| queued label jobs (job hash + waiting list + events stream + meta) | ${queued.keys} | ${queued.bytes} | ${Math.round(queued.bytes / jobs)} |`);
  console.log(`| baseline: the payloads as plain strings | ${plain.keys} | ${plain.bytes} | ${Math.round(plain.bytes / jobs)} |`);
} finally {
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  await removeUnder(`${prefix}*`);
  redis.disconnect();
}
