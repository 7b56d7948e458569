import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { hotPool } from './db.js';

/** One append waiting for its turn: the statement's parameters and the lots it changes. */
interface Pending<T> {
  values: unknown[];
  lotIds: string[];
  resolve: (row: T) => void;
  reject: (error: unknown) => void;
}

/** At most this many appends share one transaction. */
const MAX_BATCH = 32;

/**
 * Group commit for one organization's chain, per process. Every append moves the organization's chain
 * head, so PostgreSQL runs them one after another anyway; sending them from many connections at once
 * only makes the backends queue on the head's row lock (sleeping and waking each other, which costs
 * more CPU than the appends). Here an organization's appends leave this process one batch at a time:
 * the first goes alone, and those that arrive meanwhile go together in one transaction — their lots
 * locked first in id order (the one lock order every operation uses, so no deadlock), then each
 * statement in turn, then one COMMIT. Each statement still re-checks its own mass balance under those
 * locks and sees the effects of the ones before it. A batch goes to PostgreSQL in one round trip
 * (node-postgres pipeline mode: every statement is sent before the first answer comes back). If any
 * statement fails, the batch is rolled back and each append is written on its own, so only the
 * failing one fails.
 */
export class AppendLanes<T> {
  private readonly queues = new Map<string, Pending<T>[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly statement: { name: string; text: string },
  ) {}

  append(organizationId: string, values: unknown[], lotIds: string[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queue = this.queues.get(organizationId);
      const pending = { values, lotIds, resolve, reject };
      if (queue) {
        queue.push(pending);
        return;
      }
      this.queues.set(organizationId, []);
      void this.drain(organizationId, [pending]);
    });
  }

  /** Writes `first`, then whatever queued up meanwhile, until the organization's queue is empty. */
  private async drain(organizationId: string, first: Pending<T>[]): Promise<void> {
    let batch = first;
    while (batch.length) {
      await this.write(organizationId, batch);
      const queue = this.queues.get(organizationId)!;
      batch = queue.splice(0, MAX_BATCH);
    }
    this.queues.delete(organizationId);
  }

  private async write(organizationId: string, batch: Pending<T>[]): Promise<void> {
    const client = await hotPool(this.dataSource)
      .connect()
      .catch((error: unknown) => {
      batch.forEach((pending) => pending.reject(error));
      return null;
    });
    if (!client) return;
    try {
      if (batch.length === 1) {
        await this.run(client, batch[0]);
        return;
      }
      let rows: T[];
      try {
        rows = await this.together(client, organizationId, batch);
      } catch {
        await client.query('ROLLBACK').catch(() => undefined);
        for (const pending of batch) await this.run(client, pending);
        return;
      }
      batch.forEach((pending, i) => pending.resolve(rows[i]));
    } finally {
      client.release();
    }
  }

  private async together(client: pg.PoolClient, organizationId: string, batch: Pending<T>[]): Promise<T[]> {
    const lotIds = [...new Set(batch.flatMap((pending) => pending.lotIds))].sort();
    // All sent at once; settled together so that no answer is left unread when one fails.
    const sent = [
      client.query('BEGIN'),
      client.query({
        name: 'nguon_lock_batch_lots',
        text: 'SELECT 1 FROM lot WHERE organization_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE',
        values: [organizationId, lotIds],
      }),
      ...batch.map((pending) => client.query({ ...this.statement, values: pending.values })),
      client.query('COMMIT'),
    ];
    const answers = await Promise.allSettled(sent);
    const failed = answers.find((answer) => answer.status === 'rejected');
    if (failed) throw failed.reason;
    // COMMIT in a transaction that failed answers ROLLBACK rather than an error.
    const commit = answers.at(-1) as PromiseFulfilledResult<pg.QueryResult>;
    if (commit.value.command !== 'COMMIT') throw new Error(`append batch: ${commit.value.command}`);
    return answers.slice(2, -1).map((answer) => (answer as PromiseFulfilledResult<pg.QueryResult>).value.rows[0] as T);
  }

  /** One append in its own transaction (autocommit). */
  private async run(client: pg.PoolClient, pending: Pending<T>): Promise<void> {
    try {
      pending.resolve((await client.query({ ...this.statement, values: pending.values })).rows[0] as T);
    } catch (error) {
      pending.reject(error);
    }
  }
}
