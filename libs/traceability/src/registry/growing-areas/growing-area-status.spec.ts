import { describe, expect, it } from '@jest/globals';
import { DomainException } from '../../common/domain.exception.js';
import { activeSince, assertTransition, canTransition, earliestEffectiveTime, GROWING_AREA_STATUSES, statusAt, type GrowingAreaStatus } from './growing-area-status.js';

describe('growing-area status transitions', () => {
  // The whole table, written out independently of GROWING_AREA_TRANSITIONS.
  const legal = new Set(['draft→active', 'draft→revoked', 'active→suspended', 'active→revoked', 'suspended→active', 'suspended→revoked']);
  const pairs = GROWING_AREA_STATUSES.flatMap((from) => GROWING_AREA_STATUSES.map((to) => [from, to] as [GrowingAreaStatus, GrowingAreaStatus]));

  it.each(pairs)('%s → %s', (from, to) => {
    const expected = legal.has(`${from}→${to}`);
    expect(canTransition(from, to)).toBe(expected);
    if (expected) {
      expect(() => assertTransition(from, to)).not.toThrow();
    } else {
      expect(() => assertTransition(from, to)).toThrow(DomainException);
    }
  });

  it('explains an illegal transition with a code, the field and what is allowed', () => {
    try {
      assertTransition('revoked', 'active');
      throw new Error('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainException);
      const domain = error as DomainException;
      expect(domain.code).toBe('GROWING_AREA_STATUS_TRANSITION');
      expect(domain.kind).toBe('validation');
      expect(domain.details).toMatchObject({ field: 'status', from: 'revoked', to: 'active', allowed: [] });
      expect(domain.message).toMatch(/^status: /);
    }
  });
});

describe('statusAt', () => {
  const history = [
    { toStatus: 'active' as const, changedAt: new Date('2026-03-10T02:00:00Z') },
    { toStatus: 'draft' as const, changedAt: new Date('2026-03-01T00:00:00Z') },
    { toStatus: 'suspended' as const, changedAt: new Date('2026-06-01T03:00:00Z') },
    { toStatus: 'active' as const, changedAt: new Date('2026-07-15T00:00:00Z') },
  ];

  it.each([
    ['2026-02-28T23:59:59Z', null],
    ['2026-03-01T00:00:00Z', 'draft'],
    ['2026-03-10T01:59:59Z', 'draft'],
    ['2026-03-10T02:00:00Z', 'active'],
    ['2026-06-01T02:59:59Z', 'active'],
    ['2026-06-01T03:00:00Z', 'suspended'],
    ['2026-07-14T12:00:00Z', 'suspended'],
    ['2027-01-01T00:00:00Z', 'active'],
  ])('at %s the area was %s', (at, expected) => {
    expect(statusAt(history, new Date(at))).toBe(expected);
  });
});

describe('a back-dated activation', () => {
  // Registered as a draft on 20 November, activated the same day with effect from 1 March.
  const history = [
    { fromStatus: null, toStatus: 'draft' as const, changedAt: new Date('2026-11-20T02:00:00Z') },
    { fromStatus: 'draft' as const, toStatus: 'active' as const, changedAt: new Date('2026-11-20T03:00:00Z'), effectiveAt: new Date('2026-02-28T17:00:00Z') },
  ];

  it.each([
    ['2026-02-28T16:59:59Z', null],
    ['2026-02-28T17:00:00Z', 'active'],
    ['2026-06-15T00:00:00Z', 'active'],
    ['2026-11-20T02:30:00Z', 'active'],
    ['2027-01-01T00:00:00Z', 'active'],
  ])('at %s the area was %s', (at, expected) => {
    expect(statusAt(history, new Date(at))).toBe(expected);
  });

  it('says since when the area is active, and nothing once it is suspended', () => {
    expect(activeSince(history)).toEqual(new Date('2026-02-28T17:00:00Z'));
    expect(activeSince([...history, { fromStatus: 'active' as const, toStatus: 'suspended' as const, changedAt: new Date('2026-12-01T00:00:00Z') }])).toBeNull();
  });

  it('lets a later change go back no further than the change in force; the registration draft does not count', () => {
    expect(earliestEffectiveTime([history[0]])).toBeNull();
    expect(earliestEffectiveTime(history)).toEqual(new Date('2026-02-28T17:00:00Z'));
  });
});
