import { describe, it, expect } from '@jest/globals';
import type { Caller } from './caller.js';
import { RecentCallers } from './recent-callers.js';

const caller: Caller = { organizationId: 'org-a', role: 'recorder', userId: 'user-a', apiKeyId: null };

describe('RecentCallers', () => {
  it('answers for a token until its time is up, then forgets it', () => {
    let now = 1_000_000;
    const cache = new RecentCallers(5_000, 100, () => now);
    cache.set('token-a', caller);
    expect(cache.get('token-a')).toEqual(caller);
    now += 4_999;
    expect(cache.get('token-a')).toEqual(caller);
    now += 1;
    expect(cache.get('token-a')).toBeUndefined();
    expect(cache.get('token-b')).toBeUndefined();
  });

  it('never keeps a token past its own expiry', () => {
    let now = 1_000_000;
    const cache = new RecentCallers(5_000, 100, () => now);
    cache.set('token-a', caller, now + 1_000);
    now += 1_000;
    expect(cache.get('token-a')).toBeUndefined();
  });

  it('forgets everything when cleared (a key was revoked here)', () => {
    const cache = new RecentCallers(5_000);
    cache.set('token-a', caller);
    cache.clear();
    expect(cache.get('token-a')).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = new RecentCallers(5_000, 2);
    cache.set('token-a', caller);
    cache.set('token-b', caller);
    cache.set('token-c', caller);
    expect(cache.get('token-a')).toBeUndefined();
    expect(cache.get('token-b')).toEqual(caller);
    expect(cache.get('token-c')).toEqual(caller);
  });

  it('hands out a copy that cannot be changed by whoever holds it', () => {
    const cache = new RecentCallers(5_000);
    const mine = { ...caller };
    cache.set('token-a', mine);
    mine.role = 'owner';
    const cached = cache.get('token-a')!;
    expect(cached.role).toBe('recorder');
    expect(() => {
      (cached as { role: string }).role = 'owner';
    }).toThrow(TypeError);
  });

  it('forgets the callers a revocation names, and keeps the others', () => {
    const cache = new RecentCallers(5_000);
    cache.set('token-a', caller);
    cache.set('token-b', { ...caller, userId: 'user-b' });
    cache.forget((c) => c.userId === 'user-a');
    expect(cache.get('token-a')).toBeUndefined();
    expect(cache.get('token-b')).toMatchObject({ userId: 'user-b' });
  });

  it('does not keep what a lookup read before a revocation arrived', () => {
    const cache = new RecentCallers(5_000);
    const epoch = cache.epoch;
    cache.forget(() => true); // a revocation heard while the lookup was on its way
    cache.set('token-a', caller, Infinity, epoch);
    expect(cache.get('token-a')).toBeUndefined();
    cache.set('token-a', caller, Infinity, cache.epoch);
    expect(cache.get('token-a')).toEqual(caller);
  });

  it('keeps nothing when its time is zero', () => {
    const cache = new RecentCallers(0);
    cache.set('token-a', caller);
    expect(cache.get('token-a')).toBeUndefined();
  });
});
