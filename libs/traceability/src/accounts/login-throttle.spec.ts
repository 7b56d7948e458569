import { describe, expect, it } from '@jest/globals';
import { afterFailure, FAILURE_MEMORY_MS, secondsLocked, type ThrottleState } from './login-throttle.js';

const policy = { threshold: 5, baseSeconds: 30, maxSeconds: 900 };
const t0 = new Date('2026-12-01T08:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('login throttle', () => {
  it('locks after the fifth failure in a row, for 30 s', () => {
    let state: ThrottleState | null = null;
    for (let i = 1; i <= 4; i++) {
      state = afterFailure(state, t0, policy);
      expect(state).toMatchObject({ failures: i, lockedUntil: null });
    }
    state = afterFailure(state, t0, policy);
    expect(state.failures).toBe(5);
    expect(secondsLocked(state, t0)).toBe(30);
    expect(secondsLocked(state, later(29_500))).toBe(1);
    expect(secondsLocked(state, later(30_000))).toBe(0);
  });

  it('doubles each further lock, never beyond the maximum', () => {
    let state: ThrottleState = { failures: 5, lastFailureAt: t0, lockedUntil: later(30_000) };
    const locks: number[] = [];
    for (let i = 0; i < 8; i++) {
      const now = later(60_000 * (i + 1));
      state = afterFailure(state, now, policy);
      locks.push(secondsLocked(state, now));
    }
    expect(locks).toEqual([60, 120, 240, 480, 900, 900, 900, 900]);
    // However many failures pile up, the lock stays bounded.
    expect(secondsLocked(afterFailure({ failures: 10_000, lastFailureAt: t0, lockedUntil: null }, t0, policy), t0)).toBe(900);
  });

  it('forgets failures older than an hour', () => {
    const state = afterFailure({ failures: 4, lastFailureAt: t0, lockedUntil: null }, later(FAILURE_MEMORY_MS), policy);
    expect(state).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it('answers 0 for an email with no failures', () => {
    expect(secondsLocked(null, t0)).toBe(0);
  });
});
