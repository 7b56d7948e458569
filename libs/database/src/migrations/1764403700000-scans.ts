import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scans (docs/domain.md#words): one row per resolution of a lot's QR by the public resolver. Only the lot, the
 * label serial, the time (and its local day, for "distinct days" counts) and a coarse client class
 * are kept: no IP address, no raw User-Agent. Rows are written in batches off the request path.
 */
export class Scans1764403700000 implements MigrationInterface {
  name = 'Scans1764403700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scan (
        id bigserial PRIMARY KEY,
        organization_id uuid NOT NULL,
        lot_id uuid NOT NULL,
        serial varchar(20),
        scanned_at timestamptz NOT NULL,
        scanned_on date NOT NULL,
        client_class text NOT NULL CHECK (client_class IN ('android', 'ios', 'desktop', 'bot', 'other')),
        representation text NOT NULL CHECK (representation IN ('html', 'jsonld', 'linkset', 'redirect')),
        FOREIGN KEY (organization_id, lot_id) REFERENCES lot (organization_id, id)
      )`);
    // Counts per lot (by day), and per label serial (first scan, distinct days).
    await q.query(`CREATE INDEX scan_lot_time_idx ON scan (organization_id, lot_id, scanned_at)`);
    await q.query(`CREATE INDEX scan_lot_serial_idx ON scan (lot_id, serial, scanned_on) WHERE serial IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scan`);
  }
}
