/** Every resolver response is readable cross-origin (GS1 resolver conformance: CORS on all of them). */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Link, ETag, Location, Content-Language',
};

export const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Accept, Accept-Language, If-None-Match',
  'access-control-max-age': '86400',
  allow: 'GET, HEAD, OPTIONS',
};

/**
 * Lot and product pages: a CDN or browser may reuse a page for 60 s (and serve it stale while it
 * refetches), so a recall reaches a visitor behind a shared cache within about a minute; the origin
 * itself is never stale. Pages of one label (with a serial) are per label and carry its scan
 * history, so they are revalidated every time (cheap: ETag → 304) and every scan is counted.
 */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=60';
export const SERIAL_PAGE_CACHE_CONTROL = 'public, no-cache';

/** Whether an If-None-Match header matches this ETag (weak comparison, lists and `*` allowed). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
