import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreadsheet imports: one row per uploaded file and organization, with the rows as read, the dry
 * run's errors and the commit's progress. (organization, kind, digest) is unique: uploading the same
 * file again finds the import it already made.
 */
export class ImportJobs1764405500000 implements MigrationInterface {
  name = 'ImportJobs1764405500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        created_by uuid,
        committed_by uuid,
        committed_by_role text,
        kind text NOT NULL,
        file_name text NOT NULL,
        digest text NOT NULL,
        status text NOT NULL CHECK (status IN ('validated', 'queued', 'committing', 'done', 'failed')),
        mode text CHECK (mode IN ('all_or_nothing', 'valid_rows')),
        update_existing boolean NOT NULL DEFAULT false,
        header_row int NOT NULL,
        headers jsonb NOT NULL,
        positions jsonb NOT NULL,
        rows jsonb NOT NULL,
        errors jsonb NOT NULL,
        total_rows int NOT NULL,
        valid_rows int NOT NULL,
        existing_rows int NOT NULL,
        processed_rows int NOT NULL DEFAULT 0,
        created_count int NOT NULL DEFAULT 0,
        updated_count int NOT NULL DEFAULT 0,
        skipped_count int NOT NULL DEFAULT 0,
        failed_count int NOT NULL DEFAULT 0,
        error_code text,
        error_message text,
        committed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT import_job_file_key UNIQUE (organization_id, kind, digest)
      )`);
    await q.query(`CREATE INDEX import_job_organization_idx ON import_job (organization_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_job`);
  }
}
