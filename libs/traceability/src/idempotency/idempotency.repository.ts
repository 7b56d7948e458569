import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { PipelinedConnection, poolOptions } from '@app/database';
import { IdempotencySubscriber } from './idempotency.subscriber.js';
import type { IdempotentResult, IdempotentWrite } from './idempotent-write.js';

export interface IdempotencyRecord {
  requestHash: string;
  /** Null only on rows left "in progress" by versions that claimed keys before writing. */
  statusCode: number | null;
  responseBody: unknown;
  /** The answer was stored (responseBody may still be a JSON null). */
  answered: boolean;
  result: IdempotentResult | null;
}

/** The advisory lock of one key: two int4 halves of a hash of organization and key. */
export type ClaimLock = readonly [number, number];

/** The claims connection a lock was taken on: locks die with it. */
export type ClaimConnection = object;

const ANSWER = 'UPDATE idempotency_key SET response_body = $3 WHERE organization_id = $1 AND key = $2 AND response_body IS NULL';

const RECORD_COLUMNS = `request_hash AS "requestHash", status_code AS "statusCode", response_body AS "responseBody",
  response_body IS NOT NULL AS answered, result`;

/**
 * Idempotency-Key rows (see IdempotentWrite for how a write records its key), and the process's
 * claims connection: one connection, in pipeline mode, on which a request holds its key's session
 * advisory lock while it runs. PostgreSQL releases such a lock when the connection ends, so a claim
 * never outlives the process that holds it (SIGKILL, power cut), and waiting for another request's
 * claim costs no pooled connection: only `pg_try_advisory_lock` calls on this shared one.
 */
@Injectable()
export class IdempotencyRepository implements OnModuleDestroy {
  private readonly claims: PipelinedConnection;

  constructor(@InjectDataSource() dataSource: DataSource) {
    // Its only commits are stored answers (and the purge): one lost with the last moments before a
    // PostgreSQL crash costs a rebuild, so they do not wait for the WAL to reach the disk, which
    // would hold up every claim queued behind them on this one connection.
    this.claims = new PipelinedConnection({ ...poolOptions(dataSource), application_name: 'nguon-claims', options: '-c synchronous_commit=off' });
    // The data source is this module's own; TypeORM calls its subscribers around every commit.
    if (!dataSource.subscribers.some((subscriber) => subscriber instanceof IdempotencySubscriber)) dataSource.subscribers.push(new IdempotencySubscriber());
  }

  async onModuleDestroy(): Promise<void> {
    await this.claims.end();
  }

  /**
   * Tries the key's lock and reads its row, in one statement. The row is read in the statement's
   * snapshot, taken just before the lock: a write that commits in between is not seen, and the
   * request then fails on the key's primary key at its own commit and answers that write instead.
   */
  async tryClaim(lock: ClaimLock, organizationId: string, key: string): Promise<{ locked: boolean; record: IdempotencyRecord | null; connection: ClaimConnection }> {
    const { client, results } = await this.claims.pipeline([
      {
        name: 'nguon_idempotency_claim',
        text: `SELECT pg_try_advisory_lock($1::int, $2::int) AS locked, k.*
               FROM (SELECT 1) AS one LEFT JOIN (SELECT ${RECORD_COLUMNS} FROM idempotency_key WHERE organization_id = $3 AND key = $4) AS k ON true`,
        values: [...lock, organizationId, key],
      },
    ]);
    const { locked, ...record } = results[0].rows[0] as IdempotencyRecord & { locked: boolean };
    return { locked, record: record.requestHash === null ? null : record, connection: client };
  }

  async find(organizationId: string, key: string): Promise<IdempotencyRecord | null> {
    const { results } = await this.claims.pipeline([
      { name: 'nguon_idempotency_find', text: `SELECT ${RECORD_COLUMNS} FROM idempotency_key WHERE organization_id = $1 AND key = $2`, values: [organizationId, key] },
    ]);
    return (results[0].rows[0] as IdempotencyRecord | undefined) ?? null;
  }

  /**
   * Stores the answer of a committed write (if given), then gives the lock up, in that order on one
   * connection: whoever takes the lock next finds the answer. A lock taken on a connection that has
   * since ended is gone already.
   */
  async release(lock: ClaimLock, connection: ClaimConnection, answer?: { organizationId: string; key: string; body: unknown }): Promise<void> {
    // Two statements, not one: the answer must be committed before the lock goes.
    const queries: pg.QueryConfig[] = [];
    if (answer) queries.push({ name: 'nguon_idempotency_answer', text: ANSWER, values: [answer.organizationId, answer.key, JSON.stringify(answer.body ?? null)] });
    const holding = this.claims.current() === connection;
    if (holding) queries.push({ name: 'nguon_idempotency_unlock', text: 'SELECT pg_advisory_unlock($1::int, $2::int)', values: [...lock] });
    if (!queries.length) return;
    try {
      await this.claims.pipeline(queries);
    } catch (error) {
      // A lock that could not be given up would hold the key for as long as the connection lives:
      // end the connection instead, which releases every lock on it (the writes are safe without them).
      if (holding) await this.claims.end();
      throw error;
    }
  }

  /** Stores an answer rebuilt after a crash, so that later replays need not rebuild it. */
  async storeAnswer(organizationId: string, key: string, body: unknown): Promise<void> {
    await this.claims.pipeline([{ name: 'nguon_idempotency_answer', text: ANSWER, values: [organizationId, key, JSON.stringify(body ?? null)] }]);
  }

  /**
   * For a write that committed without recording its key (a route whose commit path does not go
   * through a transaction this module sees): the key and answer, recorded after the write. Not
   * crash-safe; every route of this API records its key in its transaction.
   */
  async recordAfterWrite(write: IdempotentWrite, body: unknown): Promise<void> {
    await this.claims.pipeline([
      {
        text: `INSERT INTO idempotency_key (organization_id, key, method, path, request_hash, status_code, result, response_body)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        values: [...write.values(), JSON.stringify(body ?? null)],
      },
    ]);
  }

  /** Forgets keys older than their lifetime. */
  async purgeOlderThan(days: number): Promise<number> {
    const { results } = await this.claims.pipeline([{ text: `DELETE FROM idempotency_key WHERE created_at < now() - make_interval(days => $1)`, values: [days] }]);
    return results[0].rowCount ?? 0;
  }
}
