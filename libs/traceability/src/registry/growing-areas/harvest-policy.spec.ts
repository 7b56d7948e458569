import { describe, expect, it } from '@jest/globals';
import { addDays } from '../common/fields.js';
import { checkSeasonYield, earliestHarvestDate, inTonnes, phiBlockers, safeFrom, seasonOf, worstPhiBlocker } from './harvest-policy.js';

const at = (iso: string) => new Date(iso);

describe('worstPhiBlocker', () => {
  it('names the application that holds the harvest back longest', () => {
    expect(
      worstPhiBlocker([
        { id: 'a', appliedAt: '2026-03-01', phiDays: 21, productName: 'Regent', safeFrom: '2026-03-22' },
        { id: 'b', appliedAt: '2026-03-05', phiDays: 14, productName: 'Anvil', safeFrom: '2026-03-19' },
      ]),
    ).toEqual({ earliestHarvestDate: '2026-03-22', inputApplicationId: 'a', productName: 'Regent', appliedAt: '2026-03-01', phiDays: 21 });
    expect(worstPhiBlocker([])).toBeNull();
  });

  it('adds days across month and leap-year ends', () => {
    expect(addDays('2028-02-27', 3)).toBe('2028-03-01');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
  });
});

describe('seasonOf', () => {
  it('is the calendar year in Vietnam time', () => {
    // 31 Dec 2026 18:00 UTC is already 1 Jan 2027 in Vietnam.
    expect(seasonOf(at('2026-12-31T18:00:00Z')).season).toBe('2027');
    expect(seasonOf(at('2026-06-01T00:00:00Z'))).toEqual({ season: '2026', from: at('2025-12-31T17:00:00Z'), to: at('2026-12-31T17:00:00Z') });
  });
});

describe('season yield', () => {
  it('adds earlier harvests to this one and compares with area × max yield × seasons per year', () => {
    expect(checkSeasonYield('2.5', '6', 1, ['10', '4.5'], '0.5', '2026')).toEqual({
      season: '2026',
      areaHa: '2.5',
      maxYieldTPerHa: '6',
      seasonsPerYear: 1,
      limitT: '15',
      seasonTotalT: '15',
      thisHarvestT: '0.5',
      exceeded: false,
    });
    expect(checkSeasonYield('2.5', '6', 1, ['10', '4.5'], '0.500001', '2026').exceeded).toBe(true);
    // Two rice crops a year: the yearly ceiling doubles.
    expect(checkSeasonYield('2', '7', 2, ['14'], '14', '2026')).toMatchObject({ limitT: '28', seasonTotalT: '28', exceeded: false });
  });

  it('weighs quantities in tonnes, through the net content for packs', () => {
    expect(inTonnes('1500', 'kg', {})).toBe('1.5');
    expect(inTonnes('200', 'pack', { netContent: '500', netContentUnit: 'g' })).toBe('0.1');
    expect(inTonnes('20', 'l', {})).toBeNull();
    expect(inTonnes('20', 'pcs', {})).toBeNull();
  });
});

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
