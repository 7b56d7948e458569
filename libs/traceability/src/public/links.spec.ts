import { describe, expect, it } from '@jest/globals';
import { parseLinkType, selectLink, toLinkset, withQueryAttributes, type LinkContext } from './links.js';

const contexts: LinkContext[] = [
  {
    anchor: 'https://x.vn/01/08934588012341/10/L1',
    itemDescription: 'Gạo — lô L1',
    links: {
      pip: [
        { href: 'https://x.vn/01/08934588012341/10/L1?lang=vi', title: 'Trang lô', hreflang: ['vi'], type: 'text/html' },
        { href: 'https://x.vn/01/08934588012341/10/L1?lang=en', title: 'Lot page', hreflang: ['en'], type: 'text/html' },
      ],
      traceability: [{ href: 'https://x.vn/01/08934588012341/10/L1?lang=vi#trace', title: 'Hành trình', hreflang: ['vi'], type: 'text/html' }],
    },
  },
  { anchor: 'https://x.vn/01/08934588012341', itemDescription: 'Gạo', links: { certificationInfo: [{ href: 'https://x.vn/01/08934588012341?lang=vi#certifications', title: 'Chứng nhận', hreflang: ['vi'], type: 'text/html' }] } },
];

describe('resolver links', () => {
  it('reads link types in CURIE, bare and IRI form', () => {
    expect(parseLinkType('gs1:pip')).toBe('pip');
    expect(parseLinkType('pip')).toBe('pip');
    expect(parseLinkType('https://gs1.org/voc/recallStatus')).toBe('recallStatus');
    expect(parseLinkType('https://ref.gs1.org/voc/pip')).toBe('pip');
    expect(parseLinkType('https://www.gs1.org/voc/pip')).toBe('pip');
    expect(parseLinkType('http://www.gs1.org/voc/traceability')).toBe('traceability');
    expect(parseLinkType('https://example.org/voc/pip')).toBeNull();
    expect(parseLinkType('gs1:nutritionalInfo')).toBeNull();
  });

  it('selects the link in the asked language, walking up to the product', () => {
    expect(selectLink(contexts, 'pip', 'en')?.href).toBe('https://x.vn/01/08934588012341/10/L1?lang=en');
    expect(selectLink(contexts, 'traceability', 'en')?.href).toContain('#trace');
    expect(selectLink(contexts, 'certificationInfo', 'vi')?.href).toBe('https://x.vn/01/08934588012341?lang=vi#certifications');
    expect(selectLink(contexts, 'epcis', 'vi')).toBeNull();
  });

  it('passes query attributes through to a redirect, before the fragment, without linkType', () => {
    const query = new URLSearchParams('linkType=gs1:traceability&17=270101&lang=en');
    expect(withQueryAttributes('https://x.vn/01/08934588012341/10/L1?lang=vi#trace', query)).toBe('https://x.vn/01/08934588012341/10/L1?lang=vi&17=270101#trace');
  });

  it('writes an RFC 9264 linkset with GS1 Web Vocabulary relation types', () => {
    const { linkset } = toLinkset(contexts);
    expect(linkset[0].anchor).toBe(contexts[0].anchor);
    expect(linkset[0].itemDescription).toBe('Gạo — lô L1');
    expect(linkset[0]['https://gs1.org/voc/pip']).toHaveLength(2);
    expect(linkset[1]['https://gs1.org/voc/certificationInfo']).toEqual(contexts[1].links.certificationInfo);
  });
});
