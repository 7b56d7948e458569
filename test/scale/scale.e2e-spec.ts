import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue, QueueEvents } from 'bullmq';
import { Cluster } from 'ioredis';
import type { DataSource } from 'typeorm';
import { createLabelLot, signupOrganization, startScaleTopology, waitForLabelJob, waitUntil, type LabelLotFixture, type ScaleTopology, type TestOrganization } from '@app/testing';

/**
 * Issue 18, proven with real processes on this machine (libs/testing/src/scale-topology.ts): a
 * PostgreSQL primary and a streaming replica, a 3-master Redis Cluster, two built API processes and
 * two built workers, on ports and data directories of their own. `npm run build` first.
 */
const PUBLIC_LIMIT = 10;
const PREFIX = '{nguon}';

describe('past one machine: replica, Redis Cluster, two APIs and two workers', () => {
  let topology: ScaleTopology;
  let redis: Cluster;
  let labels: Queue;
  let maintenance: Queue;
  let events: QueueEvents;
  const sweeps: string[] = [];
  let org: TestOrganization;
  let startedAt = 0;

  /** A caller of its own (the APIs trust the proxy on loopback), so that the public limit of one check does not reach another. */
  const someAddress = () => `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;
  const page = (apiIndex: number, path: string, from = someAddress()) => fetch(`${topology.apis[apiIndex].url}${path}`, { headers: { 'x-forwarded-for': from, accept: 'text/html' } });
  const primaryDb = () => ({ query: (sql: string, values?: unknown[]) => topology.query(topology.primary, sql, values) }) as unknown as DataSource;

  /** Calls of statements starting with `start` on one server (pg_stat_statements counts each server's own). */
  const callsOf = async (server: 'primary' | 'replica', start: string) => {
    const rows = await topology.query<{ calls: string | null }>(
      server === 'primary' ? topology.primary : topology.replica!,
      `SELECT sum(calls)::text AS calls FROM pg_stat_statements WHERE starts_with(query, $1)`,
      [start],
    );
    return Number(rows[0].calls ?? 0);
  };
  /** The public pages' genealogy read. */
  const genealogyCalls = (server: 'primary' | 'replica') => callsOf(server, 'WITH RECURSIVE reach(id, depth)');
  const replicaCaughtUp = async () => {
    const [{ lsn }] = await topology.query<{ lsn: string }>(topology.primary, 'SELECT pg_current_wal_lsn()::text AS lsn');
    const [{ caught }] = await topology.query<{ caught: boolean }>(topology.replica!, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught', [lsn]);
    return caught;
  };

  /** The replica has replayed what the primary wrote, and both APIs' last lag check found it usable (checks run every second). */
  const replicaInUse = async () => {
    if (!(await replicaCaughtUp())) return false;
    for (const api of topology.apis) {
      const body = (await (await fetch(`${api.url}/health/ready`)).json()) as { replicas: { up: boolean; lagMs: number | null }[] };
      if (!body.replicas[0].up || body.replicas[0].lagMs === null || body.replicas[0].lagMs > 1000) return false;
    }
    return true;
  };

  beforeAll(async () => {
    topology = await startScaleTopology({
      apis: 2,
      workers: 2,
      env: { TRUST_PROXY: 'loopback', PUBLIC_RATE_LIMIT_PER_MINUTE: String(PUBLIC_LIMIT), AUTH_RATE_LIMIT_PER_MINUTE: '1000', DATABASE_READ_MAX_LAG_MS: '5000' },
    });
    startedAt = Date.now();
    redis = new Cluster(topology.redisNodes.map((node) => ({ host: node.split(':')[0], port: Number(node.split(':')[1]) })), { redisOptions: { maxRetriesPerRequest: null } });
    labels = new Queue('labels', { connection: redis, prefix: PREFIX });
    maintenance = new Queue('maintenance', { connection: redis, prefix: PREFIX });
    events = new QueueEvents('maintenance', { connection: redis.duplicate(), prefix: PREFIX });
    events.on('completed', ({ jobId }) => {
      if (jobId.startsWith('repeat:requeue-stuck-jobs:')) sweeps.push(jobId);
    });
    await events.waitUntilReady();
    org = await signupOrganization(topology.apis[0].url);
  });

  afterAll(async () => {
    await events?.close().catch(() => undefined);
    await labels?.close().catch(() => undefined);
    await maintenance?.close().catch(() => undefined);
    redis?.disconnect();
    await topology?.stop();
  });

  it('renders label jobs submitted through both APIs on both workers, each serial once; a worker killed mid-job leaves it to the other', async () => {
    const lots = [await createLabelLot(primaryDb(), org.organizationId, { gtin: true }), await createLabelLot(primaryDb(), org.organizationId, { gtin: true })];
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${topology.apis[i % 2].url}/api/v1/label-jobs`, {
        method: 'POST',
        headers: { ...org.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ lotId: lots[i % 2].lotId, templateId: 'roll-50x30', count: 400, serialized: true }),
      });
      expect(response.status).toBe(202);
      ids.push(((await response.json()) as { id: string }).id);
    }
    for (const id of ids) expect(await waitForLabelJob(topology.apis[0].url, org, id)).toMatchObject({ status: 'done', progress: 400 });
    const renderedBy = new Set<string>();
    for (const id of ids) renderedBy.add((await labels.getJob(`render-labels.${id}`))!.processedBy!);
    const workerNames = topology.workers.map((worker) => `:${worker.child.pid}`);
    expect([...renderedBy].every((name) => workerNames.some((suffix) => name.endsWith(suffix)))).toBe(true);
    expect(renderedBy.size).toBe(2);

    // A big job; the worker that took it is killed mid-render; the other one finishes it.
    const big = await fetch(`${topology.apis[1].url}/api/v1/label-jobs`, {
      method: 'POST',
      headers: { ...org.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ lotId: lots[0].lotId, templateId: 'roll-50x30', count: 4000, serialized: true }),
    });
    expect(big.status).toBe(202);
    const bigId = ((await big.json()) as { id: string }).id;
    await waitForLabelJob(topology.apis[0].url, org, bigId, { until: (job) => job.status === 'rendering' && job.progress > 0 });
    const takenBy = (await labels.getJob(`render-labels.${bigId}`))!.processedBy!;
    const victim = topology.workers.find((worker) => takenBy.endsWith(`:${worker.child.pid}`))!;
    const survivor = topology.workers.find((worker) => worker !== victim)!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    expect(await waitForLabelJob(topology.apis[1].url, org, bigId)).toMatchObject({ status: 'done', progress: 4000 });
    expect((await labels.getJob(`render-labels.${bigId}`))!.processedBy).toMatch(new RegExp(`:${survivor.child.pid}$`));
    // Two workers again for the checks that follow.
    topology.workers.splice(topology.workers.indexOf(victim), 1);
    await topology.startWorker();

    // Every serial was allocated once: the jobs' ranges are disjoint and as long as their counts.
    const ranges = await topology.query<{ first: string; last: string; count: number }>(
      topology.primary,
      `SELECT serial_first::text AS first, serial_last::text AS last, count FROM label_job WHERE id = ANY($1::uuid[]) ORDER BY serial_first`,
      [[...ids, bigId]],
    );
    expect(ranges).toHaveLength(7);
    for (const [i, range] of ranges.entries()) {
      expect(BigInt(range.last) - BigInt(range.first) + 1n).toBe(BigInt(range.count));
      if (i > 0) expect(BigInt(range.first)).toBeGreaterThan(BigInt(ranges[i - 1].last));
    }
  });

  describe('public pages', () => {
    let pageLots: LabelLotFixture[];
    beforeAll(async () => {
      pageLots = [];
      for (let i = 0; i < 6; i++) pageLots.push(await createLabelLot(primaryDb(), org.organizationId, { gtin: true }));
    });

    it('are read from the replica through both APIs; a recall through API 1 shows on the next request through API 2', async () => {
      await waitUntil(replicaInUse, 'the replica to replay the new lots, and the APIs to see it within the lag');
      const before = { primary: await genealogyCalls('primary'), replica: await genealogyCalls('replica') };
      for (const [i, lot] of pageLots.slice(0, 4).entries()) {
        const response = await page(i % 2, `/l/${lot.shortCode}`);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain(lot.lotCode);
      }
      const after = { primary: await genealogyCalls('primary'), replica: await genealogyCalls('replica') };
      // Each page was built once, on the replica (the primary answers only what the replica had not replayed yet).
      expect(after.replica - before.replica).toBeGreaterThanOrEqual(3);
      expect(after.primary - before.primary).toBeLessThan(after.replica - before.replica);

      // The recall through API 1, then the page through API 2, which had it cached.
      const lot = pageLots[1];
      const status = () => fetch(`${topology.apis[1].url}/public/lots/${lot.shortCode}/recall-status`, { headers: { 'x-forwarded-for': someAddress() } });
      expect(await (await status()).json()).toMatchObject({ recalled: false });
      const recall = await fetch(`${topology.apis[0].url}/api/v1/recalls`, {
        method: 'POST',
        headers: { ...org.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ lotId: lot.lotId, reason: 'Dư lượng vượt ngưỡng (scale test)' }),
      });
      expect(recall.status).toBe(201);
      expect(await (await status()).json()).toMatchObject({ recalled: true, reason: 'Dư lượng vượt ngưỡng (scale test)' });
      const html = await (await page(1, `/l/${lot.shortCode}`)).text();
      expect(html).toContain('Dư lượng vượt ngưỡng (scale test)');
    });

    it("serve an operator's trace from the replica too, once it has replayed what the operator wrote", async () => {
      await waitUntil(replicaInUse, 'the replica to replay, and the APIs to see it within the lag');
      const trace = 'WITH RECURSIVE edge AS';
      const before = { primary: await callsOf('primary', trace), replica: await callsOf('replica', trace) };
      const response = await fetch(`${topology.apis[1].url}/api/v1/lots/${pageLots[4].lotId}/trace?direction=forward`, { headers: org.auth });
      expect(response.status).toBe(200);
      expect(await callsOf('replica', trace)).toBeGreaterThan(before.replica);
      expect(await callsOf('primary', trace)).toBe(before.primary);
    });

    it('are read from the primary while the replica has not replayed what they must show', async () => {
      await topology.query(topology.replica!, 'SELECT pg_wal_replay_pause()');
      try {
        const lot = await createLabelLot(primaryDb(), org.organizationId, { gtin: true });
        const before = { primary: await genealogyCalls('primary'), replica: await genealogyCalls('replica') };
        const response = await page(1, `/l/${lot.shortCode}`);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain(lot.lotCode);
        expect(await genealogyCalls('replica')).toBe(before.replica);
        expect(await genealogyCalls('primary')).toBe(before.primary + 1);
      } finally {
        await topology.query(topology.replica!, 'SELECT pg_wal_replay_resume()');
      }
    });

    it('are served from the primary when the replica stops, without an error reaching the client', async () => {
      // One page cached in each API, and one recall to rebuild after the replica is gone.
      await page(0, `/l/${pageLots[0].shortCode}`);
      await page(1, `/l/${pageLots[2].shortCode}`);
      const replicas = async (i: number) => ((await (await fetch(`${topology.apis[i].url}/health/ready`)).json()) as { replicas: { up: boolean }[] }).replicas;
      expect(await replicas(0)).toEqual([expect.objectContaining({ up: true })]);
      await topology.stopReplica();
      const statuses: number[] = [];
      for (const [i, lot] of pageLots.entries()) {
        statuses.push((await page(i % 2, `/l/${lot.shortCode}`)).status);
        statuses.push((await page((i + 1) % 2, `/01/${lot.gtin}/10/${lot.lotCode}`)).status);
      }
      expect(statuses).toEqual(Array(statuses.length).fill(200));
      // Seen as down by the next check, and the processes stay ready on the primary.
      await waitUntil(async () => !(await replicas(0))[0].up && !(await replicas(1))[0].up, 'the replica seen as down');
      expect((await fetch(`${topology.apis[0].url}/health/ready`)).status).toBe(200);
      const recall = await fetch(`${topology.apis[1].url}/api/v1/recalls`, {
        method: 'POST',
        headers: { ...org.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ lotId: pageLots[5].lotId, reason: 'Thu hồi khi bản sao dừng' }),
      });
      expect(recall.status).toBe(201);
      const html = await page(0, `/l/${pageLots[5].shortCode}`);
      expect(html.status).toBe(200);
      expect(await html.text()).toContain('Thu hồi khi bản sao dừng');
    });

    it('holds a per-IP limit across both APIs: the total, not each process its own', async () => {
      const address = someAddress();
      const statuses: number[] = [];
      for (let i = 0; i < PUBLIC_LIMIT + 6; i++) statuses.push((await page(i % 2, `/l/${pageLots[3].shortCode}`, address)).status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(PUBLIC_LIMIT);
      expect(statuses.filter((status) => status === 429)).toHaveLength(6);
    });
  });

  it('runs each scheduled job once per schedule with two workers', async () => {
    // The programme alerts of the day, asked for by every worker at start (three started so far): one job.
    const alerts = (await maintenance.getJobs(['completed', 'active', 'waiting', 'delayed', 'failed'])).filter((job) => job.name === 'programme-alerts' && !job.id!.startsWith('repeat:'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0].attemptsMade).toBeLessThanOrEqual(1);
    // One scheduler each, however many workers upserted them.
    const schedulers = await maintenance.getJobSchedulers();
    const keys = schedulers.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['programme-alerts', 'requeue-stuck-jobs']));
    // The every-minute sweep: wait for two runs; each minute's run is one job, run once.
    await waitUntil(() => sweeps.length >= 2, 'two runs of the re-enqueue sweep', 240_000, 1000);
    expect(new Set(sweeps).size).toBe(sweeps.length);
    const minutes = (Date.now() - startedAt) / 60_000;
    expect(sweeps.length).toBeLessThanOrEqual(Math.floor(minutes) + 1);
    const times = sweeps.map((id) => Number(id.split(':').pop())).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(59_000);
  });
});
