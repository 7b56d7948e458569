import { NGUON_EPCIS_TERMS } from './epcis.js';

/**
 * The description served at our extension namespace (`{PUBLIC_BASE_URL}/ns/epcis`), so that the
 * `nguon:` prefix of the EPCIS documents resolves: every term as an RDF property with a label and a
 * comment, in JSON-LD for programs and in HTML (one anchor per term) for people.
 */
export function epcisVocabularyJsonLd(publicBaseUrl: string): Record<string, unknown> {
  const namespace = `${publicBaseUrl}/ns/epcis#`;
  return {
    '@context': {
      rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
      rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
      owl: 'http://www.w3.org/2002/07/owl#',
      nguon: namespace,
    },
    '@graph': [
      {
        '@id': `${publicBaseUrl}/ns/epcis`,
        '@type': 'owl:Ontology',
        'rdfs:label': 'Nguồn EPCIS extension terms',
        'rdfs:comment': 'Terms that Nguồn adds to GS1 EPCIS 2.0 / CBV 2.0 events it exports (lot traceability for Vietnamese cooperatives).',
      },
      ...Object.entries(NGUON_EPCIS_TERMS).map(([term, comment]) => ({
        '@id': `nguon:${term}`,
        '@type': 'rdf:Property',
        'rdfs:label': term,
        'rdfs:comment': comment,
        'rdfs:isDefinedBy': { '@id': `${publicBaseUrl}/ns/epcis` },
      })),
    ],
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function epcisVocabularyHtml(publicBaseUrl: string): string {
  const namespace = escapeHtml(`${publicBaseUrl}/ns/epcis#`);
  const terms = Object.entries(NGUON_EPCIS_TERMS)
    .map(([term, comment]) => `<dt id="${term}"><code>nguon:${term}</code> — <code>${namespace}${term}</code></dt><dd>${escapeHtml(comment)}</dd>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nguồn EPCIS extension terms</title>
<link rel="alternate" type="application/ld+json" href="${escapeHtml(`${publicBaseUrl}/ns/epcis`)}">
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.5}dt{margin-top:1rem;font-weight:600}code{font-size:.9em}</style>
</head><body>
<h1>Nguồn EPCIS extension terms</h1>
<p lang="vi">Các thuật ngữ mở rộng mà Nguồn thêm vào sự kiện EPCIS 2.0 khi xuất dữ liệu truy xuất nguồn gốc.</p>
<p>Terms that Nguồn adds to the GS1 EPCIS 2.0 / CBV 2.0 events it exports. Namespace: <code>${namespace}</code>
(prefix <code>nguon:</code>). Ask for <code>application/ld+json</code> for the RDF description.</p>
<dl>
${terms}
</dl>
</body></html>
`;
}
