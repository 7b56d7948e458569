import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scans are counted on distinct clients: each new scan row carries `client_hash`, a keyed hash of the
 * client's address and User-Agent under a salt of its local day, so one phone reloading a page adds
 * one scan a day, and nothing stored names an address or a browser. The salts live in `scan_salt`,
 * one random value per day shared by every API process, and are deleted two days later, after which
 * no one, not even with the database, can tell whose scan a hash was. Rows written before this
 * migration keep a null hash and count one each, as they did.
 */
export class ScanClients1764404100000 implements MigrationInterface {
  name = 'ScanClients1764404100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scan ADD COLUMN client_hash varchar(32)`);
    await q.query(`
      CREATE TABLE scan_salt (
        day date PRIMARY KEY,
        salt bytea NOT NULL CHECK (octet_length(salt) = 32)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scan_salt`);
    await q.query(`ALTER TABLE scan DROP COLUMN client_hash`);
  }
}
