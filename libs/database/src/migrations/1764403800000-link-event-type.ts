import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each genealogy edge keeps the type of the event that made it (transform or split), so that a trace
 * reads only the link and lot tables: the event table, a row per event ever recorded, is the largest
 * and least cached, and a trace used to look up one of its rows for every edge just for this type.
 */
export class LinkEventType1764403800000 implements MigrationInterface {
  name = 'LinkEventType1764403800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lot_link ADD COLUMN event_type text`);
    await q.query(`UPDATE lot_link k SET event_type = e.type FROM event e WHERE e.id = k.event_id`);
    await q.query(`ALTER TABLE lot_link ALTER COLUMN event_type SET NOT NULL, ADD CHECK (event_type IN ('transform', 'split'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lot_link DROP COLUMN event_type`);
  }
}
