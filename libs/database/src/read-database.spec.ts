import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { lsnValue, ReadDatabase } from './read-database.js';

/** A primary that answers its WAL position and counts what it was asked. */
function fakePrimary(lsn = '0/3000000') {
  const asked: string[] = [];
  return { asked, source: { query: async (sql: string) => (asked.push(sql), [{ lsn }]) } as unknown as DataSource };
}

describe('ReadDatabase', () => {
  it('orders LSNs as PostgreSQL does', () => {
    expect(lsnValue('0/16B3748')).toBe(0x16b3748n);
    expect(lsnValue('1/0') > lsnValue('0/FFFFFFFF')).toBe(true);
    expect(lsnValue('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
  });

  it('without replicas runs every read on the primary, asking it nothing more', async () => {
    const primary = fakePrimary();
    const reads = new ReadDatabase(primary.source, [], 5000);
    await reads.start();
    expect(reads.replicated).toBe(false);
    expect(await reads.fresh(async () => reads.db)).toBe(primary.source);
    expect(await reads.tolerant(async () => reads.db)).toBe(primary.source);
    expect(primary.asked).toEqual([]);
    await reads.close();
  });

  it('skips a replica that cannot be reached: the reads go to the primary, without an error', async () => {
    const primary = fakePrimary();
    // Port 1 on loopback: refused at once.
    const reads = new ReadDatabase(primary.source, ['postgres://nobody@127.0.0.1:1/nguon'], 5000);
    await reads.start();
    expect(reads.states()).toEqual([expect.objectContaining({ up: false, url: 'postgres://127.0.0.1:1/nguon' })]);
    expect(await reads.fresh(async () => reads.db)).toBe(primary.source);
    expect(await reads.tolerant(async () => reads.db)).toBe(primary.source);
    // Outside fresh/tolerant, reads are the primary's.
    expect(reads.db).toBe(primary.source);
    await reads.close();
  });
});
