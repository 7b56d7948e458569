import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Salts kept in memory: today's and yesterday's (a scan of 23:59 may be written after midnight). */
const CACHED_DAYS = 2;

/**
 * The day's salt of the client hashes (table scan_salt): one random 32-byte value per local day,
 * created by whichever process needs it first and read by all, so every API process hashes one client
 * alike on one day. Salts of days before yesterday are deleted, after which a stored hash can no
 * longer be tied to any address, even by someone holding the database.
 */
export class ScanSalts {
  /** Day → its salt as a key object (an HMAC keyed with a KeyObject costs a seventh of one keyed with a Buffer). */
  private readonly salts = new Map<string, KeyObject>();

  constructor(private readonly dataSource: DataSource) {}

  /** The salt of each of these local days (YYYY-MM-DD). */
  async forDays(days: string[]): Promise<Map<string, KeyObject>> {
    const wanted = [...new Set(days)].sort();
    const found = new Map<string, KeyObject>();
    for (const day of wanted) {
      let salt = this.salts.get(day);
      if (!salt) {
        // Two processes may race to create it: the row that won is the one both read back.
        await this.dataSource.query(`INSERT INTO scan_salt (day, salt) VALUES ($1::date, $2) ON CONFLICT (day) DO NOTHING`, [day, randomBytes(32)]);
        const [row] = await this.dataSource.query(`SELECT salt FROM scan_salt WHERE day = $1::date`, [day]);
        salt = createSecretKey(row.salt as Buffer);
        this.salts.set(day, salt);
        await this.dataSource.query(`DELETE FROM scan_salt WHERE day < $1::date - 1`, [[...this.salts.keys()].sort().at(-1)]);
        for (const old of [...this.salts.keys()].sort().slice(0, -CACHED_DAYS)) this.salts.delete(old);
      }
      found.set(day, salt);
    }
    return found;
  }
}

/**
 * A client as the scan counts know it: a keyed hash of its address and User-Agent under the day's
 * salt (132 bits, base64url). The same phone on the same day gives the same hash; nothing about the
 * address or the browser can be read back from it.
 */
export function clientHash(salt: KeyObject, client: string): string {
  return createHmac('sha256', salt).update(client).digest('base64url').slice(0, 22);
}

/** What a client is made of before hashing: the address the request came from and its User-Agent. */
export function clientOf(ip: string, userAgent: string | undefined): string {
  return `${ip}\n${userAgent ?? ''}`;
}
