import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { hotPool } from '@app/database';
import { InFlightBatches } from './in-flight-batches.js';

/** One append waiting for its turn: its organization, the statement's parameters and the lots it changes. */
interface Pending<T> {
  organizationId: string;
  values: unknown[];
  lotIds: string[];
  resolve: (row: T) => void;
  reject: (error: unknown) => void;
}

/** At most this many appends share one transaction. */
const MAX_BATCH = 64;

/**
 * Group commit of appends, per process. Every append moves its organization's chain head, so
 * PostgreSQL runs one organization's appends one after another anyway, and appends of different
 * organizations contend for the same table and index pages; sending them from many connections at
 * once only makes backends queue on row and page locks (sleeping and waking each other, which costs
 * more CPU than the appends). Here appends leave this process from `lanes` writers, one batch at a
 * time per writer: the first goes alone, and those that arrive meanwhile go together in one
 * transaction — their lots locked first in id order, then the statements in order of organization
 * (so chain heads are taken in one order too: no deadlock with other writers), each organization's
 * in arrival order, then one COMMIT. Each statement still re-checks its own mass balance under those
 * locks and sees the effects of the ones before it. A batch goes to PostgreSQL in one round trip
 * (node-postgres pipeline mode: every statement is sent before the first answer comes back). If any
 * statement fails, the batch is rolled back and each append is written on its own, so only the
 * failing one fails.
 */
export class AppendLanes<T> {
  private readonly batches: InFlightBatches<number, Pending<T>>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly statement: { name: string; text: string },
    private readonly lanes = 1,
  ) {
    this.batches = new InFlightBatches((_lane, batch) => this.write(batch), MAX_BATCH);
  }

  append(organizationId: string, values: unknown[], lotIds: string[]): Promise<T> {
    return new Promise<T>((resolve, reject) => this.batches.add(laneOf(organizationId, this.lanes), { organizationId, values, lotIds, resolve, reject }));
  }

  private async write(batch: Pending<T>[]): Promise<void> {
    const client = await hotPool(this.dataSource)
      .connect()
      .catch((error: unknown) => {
        batch.forEach((pending) => pending.reject(error));
        return null;
      });
    if (!client) return;
    // A connection that drops while checked out reports it as an 'error' event: unheard, it would end
    // the process. Its queries fail on their own; it is then released as broken, not reused.
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      if (batch.length === 1) {
        await this.run(client, batch[0]);
        return;
      }
      const ordered = [...batch].sort((a, b) => (a.organizationId < b.organizationId ? -1 : a.organizationId > b.organizationId ? 1 : 0));
      let rows: T[];
      try {
        rows = await this.together(client, ordered);
      } catch {
        await client.query('ROLLBACK').catch(() => undefined);
        for (const pending of ordered) await this.run(client, pending);
        return;
      }
      ordered.forEach((pending, i) => pending.resolve(rows[i]));
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  private async together(client: pg.PoolClient, batch: Pending<T>[]): Promise<T[]> {
    const lotIds = [...new Set(batch.flatMap((pending) => pending.lotIds))].sort();
    // All sent at once, in one write: in pipeline mode each query is written as soon as it is made,
    // a system call each, unless the socket is corked meanwhile. Settled together so that no answer
    // is left unread when one fails.
    const sent = corked(client, () => [
      client.query('BEGIN'),
      client.query({ name: 'nguon_lock_batch_lots', text: 'SELECT 1 FROM lot WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', values: [lotIds] }),
      ...batch.map((pending) => client.query({ ...this.statement, values: pending.values })),
      client.query('COMMIT'),
    ]);
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

/** Runs `send` with the client's socket corked, so that what it writes leaves in one system call. */
function corked<R>(client: pg.PoolClient, send: () => R): R {
  const stream = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
  stream.cork();
  try {
    return send();
  } finally {
    stream.uncork();
  }
}

/** The lane of an organization: the same one always, so its appends stay in order. */
function laneOf(organizationId: string, lanes: number): number {
  if (lanes <= 1) return 0;
  let hash = 0;
  for (let i = 0; i < organizationId.length; i++) hash = (hash * 31 + organizationId.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}
