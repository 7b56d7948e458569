import { Decimal } from 'decimal.js';
import { parseDateTime, toLocalDate, VIETNAM_OFFSET } from '../common/dates.js';
import { convert, type NetContent, type Unit } from '../common/units.js';

/**
 * The pure rules of DESIGN rule 3 (harvest comes from a real, active growing area), separate from
 * the SQL that feeds them so they can be unit-tested.
 */

export interface StatusChange {
  fromStatus: string | null;
  toStatus: string;
  changedAt: Date;
}

/**
 * The status of a growing area at an instant, from its status history (changes in time order). An
 * area with no recorded change has always had its current status; before its first recorded change
 * it had that change's `from` status (draft when the registry did not say).
 */
export function growingAreaStatusAt(history: StatusChange[], currentStatus: string, at: Date): string {
  if (!history.length) return currentStatus;
  let status = history[0].fromStatus ?? 'draft';
  for (const change of history) {
    if (change.changedAt.getTime() > at.getTime()) break;
    status = change.toStatus;
  }
  return status;
}

/** 'YYYY-MM-DD' plus whole days. */
export function addDays(localDate: string, days: number): string {
  const [year, month, day] = localDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export interface PhiApplication {
  id: string;
  appliedAt: string;
  phiDays: number;
  productName: string;
}

export interface PhiViolation {
  /** The first date on which this harvest would be allowed by every application. */
  earliestHarvestDate: string;
  /** The application that holds the harvest back the longest. */
  inputApplicationId: string;
  productName: string;
  appliedAt: string;
  phiDays: number;
}

/**
 * Pre-harvest interval: an application on day D with a PHI of N days allows harvest from day D + N
 * (N = 0: the same day). Applications after the harvest date do not count. Compared on local dates.
 */
export function phiViolation(applications: PhiApplication[], harvestLocalDate: string): PhiViolation | null {
  let worst: PhiViolation | null = null;
  for (const application of applications) {
    if (application.appliedAt > harvestLocalDate) continue;
    const earliest = addDays(application.appliedAt, application.phiDays);
    if (earliest > harvestLocalDate && (!worst || earliest > worst.earliestHarvestDate)) {
      worst = {
        earliestHarvestDate: earliest,
        inputApplicationId: application.id,
        productName: application.productName,
        appliedAt: application.appliedAt,
        phiDays: application.phiDays,
      };
    }
  }
  return worst;
}

/**
 * A season is the calendar year of the harvest in Vietnam time (1 January 00:00 to 1 January
 * 00:00 +07:00). A calendar year, not a rolling window, so that a late-entered harvest counts
 * against the same total as every other harvest of its year, and the report reads as "season 2026".
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

export interface YieldCheck {
  season: string;
  areaHa: string;
  maxYieldTPerHa: string;
  limitT: string;
  /** Earlier harvests of the season plus this one, in tonnes (6 decimals). */
  seasonTotalT: string;
  thisHarvestT: string;
  exceeded: boolean;
}

export function checkSeasonYield(areaHa: string, maxYieldTPerHa: string, earlierT: string[], thisHarvestT: string, season: string): YieldCheck {
  const limit = new Decimal(areaHa).times(maxYieldTPerHa);
  const total = earlierT.reduce((sum, t) => sum.plus(t), new Decimal(thisHarvestT));
  return {
    season,
    areaHa: new Decimal(areaHa).toFixed(),
    maxYieldTPerHa: new Decimal(maxYieldTPerHa).toFixed(),
    limitT: limit.toFixed(),
    seasonTotalT: total.toDecimalPlaces(6).toFixed(),
    thisHarvestT: new Decimal(thisHarvestT).toDecimalPlaces(6).toFixed(),
    exceeded: total.gt(limit),
  };
}
