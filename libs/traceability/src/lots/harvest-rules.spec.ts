import { describe, expect, it } from '@jest/globals';
import { addDays, checkSeasonYield, growingAreaStatusAt, inTonnes, phiViolation, seasonOf } from './harvest-rules.js';
import { defaultMaxYieldTPerHa, FALLBACK_MAX_YIELD_T_PER_HA } from './yield-limits.js';

const at = (iso: string) => new Date(iso);

describe('growingAreaStatusAt', () => {
  const history = [
    { fromStatus: 'draft', toStatus: 'active', changedAt: at('2026-01-10T00:00:00Z') },
    { fromStatus: 'active', toStatus: 'suspended', changedAt: at('2026-05-01T00:00:00Z') },
    { fromStatus: 'suspended', toStatus: 'active', changedAt: at('2026-06-01T00:00:00Z') },
  ];

  it('reads the status in force at the instant', () => {
    expect(growingAreaStatusAt(history, 'active', at('2026-01-01T00:00:00Z'))).toBe('draft');
    expect(growingAreaStatusAt(history, 'active', at('2026-01-10T00:00:00Z'))).toBe('active');
    expect(growingAreaStatusAt(history, 'active', at('2026-05-15T00:00:00Z'))).toBe('suspended');
    expect(growingAreaStatusAt(history, 'active', at('2026-07-01T00:00:00Z'))).toBe('active');
  });

  it('uses the current status when there is no history, and draft before an unexplained first change', () => {
    expect(growingAreaStatusAt([], 'revoked', at('2020-01-01T00:00:00Z'))).toBe('revoked');
    expect(growingAreaStatusAt([{ fromStatus: null, toStatus: 'active', changedAt: at('2026-01-01T00:00:00Z') }], 'active', at('2025-12-31T00:00:00Z'))).toBe('draft');
  });
});

describe('phiViolation', () => {
  const applications = [
    { id: 'a', appliedAt: '2026-03-01', phiDays: 7, productName: 'Regent' },
    { id: 'b', appliedAt: '2026-03-05', phiDays: 14, productName: 'Anvil' },
    { id: 'c', appliedAt: '2026-04-01', phiDays: 30, productName: 'later' },
  ];

  it('allows harvest on the day the longest interval ends, not before', () => {
    expect(phiViolation(applications, '2026-03-18')).toEqual({
      earliestHarvestDate: '2026-03-19',
      inputApplicationId: 'b',
      productName: 'Anvil',
      appliedAt: '2026-03-05',
      phiDays: 14,
    });
    expect(phiViolation(applications, '2026-03-19')).toBeNull();
  });

  it('ignores applications after the harvest and allows PHI 0 on the same day', () => {
    expect(phiViolation([{ id: 'z', appliedAt: '2026-03-01', phiDays: 0, productName: 'x' }], '2026-03-01')).toBeNull();
    expect(phiViolation([applications[2]], '2026-03-31')).toBeNull();
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
    const season = seasonOf(at('2026-06-01T00:00:00Z'));
    expect(season).toEqual({ season: '2026', from: at('2025-12-31T17:00:00Z'), to: at('2026-12-31T17:00:00Z') });
  });
});

describe('season yield', () => {
  it('adds earlier harvests to this one and compares with area × max yield', () => {
    expect(checkSeasonYield('2.5', '6', ['10', '4.5'], '0.5', '2026')).toEqual({
      season: '2026',
      areaHa: '2.5',
      maxYieldTPerHa: '6',
      limitT: '15',
      seasonTotalT: '15',
      thisHarvestT: '0.5',
      exceeded: false,
    });
    expect(checkSeasonYield('2.5', '6', ['10', '4.5'], '0.500001', '2026').exceeded).toBe(true);
  });

  it('weighs quantities in tonnes, through the net content for packs', () => {
    expect(inTonnes('1500', 'kg', {})).toBe('1.5');
    expect(inTonnes('200', 'pack', { netContent: '500', netContentUnit: 'g' })).toBe('0.1');
    expect(inTonnes('20', 'l', {})).toBeNull();
    expect(inTonnes('20', 'pcs', {})).toBeNull();
  });

  it('has default ceilings per crop, Vietnamese or English, and a fallback', () => {
    expect(defaultMaxYieldTPerHa('Lúa nếp Séng Cù')).toBe(16);
    expect(defaultMaxYieldTPerHa('cà phê chè (Arabica)')).toBe(25);
    expect(defaultMaxYieldTPerHa('Thảo quả')).toBe(8);
    expect(defaultMaxYieldTPerHa('dragon fruit')).toBe(FALLBACK_MAX_YIELD_T_PER_HA);
  });
});
