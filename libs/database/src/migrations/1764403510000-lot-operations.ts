import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Support for lot operations (issue 4): per-organization counters for generated lot codes, and the
 * indexes the lot list, shipment lists, yield-override report and trace-back across shipments use.
 */
export class LotOperations1764403510000 implements MigrationInterface {
  name = 'LotOperations1764403510000';

  async up(q: QueryRunner): Promise<void> {
    // Generated lot codes PREFIX-YEAR-NNNNNN: the row is locked while a code is taken, so two
    // concurrent operations never draw the same number.
    await q.query(`
      CREATE TABLE lot_code_sequence (
        organization_id uuid NOT NULL REFERENCES organization(id),
        prefix text NOT NULL,
        year int NOT NULL,
        last_seq bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (organization_id, prefix, year)
      )`);
    await q.query(`CREATE INDEX lot_org_created_idx ON lot (organization_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX shipment_org_created_idx ON shipment (organization_id, created_at DESC)`);
    await q.query(`CREATE INDEX shipment_received_lot_idx ON shipment (received_lot_id) WHERE received_lot_id IS NOT NULL`);
    // Acknowledged yield overrides, listed for the programme office (docs/rules.md#harvests-come-from-a-real-active-growing-area).
    await q.query(
      `CREATE INDEX event_yield_override_idx ON event (organization_id, record_time) WHERE type = 'harvest' AND details ? 'yieldOverride'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX event_yield_override_idx, shipment_received_lot_idx, shipment_org_created_idx, lot_org_created_idx`);
    await q.query(`DROP TABLE lot_code_sequence`);
  }
}
