import { GS1_VOC, LINKSET_JSON_LD_CONTEXT, SUPPORTED_LINK_TYPES } from '@app/traceability';

/**
 * Why the page is served at the Digital Link itself (200) rather than as a 307 to the default link,
 * the one place where this resolver departs from the GS1 resolver standard on purpose; stated in the
 * description file and in docs/public-contract.md.
 */
export const DEFAULT_LINK_DEVIATION =
  'A browser asking for the default link gets the page at the GS1 Digital Link URI itself (200), not a 307 redirect to it: one round trip less on the slow mobile networks where labels are scanned. ?linkType=gs1:defaultLink still answers 307, and every other linkType as the standard says.';

/**
 * The resolver description file (`/.well-known/gs1resolver`), valid against GS1's description-file
 * schema 1.2 (test/fixtures/gs1). The fields after jsonLdContextLocation are this resolver's own,
 * which the schema allows.
 */
export function resolverDescription(publicBaseUrl: string): Record<string, unknown> {
  return {
    name: 'Nguồn — truy xuất nguồn gốc / product traceability',
    resolverRoot: publicBaseUrl,
    supportedPrimaryKeys: ['01'],
    supportedLinkType: [{ namespace: GS1_VOC, prefix: 'gs1:', profile: 'https://gs1.org/voc/?show=linktypes' }],
    linkTypeDefaultCanBeLinkset: false,
    jsonLdContextLocation: LINKSET_JSON_LD_CONTEXT,
    supportedQualifiers: { '01': ['10', '21'] },
    supportedLinkTypes: SUPPORTED_LINK_TYPES.map((type) => `gs1:${type}`),
    supportedLanguages: ['vi', 'en'],
    compressedUris: true,
    defaultLinkBehaviour: DEFAULT_LINK_DEVIATION,
    shortUrlPattern: `${publicBaseUrl}/l/{shortCode}[/{serial}]`,
  };
}
