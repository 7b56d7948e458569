import { addDays } from '../common/fields.js';

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
