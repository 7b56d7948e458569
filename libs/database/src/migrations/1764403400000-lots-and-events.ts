import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lots and their immutable, hash-chained event history (docs/rules.md, from #immutable-history to #recalls-propagate).
 * `lot.consumed` is the running total given out (in the lot's unit), kept under a row lock so
 * that mass balance holds under concurrent requests; events themselves are append-only.
 */
export class LotsAndEvents1764403400000 implements MigrationInterface {
  name = 'LotsAndEvents1764403400000';

  async up(q: QueryRunner): Promise<void> {
    // The head of each organization's hash chain; locked FOR UPDATE to append one event at a time.
    await q.query(`
      CREATE TABLE event_chain_head (
        organization_id uuid PRIMARY KEY REFERENCES organization(id),
        last_seq bigint NOT NULL DEFAULT 0,
        last_hash text
      )`);

    await q.query(`
      CREATE TABLE event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        seq bigint NOT NULL,
        type text NOT NULL CHECK (type IN ('harvest', 'transform', 'split', 'ship', 'receive', 'inspect', 'recall', 'void')),
        epcis_event_type text NOT NULL,
        action text,
        biz_step text,
        disposition text,
        event_time timestamptz NOT NULL,
        event_time_offset text NOT NULL DEFAULT '+07:00',
        record_time timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid,
        growing_area_id uuid,
        facility_id uuid,
        source_partner_id uuid,
        destination_partner_id uuid,
        documents jsonb NOT NULL DEFAULT '[]',
        details jsonb NOT NULL DEFAULT '{}',
        voids_event_id uuid REFERENCES event(id),
        reason text,
        prev_hash text,
        hash text NOT NULL,
        UNIQUE (organization_id, seq),
        UNIQUE (organization_id, id)
      )`);
    await q.query(`CREATE INDEX event_org_time_idx ON event (organization_id, event_time)`);
    await q.query(`CREATE UNIQUE INDEX event_voided_once_key ON event (voids_event_id) WHERE voids_event_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE lot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        code varchar(20) NOT NULL,
        display_name text,
        product_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('harvest', 'processed', 'packed', 'split', 'received')),
        quantity numeric(18, 6) NOT NULL CHECK (quantity > 0),
        unit text NOT NULL CHECK (unit IN ('kg', 't', 'g', 'l', 'ml', 'pcs', 'pack')),
        consumed numeric(18, 6) NOT NULL DEFAULT 0 CHECK (consumed >= 0 AND consumed <= quantity),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'recalled', 'voided')),
        growing_area_id uuid,
        household_partner_id uuid,
        facility_id uuid,
        produced_at timestamptz NOT NULL,
        produced_at_offset text NOT NULL DEFAULT '+07:00',
        expires_at date,
        short_code varchar(16) NOT NULL UNIQUE,
        created_event_id uuid REFERENCES event(id),
        recalled_at timestamptz,
        recall_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, code),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, product_id) REFERENCES product (organization_id, id),
        FOREIGN KEY (organization_id, growing_area_id) REFERENCES growing_area (organization_id, id),
        FOREIGN KEY (organization_id, household_partner_id) REFERENCES partner (organization_id, id),
        FOREIGN KEY (organization_id, facility_id) REFERENCES facility (organization_id, id)
      )`);
    await q.query(`CREATE INDEX lot_org_product_idx ON lot (organization_id, product_id)`);
    await q.query(`CREATE INDEX lot_growing_area_idx ON lot (growing_area_id, produced_at) WHERE growing_area_id IS NOT NULL`);

    // Quantity lines of an event: which lots went in and came out, and how much.
    await q.query(`
      CREATE TABLE event_line (
        id bigserial PRIMARY KEY,
        organization_id uuid NOT NULL,
        event_id uuid NOT NULL,
        lot_id uuid NOT NULL,
        direction text NOT NULL CHECK (direction IN ('input', 'output', 'observed')),
        quantity numeric(18, 6) NOT NULL CHECK (quantity > 0),
        unit text NOT NULL,
        quantity_in_lot_unit numeric(18, 6) NOT NULL,
        FOREIGN KEY (organization_id, event_id) REFERENCES event (organization_id, id),
        FOREIGN KEY (organization_id, lot_id) REFERENCES lot (organization_id, id)
      )`);
    await q.query(`CREATE INDEX event_line_event_idx ON event_line (event_id)`);
    await q.query(`CREATE INDEX event_line_lot_idx ON event_line (lot_id)`);

    // Genealogy edges, indexed in both directions for trace back and forward.
    await q.query(`
      CREATE TABLE lot_link (
        organization_id uuid NOT NULL,
        parent_lot_id uuid NOT NULL,
        child_lot_id uuid NOT NULL,
        event_id uuid NOT NULL,
        quantity numeric(18, 6) NOT NULL,
        unit text NOT NULL,
        PRIMARY KEY (parent_lot_id, child_lot_id, event_id),
        CHECK (parent_lot_id <> child_lot_id),
        FOREIGN KEY (organization_id, parent_lot_id) REFERENCES lot (organization_id, id),
        FOREIGN KEY (organization_id, child_lot_id) REFERENCES lot (organization_id, id)
      )`);
    await q.query(`CREATE INDEX lot_link_child_parent_idx ON lot_link (child_lot_id, parent_lot_id)`);

    // Custody passes between organizations only by a shipment the receiver accepts (rule 8).
    await q.query(`
      CREATE TABLE shipment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        lot_id uuid NOT NULL,
        event_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        receiver_organization_id uuid REFERENCES organization(id),
        quantity numeric(18, 6) NOT NULL CHECK (quantity > 0),
        unit text NOT NULL,
        shipped_at timestamptz NOT NULL,
        documents jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'in_transit' CHECK (status IN ('in_transit', 'received', 'cancelled')),
        received_lot_id uuid REFERENCES lot(id),
        received_event_id uuid REFERENCES event(id),
        received_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organization_id, lot_id) REFERENCES lot (organization_id, id),
        FOREIGN KEY (organization_id, partner_id) REFERENCES partner (organization_id, id)
      )`);
    await q.query(`CREATE INDEX shipment_lot_idx ON shipment (lot_id)`);
    await q.query(`CREATE INDEX shipment_receiver_idx ON shipment (receiver_organization_id, status)`);

    // Rule 1: history is append-only. Corrections are new `void` events.
    await q.query(`
      CREATE FUNCTION forbid_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event FOR EACH ROW EXECUTE FUNCTION forbid_event_change()`);
    await q.query(`CREATE TRIGGER event_line_append_only BEFORE UPDATE OR DELETE ON event_line FOR EACH ROW EXECUTE FUNCTION forbid_event_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE shipment, lot_link, event_line, lot, event, event_chain_head`);
    await q.query(`DROP FUNCTION forbid_event_change`);
  }
}
