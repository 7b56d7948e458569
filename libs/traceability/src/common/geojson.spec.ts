import { describe, it, expect } from '@jest/globals';
import { DomainException } from './domain.exception.js';
import { validateGeoJson } from './geojson.js';

function errorOf(fn: () => unknown): DomainException {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  throw new Error('expected a DomainException');
}

// A rice field in the Mường Thanh valley, Điện Biên (lon ≈ 103.0°E, lat ≈ 21.4°N), drawn
// counter-clockwise as RFC 7946 wants exterior rings.
const FIELD_CCW = [
  [103.01, 21.38],
  [103.02, 21.38],
  [103.02, 21.39],
  [103.01, 21.39],
  [103.01, 21.38],
];
const FIELD_CW = [...FIELD_CCW].reverse();
// A hole inside the field, clockwise as holes should be.
const HOLE_CW = [
  [103.012, 21.382],
  [103.012, 21.384],
  [103.014, 21.384],
  [103.014, 21.382],
  [103.012, 21.382],
];

describe('validateGeoJson', () => {
  it('accepts a point and keeps only type and coordinates', () => {
    expect(validateGeoJson({ type: 'Point', coordinates: [103.0164, 21.3856], bbox: [1, 2, 3, 4], crs: 'x' })).toEqual({
      type: 'Point',
      coordinates: [103.0164, 21.3856],
    });
    expect(validateGeoJson({ type: 'Point', coordinates: [103.0164, 21.3856, 480] }).coordinates).toEqual([103.0164, 21.3856, 480]);
  });

  it('accepts the extremes of WGS 84', () => {
    expect(validateGeoJson({ type: 'Point', coordinates: [-180, -90] }).coordinates).toEqual([-180, -90]);
    expect(validateGeoJson({ type: 'Point', coordinates: [180, 90] }).coordinates).toEqual([180, 90]);
  });

  it('accepts a polygon with a hole', () => {
    expect(validateGeoJson({ type: 'Polygon', coordinates: [FIELD_CCW, HOLE_CW] })).toEqual({
      type: 'Polygon',
      coordinates: [FIELD_CCW, HOLE_CW],
    });
  });

  it('rewinds rings to the RFC 7946 orientation', () => {
    const holeCcw = [...HOLE_CW].reverse();
    expect(validateGeoJson({ type: 'Polygon', coordinates: [FIELD_CW, holeCcw] }).coordinates).toEqual([FIELD_CCW, HOLE_CW]);
  });

  it('accepts a multipolygon, a Feature, a one-feature FeatureCollection and a JSON string', () => {
    const expected = { type: 'MultiPolygon', coordinates: [[FIELD_CCW], [FIELD_CCW.map(([x, y]) => [x + 0.1, y])]] };
    expect(validateGeoJson(expected)).toEqual(expected);
    const polygon = { type: 'Polygon', coordinates: [FIELD_CCW] };
    expect(validateGeoJson({ type: 'Feature', properties: { name: 'Ruộng 1' }, geometry: polygon })).toEqual(polygon);
    expect(validateGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: polygon }] })).toEqual(polygon);
    expect(validateGeoJson(JSON.stringify(polygon))).toEqual(polygon);
  });

  it.each([
    [{ type: 'Point', coordinates: [181, 21] }, 'coordinates: longitude 181 is outside −180…180'],
    [{ type: 'Point', coordinates: [103, -90.5] }, 'coordinates: latitude -90.5 is outside −90…90'],
    [{ type: 'Point', coordinates: [21.38, 103.01] }, 'latitude 103.01'], // latitude and longitude swapped
    [{ type: 'Point', coordinates: [103] }, 'a position is [longitude, latitude]'],
    [{ type: 'Point', coordinates: ['103', '21'] }, 'a position is [longitude, latitude]'],
    [{ type: 'Point' }, 'a position is [longitude, latitude]'],
    [{ type: 'Polygon', coordinates: [FIELD_CCW.slice(0, 4)] }, 'coordinates[0]: the ring is not closed'],
    [{ type: 'Polygon', coordinates: [[[103, 21], [103.1, 21], [103, 21]]] }, 'coordinates[0]: a linear ring needs at least 4 positions'],
    [{ type: 'Polygon', coordinates: [[[103, 21], [103.1, 21], [103.2, 21], [103, 21]]] }, 'coordinates[0]: the ring encloses no area'],
    [{ type: 'Polygon', coordinates: [] }, 'coordinates: a polygon is a non-empty array of linear rings'],
    [{ type: 'Polygon', coordinates: [FIELD_CCW, [[103, 21], [200, 21], [103, 22], [103, 21]]] }, 'coordinates[1][1]: longitude 200'],
    [{ type: 'MultiPolygon', coordinates: [[FIELD_CCW], [FIELD_CCW.slice(0, 4)]] }, 'coordinates[1][0]: the ring is not closed'],
    [{ type: 'MultiPolygon', coordinates: [] }, 'a MultiPolygon is a non-empty array'],
    [{ type: 'LineString', coordinates: [[103, 21], [104, 22]] }, 'type must be Point, Polygon or MultiPolygon'],
    [{ type: 'FeatureCollection', features: [] }, 'exactly one feature'],
    [{ type: 'Feature', properties: {}, geometry: null }, 'a geometry object'],
    ['{"type": "Point", ', 'not valid JSON'],
    [null, 'a geometry object'],
    [[103, 21], 'a geometry object'],
  ])('refuses %j with GEOJSON_INVALID (%s)', (input, detail) => {
    const error = errorOf(() => validateGeoJson(input, 'location'));
    expect(error.code).toBe('GEOJSON_INVALID');
    expect(error.message).toMatch(/^location: invalid GeoJSON: /);
    expect(error.message).toContain(detail);
    expect(error.details).toMatchObject({ field: 'location' });
    expect((error.details as { errors: string[] }).errors.length).toBeGreaterThan(0);
  });

  it('lists every problem, not only the first', () => {
    const error = errorOf(() => validateGeoJson({ type: 'Polygon', coordinates: [[[190, 21], [103, 95], [103, 21], [190, 21]]] }, 'areas[2].location'));
    expect(error.details).toEqual({
      field: 'areas[2].location',
      errors: [
        'coordinates[0][0]: longitude 190 is outside −180…180',
        'coordinates[0][1]: latitude 95 is outside −90…90',
        'coordinates[0][3]: longitude 190 is outside −180…180',
      ],
    });
  });

  it('refuses absurdly large geometries', () => {
    const ring = Array.from({ length: 10_001 }, (_, i) => [103 + Math.cos(i) / 100, 21 + Math.sin(i) / 100]);
    expect(errorOf(() => validateGeoJson({ type: 'Polygon', coordinates: [ring] })).message).toContain('more than 10000 positions');
  });
});
