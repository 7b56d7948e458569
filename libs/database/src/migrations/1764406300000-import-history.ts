import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Historical imports (harvests, processing): the uploaded file is kept beside its import so the
 * worker streams it again at commit (the rows are not stored one by one in import_job.rows), and
 * import_record_key remembers which record each row's natural key made, written in the same
 * transaction as the lots and events, so a row imported once (from this file or another) is never
 * imported twice. Its rows are written only with the records they name, in the same transaction,
 * so they carry no foreign keys (a check per row would cost as much as the row: 100,000 per file).
 */
export class ImportHistory1764406300000 implements MigrationInterface {
  name = 'ImportHistory1764406300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_file (
        import_id uuid PRIMARY KEY REFERENCES import_job(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id),
        bytes bytea NOT NULL
      )`);
    await q.query(`
      CREATE TABLE import_record_key (
        organization_id uuid NOT NULL,
        kind text NOT NULL,
        key text NOT NULL,
        record_id uuid NOT NULL,
        import_id uuid NOT NULL,
        PRIMARY KEY (organization_id, kind, key)
      )`);
    await q.query(`CREATE INDEX import_record_key_import_idx ON import_record_key (import_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_record_key`);
    await q.query(`DROP TABLE import_file`);
  }
}
