import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS } from '@app/database';
import { SessionsAndLinks1764404000000 } from '../../libs/database/src/migrations/1764404000000-sessions-and-links.js';

/**
 * The migration on data from before it: self-declared programme offices, partners naming other
 * organizations with and without received shipments. A database of its own, dropped afterwards.
 */
describe('migration SessionsAndLinks: existing offices and partner links', () => {
  const adminUrl = process.env.NGUON_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `${process.env.NGUON_TEST_DATABASE ?? 'nguon_test_migration'}_m${randomBytes(3).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const upTo = (last: number) => new DataSource({ ...dataSourceOptions(url.toString()), migrations: MIGRATIONS.slice(0, last) });
  const index = MIGRATIONS.indexOf(SessionsAndLinks1764404000000);
  let db: pg.Client;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const before = upTo(index);
    await before.initialize();
    await before.runMigrations();
    await before.destroy();
    db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('leaves old offices unconfirmed with no oversight, turns partner links into trade links, and goes back down', async () => {
    const org = async (kind: string, province = 'Điện Biên') =>
      (await db.query(`INSERT INTO organization (name, kind, province) VALUES ($1, $2, $3) RETURNING id`, [`${kind} ${randomBytes(2).toString('hex')}`, kind, province])).rows[0].id as string;
    const office = await org('programme_office');
    const coop = await org('cooperative');
    const shop = await org('enterprise', 'Hà Nội');
    const market = await org('enterprise', 'Hà Nội');
    const partner = async (organizationId: string, linked: string | null) =>
      (await db.query(`INSERT INTO partner (organization_id, kind, name, name_search, linked_organization_id) VALUES ($1, 'retailer', 'X', 'x', $2) RETURNING id`, [organizationId, linked])).rows[0]
        .id as string;
    const toShop = await partner(coop, shop);
    await partner(coop, shop); // a second partner naming the same shop: still one link
    await partner(coop, market);
    await partner(coop, null);
    // The shop already received something through its partner record: it accepted custody.
    const product = (await db.query(`INSERT INTO product (organization_id, name_vi, name_search, unit) VALUES ($1, 'Gạo', 'gao', 'kg') RETURNING id`, [coop])).rows[0].id;
    const lot = (
      await db.query(
        `INSERT INTO lot (organization_id, product_id, code, kind, quantity, unit, produced_at, produced_at_offset, short_code)
         VALUES ($1, $2, 'L1', 'harvest', 10, 'kg', now(), '+07:00', $3) RETURNING id`,
        [coop, product, `MIG${randomBytes(3).toString('hex').toUpperCase()}`],
      )
    ).rows[0].id;
    const event = (
      await db.query(
        `INSERT INTO event (organization_id, seq, type, epcis_event_type, action, event_time, event_time_offset, hash, prev_hash)
         VALUES ($1, 1, 'ship', 'ObjectEvent', 'OBSERVE', now(), '+07:00', 'h', 'p') RETURNING id`,
        [coop],
      )
    ).rows[0].id;
    await db.query(
      `INSERT INTO shipment (organization_id, lot_id, event_id, partner_id, receiver_organization_id, quantity, unit, shipped_at, status)
       VALUES ($1, $2, $3, $4, $5, 5, 'kg', now(), 'received')`,
      [coop, lot, event, toShop, shop],
    );

    const after = upTo(index + 1);
    await after.initialize();
    try {
      await after.runMigrations();
      const [officeRow] = (await db.query(`SELECT office_confirmed_at FROM organization WHERE id = $1`, [office])).rows;
      expect(officeRow.office_confirmed_at).toBeNull();
      const links = (await db.query(`SELECT kind, from_organization_id AS "from", to_organization_id AS "to", status FROM organization_link ORDER BY status`)).rows;
      expect(links).toEqual([
        { kind: 'trade', from: coop, to: shop, status: 'active' },
        { kind: 'trade', from: coop, to: market, status: 'pending' },
      ]);

      await after.undoLastMigration();
      const tables = (await db.query(`SELECT table_name FROM information_schema.tables WHERE table_name IN ('organization_link', 'user_session', 'password_reset', 'login_throttle')`)).rows;
      expect(tables).toEqual([]);
      const columns = (await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name IN ('organization', 'app_user') AND column_name IN ('office_confirmed_at', 'deactivated_at', 'removed_at')`)).rows;
      expect(columns).toEqual([]);
      // And up again, as a redeploy would.
      await after.runMigrations();
      expect((await db.query(`SELECT count(*)::int AS n FROM organization_link`)).rows[0].n).toBe(2);
    } finally {
      await after.destroy();
    }
  });
});
