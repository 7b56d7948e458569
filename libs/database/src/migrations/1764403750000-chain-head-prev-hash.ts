import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chain head also keeps the hash before the last one, so that one UPDATE … RETURNING can move
 * the head forward and hand the appended event both its prev_hash and its hash. Appending an event
 * is then a single statement that computes the hash in the database (sha256 of prev_hash || canonical
 * JSON, the same bytes the application hashes), and the head row stays locked only for that statement
 * and the commit, not for round trips to the application.
 */
export class ChainHeadPrevHash1764403750000 implements MigrationInterface {
  name = 'ChainHeadPrevHash1764403750000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_chain_head ADD COLUMN prev_hash text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_chain_head DROP COLUMN prev_hash`);
  }
}
