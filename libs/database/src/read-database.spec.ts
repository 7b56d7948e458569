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

describe('ReadDatabase on a replica', () => {
  /** A ReadDatabase whose one replica is taken as up and caught up (its pool is never asked here). */
  function withReplica() {
    const primary = fakePrimary('0/10');
    const reads = new ReadDatabase(primary.source, ['postgres://nobody@127.0.0.1:1/nguon'], 5000);
    const replica = (reads as unknown as { replicas: { up: boolean; lagMs: number; replayed: bigint; reader: unknown }[] }).replicas[0];
    Object.assign(replica, { up: true, lagMs: 0, replayed: 0x20n });
    return { primary, reads, replica };
  }

  it('runs fresh reads on a replica that has replayed the primary position, tolerant ones on one within the lag', async () => {
    const { reads, replica } = withReplica();
    expect(await reads.fresh(async () => reads.db)).toBe(replica.reader);
    expect(await reads.tolerant(async () => reads.db)).toBe(replica.reader);
    replica.lagMs = 6000;
    expect(await reads.tolerant(async () => reads.db)).not.toBe(replica.reader);
    await reads.close();
  });

  it('runs a read again on the primary when the replica went away, and leaves the replica out until a check finds it', async () => {
    const { primary, reads, replica } = withReplica();
    let calls = 0;
    const answer = await reads.tolerant(async () => {
      calls++;
      if (reads.db === replica.reader) throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      return 'from the primary';
    });
    expect(answer).toBe('from the primary');
    expect(calls).toBe(2);
    expect(replica.up).toBe(false);
    expect(await reads.fresh(async () => reads.db)).toBe(primary.source);
    await reads.close();
  });

  it("lets a read's own failure through, run once, the replica still in use", async () => {
    const { reads, replica } = withReplica();
    let calls = 0;
    await expect(
      reads.tolerant(async () => {
        calls++;
        throw new Error('LOT_NOT_FOUND');
      }),
    ).rejects.toThrow('LOT_NOT_FOUND');
    expect(calls).toBe(1);
    expect(replica.up).toBe(true);
    await reads.close();
  });
});
