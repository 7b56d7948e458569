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

  /**
   * The key's committed row, if any (answer it; a claim may come with it, to release), or else the
   * held claim (run the write, then release). Waits while another request holds the key, until
   * `deadline` (then IDEMPOTENCY_KEY_IN_PROGRESS: that request is still running).
   */
  async claim(organizationId: string, key: string, deadline: number): Promise<{ claim: HeldClaim | null; record: IdempotencyRecord | null }> {
    const id = `${organizationId}\u0000${key}`;
    const lock = lockOf(id);
    for (let pause = FIRST_POLL_MS; ; pause = Math.min(pause * 2, MAX_POLL_MS)) {
      const local = this.held.get(id);
      if (local) {
        await untilOrDeadline(local, deadline);
        continue;
      }
      let done!: () => void;
      this.held.set(id, new Promise<void>((resolve) => (done = resolve)));
      const free = () => {
        this.held.delete(id);
        done();
      };
      let outcome: Awaited<ReturnType<IdempotencyRepository['tryClaim']>>;
      try {
        outcome = await this.repository.tryClaim(lock, organizationId, key);
      } catch (error) {
        free();
        throw error;
      }
      if (outcome.locked) return { claim: { organizationId, key, lock, connection: outcome.connection, done: free }, record: outcome.record };
      free();
      // Held by another process: a committed row can be answered at once, else wait for the holder.
      if (outcome.record) return { claim: null, record: outcome.record };
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
