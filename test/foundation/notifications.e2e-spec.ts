import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { notify, PgNotifications, runMigrations } from '@app/database';
import { testConfig } from '@app/testing';

/** Resolves with the next value pushed by `subscribe`, or rejects after `ms`. */
function next<T>(subscribe: (push: (value: T) => void) => void, ms = 60_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms);
    subscribe((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** PgNotifications against the real PostgreSQL: delivery at commit, loss and recovery of its connection. */
describe('PostgreSQL notifications', () => {
  const databaseUrl = testConfig().databaseUrl!;
  let admin: pg.Client;
  let notifications: PgNotifications;

  beforeAll(async () => {
    await runMigrations(databaseUrl);
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    notifications = new PgNotifications({ connectionString: databaseUrl });
  });
  afterAll(async () => {
    await notifications.close();
    await admin.end();
  });

  it('delivers a notification when its transaction commits, and never one that rolls back', async () => {
    const heard: string[] = [];
    await notifications.subscribe('test_commit', (payload) => heard.push(payload));
    expect(notifications.connected).toBe(true);

    await admin.query('BEGIN');
    await notify(admin, 'test_commit', 'rolled-back');
    await admin.query('ROLLBACK');
    await admin.query('BEGIN');
    await notify(admin, 'test_commit', 'committed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual([]); // not before the commit
    const delivered = next<string>((push) => void notifications.subscribe('test_commit', push));
    await admin.query('COMMIT');
    expect(await delivered).toBe('committed');
    expect(heard).toEqual(['committed']);
  });

  it('says when its connection is lost, reconnects, and hears notifications again', async () => {
    await notifications.subscribe('test_reconnect', () => undefined);
    const lost = next<void>((push) => notifications.once('lost', push));
    const restored = next<void>((push) => notifications.once('restored', push));
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'nguon-notifications' AND datname = current_database()`);
    await lost;
    expect(notifications.connected).toBe(false);
    await restored;
    expect(notifications.connected).toBe(true);

    const delivered = next<string>((push) => void notifications.subscribe('test_reconnect', push));
    await notify(admin, 'test_reconnect', 'after');
    expect(await delivered).toBe('after');
  });

  it('sync() resolves once the notifications of every commit made before it have been handled', async () => {
    const heard: string[] = [];
    await notifications.subscribe('test_sync', (payload) => heard.push(payload));
    for (let i = 0; i < 20; i++) {
      await notify(admin, 'test_sync', `commit ${i}`); // its own transaction: committed when this returns
      await notifications.sync();
      expect(heard.at(-1)).toBe(`commit ${i}`);
    }
  });

  it('refuses a channel name that is not a plain identifier', async () => {
    await expect(notifications.subscribe('bad; DROP TABLE lot', () => undefined)).rejects.toThrow(/identifiers/);
  });
});
