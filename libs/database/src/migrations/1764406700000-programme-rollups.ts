import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The province dashboard's rollups (docs/architecture.md, "Programme rollups"): the figures whose
 * live SQL grows with every lot and scan of the province, summed by the worker per organization and
 * local (Vietnam) day and month, so that the dashboard reads a few thousand rows whatever the size.
 *
 * - `programme_rollup_lot`: per organization, product and bucket — lots made (not voided), harvested
 *   and processed mass, lots traced to a growing area and those of them with labels printed (by the
 *   lot's production day), labels printed (by the label job's creation day).
 * - `programme_rollup_scan`: per organization, OCOP group (0 = the organization as a whole, every
 *   group and none) and bucket — scans (bots left out) and the distinct clients among them, counted
 *   within that organization, group and bucket only (a month row counts a client once in the month).
 * - `programme_copied_label`: each label serial that looks copied, with the local day it crossed
 *   the threshold.
 * - `programme_rollup_dirty`: months whose lots or label jobs changed since the last refresh (filled by
 *   triggers, one row per statement, emptied by the refresh that read them).
 * - `programme_rollup_state`: when the rollups were last refreshed (changes committed before that
 *   instant are counted) and the refresh log.
 *
 * Scans are found by time through a BRIN index on `scanned_at` (scans arrive in time order, so it
 * stays tiny and costs next to nothing on the scan insert path).
 */
export class ProgrammeRollups1764406700000 implements MigrationInterface {
  name = 'ProgrammeRollups1764406700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programme_rollup_lot (
        organization_id uuid NOT NULL REFERENCES organization(id),
        span text NOT NULL CHECK (span IN ('day', 'month')),
        bucket date NOT NULL,
        product_id uuid NOT NULL,
        lots int NOT NULL DEFAULT 0,
        harvest_lots int NOT NULL DEFAULT 0,
        harvested_kg numeric NOT NULL DEFAULT 0,
        processed_lots int NOT NULL DEFAULT 0,
        processed_kg numeric NOT NULL DEFAULT 0,
        traced_lots int NOT NULL DEFAULT 0,
        labelled_traced_lots int NOT NULL DEFAULT 0,
        labels_printed int NOT NULL DEFAULT 0,
        PRIMARY KEY (organization_id, span, bucket, product_id),
        CHECK (span = 'day' OR bucket = date_trunc('month', bucket)::date)
      )`);
    await q.query(`
      CREATE TABLE programme_rollup_scan (
        organization_id uuid NOT NULL REFERENCES organization(id),
        span text NOT NULL CHECK (span IN ('day', 'month')),
        bucket date NOT NULL,
        ocop_group smallint NOT NULL CHECK (ocop_group BETWEEN 0 AND 6),
        scans int NOT NULL,
        distinct_clients int NOT NULL,
        PRIMARY KEY (organization_id, span, bucket, ocop_group),
        CHECK (span = 'day' OR bucket = date_trunc('month', bucket)::date)
      )`);
    await q.query(`
      CREATE TABLE programme_copied_label (
        organization_id uuid NOT NULL REFERENCES organization(id),
        lot_id uuid NOT NULL,
        serial varchar(20) NOT NULL,
        flagged_on date NOT NULL,
        PRIMARY KEY (organization_id, lot_id, serial)
      )`);
    await q.query(`CREATE TABLE programme_rollup_dirty (id bigserial PRIMARY KEY, month date NOT NULL, marked_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`
      CREATE TABLE programme_rollup_state (
        id int PRIMARY KEY CHECK (id = 1),
        refreshed_at timestamptz,
        last_kind text,
        last_months int,
        last_duration_ms int
      )`);
    await q.query(`INSERT INTO programme_rollup_state (id) VALUES (1)`);
    await q.query(`CREATE INDEX scan_scanned_at_brin ON scan USING brin (scanned_at)`);

    // Dirty months: the local month of each lot inserted or changed in what the rollups count, and
    // of each label job's lot and creation. One row per statement and month, never a conflict.
    await q.query(`
      CREATE FUNCTION programme_mark_lots() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO programme_rollup_dirty (month)
          SELECT DISTINCT date_trunc('month', produced_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM changed_lots;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER lot_programme_dirty_insert AFTER INSERT ON lot REFERENCING NEW TABLE AS changed_lots FOR EACH STATEMENT EXECUTE FUNCTION programme_mark_lots()`);
    await q.query(`
      CREATE FUNCTION programme_mark_lot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO programme_rollup_dirty (month) SELECT DISTINCT m FROM (VALUES
          (date_trunc('month', OLD.produced_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date),
          (date_trunc('month', NEW.produced_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)) v(m);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER lot_programme_dirty_update AFTER UPDATE OF status, kind, quantity, unit, produced_at, product_id, growing_area_id ON lot
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.quantity IS DISTINCT FROM NEW.quantity
        OR OLD.unit IS DISTINCT FROM NEW.unit OR OLD.produced_at IS DISTINCT FROM NEW.produced_at OR OLD.product_id IS DISTINCT FROM NEW.product_id
        OR OLD.growing_area_id IS DISTINCT FROM NEW.growing_area_id)
      EXECUTE FUNCTION programme_mark_lot()`);
    await q.query(`
      CREATE FUNCTION programme_mark_label_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO programme_rollup_dirty (month)
          SELECT date_trunc('month', l.produced_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM changed_jobs j JOIN lot l ON l.id = j.lot_id
          UNION SELECT date_trunc('month', j.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM changed_jobs j;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER label_job_programme_dirty_insert AFTER INSERT ON label_job REFERENCING NEW TABLE AS changed_jobs FOR EACH STATEMENT EXECUTE FUNCTION programme_mark_label_jobs()`);
    await q.query(`
      CREATE FUNCTION programme_mark_label_job() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO programme_rollup_dirty (month)
          SELECT date_trunc('month', l.produced_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM lot l WHERE l.id = NEW.lot_id
          UNION SELECT date_trunc('month', NEW.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
        RETURN NULL;
      END $$`);
    // Only a job failing (or a failed one retried) changes what is counted: progress updates do not fire.
    await q.query(`
      CREATE TRIGGER label_job_programme_dirty_update AFTER UPDATE OF status ON label_job
      FOR EACH ROW WHEN ((OLD.status = 'failed') IS DISTINCT FROM (NEW.status = 'failed'))
      EXECUTE FUNCTION programme_mark_label_job()`);
    // A new genealogy edge can trace a child lot to a growing area.
    await q.query(`
      CREATE FUNCTION programme_mark_lot_links() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO programme_rollup_dirty (month)
          SELECT DISTINCT date_trunc('month', l.produced_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM new_links k JOIN lot l ON l.id = k.child_lot_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER lot_link_programme_dirty_insert AFTER INSERT ON lot_link REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION programme_mark_lot_links()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER lot_link_programme_dirty_insert ON lot_link`);
    await q.query(`DROP TRIGGER label_job_programme_dirty_update ON label_job`);
    await q.query(`DROP TRIGGER label_job_programme_dirty_insert ON label_job`);
    await q.query(`DROP TRIGGER lot_programme_dirty_update ON lot`);
    await q.query(`DROP TRIGGER lot_programme_dirty_insert ON lot`);
    await q.query(`DROP FUNCTION programme_mark_lot_links(), programme_mark_label_job(), programme_mark_label_jobs(), programme_mark_lot(), programme_mark_lots()`);
    await q.query(`DROP INDEX scan_scanned_at_brin`);
    await q.query(`DROP TABLE programme_rollup_state, programme_rollup_dirty, programme_copied_label, programme_rollup_scan, programme_rollup_lot`);
  }
}
