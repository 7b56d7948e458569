import { MigrationInterface, QueryRunner } from 'typeorm';

const PLACE_TABLES = ['organization', 'partner', 'facility', 'growing_area'];

/**
 * Places in the two-tier form of 1 July 2025 (docs/domain.md#who-uses-nguon): beside the `province`
 * and `commune` texts, the official codes (2 digits for a province, 5 for a commune). Codes are
 * null where the text matches no unit (kept as typed). `address_migration` records what the one-off
 * matching of free-text values did to each row (matched or not), so that the original text is never
 * lost and the unmatched can be listed (`npm run admin -- address-report`).
 */
export class AdministrativeUnits1764405300000 implements MigrationInterface {
  name = 'AdministrativeUnits1764405300000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of PLACE_TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN province_code char(2), ADD COLUMN commune_code char(5)`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_province_code_check CHECK (province_code ~ '^[0-9]{2}$')`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_commune_code_check CHECK (commune_code IS NULL OR (commune_code ~ '^[0-9]{5}$' AND province_code IS NOT NULL))`);
    }
    // The programme office filters its province's areas and organizations by commune.
    await q.query(`CREATE INDEX growing_area_province_commune_idx ON growing_area (province_code, commune_code)`);
    await q.query(`CREATE INDEX organization_province_code_idx ON organization (province_code) WHERE province_code IS NOT NULL`);
    await q.query(`
      CREATE TABLE address_migration (
        table_name text NOT NULL CHECK (table_name IN ('organization', 'partner', 'facility', 'growing_area')),
        row_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        original_province text,
        original_commune text,
        province_code char(2),
        commune_code char(5),
        migrated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (table_name, row_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE address_migration`);
    await q.query(`DROP INDEX organization_province_code_idx`);
    await q.query(`DROP INDEX growing_area_province_commune_idx`);
    for (const table of PLACE_TABLES) await q.query(`ALTER TABLE ${table} DROP COLUMN province_code, DROP COLUMN commune_code`);
  }
}
