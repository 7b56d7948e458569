import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GS1 identifiers the standard exports need: an organization's GLN (its party and main location in
 * EPCIS) and its GS1 company prefix (where a GTIN or GLN splits into the company prefix and the
 * reference, which EPC URNs write apart); a partner's country, for FSMA 204 location descriptions of
 * buyers abroad. Facilities and partners already have a GLN.
 */
export class Gs1Identifiers1764403900000 implements MigrationInterface {
  name = 'Gs1Identifiers1764403900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization ADD COLUMN gln char(13), ADD COLUMN gs1_company_prefix text CHECK (gs1_company_prefix ~ '^[0-9]{6,12}$')`);
    await q.query(`ALTER TABLE partner ADD COLUMN country char(2) CHECK (country ~ '^[A-Z]{2}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE partner DROP COLUMN country`);
    await q.query(`ALTER TABLE organization DROP COLUMN gs1_company_prefix, DROP COLUMN gln`);
  }
}
