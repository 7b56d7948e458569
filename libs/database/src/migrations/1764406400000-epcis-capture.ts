import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * EPCIS 2.0 capture (issue 14): one row per captured EPCISDocument with its state and per-event
 * errors, and the eventIDs an organization has captured. An eventID is captured once per
 * organization; an error declaration about it is a second, separate capture (`declaration`).
 */
export class EpcisCapture1764406400000 implements MigrationInterface {
  name = 'EpcisCapture1764406400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE epcis_capture (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        created_by uuid,
        created_by_api_key_id uuid,
        role text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
        error_behaviour text NOT NULL CHECK (error_behaviour IN ('rollback', 'proceed')),
        document jsonb,
        event_count int NOT NULL,
        processed_count int NOT NULL DEFAULT 0,
        captured_count int NOT NULL DEFAULT 0,
        duplicate_count int NOT NULL DEFAULT 0,
        refused_count int NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        error_code text,
        error_message text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX epcis_capture_organization_idx ON epcis_capture (organization_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE epcis_captured_event (
        organization_id uuid NOT NULL REFERENCES organization(id),
        epcis_event_id text NOT NULL,
        declaration boolean NOT NULL DEFAULT false,
        capture_id uuid NOT NULL REFERENCES epcis_capture(id),
        event_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, epcis_event_id, declaration)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE epcis_captured_event`);
    await q.query(`DROP TABLE epcis_capture`);
  }
}
