import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@app/database';
import { cooperative, freePort, keyedWrite, massBalanceBreaches, retryUntilAnswered, send, sql, startBuiltApi, until, writesPerKey, type ApiProcess, type KeyedWrite } from './harness.js';

const OUTAGE_MS = 20_000;
const CLIENTS = 6;

/**
 * PostgreSQL stops for ~20 s under the built API while keyed writes keep coming: every answer is a
 * success or 503 DATABASE_UNAVAILABLE with Retry-After, readiness says so, the same API process
 * serves again once PostgreSQL is back, and retrying every request with its key leaves each write
 * exactly once. The PostgreSQL is the test's own (embedded, its own data directory and port).
 */
describe('PostgreSQL down under the API', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nguon-outage-'));
  let database: EmbeddedDatabase | undefined;
  let api: ApiProcess | undefined;
  let pool: pg.Pool | undefined;
  afterAll(async () => {
    if (api && api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
    await pool?.end().catch(() => undefined);
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 DATABASE_UNAVAILABLE (never 500), recovers without a restart, and retries write each request once', async () => {
    const port = await freePort();
    database = await startEmbeddedPostgres(dataDir, port);
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on('error', () => undefined);
    const db = sql(pool);
    api = await startBuiltApi({ DATABASE_URL: database.url, QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}outage` });
    const pid = api.child.pid;
    const c = await cooperative(api.base, db, 6);

    // Clients keep writing, each request with its own key, the whole time.
    const writes: KeyedWrite[] = [];
    let writing = true;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (writing) {
        const write = keyedWrite(c, writes.length, 'outage');
        writes.push(write);
        const answer = await send(api!.base, c.token, write);
        // A phone that is told to wait, waits a little (not the whole Retry-After: the test is short).
        await new Promise((resolve) => setTimeout(resolve, answer.status === 201 ? 20 : 250));
      }
    });
    const ready = async () => {
      const response = await fetch(`${api!.base}/health/ready`);
      return { status: response.status, body: (await response.json()) as { status: string; checks: { database: string } } };
    };
    await until(() => writes.filter((w) => w.attempts[0]?.status === 201).length >= 20, 'writes before the outage');

    await database.stop();
    const stoppedAt = Date.now();
    const beforeOutage = writes.length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const down = await ready();
    expect(down).toEqual({ status: 503, body: { status: 'not_ready', checks: expect.objectContaining({ database: 'down' }) } });
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - (Date.now() - stoppedAt)));

    database = await startEmbeddedPostgres(dataDir, port);
    const restartedAt = Date.now();
    const duringOutage = writes.length - beforeOutage;
    await until(async () => (await ready()).status === 200, 'readiness after PostgreSQL is back', 60_000);
    const answeredAgain = writes.length;
    await until(() => writes.slice(answeredAgain).filter((w) => w.attempts[0]?.status === 201).length >= 20, 'writes after the outage', 60_000);
    const recoveredMs = Date.now() - restartedAt;
    writing = false;
    await Promise.all(clients);

    // The same process served throughout.
    expect(api.child.pid).toBe(pid);
    expect(api.child.exitCode).toBeNull();
    const firstAnswers = writes.map((w) => w.attempts[0]);
    const refused = firstAnswers.filter((a) => a.status !== 201);
    expect(refused.length).toBeGreaterThan(0);
    const unexpected = refused.filter((answer) => answer.status !== 503 || answer.code !== 'DATABASE_UNAVAILABLE' || !/^\d+$/.test(answer.retryAfter ?? ''));
    if (unexpected.length) {
      const errors = api.output().split('\n').filter((line) => /"level":"(error|fatal)"/.test(line));
      throw new Error(`answers other than 201 or 503 DATABASE_UNAVAILABLE with Retry-After: ${JSON.stringify(unexpected.slice(0, 5))}\nAPI errors:\n${errors.slice(0, 5).join('\n')}`);
    }

    // Some refused writes may have committed (PostgreSQL stopped between the commit and the answer).
    const left = await writesPerKey(db, c.organizationId, writes);
    const committedThough503 = writes.filter((w) => w.attempts[0].status === 503 && left.get(w.key)!.made === 1);
    const deadline = Date.now() + 120_000;
    const retried = writes.filter((w) => w.attempts[0].status !== 201);
    for (let i = 0; i < retried.length; i += 16) {
      const answers = await Promise.all(retried.slice(i, i + 16).map((write) => retryUntilAnswered(api!.base, c.token, write, deadline)));
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    }
    for (const write of committedThough503) expect(write.attempts.at(-1)!.replayed).toBe(true);

    const after = await writesPerKey(db, c.organizationId, writes);
    const lost = writes.filter((w) => after.get(w.key)!.made === 0);
    const duplicated = writes.filter((w) => after.get(w.key)!.made > 1);
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(await massBalanceBreaches(db, c.organizationId)).toEqual([]);
    const verify = await fetch(`${api.base}/api/v1/audit/verify`, { headers: { authorization: `Bearer ${c.token}` } });
    expect(((await verify.json()) as { valid: boolean }).valid).toBe(true);
    expect(api.output()).not.toMatch(/INTERNAL_ERROR|"level":\s*"?(fatal)/);

    console.log(
      [
        `PostgreSQL stopped for ${OUTAGE_MS / 1000} s under the API, ${CLIENTS} clients writing with keys:`,
        `  requests: ${writes.length} (${duringOutage} while PostgreSQL was down); first answers: ${writes.length - refused.length} × 201, ${refused.length} × 503 DATABASE_UNAVAILABLE, 0 × 500`,
        `  committed although answered 503: ${committedThough503.length}; retried with their key: ${retried.length} (all 201, ${retried.filter((w) => w.attempts.at(-1)!.replayed).length} replayed)`,
        `  writes served again ${(recoveredMs / 1000).toFixed(1)} s after PostgreSQL restarted, same API process; lost: ${lost.length}; duplicated: ${duplicated.length}`,
      ].join('\n'),
    );
    await api.stop();
  });
});
