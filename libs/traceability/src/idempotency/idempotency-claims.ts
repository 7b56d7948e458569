import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainException } from '../common/domain.exception.js';
import { IdempotencyRepository, type ClaimConnection, type ClaimLock, type IdempotencyRecord } from './idempotency.repository.js';

/** A key this process holds while its write runs. */
export interface HeldClaim {
  organizationId: string;
  key: string;
  lock: ClaimLock;
  connection: ClaimConnection;
  /** Lets the requests of this process that wait for the key go on. */
  done: () => void;
}

/**
 * What a try at a key found: its committed row (answer it) and/or the claim (when the key was free;
 * to release). Neither: another process holds the key and nothing is committed yet.
 */
export interface ClaimOutcome {
  claim: HeldClaim | null;
  record: IdempotencyRecord | null;
}

/** How long keys are kept: a retry within this time gets the first answer; later, the key is new. */
export const IDEMPOTENCY_KEY_LIFETIME_DAYS = 7;
const FIRST_POLL_MS = 20;
const MAX_POLL_MS = 250;
const PURGE_EVERY_MS = 60 * 60_000;
const FIRST_PURGE_AFTER_MS = 60_000;

/**
 * Claims of Idempotency-Keys for the requests of this process. A key is held while its write runs:
 * in memory against the other requests of this process, and by a session advisory lock on the
 * claims connection against other processes (IdempotencyRepository). A request that finds the key
 * held waits — for the in-memory claim, or polling the lock on the shared connection, never holding
 * a pooled connection — until it is released: then either the write committed (its row is there:
 * answer it) or it did not (claim the key and run it).
 */
@Injectable()
export class IdempotencyClaims implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyClaims.name);
  private readonly held = new Map<string, Promise<void>>();
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly repository: IdempotencyRepository) {}

  onModuleInit(): void {
    this.timer = setTimeout(() => this.purge(), FIRST_PURGE_AFTER_MS).unref();
  }

  onModuleDestroy(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** Another request of this process holds the key now. */
  heldHere(organizationId: string, key: string): boolean {
    return this.held.has(idOf(organizationId, key));
  }

  /**
   * One try, without waiting (the key must not be held here: heldHere): the key's committed row if
   * any, and the claim when the key was free. Neither means another process holds it. The key
   * counts as held here from the call on, until the claim is released or the try failed.
   */
  attempt(organizationId: string, key: string): Promise<ClaimOutcome> {
    const id = idOf(organizationId, key);
    if (this.held.has(id)) throw new Error(`Idempotency-Key ${key} is already held by this process`);
    let done!: () => void;
    this.held.set(id, new Promise<void>((resolve) => (done = resolve)));
    const free = () => {
      this.held.delete(id);
      done();
    };
    const lock = lockOf(id);
    return this.repository.tryClaim(lock, organizationId, key).then(
      (outcome) => {
        if (outcome.locked) return { claim: { organizationId, key, lock, connection: outcome.connection, done: free }, record: outcome.record };
        free();
        return { claim: null, record: outcome.record };
      },
      (error: unknown) => {
        free();
        throw error;
      },
    );
  }

  /**
   * Like attempt(), but waits while another request holds the key and nothing is committed, until
   * `deadline` (then IDEMPOTENCY_KEY_IN_PROGRESS: that request is still running).
   */
  async claim(organizationId: string, key: string, deadline: number): Promise<ClaimOutcome> {
    const id = idOf(organizationId, key);
    for (let pause = FIRST_POLL_MS; ; pause = Math.min(pause * 2, MAX_POLL_MS)) {
      const local = this.held.get(id);
      if (local) {
        await untilOrDeadline(local, deadline);
        continue;
      }
      const outcome = await this.attempt(organizationId, key);
      if (outcome.claim || outcome.record) return outcome;
      // Held by another process, nothing committed yet: wait for the holder.
      await untilOrDeadline(new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random()))), deadline);
    }
  }

  /** Gives the key up, storing the answer of its committed write first. */
  async release(claim: HeldClaim, answer?: { body: unknown }): Promise<void> {
    try {
      await this.repository.release(claim.lock, claim.connection, answer && { organizationId: claim.organizationId, key: claim.key, body: answer.body });
    } finally {
      claim.done();
    }
  }

  private purge(): void {
    this.repository
      .purgeOlderThan(IDEMPOTENCY_KEY_LIFETIME_DAYS)
      .then((removed) => removed && this.logger.log(`forgot ${removed} Idempotency-Keys older than ${IDEMPOTENCY_KEY_LIFETIME_DAYS} days`))
      .catch((error: Error) => this.logger.warn(`Idempotency-Key purge failed: ${error.message}`))
      .finally(() => {
        if (!this.closed) this.timer = setTimeout(() => this.purge(), PURGE_EVERY_MS).unref();
      });
  }
}

function idOf(organizationId: string, key: string): string {
  return `${organizationId}\u0000${key}`;
}

function lockOf(id: string): ClaimLock {
  const digest = createHash('sha256').update(id).digest();
  return [digest.readInt32BE(0), digest.readInt32BE(4)];
}

async function untilOrDeadline(wait: Promise<unknown>, deadline: number): Promise<void> {
  const left = deadline - Date.now();
  let timer: NodeJS.Timeout | undefined;
  if (left > 0) await Promise.race([wait, new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
  clearTimeout(timer);
  if (Date.now() >= deadline) {
    throw new DomainException('IDEMPOTENCY_KEY_IN_PROGRESS', 'Idempotency-Key: the first request with this key is still running; retry shortly', 'conflict');
  }
}
