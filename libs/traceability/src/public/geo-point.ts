import type { GeoPoint } from './public-lot.types.js';

type Ring = number[][];

/** Six decimals (≈ 10 cm) is more than a map pin needs, and hides floating-point noise. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

function ringCentroid(ring: Ring): GeoPoint | null {
  // The vertices' mean (closing vertex excluded): close enough to the area for a map pin.
  const vertices = ring.length > 1 ? ring.slice(0, -1) : ring;
  if (!vertices.length) return null;
  const lon = vertices.reduce((sum, p) => sum + p[0], 0) / vertices.length;
  const lat = vertices.reduce((sum, p) => sum + p[1], 0) / vertices.length;
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat: round(lat), lon: round(lon) } : null;
}

/** The map pin of a stored GeoJSON location: a Point, or the centre of a (Multi)Polygon's outer ring. */
export function pointOf(location: unknown): GeoPoint | null {
  if (!location || typeof location !== 'object') return null;
  const geometry = location as { type?: string; coordinates?: unknown };
  try {
    switch (geometry.type) {
      case 'Point': {
        const [lon, lat] = geometry.coordinates as number[];
        return Number.isFinite(lat) && Number.isFinite(lon) ? { lat: round(lat), lon: round(lon) } : null;
      }
      case 'Polygon':
        return ringCentroid((geometry.coordinates as Ring[])[0]);
      case 'MultiPolygon':
        return ringCentroid((geometry.coordinates as Ring[][])[0][0]);
      default:
        return null;
    }
  } catch {
    return null;
  }
}
