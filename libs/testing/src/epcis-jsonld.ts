import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import jsonld from 'jsonld';
import { EPCIS_CONTEXT } from '@app/traceability';

/**
 * JSON-LD expansion of EPCIS documents offline: the official context URL the documents reference is
 * served from the minimal context shipped in libs/traceability/src/exports/standards/ (see its
 * README), and every other URL is refused, so a test never reaches the network.
 */
const LOCAL_CONTEXT = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../traceability/src/exports/standards/epcis-context-minimal.jsonld'), 'utf8'));

export async function offlineDocumentLoader(url: string) {
  if (url === EPCIS_CONTEXT) return { contextUrl: null, documentUrl: url, document: LOCAL_CONTEXT };
  throw new Error(`refused to load ${url}: tests never use the network`);
}

/**
 * Expands in jsonld.js's safe mode, which fails on every lossy step: a member whose name does not
 * expand to an absolute IRI (a dropped term), a vocabulary value that does not resolve, a relative IRI.
 */
export function expandEpcis(document: unknown): Promise<Record<string, unknown>[]> {
  return jsonld.expand(document, { documentLoader: offlineDocumentLoader, safe: true });
}

const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;

/**
 * What in an expanded document is not an absolute IRI though it should be: member names other than
 * keywords, and `@id`/`@type` values (a vocabulary value the context does not define, such as an
 * unknown disposition, expands to a relative `@id`, which safe mode lets through without a base).
 */
export function notAbsoluteIris(expanded: unknown, path = '$'): string[] {
  if (Array.isArray(expanded)) return expanded.flatMap((item, i) => notAbsoluteIris(item, `${path}[${i}]`));
  if (!expanded || typeof expanded !== 'object') return [];
  return Object.entries(expanded as Record<string, unknown>).flatMap(([key, value]) => {
    if (key === '@value') return [];
    if (key === '@id' || key === '@type') return [value].flat().filter((v) => !ABSOLUTE_IRI.test(String(v))).map((v) => `${path}.${key}=${String(v)}`);
    return [...(key.startsWith('@') || ABSOLUTE_IRI.test(key) ? [] : [`${path}.${key}`]), ...notAbsoluteIris(value, `${path}.${key}`)];
  });
}

/** The absolute IRIs used as member names or `@type` values in an expanded document. */
export function expandedTerms(expanded: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(expanded)) for (const item of expanded) expandedTerms(item, into);
  else if (expanded && typeof expanded === 'object') {
    for (const [key, value] of Object.entries(expanded as Record<string, unknown>)) {
      if (!key.startsWith('@')) into.add(key);
      if (key === '@type') for (const type of [value].flat()) into.add(String(type));
      if (key !== '@value') expandedTerms(value, into);
    }
  }
  return into;
}
