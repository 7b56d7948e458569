import { InvalidFieldException } from './domain.exception.js';

/**
 * Where a phone was when an entry was written in the field (a harvest, an input application): WGS 84
 * latitude and longitude in degrees and the accuracy the phone reported, in metres. It is the household's
 * field, so it is shown to the organization's staff only, never on a public page.
 */
export interface FieldPosition {
  latitude: number;
  longitude: number;
  /** The radius the phone is 68 % sure of, in metres (the Geolocation API's `accuracy`). */
  accuracyM?: number | null;
}

/** Beyond this the position says nothing about which field it was (a phone without GPS guessing from cell towers far away). */
export const MAX_POSITION_ACCURACY_M = 100_000;

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * An optional position, checked field by field (POSITION_OUT_OF_RANGE naming `<field>.latitude`, …),
 * rounded to 6 decimals (≈ 0.1 m: more is noise) and the accuracy to whole metres. Undefined or null
 * gives null.
 */
export function checkPosition(value: FieldPosition | null | undefined, field = 'position'): Required<FieldPosition> | null {
  if (value === undefined || value === null) return null;
  const { latitude, longitude, accuracyM } = value;
  if (!finite(latitude) || latitude < -90 || latitude > 90) {
    throw new InvalidFieldException('POSITION_OUT_OF_RANGE', `${field}.latitude`, `a latitude is a number of degrees from −90 to 90, got ${JSON.stringify(latitude)}`);
  }
  if (!finite(longitude) || longitude < -180 || longitude > 180) {
    throw new InvalidFieldException('POSITION_OUT_OF_RANGE', `${field}.longitude`, `a longitude is a number of degrees from −180 to 180, got ${JSON.stringify(longitude)}`);
  }
  if (accuracyM !== undefined && accuracyM !== null && (!finite(accuracyM) || accuracyM < 0 || accuracyM > MAX_POSITION_ACCURACY_M)) {
    throw new InvalidFieldException('POSITION_OUT_OF_RANGE', `${field}.accuracyM`, `the accuracy is a number of metres from 0 to ${MAX_POSITION_ACCURACY_M}, got ${JSON.stringify(accuracyM)}`);
  }
  const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
  return { latitude: round6(latitude), longitude: round6(longitude), accuracyM: accuracyM === undefined || accuracyM === null ? null : Math.round(accuracyM) };
}
