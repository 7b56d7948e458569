import { describe, expect, it } from '@jest/globals';
import { pointOf } from './geo-point.js';

describe('pointOf', () => {
  it('reads a point and the centre of a polygon, rounded to 6 decimals', () => {
    expect(pointOf({ type: 'Point', coordinates: [103.0187, 21.3702] })).toEqual({ lat: 21.3702, lon: 103.0187 });
    const ring = [
      [103.01, 21.36],
      [103.02, 21.36],
      [103.02, 21.37],
      [103.01, 21.37],
      [103.01, 21.36],
    ];
    expect(pointOf({ type: 'Polygon', coordinates: [ring] })).toEqual({ lat: 21.365, lon: 103.015 });
    expect(pointOf({ type: 'MultiPolygon', coordinates: [[ring]] })).toEqual({ lat: 21.365, lon: 103.015 });
  });

  it('gives null for anything else', () => {
    expect(pointOf(null)).toBeNull();
    expect(pointOf({ type: 'LineString', coordinates: [] })).toBeNull();
    expect(pointOf({ type: 'Polygon', coordinates: [] })).toBeNull();
  });
});
