import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Label jobs (docs/rules.md#labels-are-frozen-and-unique, docs/public-contract.md#labels,
 * docs/domain.md#label-templates). A job row is the source of truth for a print run: it
 * snapshots everything printed at creation and holds the serial range allocated once from a global
 * counter, so a retry, a worker crash or a Redis loss re-renders exactly the same labels.
 */
export class LabelJobs1764403600000 implements MigrationInterface {
  name = 'LabelJobs1764403600000';

  async up(q: QueryRunner): Promise<void> {
    // One row for the whole deployment: serials are globally unique. Allocation updates this row,
    // which locks it until the job row is committed, so ranges are contiguous and never overlap.
    await q.query(`
      CREATE TABLE label_serial_counter (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        last_serial bigint NOT NULL DEFAULT 0 CHECK (last_serial >= 0)
      )`);
    await q.query(`INSERT INTO label_serial_counter (id, last_serial) VALUES (1, 0)`);

    await q.query(`
      CREATE TABLE label_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        lot_id uuid NOT NULL,
        template_id text NOT NULL,
        count int NOT NULL CHECK (count > 0),
        serialized boolean NOT NULL,
        start_position int NOT NULL DEFAULT 1 CHECK (start_position >= 1),
        offset_x_mm double precision NOT NULL DEFAULT 0 CHECK (abs(offset_x_mm) <= 5),
        offset_y_mm double precision NOT NULL DEFAULT 0 CHECK (abs(offset_y_mm) <= 5),
        outline boolean NOT NULL DEFAULT false,
        language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
        snapshot jsonb NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'rendering', 'done', 'failed')),
        progress int NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= count),
        pages int,
        error_code text,
        error_message text,
        serial_first bigint,
        serial_last bigint,
        file_key text,
        file_size bigint,
        file_sha256 char(64),
        attempts int NOT NULL DEFAULT 0,
        created_by uuid REFERENCES app_user(id),
        created_by_api_key_id uuid REFERENCES api_key(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        heartbeat_at timestamptz,
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, lot_id) REFERENCES lot (organization_id, id),
        CHECK (
          (serialized AND serial_first >= 1 AND serial_last = serial_first + count - 1)
          OR (NOT serialized AND serial_first IS NULL AND serial_last IS NULL)
        ),
        CHECK (status <> 'done' OR (file_key IS NOT NULL AND file_size IS NOT NULL AND file_sha256 IS NOT NULL AND pages IS NOT NULL)),
        CHECK (status <> 'failed' OR error_code IS NOT NULL)
      )`);
    // Rule 7 held by the database itself: no two jobs' serial ranges ever overlap.
    await q.query(`
      ALTER TABLE label_job ADD CONSTRAINT label_job_serials_unique
        EXCLUDE USING gist (int8range(serial_first, serial_last, '[]') WITH &&) WHERE (serialized)`);
    await q.query(`CREATE INDEX label_job_lot_idx ON label_job (organization_id, lot_id, created_at DESC, id DESC)`);
    // The re-enqueue sweep reads only unfinished jobs.
    await q.query(`CREATE INDEX label_job_unfinished_idx ON label_job (created_at) WHERE status IN ('queued', 'rendering')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE label_job, label_serial_counter`);
  }
}
