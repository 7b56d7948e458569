import { describe, expect, it } from '@jest/globals';
import type { PublicLotRepository } from './public-lot.repository.js';
import { VersionProbe } from './version-probe.js';

/** A repository whose `versions` queries are answered by hand, to control their timing. */
function fakeRepository() {
  const calls: { lotIds: string[]; organizationIds: string[]; answer: (seq: number) => void }[] = [];
  const repository = {
    versions: (lotIds: string[], organizationIds: string[]) =>
      new Promise((resolve) => {
        calls.push({ lotIds, organizationIds, answer: (seq) => resolve({ lots: lotIds.map((id) => [id, 'active', null]), heads: organizationIds.map((id) => [id, String(seq)]) }) });
      }),
  } as unknown as PublicLotRepository;
  return { repository, calls };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('VersionProbe', () => {
  it('never answers a request with a query that started before it arrived, and batches the waiting ones', async () => {
    const { repository, calls } = fakeRepository();
    const probe = new VersionProbe(repository);
    const first = probe.versionOf('lot-1', ['org-a']);
    const second = probe.versionOf('lot-2', ['org-a']); // a second query starts at once (two may run)
    await tick();
    expect(calls).toHaveLength(2);
    const third = probe.versionOf('lot-1', ['org-a', 'org-b']);
    const fourth = probe.versionOf('lot-3', ['org-b']);
    await tick();
    expect(calls).toHaveLength(2); // both slots busy: the late ones wait…
    calls[0].answer(7);
    expect(await first).toBe('active||org-a:7');
    await tick();
    expect(calls).toHaveLength(3); // …for a query that starts after they arrived, shared by both
    expect(calls[2].lotIds).toEqual(['lot-1', 'lot-3']);
    calls[1].answer(7);
    calls[2].answer(8); // a recall committed in between
    expect(await second).toBe('active||org-a:7');
    expect(await third).toBe('active||org-a:8,org-b:8');
    expect(await fourth).toBe('active||org-b:8');
  });

  it('rejects every request of a failed query and keeps working', async () => {
    const repository = {
      versions: async (lotIds: string[]) => {
        if (lotIds.includes('bad')) throw new Error('database down');
        return { lots: [], heads: [] };
      },
    } as unknown as PublicLotRepository;
    const probe = new VersionProbe(repository);
    await expect(probe.versionOf('bad', [])).rejects.toThrow('database down');
    expect(await probe.versionOf('lot-9', ['org-z'])).toBe('missing|org-z:0');
  });
});
