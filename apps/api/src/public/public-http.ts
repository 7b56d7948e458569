/** Every resolver response is readable cross-origin (GS1 resolver conformance: CORS on all of them). */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Link, ETag, Location, Content-Language, Warning, Retry-After',
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
 * itself is never stale while the database answers. If the origin fails (503 during a database
 * outage), a cache may keep serving its copy for a day (`stale-if-error`, RFC 5861). Pages of one
 * label (with a serial) are per label and carry its scan history, so they are revalidated every time
 * (cheap: ETag → 304) and every scan is counted.
 */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=60, stale-if-error=86400';
export const SERIAL_PAGE_CACHE_CONTROL = 'public, no-cache, stale-if-error=86400';
/**
 * A page served from this process's memory while the database cannot be reached: the last good copy,
 * not to be reused without asking again, marked by a `Warning` header (RFC 7234's 111, revalidation
 * failed) and, on the HTML page, a visible note.
 */
export const STALE_PAGE_CACHE_CONTROL = 'public, no-cache, stale-if-error=86400';
export const STALE_WARNING = '111 - "Revalidation Failed"';

/** Whether an If-None-Match header matches this ETag (weak comparison, lists and `*` allowed). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Representations differ by media type, language and content coding. */
export const VARY = 'Accept, Accept-Language, Accept-Encoding';

/** Whether Accept-Encoding allows gzip (`gzip`, `gzip;q=0.5`, `*`; not `gzip;q=0`). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [coding, ...params] = part.trim().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}
