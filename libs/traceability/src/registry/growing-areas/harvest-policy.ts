import { Decimal } from 'decimal.js';
import { parseDateTime, toLocalDate, VIETNAM_OFFSET } from '../../common/dates.js';
import { convert, type NetContent, type Unit } from '../../common/units.js';
import { addDays } from '../common/fields.js';

/**
 * The harvest policy (docs/rules.md, “Harvests come from a real, active growing area”: after
 * the pre-harvest intervals of what was sprayed on it, within a plausible season yield): the pure
 * rules, apart from the SQL that feeds them so they can be unit-tested. Growing areas use them to
 * show when harvest is allowed; the harvest operation to refuse one that is not.
 */

/** The part of an input application that constrains harvests. */
export interface PhiInput {
  appliedAt: string;
  phiDays: number;
}

/** First day a harvest is allowed after this application: appliedAt + PHI (PHI 7 on the 1st → the 8th). */
export function safeFrom(input: PhiInput): string {
  return addDays(input.appliedAt, input.phiDays);
}

/**
 * Earliest allowed harvest date ('YYYY-MM-DD') given the (non-voided) applications: the latest
 * `safeFrom`. Null when nothing restricts harvesting.
 */
export function earliestHarvestDate(inputs: readonly PhiInput[]): string | null {
  let latest: string | null = null;
  for (const input of inputs) {
    const date = safeFrom(input);
    if (latest === null || date > latest) latest = date;
  }
  return latest;
}

/**
 * Applications whose pre-harvest interval covers a harvest on `harvestDate` ('YYYY-MM-DD'): applied on
 * or before that day, and the day is before appliedAt + PHI. Applications after the harvest do not
 * count (a backdated harvest is judged by what had been sprayed by then).
 */
export function phiBlockers<T extends PhiInput>(inputs: readonly T[], harvestDate: string): T[] {
  return inputs.filter((input) => input.appliedAt <= harvestDate && harvestDate < safeFrom(input));
}

/** An input application whose pre-harvest interval covers the harvest date. */
export interface PhiBlocker {
  id: string;
  appliedAt: string;
  phiDays: number;
  productName: string;
  /** appliedAt + phiDays: the first day harvest is allowed after it. */
  safeFrom: string;
}

/** Of the applications holding a harvest back, the one that holds it back longest (null: none). */
export function worstPhiBlocker(blockers: PhiBlocker[]): { earliestHarvestDate: string; inputApplicationId: string; productName: string; appliedAt: string; phiDays: number } | null {
  const worst = blockers.reduce<PhiBlocker | null>((latest, blocker) => (!latest || blocker.safeFrom > latest.safeFrom ? blocker : latest), null);
  return worst
    ? { earliestHarvestDate: worst.safeFrom, inputApplicationId: worst.id, productName: worst.productName, appliedAt: worst.appliedAt, phiDays: worst.phiDays }
    : null;
}

/**
 * The yield check's season is the calendar year of the harvest in Vietnam time (1 January 00:00 to
 * 1 January 00:00 +07:00), and its ceiling is the crop's per-season maximum times the crop seasons a
 * field brings in per year (two for Mường Thanh rice). A calendar year, not a rolling window, so that
 * a late-entered harvest counts against the same total as every other harvest of its year, and the
 * report reads as "season 2026".
 */
export function seasonOf(harvestedAt: Date): { season: string; from: Date; to: Date } {
  const year = Number(toLocalDate(harvestedAt, VIETNAM_OFFSET).slice(0, 4));
  return {
    season: String(year),
    from: parseDateTime(`${year}-01-01`, 'season', VIETNAM_OFFSET).instant,
    to: parseDateTime(`${year + 1}-01-01`, 'season', VIETNAM_OFFSET).instant,
  };
}

/** A quantity in tonnes, or null when it cannot be weighed (litres, or pieces without a net content). */
export function inTonnes(quantity: string, unit: Unit, product: NetContent): string | null {
  try {
    return convert(quantity, unit, 't', product);
  } catch {
    return null;
  }
}

/** Ceiling for a crop nobody has given one (the registry refuses to register such an area). */
export const FALLBACK_MAX_YIELD_T_PER_HA = '60';

export interface YieldCheck {
  season: string;
  areaHa: string;
  /** Ceiling per crop season (t/ha), and crop seasons a field brings in per calendar year. */
  maxYieldTPerHa: string;
  seasonsPerYear: number;
  /** areaHa × maxYieldTPerHa × seasonsPerYear: the most a calendar year may plausibly yield. */
  limitT: string;
  /** Earlier harvests of the season plus this one, in tonnes (6 decimals). */
  seasonTotalT: string;
  thisHarvestT: string;
  exceeded: boolean;
}

export function checkSeasonYield(
  areaHa: string,
  maxYieldTPerHa: string,
  seasonsPerYear: number,
  earlierT: string[],
  thisHarvestT: string,
  season: string,
): YieldCheck {
  const limit = new Decimal(areaHa).times(maxYieldTPerHa).times(seasonsPerYear);
  const total = earlierT.reduce((sum, t) => sum.plus(t), new Decimal(thisHarvestT));
  return {
    season,
    areaHa: new Decimal(areaHa).toFixed(),
    maxYieldTPerHa: new Decimal(maxYieldTPerHa).toFixed(),
    seasonsPerYear,
    limitT: limit.toFixed(),
    seasonTotalT: total.toDecimalPlaces(6).toFixed(),
    thisHarvestT: new Decimal(thisHarvestT).toDecimalPlaces(6).toFixed(),
    exceeded: total.gt(limit),
  };
}
