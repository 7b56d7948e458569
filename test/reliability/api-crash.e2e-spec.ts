import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { cooperative, keyedWrite, massBalanceBreaches, retryUntilAnswered, send, sql, startBuiltApi, until, writesPerKey, type ApiProcess, type KeyedWrite } from './harness.js';

const REQUESTS = 360;

/**
 * A power cut of the API: SIGKILL of the built API while a burst of keyed writes (harvests, ships,
 * transforms) is in flight; then a new API process, and every request retried with its key.
 */
describe('the API killed during a burst of writes (SIGKILL)', () => {
  let pool: pg.Pool;
  let api: ApiProcess | undefined;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  });
  afterAll(async () => {
    if (api && api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
    await pool.end();
  });

  it('loses no write and duplicates none: every retry answers with the committed result or writes once', async () => {
    const db = sql(pool);
    api = await startBuiltApi({});
    const c = await cooperative(api.base, db, 12);
    const writes: KeyedWrite[] = Array.from({ length: REQUESTS }, (_, i) => keyedWrite(c, i, 'crash'));

    // The burst, and the kill once a third of it has been answered.
    let answered = 0;
    const first = writes.map((write) => send(api!.base, c.token, write).then((attempt) => attempt.status !== 'network' && answered++));
    await until(() => answered >= REQUESTS / 3, 'a third of the burst to be answered', 120_000);
    api.child.kill('SIGKILL');
    await Promise.all(first);

    // What the crash left: a write is committed exactly when its key is recorded, never one without the other.
    const left = await writesPerKey(db, c.organizationId, writes);
    const committedAtKill = writes.filter((w) => left.get(w.key)!.made === 1);
    expect(writes.filter((w) => left.get(w.key)!.made > 1)).toEqual([]);
    expect(writes.filter((w) => (left.get(w.key)!.made === 1) !== left.get(w.key)!.recorded).map((w) => w.key)).toEqual([]);
    const answeredOk = writes.filter((w) => w.attempts[0].status === 201);
    const unanswered = writes.filter((w) => w.attempts[0].status === 'network');
    expect(answeredOk.length + unanswered.length).toBe(REQUESTS); // nothing but success or a cut connection
    expect(answeredOk.every((w) => left.get(w.key)!.made === 1)).toBe(true);
    // Committed writes whose answer was not stored yet: their retries rebuild it.
    const unstored = await db.query(`SELECT count(*)::int AS n FROM idempotency_key WHERE organization_id = $1 AND response_body IS NULL`, [c.organizationId]);

    // A new API process; every request is retried with its key until it answers.
    api = await startBuiltApi({});
    const deadline = Date.now() + 120_000;
    const retried = await Promise.all(writes.map((write) => retryUntilAnswered(api!.base, c.token, write, deadline)));
    expect(retried.map((attempt) => attempt.status)).toEqual(Array(REQUESTS).fill(201));

    const after = await writesPerKey(db, c.organizationId, writes);
    const duplicated = writes.filter((w) => after.get(w.key)!.made > 1);
    const lost = writes.filter((w) => after.get(w.key)!.made === 0);
    expect(duplicated).toEqual([]);
    expect(lost).toEqual([]);
    // Retries of committed writes replay them (first answer included); the others were written by their retry.
    for (const write of writes) {
      const retry = write.attempts.at(-1)!;
      const wasCommitted = committedAtKill.includes(write);
      expect({ key: write.key, replayed: retry.replayed }).toEqual({ key: write.key, replayed: wasCommitted });
      if (write.attempts[0].status === 201) expect(retry.body).toEqual(write.attempts[0].body);
    }
    expect(await massBalanceBreaches(db, c.organizationId)).toEqual([]);
    const verify = await fetch(`${api.base}/api/v1/audit/verify`, { headers: { authorization: `Bearer ${c.token}` } });
    expect(((await verify.json()) as { valid: boolean }).valid).toBe(true);
    const stuck = await db.query(`SELECT count(*)::int AS n FROM idempotency_key WHERE organization_id = $1 AND status_code IS NULL`, [c.organizationId]);
    expect(stuck[0].n).toBe(0);

    const committedUnanswered = unanswered.filter((w) => committedAtKill.includes(w)).length;
    console.log(
      [
        `SIGKILL of the API during ${REQUESTS} concurrent keyed writes (harvest, ship, transform):`,
        `  answered before the kill: ${answeredOk.length}; connections cut: ${unanswered.length}`,
        `  committed before the kill: ${committedAtKill.length} (of which the client never got the answer: ${committedUnanswered})`,
        `  retried after the restart: ${REQUESTS} (replayed: ${writes.filter((w) => w.attempts.at(-1)!.replayed).length}, of which answers rebuilt from the committed write: ${unstored[0].n}; written by the retry: ${REQUESTS - committedAtKill.length})`,
        `  lost: ${lost.length}; duplicated: ${duplicated.length}; mass balance and hash chain: valid`,
      ].join('\n'),
    );
    await api.stop();
  });
});
