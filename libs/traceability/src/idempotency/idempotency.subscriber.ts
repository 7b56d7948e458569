import type { EntitySubscriberInterface, InsertEvent, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent, TransactionStartEvent } from 'typeorm';
import { currentIdempotentWrite, INSERT_IDEMPOTENCY_KEY, type IdempotentWrite } from './idempotent-write.js';

/**
 * Writes that commit through TypeORM (the registry, users and API keys, label jobs, recalls, and the
 * lot operations that run in a transaction of several statements) record their Idempotency-Key in
 * their own transaction: just before the outermost COMMIT of the first transaction the request
 * commits. What the write created is the first row inserted in that transaction, unless the
 * code said otherwise (noteIdempotentResult, an appended event).
 */
export class IdempotencySubscriber implements EntitySubscriberInterface {
  private readonly carrying = new WeakMap<QueryRunner, IdempotentWrite>();

  afterTransactionStart(event: TransactionStartEvent): void {
    const write = currentIdempotentWrite();
    // A retried transaction (deadlock, serialization failure) makes its rows anew.
    if (write && !write.committed && depthOf(event.queryRunner) === 1) write.result = null;
  }

  afterInsert(event: InsertEvent<{ id?: unknown }>): void {
    const write = currentIdempotentWrite();
    if (!write || write.committed || write.result) return;
    const id = event.entityId?.id ?? event.entity?.id;
    if (typeof id === 'string') write.result = { id };
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const write = currentIdempotentWrite();
    if (!write || write.committed || depthOf(event.queryRunner) !== 1) return;
    await write.assertClaimed();
    this.carrying.set(event.queryRunner, write);
    await event.queryRunner.query(INSERT_IDEMPOTENCY_KEY, write.values());
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const write = this.carrying.get(event.queryRunner);
    if (!write) return;
    this.carrying.delete(event.queryRunner);
    write.committed = true;
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.carrying.delete(event.queryRunner);
  }
}

/** How many transactions deep the runner is (1: the outermost; savepoints count too). */
function depthOf(runner: QueryRunner): number {
  return (runner as unknown as { transactionDepth: number }).transactionDepth;
}
