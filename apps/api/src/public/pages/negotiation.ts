import type { DisplayLanguage } from '@app/traceability';

export type Representation = 'html' | 'jsonld' | 'linkset';

interface MediaRange {
  type: string;
  q: number;
  order: number;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part, order) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const value = q ? Number(q.slice(2)) : 1;
      return { type: type.trim(), q: Number.isFinite(value) ? value : 0, order };
    })
    .filter((range) => range.type && range.q > 0);
}

const OFFERS: [string, Representation][] = [
  ['text/html', 'html'],
  ['application/xhtml+xml', 'html'],
  ['application/ld+json', 'jsonld'],
  ['application/linkset+json', 'linkset'],
  // GS1 resolvers answer plain JSON clients with the linkset.
  ['application/json', 'linkset'],
];

/**
 * The representation an `Accept` header asks for: the offer with the highest q (ties: the one listed
 * first). Browsers (text/html, or wildcards) and absent headers get HTML.
 */
export function negotiateRepresentation(accept: string | undefined): Representation {
  if (!accept) return 'html';
  let best: { representation: Representation; q: number; order: number; specific: boolean } | null = null;
  for (const range of parseAccept(accept)) {
    for (const [type, representation] of OFFERS) {
      const specific = range.type === type;
      if (!specific && range.type !== '*/*' && range.type !== `${type.split('/')[0]}/*`) continue;
      // A wildcard picks HTML, the default representation.
      if (!specific && representation !== 'html') continue;
      const better =
        !best || range.q > best.q || (range.q === best.q && specific && !best.specific) || (range.q === best.q && specific === best.specific && range.order < best.order);
      if (better) best = { representation, q: range.q, order: range.order, specific };
    }
  }
  return best?.representation ?? 'html';
}

/** `?lang=` wins, then the best of vi/en in Accept-Language; Vietnamese by default. */
export function negotiateLanguage(langParam: string | null | undefined, acceptLanguage: string | undefined): DisplayLanguage {
  const param = langParam?.trim().toLowerCase();
  if (param === 'en' || param === 'vi') return param;
  if (!acceptLanguage) return 'vi';
  let best: { lang: DisplayLanguage; q: number } | null = null;
  for (const range of parseAccept(acceptLanguage)) {
    const primary = range.type.split('-')[0];
    if ((primary === 'vi' || primary === 'en') && (!best || range.q > best.q)) best = { lang: primary, q: range.q };
  }
  return best?.lang ?? 'vi';
}
