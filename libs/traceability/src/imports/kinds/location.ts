import { InvalidFieldException } from '../../common/domain.exception.js';

/**
 * A GeoJSON point from latitude and longitude columns (a clerk has coordinates from a phone, not
 * GeoJSON). Both or neither; the service validates the point itself.
 */
export function pointFrom(latitude: unknown, longitude: unknown): { type: 'Point'; coordinates: [number, number] } | undefined {
  if (latitude === undefined && longitude === undefined) return undefined;
  if (latitude === undefined || longitude === undefined) {
    const missing = latitude === undefined ? 'latitude' : 'longitude';
    throw new InvalidFieldException('FIELD_REQUIRED', missing, 'latitude and longitude go together', 'bad_request');
  }
  const lat = Number(latitude);
  const lon = Number(longitude);
  if (!Number.isFinite(lat)) throw new InvalidFieldException('DECIMAL_INVALID', 'latitude', `must be a number, got ${JSON.stringify(latitude)}`, 'bad_request');
  if (!Number.isFinite(lon)) throw new InvalidFieldException('DECIMAL_INVALID', 'longitude', `must be a number, got ${JSON.stringify(longitude)}`, 'bad_request');
  return { type: 'Point', coordinates: [lon, lat] };
}
