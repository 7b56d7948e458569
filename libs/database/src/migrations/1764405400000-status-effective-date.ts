import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A growing area's status change can take effect before it is recorded: an area registered in the
 * console today was often certified months ago, and the harvests since then must be enterable.
 * `effective_at` (null: the moment it was recorded) is when the change took effect; `changed_at`
 * stays the moment it was recorded, so the history shows both. A change never takes effect after it
 * was recorded. `evidence_reference` names the paper behind it (a decision number), optionally.
 */
export class StatusEffectiveDate1764405400000 implements MigrationInterface {
  name = 'StatusEffectiveDate1764405400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE growing_area_status_change ADD COLUMN effective_at timestamptz, ADD COLUMN evidence_reference text`);
    await q.query(`ALTER TABLE growing_area_status_change ADD CONSTRAINT growing_area_status_change_effective_not_after_record CHECK (effective_at IS NULL OR effective_at <= changed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE growing_area_status_change DROP CONSTRAINT growing_area_status_change_effective_not_after_record`);
    await q.query(`ALTER TABLE growing_area_status_change DROP COLUMN evidence_reference, DROP COLUMN effective_at`);
  }
}
