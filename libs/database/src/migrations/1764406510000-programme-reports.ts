import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A programme office's monthly province report, rendered by the worker as XLSX and PDF. Each request
 * is a row (the history of who asked for which month stays); the files are stored under `file_key`
 * + `.xlsx` / `.pdf` with their SHA-256, and `content_sha256` is the digest of the figures they show:
 * two renders of the same month over the same records have the same one.
 */
export class ProgrammeReports1764406510000 implements MigrationInterface {
  name = 'ProgrammeReports1764406510000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programme_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL REFERENCES organization(id),
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        status text NOT NULL CHECK (status IN ('queued', 'rendering', 'done', 'failed')),
        progress int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        requested_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        file_key text,
        xlsx_sha256 text,
        pdf_sha256 text,
        xlsx_size int,
        pdf_size int,
        content_sha256 text,
        error_code text,
        CHECK (status <> 'done' OR (file_key IS NOT NULL AND xlsx_sha256 IS NOT NULL AND pdf_sha256 IS NOT NULL AND content_sha256 IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX programme_report_office ON programme_report (office_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programme_report`);
  }
}
