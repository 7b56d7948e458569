import { DomainException } from './domain.exception.js';

/** [longitude, latitude] or [longitude, latitude, altitude] in WGS 84 (RFC 7946 order: lon first). */
export type Position = [number, number] | [number, number, number];
export type GeoJsonPoint = { type: 'Point'; coordinates: Position };
export type GeoJsonPolygon = { type: 'Polygon'; coordinates: Position[][] };
export type GeoJsonMultiPolygon = { type: 'MultiPolygon'; coordinates: Position[][][] };
/** The location of a growing area or facility. */
export type GrowingAreaGeometry = GeoJsonPoint | GeoJsonPolygon | GeoJsonMultiPolygon;

/** Enough for a surveyed field boundary; stops a pasted country outline from bloating every row. */
const MAX_POSITIONS = 10_000;

type Errors = string[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkPosition(value: unknown, path: string, errors: Errors): Position | undefined {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    errors.push(`${path}: a position is [longitude, latitude] or [longitude, latitude, altitude] numbers`);
    return undefined;
  }
  const [lon, lat] = value as number[];
  if (lon < -180 || lon > 180) errors.push(`${path}: longitude ${lon} is outside −180…180`);
  if (lat < -90 || lat > 90) errors.push(`${path}: latitude ${lat} is outside −90…90`);
  return [...value] as Position;
}

/** Twice the signed area (shoelace): positive when the ring runs counter-clockwise. */
function signedArea(ring: Position[]): number {
  let area = 0;
  for (let i = 0; i < ring.length - 1; i++) area += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return area;
}

function checkRing(value: unknown, path: string, exterior: boolean, errors: Errors): Position[] | undefined {
  if (!Array.isArray(value)) {
    errors.push(`${path}: a linear ring is an array of positions`);
    return undefined;
  }
  const before = errors.length;
  const ring = value.map((position, i) => checkPosition(position, `${path}[${i}]`, errors));
  if (errors.length > before) return undefined;
  const positions = ring as Position[];
  if (positions.length < 4) {
    errors.push(`${path}: a linear ring needs at least 4 positions (a triangle plus the closing position), got ${positions.length}`);
    return undefined;
  }
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (first.length !== last.length || first.some((n, i) => n !== last[i])) {
    errors.push(`${path}: the ring is not closed (the last position must equal the first)`);
    return undefined;
  }
  const area = signedArea(positions);
  if (area === 0) {
    errors.push(`${path}: the ring encloses no area`);
    return undefined;
  }
  // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. Rewind rather than refuse,
  // since the RFC tells parsers not to reject and many drawing tools get it wrong.
  return (area > 0) === exterior ? positions : [...positions].reverse();
}

function checkPolygon(value: unknown, path: string, errors: Errors): Position[][] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    errors.push(`${path}: a polygon is a non-empty array of linear rings`);
    return undefined;
  }
  const rings = value.map((ring, i) => checkRing(ring, `${path}[${i}]`, i === 0, errors));
  return rings.every(Boolean) ? (rings as Position[][]) : undefined;
}

function countPositions(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  if (typeof value[0] === 'number') return 1;
  return value.reduce((sum: number, item) => sum + countPositions(item), 0);
}

/** Unwraps a Feature, or a FeatureCollection of exactly one feature, as geojson.io exports them. */
function geometryOf(value: unknown, errors: Errors): unknown {
  if (!isRecord(value)) return value;
  if (value.type === 'FeatureCollection') {
    const features = value.features;
    if (!Array.isArray(features) || features.length !== 1) {
      errors.push('a FeatureCollection must contain exactly one feature');
      return undefined;
    }
    return geometryOf(features[0], errors);
  }
  if (value.type === 'Feature') return value.geometry;
  return value;
}

/**
 * Validates the GeoJSON location of a growing area or facility: a Point, Polygon or MultiPolygon in
 * WGS 84, given as an object or a JSON string. Returns a normalised geometry: only `type` and
 * `coordinates`, rings wound as RFC 7946 says. Throws `GEOJSON_INVALID` with `details.errors` listing
 * every problem (with its path in the coordinates) and `details.field` naming the field.
 */
export function validateGeoJson(input: unknown, field = 'location'): GrowingAreaGeometry {
  const errors: Errors = [];
  const fail = () =>
    new DomainException('GEOJSON_INVALID', `${field}: invalid GeoJSON: ${errors.join('; ')}`, 'validation', { field, errors });

  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      errors.push('not valid JSON');
      throw fail();
    }
  }
  const geometry = geometryOf(value, errors);
  if (errors.length > 0) throw fail();
  if (!isRecord(geometry)) {
    errors.push('a geometry object with "type" and "coordinates" is required');
    throw fail();
  }
  if (countPositions(geometry.coordinates) > MAX_POSITIONS) {
    errors.push(`more than ${MAX_POSITIONS} positions`);
    throw fail();
  }

  let result: GrowingAreaGeometry | undefined;
  switch (geometry.type) {
    case 'Point': {
      const position = checkPosition(geometry.coordinates, 'coordinates', errors);
      if (position) result = { type: 'Point', coordinates: position };
      break;
    }
    case 'Polygon': {
      const polygon = checkPolygon(geometry.coordinates, 'coordinates', errors);
      if (polygon) result = { type: 'Polygon', coordinates: polygon };
      break;
    }
    case 'MultiPolygon': {
      if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) {
        errors.push('coordinates: a MultiPolygon is a non-empty array of polygons');
        break;
      }
      const polygons = geometry.coordinates.map((polygon, i) => checkPolygon(polygon, `coordinates[${i}]`, errors));
      if (polygons.every(Boolean)) result = { type: 'MultiPolygon', coordinates: polygons as Position[][][] };
      break;
    }
    default:
      errors.push(`type must be Point, Polygon or MultiPolygon, got ${JSON.stringify(geometry.type)}`);
  }
  if (!result || errors.length > 0) throw fail();
  return result;
}
