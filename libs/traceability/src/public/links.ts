import type { DisplayLanguage } from '../common/dates.js';
import type { LotPublicView, ProductPublicView } from './public-lot.types.js';

export const GS1_VOC = 'https://gs1.org/voc/';

/** The link types this resolver serves (GS1 Web Vocabulary). */
export const SUPPORTED_LINK_TYPES = ['defaultLink', 'pip', 'traceability', 'certificationInfo', 'recallStatus', 'epcis'] as const;
export type LinkType = (typeof SUPPORTED_LINK_TYPES)[number];

/** One target of a link relation in an RFC 9264 linkset. */
export interface LinkTarget {
  href: string;
  title: string;
  hreflang: DisplayLanguage[];
  type: string;
}

export type LinkContext = { anchor: string; links: Partial<Record<LinkType, LinkTarget[]>> };

const TITLES = {
  vi: {
    lotPage: (name: string, code: string) => `${name} — lô ${code}: thông tin truy xuất`,
    trace: (code: string) => `Hành trình lô ${code}`,
    certifications: (name: string) => `Chứng nhận của ${name}`,
    productPage: (name: string) => `${name}: thông tin sản phẩm và các lô hàng`,
  },
  en: {
    lotPage: (name: string, code: string) => `${name} — lot ${code}: traceability information`,
    trace: (code: string) => `Journey of lot ${code}`,
    certifications: (name: string) => `Certifications of ${name}`,
    productPage: (name: string) => `${name}: product information and lots`,
  },
};

const LANGS: DisplayLanguage[] = ['vi', 'en'];

function nameIn(product: { nameVi: string; nameEn: string | null }, lang: DisplayLanguage): string {
  return lang === 'en' ? (product.nameEn ?? product.nameVi) : product.nameVi;
}

/** A `?lang=` variant (and fragment) of a page URL. */
function variant(url: string, lang: DisplayLanguage, fragment = ''): string {
  return `${url}?lang=${lang}${fragment}`;
}

/** Public URLs of a lot's machine-readable resources, by its short code (every lot has one). */
export function recallStatusUrlOf(baseUrl: string, shortCode: string): string {
  return `${baseUrl}/public/lots/${shortCode}/recall-status`;
}

export function epcisUrlOf(baseUrl: string, shortCode: string): string {
  return `${baseUrl}/public/lots/${shortCode}/epcis`;
}

export function productUri(baseUrl: string, gtin: string): string {
  return `${baseUrl}/01/${gtin}`;
}

function productContext(baseUrl: string, product: { gtin: string | null; nameVi: string; nameEn: string | null }): LinkContext | null {
  if (!product.gtin) return null;
  const uri = productUri(baseUrl, product.gtin);
  const pages = LANGS.map((lang) => ({ href: variant(uri, lang), title: TITLES[lang].productPage(nameIn(product, lang)), hreflang: [lang], type: 'text/html' }));
  return { anchor: uri, links: { defaultLink: [{ ...pages[0], href: uri, hreflang: ['vi', 'en'] }], pip: pages } };
}

/**
 * The links of a lot: its page, its journey, certifications (only when it has valid ones), recall
 * status and EPCIS events; then the product's own links ("walk up" to the GTIN).
 */
export function lotLinkContexts(view: LotPublicView, baseUrl: string, anchor = view.uri): LinkContext[] {
  const { lot, product } = view;
  const page = (lang: DisplayLanguage, fragment = '') => variant(view.uri, lang, fragment);
  const links: LinkContext['links'] = {
    defaultLink: [{ href: view.uri, title: TITLES.vi.lotPage(product.nameVi, lot.code), hreflang: ['vi', 'en'], type: 'text/html' }],
    pip: LANGS.map((lang) => ({ href: page(lang), title: TITLES[lang].lotPage(nameIn(product, lang), lot.code), hreflang: [lang], type: 'text/html' })),
    traceability: LANGS.map((lang) => ({ href: page(lang, '#trace'), title: TITLES[lang].trace(lot.code), hreflang: [lang], type: 'text/html' })),
  };
  if (view.certifications.length) {
    links.certificationInfo = LANGS.map((lang) => ({
      href: page(lang, '#certifications'),
      title: TITLES[lang].certifications(nameIn(product, lang)),
      hreflang: [lang],
      type: 'text/html',
    }));
  }
  links.recallStatus = [
    {
      href: view.recallStatusUrl,
      title: `Recall status of lot ${lot.code} (JSON)`,
      hreflang: ['en'],
      type: 'application/json',
    },
  ];
  links.epcis = [
    {
      href: view.epcisUrl,
      title: `EPCIS 2.0 events of lot ${lot.code}`,
      hreflang: ['en'],
      type: 'application/ld+json',
    },
  ];
  const contexts: LinkContext[] = [{ anchor, links }];
  const up = productContext(baseUrl, product);
  if (up) contexts.push(up);
  return contexts;
}

export function productLinkContexts(view: ProductPublicView, baseUrl: string): LinkContext[] {
  const context = productContext(baseUrl, view.product)!;
  if (view.certifications.length) {
    context.links.certificationInfo = LANGS.map((lang) => ({
      href: variant(view.uri, lang, '#certifications'),
      title: TITLES[lang].certifications(nameIn(view.product, lang)),
      hreflang: [lang],
      type: 'text/html',
    }));
  }
  return [context];
}

/** RFC 9264 `application/linkset+json`: link relation types as GS1 Web Vocabulary IRIs. */
export function toLinkset(contexts: LinkContext[]): { linkset: Record<string, unknown>[] } {
  return {
    linkset: contexts.map((context) => {
      const entry: Record<string, unknown> = { anchor: context.anchor };
      for (const [type, targets] of Object.entries(context.links)) entry[GS1_VOC + type] = targets;
      return entry;
    }),
  };
}

/** `gs1:pip`, `pip` or `https://gs1.org/voc/pip` → `pip`; null for a link type we do not know. */
export function parseLinkType(value: string): LinkType | null {
  const name = value.trim().replace(/^https?:\/\/gs1\.org\/voc\//, '').replace(/^gs1:/, '');
  return (SUPPORTED_LINK_TYPES as readonly string[]).includes(name) ? (name as LinkType) : null;
}

/**
 * The target `?linkType=X` redirects to: the lot's own link first, else the product's (walk up); of
 * several, the one in the asked language. Null when neither has such a link.
 */
export function selectLink(contexts: LinkContext[], type: LinkType, lang: DisplayLanguage): LinkTarget | null {
  for (const context of contexts) {
    const targets = context.links[type];
    if (targets?.length) return targets.find((target) => target.hreflang.includes(lang)) ?? targets[0];
  }
  return null;
}

/** Query attributes of the request (except linkType) carried over to a redirect target. */
export function withQueryAttributes(href: string, query: URLSearchParams): string {
  const [beforeFragment, fragment] = href.split('#', 2);
  const url = new URL(beforeFragment);
  for (const [key, value] of query) {
    if (key === 'linkType' || url.searchParams.has(key)) continue;
    url.searchParams.append(key, value);
  }
  return url.toString() + (fragment !== undefined ? `#${fragment}` : '');
}
