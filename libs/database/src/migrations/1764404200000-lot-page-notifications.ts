import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows appear on public lot pages outside events: what registry edits change there. */
const REGISTRY_TABLES = ['product', 'certification', 'growing_area', 'facility', 'partner', 'input_application'];

/**
 * Public lot pages are cached in each API process and dropped when what they show changes. Every
 * writer (API, worker, seed, imports, a recall crossing organizations, voids, receives) goes through
 * these tables, so the triggers here cover them all: at commit, PostgreSQL delivers to every
 * listening process one notification on `nguon_lot_pages` per organization the transaction touched
 * (identical payloads in one transaction are folded into one, so a batch of appends to one journal
 * costs one notification). The payload is the organization id: a page depends on the journals its
 * genealogy draws on and on those organizations' registry rows.
 */
export class LotPageNotifications1764404200000 implements MigrationInterface {
  name = 'LotPageNotifications1764404200000';

  async up(q: QueryRunner): Promise<void> {
    // Events: once per statement, over the rows it inserted (a COPY of a million events is one call).
    await q.query(`
      CREATE FUNCTION notify_lot_pages_of_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('nguon_lot_pages', o.organization_id::text) FROM (SELECT DISTINCT organization_id FROM new_events) o;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER event_notify_lot_pages AFTER INSERT ON event
      REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION notify_lot_pages_of_events()`);

    // Registry rows: edited one at a time and rarely, so a row trigger is simplest.
    await q.query(`
      CREATE FUNCTION notify_lot_pages_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row_data jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
      BEGIN
        PERFORM pg_notify('nguon_lot_pages', row_data->>TG_ARGV[0]);
        RETURN NULL;
      END $$`);
    for (const table of REGISTRY_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_notify_lot_pages AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION notify_lot_pages_of_row('organization_id')`);
    }
    await q.query(`CREATE TRIGGER organization_notify_lot_pages AFTER UPDATE ON organization FOR EACH ROW EXECUTE FUNCTION notify_lot_pages_of_row('id')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organization_notify_lot_pages ON organization`);
    for (const table of REGISTRY_TABLES) await q.query(`DROP TRIGGER ${table}_notify_lot_pages ON ${table}`);
    await q.query(`DROP FUNCTION notify_lot_pages_of_row()`);
    await q.query(`DROP TRIGGER event_notify_lot_pages ON event`);
    await q.query(`DROP FUNCTION notify_lot_pages_of_events()`);
  }
}
