import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key row is now written in the transaction of the write it names, never before: a
 * row means "committed". `result` holds what the write made (`{"eventId": …}` or `{"id": …}`), from
 * which the answer is rebuilt when the process died before storing `response_body`; `status_code` is
 * the route's success status, written with the row. Rows are purged after their lifetime, by age.
 */
export class IdempotencyInTransaction1764403920000 implements MigrationInterface {
  name = 'IdempotencyInTransaction1764403920000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_key ADD COLUMN result jsonb`);
    await q.query(`CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idempotency_key_created_at_idx`);
    await q.query(`ALTER TABLE idempotency_key DROP COLUMN result`);
  }
}
