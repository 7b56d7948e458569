import { describe, expect, it } from '@jest/globals';
import { earliestHarvestDate, phiBlockers, safeFrom } from './harvest-rules.js';

describe('pre-harvest intervals', () => {
  it('allows harvest from appliedAt + PHI days, across month and year ends', () => {
    expect(safeFrom({ appliedAt: '2026-03-01', phiDays: 7 })).toBe('2026-03-08');
    expect(safeFrom({ appliedAt: '2026-02-25', phiDays: 7 })).toBe('2026-03-04');
    expect(safeFrom({ appliedAt: '2028-02-25', phiDays: 7 })).toBe('2028-03-03');
    expect(safeFrom({ appliedAt: '2026-12-28', phiDays: 14 })).toBe('2027-01-11');
    expect(safeFrom({ appliedAt: '2026-03-01', phiDays: 0 })).toBe('2026-03-01');
  });

  it('gives the latest safe date as the earliest harvest date, or null without inputs', () => {
    expect(earliestHarvestDate([])).toBeNull();
    expect(
      earliestHarvestDate([
        { appliedAt: '2026-03-01', phiDays: 21 },
        { appliedAt: '2026-03-15', phiDays: 3 },
        { appliedAt: '2026-03-10', phiDays: 0 },
      ]),
    ).toBe('2026-03-22');
  });

  it('lists the applications whose PHI covers a harvest date, ignoring later ones', () => {
    const inputs = [
      { id: 'a', appliedAt: '2026-03-01', phiDays: 7 },
      { id: 'b', appliedAt: '2026-03-05', phiDays: 0 },
      { id: 'c', appliedAt: '2026-03-20', phiDays: 30 },
    ];
    expect(phiBlockers(inputs, '2026-03-07').map((i) => i.id)).toEqual(['a']);
    expect(phiBlockers(inputs, '2026-03-08').map((i) => i.id)).toEqual([]);
    expect(phiBlockers(inputs, '2026-03-01').map((i) => i.id)).toEqual(['a']);
    expect(phiBlockers(inputs, '2026-02-28').map((i) => i.id)).toEqual([]);
    expect(phiBlockers(inputs, '2026-04-18').map((i) => i.id)).toEqual(['c']);
    expect(phiBlockers(inputs, '2026-04-19').map((i) => i.id)).toEqual([]);
  });
});
