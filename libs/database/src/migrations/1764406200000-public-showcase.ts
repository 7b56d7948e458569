import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The province's OCOP showcase (issue 20) and photos (issue 15): an organization's public profile,
 * which it opts into (`listed`, off by default) and which holds only what it chose to show, and the
 * product's photo. Photos are stored through the photo storage under keys; the rows keep the keys.
 * Changes notify the public pages like the registry rows do (migration LotPageNotifications), and so
 * do oversight links (a province's catalogue lists the cooperatives linked to its office).
 */
export class PublicShowcase1764406200000 implements MigrationInterface {
  name = 'PublicShowcase1764406200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_public_profile (
        organization_id uuid PRIMARY KEY REFERENCES organization(id) ON DELETE CASCADE,
        listed boolean NOT NULL DEFAULT false,
        story_vi text,
        story_en text,
        public_phone text,
        public_email text,
        website text,
        links jsonb NOT NULL DEFAULT '[]',
        welcomes_visitors boolean NOT NULL DEFAULT false,
        visit_info_vi text,
        visit_info_en text,
        photo_keys text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organization_public_profile_links_array CHECK (jsonb_typeof(links) = 'array'),
        CONSTRAINT organization_public_profile_photo_count CHECK (cardinality(photo_keys) <= 6)
      )`);
    await q.query(`CREATE INDEX organization_public_profile_listed ON organization_public_profile (organization_id) WHERE listed`);
    await q.query(`ALTER TABLE product ADD COLUMN photo_key text`);
    await q.query(`CREATE TRIGGER organization_public_profile_notify_lot_pages AFTER INSERT OR UPDATE OR DELETE ON organization_public_profile FOR EACH ROW EXECUTE FUNCTION notify_lot_pages_of_row('organization_id')`);
    // A link changes which cooperatives a province's catalogue lists: its office is notified (every catalogue depends on its office).
    await q.query(`CREATE TRIGGER organization_link_notify_lot_pages AFTER INSERT OR UPDATE OR DELETE ON organization_link FOR EACH ROW EXECUTE FUNCTION notify_lot_pages_of_row('from_organization_id')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organization_link_notify_lot_pages ON organization_link`);
    await q.query(`DROP TRIGGER organization_public_profile_notify_lot_pages ON organization_public_profile`);
    await q.query(`ALTER TABLE product DROP COLUMN photo_key`);
    await q.query(`DROP TABLE organization_public_profile`);
  }
}
