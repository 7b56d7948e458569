import { encodeDigitalLinkValue, LINKSET_JSON_LD_CONTEXT, type ResolverKey } from '@app/traceability';

/** The `Link` to an item's linkset, on every answer about it (GS1 resolver standard). */
export function linksetHeader(anchor: string): string {
  return `<${anchor}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`;
}

/** On linkset responses: the JSON-LD context that turns the linkset into RDF (GS1 resolver standard). */
export const JSON_LD_CONTEXT_LINK = `<${LINKSET_JSON_LD_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`;

/** On answers to a compressed Digital Link: the URI it stands for (GS1 resolver standard: owl:sameAs). */
export function sameAsHeader(uri: string): string {
  return `<${uri}>; rel="http://www.w3.org/2002/07/owl#sameAs"`;
}

/** The canonical URI of what a resolver key names, from the key alone (values percent-encoded as the Digital Link syntax says). */
export function canonicalUri(base: string, key: ResolverKey): string {
  const serial = (value: string | null, prefix: string) => (value ? `${prefix}${encodeDigitalLinkValue(value)}` : '');
  switch (key.kind) {
    case 'short':
      return `${base}/l/${key.shortCode}${serial(key.serial, '/')}`;
    case 'product':
      return `${base}/01/${key.gtin}`;
    case 'item':
      return `${base}/01/${key.gtin}${serial(key.serial, '/21/')}`;
    case 'lot':
      return `${base}/01/${key.gtin}/10/${encodeDigitalLinkValue(key.lotCode)}${serial(key.serial, '/21/')}`;
  }
}
