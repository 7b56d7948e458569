import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The programme office's daily alerts, computed by the worker once a day (Vietnam time) and kept:
 * one row per office, day, kind and subject, so a second run of the same day adds nothing and any
 * past day's list can be read again. `emailed_at` marks the alerts already sent by mail.
 *
 * A receiving organization acknowledges a recall that reached its lots; until it does, the office of
 * the recalling cooperative's province sees a "recall not acknowledged" alert.
 */
export class ProgrammeAlerts1764406500000 implements MigrationInterface {
  name = 'ProgrammeAlerts1764406500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programme_alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL REFERENCES organization(id),
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('certificate_expiring', 'certificate_expired', 'area_withdrawn_with_stock', 'copied_label', 'recall_not_acknowledged')),
        severity text NOT NULL CHECK (severity IN ('warning', 'critical')),
        organization_id uuid NOT NULL REFERENCES organization(id),
        subject_key text NOT NULL,
        details jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        emailed_at timestamptz,
        UNIQUE (office_id, day, kind, subject_key)
      )`);
    await q.query(`CREATE INDEX programme_alert_office_day ON programme_alert (office_id, day DESC)`);
    // One row per computed day: when the figures were computed, even on a day without alerts.
    await q.query(`CREATE TABLE programme_alert_run (day date PRIMARY KEY, computed_at timestamptz NOT NULL DEFAULT now(), offices int NOT NULL, alerts int NOT NULL)`);
    await q.query(`
      CREATE TABLE recall_acknowledgement (
        organization_id uuid NOT NULL REFERENCES organization(id),
        recall_id text NOT NULL,
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_by uuid,
        note text CHECK (char_length(note) <= 2000),
        PRIMARY KEY (organization_id, recall_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recall_acknowledgement`);
    await q.query(`DROP TABLE programme_alert_run`);
    await q.query(`DROP TABLE programme_alert`);
  }
}
