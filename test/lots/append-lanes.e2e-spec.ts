import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createLotTestSetup, signupOrganization, startTestApp, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { AppendLanes } from '../../libs/traceability/src/lots/append-lanes.js';

/**
 * Group commit of appends (AppendLanes), against real PostgreSQL: what arrives while a write is on
 * its way goes in one transaction, one failing statement fails only itself, and a batch whose
 * connection dies writes nothing and leaves nobody waiting.
 * The statement here writes a counter row per call and answers the id of its transaction.
 */
describe('append lanes: group commit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  const statement = (name: string) => ({
    name,
    text: `INSERT INTO lot_code_sequence (organization_id, prefix, year, last_seq) VALUES ($1::uuid, $2::text, 2026, 1 / $3::int)
           RETURNING prefix, txid_current()::text AS tx`,
  });
  const rowsOf = async (organizationId: string) =>
    (await t.dataSource.query(`SELECT prefix, last_seq::int AS n FROM lot_code_sequence WHERE organization_id = $1 ORDER BY prefix`, [organizationId])) as {
      prefix: string;
      n: number;
    }[];

  it('writes the first append at once and those that arrive meanwhile in one transaction', async () => {
    const org = await signupOrganization(t.server);
    const lanes = new AppendLanes<{ prefix: string; tx: string }>(t.dataSource, statement('test_lane_together'));
    const prefixes = ['A', 'B', 'C', 'D', 'E', 'F'];
    const rows = await Promise.all(prefixes.map((prefix) => lanes.append(org.organizationId, [org.organizationId, prefix, 1], [])));
    expect(rows.map((row) => row.prefix)).toEqual(prefixes);
    expect(new Set(rows.slice(1).map((row) => row.tx)).size).toBe(1);
    expect(rows[1].tx).not.toBe(rows[0].tx);
    expect(await rowsOf(org.organizationId)).toEqual(prefixes.map((prefix) => ({ prefix, n: 1 })));
  });

  it('fails only the append that fails: the others of its batch are written once each', async () => {
    const org = await signupOrganization(t.server);
    const lanes = new AppendLanes<{ prefix: string; tx: string }>(t.dataSource, statement('test_lane_one_fails'));
    const prefixes = ['A', 'B', 'C', 'D', 'E'];
    const results = await Promise.allSettled(prefixes.map((prefix) => lanes.append(org.organizationId, [org.organizationId, prefix, prefix === 'C' ? 0 : 1], [])));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: '22012' }); // division by zero
    expect(await rowsOf(org.organizationId)).toEqual(['A', 'B', 'D', 'E'].map((prefix) => ({ prefix, n: 1 })));
  });

  it('keeps organizations apart: one organization’s failing append fails none of another’s, batched together or not', async () => {
    const [a, b] = [await signupOrganization(t.server), await signupOrganization(t.server)];
    const lanes = new AppendLanes<{ prefix: string; tx: string }>(t.dataSource, statement('test_lane_two_orgs'));
    const results = await Promise.allSettled([
      ...['A', 'B', 'C'].map((prefix) => lanes.append(a.organizationId, [a.organizationId, prefix, prefix === 'B' ? 0 : 1], [])),
      ...['A', 'B', 'C'].map((prefix) => lanes.append(b.organizationId, [b.organizationId, prefix, 1], [])),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await rowsOf(a.organizationId)).toEqual([
      { prefix: 'A', n: 1 },
      { prefix: 'C', n: 1 },
    ]);
    expect((await rowsOf(b.organizationId)).map((row) => row.prefix)).toEqual(['A', 'B', 'C']);
  });

  it('writes nothing of a batch whose connection is killed mid-way, answers every append, and carries on', async () => {
    const org = await signupOrganization(t.server);
    const s = await createLotTestSetup(t.dataSource, org.organizationId);
    const harvest = await request(t.server)
      .post('/api/v1/lots/harvest')
      .set(org.auth)
      .send({ growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-01T07:00:00+07:00', lotCode: 'KILLED-1' })
      .expect(201);
    const lanes = new AppendLanes<{ prefix: string; tx: string }>(t.dataSource, statement('test_lane_killed'));
    // Another transaction holds the lot, so the batch waits on its first step (locking its lots)...
    const holder = await t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT 1 FROM lot WHERE id = $1 FOR UPDATE`, [harvest.body.id]);
    try {
      const first = lanes.append(org.organizationId, [org.organizationId, 'A', 1], []);
      const batched = ['B', 'C'].map((prefix) => lanes.append(org.organizationId, [org.organizationId, prefix, 1], [harvest.body.id]));
      await first;
      // ...where its connection is killed, as if PostgreSQL or the network had dropped it.
      let killed = 0;
      for (let i = 0; i < 100 && !killed; i++) {
        killed = (
          await t.dataSource.query(
            `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'SELECT 1 FROM lot WHERE id = ANY%'`,
          )
        )[0].n;
        if (!killed) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(killed).toBe(1);
      const results = await Promise.allSettled(batched);
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await rowsOf(org.organizationId)).toEqual([{ prefix: 'A', n: 1 }]);
    // The next append gets a working connection.
    await expect(lanes.append(org.organizationId, [org.organizationId, 'D', 1], [harvest.body.id])).resolves.toMatchObject({ prefix: 'D' });
    expect((await rowsOf(org.organizationId)).map((row) => row.prefix)).toEqual(['A', 'D']);
  });

  it('group-commits real ships and transforms: every accepted event counted once, chain valid, balance exact', async () => {
    const org = await signupOrganization(t.server);
    const s = await createLotTestSetup(t.dataSource, org.organizationId);
    const harvest = await request(t.server)
      .post('/api/v1/lots/harvest')
      .set(org.auth)
      .send({ growingAreaId: s.areaId, productId: s.paddyId, quantity: '100', unit: 'kg', harvestedAt: '2026-10-01T07:00:00+07:00' })
      .expect(201);
    const lot = harvest.body;
    const sends = Array.from({ length: 40 }, (_, i) =>
      i % 2
        ? request(t.server).post(`/api/v1/lots/${lot.id}/ship`).set(org.auth).send({ partnerId: s.distributorId, quantity: '3', unit: 'kg', shippedAt: '2026-10-02T08:00:00+07:00' })
        : request(t.server)
            .post('/api/v1/lots/transform')
            .set(org.auth)
            .send({ inputs: [{ lotId: lot.id, quantity: '3', unit: 'kg' }], outputs: [{ productId: s.riceId, quantity: '2', unit: 'kg' }], occurredAt: '2026-10-02T08:00:00+07:00', process: 'drying' }),
    );
    const responses = await Promise.all(sends);
    const accepted = responses.filter((response) => response.status === 201).length;
    // 100 kg in 3 kg draws: 33 fit; the rest are refused with a coded answer, never a 500.
    expect(accepted).toBe(33);
    for (const response of responses.filter((r) => r.status !== 201)) expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'LOT_OVERCONSUMED' });
    const [{ consumed, events }] = await t.dataSource.query(
      `SELECT (SELECT consumed::text FROM lot WHERE id = $2) AS consumed,
              (SELECT count(*)::int FROM event WHERE organization_id = $1 AND type IN ('ship', 'transform')) AS events`,
      [org.organizationId, lot.id],
    );
    expect({ consumed: Number(consumed), events }).toEqual({ consumed: 99, events: 33 });
    const seqs = (await t.dataSource.query(`SELECT seq::int FROM event WHERE organization_id = $1 ORDER BY seq`, [org.organizationId])).map((row: { seq: number }) => row.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    const verify = await request(t.server).get('/api/v1/audit/verify').set(org.auth).expect(200);
    expect(verify.body).toMatchObject({ valid: true, eventsChecked: seqs.length });
  });
});
