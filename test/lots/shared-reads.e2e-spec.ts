import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '@app/testing';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { readRows } from '@app/database';

/**
 * The connection that the hot paths' short reads share (readRows), against real PostgreSQL: reads
 * made together leave together and each gets its own answer, a failing read fails only itself, and
 * a connection that dies is replaced.
 */
describe('shared reads of the hot paths', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(createApiApp);
  });
  afterAll(async () => {
    await t.close();
  });

  type Row = { n: number; pid: number };
  const read = (name: string, n: number) => readRows<Row>(t.dataSource, `SELECT $1::int / $2::int AS n, pg_backend_pid() AS pid`, [n, n === 0 ? 0 : 1], name);

  it('answers each of many reads made at once with its own rows, all on one connection', async () => {
    const values = Array.from({ length: 40 }, (_, i) => i + 1);
    const rows = (await Promise.all(values.map((n) => read('test_shared_many', n)))).map(([row]) => row);
    expect(rows.map((row) => row.n)).toEqual(values);
    expect(new Set(rows.map((row) => row.pid)).size).toBe(1);
  });

  it('fails only the read that fails; the others sent with it are answered', async () => {
    const results = await Promise.allSettled([3, 2, 0, 1, 5].map((n) => read('test_shared_one_fails', n)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: '22012' }); // division by zero
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<Row[]>).value[0].n)).toEqual([3, 2, 1, 5]);
  });

  it('fails the reads in flight when its connection dies, and reads again on a new one', async () => {
    const [{ pid }] = await read('test_shared_before_kill', 1);
    const slow = readRows(t.dataSource, `SELECT pg_sleep(30)`, [], 'test_shared_slow');
    // Wait until the slow read is running, then end its backend as an administrator or a crash would.
    for (let i = 0; i < 100; i++) {
      const [running] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1 AND query LIKE '%pg_sleep%' AND state = 'active'`, [pid]);
      if (running.n === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await t.dataSource.query(`SELECT pg_terminate_backend($1) FROM pg_stat_activity WHERE pid = $1 AND datname = current_database()`, [pid]);
    await expect(slow).rejects.toThrow();
    const [after] = await read('test_shared_after_kill', 7);
    expect(after.n).toBe(7);
    expect(after.pid).not.toBe(pid);
  });

  it('reads inside a transaction on the transaction’s own connection', async () => {
    await t.dataSource.transaction(async (manager) => {
      const [own] = await manager.query(`SELECT pg_backend_pid() AS pid`);
      const [row] = await readRows<Row>(manager, `SELECT 1 AS n, pg_backend_pid() AS pid`, [], 'test_shared_in_tx');
      expect(row.pid).toBe(own.pid);
    });
  });
});
