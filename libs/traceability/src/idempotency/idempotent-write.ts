import { AsyncLocalStorage } from 'node:async_hooks';
import type { Columns } from '../common/row-columns.js';

/** What a write made, recorded with its key: the event it appended, or the row it created. */
export interface IdempotentResult {
  eventId?: string;
  id?: string;
}

export interface IdempotencyKeyRow {
  organizationId: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  /** The route's success status, recorded with the key (only a write that succeeds commits one). */
  statusCode: number;
}

/** The columns a key's row is written with (checked against the migrated schema by test/foundation/row-types.e2e-spec.ts). */
export const IDEMPOTENCY_KEY_ROW_COLUMNS: Columns<IdempotencyKeyRow> = { organizationId: true, key: true, method: true, path: true, requestHash: true, statusCode: true };

/**
 * Thrown by a commit path when the request does not hold its key after all (another request holds
 * it, or committed it): nothing is committed, and the interceptor waits for or replays the other.
 */
export class IdempotencyKeyNotClaimedError extends Error {
  constructor() {
    super('the Idempotency-Key is held or committed by another request');
    this.name = 'IdempotencyKeyNotClaimedError';
  }
}

/**
 * A request that carries an Idempotency-Key, for the code that commits its write. Whatever commits
 * first while the request runs writes the key's row in the same transaction (the append statement
 * itself, or IdempotencySubscriber just before a TypeORM COMMIT), so that "the write committed" and
 * "the key is recorded" are one fact: a retry finds the row exactly when the write happened.
 *
 * The request's claim on its key is asked for when the request starts and is only needed at that
 * commit (`assertClaimed`), so its round trip overlaps the request's own checks and reads.
 */
export class IdempotentWrite {
  /** The key's row is committed (with the write). */
  committed = false;
  /** What the write made, as far as known; set by the commit paths while the write runs. */
  result: IdempotentResult | null = null;

  constructor(
    readonly row: IdempotencyKeyRow,
    private readonly claimed: Promise<boolean> = Promise.resolve(true),
  ) {
    claimed.catch(() => undefined);
  }

  /** Before the key's statement: the request holds its key (or the claim's own failure, e.g. the database is down). */
  async assertClaimed(): Promise<void> {
    if (!(await this.claimed)) throw new IdempotencyKeyNotClaimedError();
  }

  /** Parameters of INSERT_IDEMPOTENCY_KEY for this write. */
  values(): unknown[] {
    const { organizationId, key, method, path, requestHash, statusCode } = this.row;
    return [organizationId, key, method, path, requestHash, statusCode, JSON.stringify(this.result ?? {})];
  }
}

/** Records the key in the transaction of its write; fails (unique violation) when another request committed it first. */
export const INSERT_IDEMPOTENCY_KEY = `INSERT INTO idempotency_key (organization_id, key, method, path, request_hash, status_code, result)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;

/** The constraint a second commit of one key breaks. */
export const IDEMPOTENCY_KEY_CONSTRAINT = 'idempotency_key_pkey';

const current = new AsyncLocalStorage<IdempotentWrite>();

/** The idempotent write this code runs for, if any. */
export function currentIdempotentWrite(): IdempotentWrite | undefined {
  return current.getStore();
}

export function runIdempotentWrite<T>(write: IdempotentWrite, work: () => Promise<T>): Promise<T> {
  return current.run(write, work);
}

/** Notes what the running write created (for writes whose row is inserted with raw SQL). */
export function noteIdempotentResult(result: IdempotentResult): void {
  const write = current.getStore();
  if (write && !write.committed) write.result = { ...write.result, ...result };
}
