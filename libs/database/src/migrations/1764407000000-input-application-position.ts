import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where the phone was when an input application was written in the field (issue 15): WGS 84 degrees
 * and the accuracy in metres, as `{latitude, longitude, accuracyM}`; null when the phone gave none.
 * Staff see it; no public page reads it.
 */
export class InputApplicationPosition1764407000000 implements MigrationInterface {
  name = 'InputApplicationPosition1764407000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE input_application ADD COLUMN position jsonb
        CHECK (position IS NULL OR (
          coalesce(jsonb_typeof(position->'latitude'), '') = 'number' AND (position->>'latitude')::numeric BETWEEN -90 AND 90 AND
          coalesce(jsonb_typeof(position->'longitude'), '') = 'number' AND (position->>'longitude')::numeric BETWEEN -180 AND 180))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE input_application DROP COLUMN position`);
  }
}
