import type { DisplayLanguage } from '../common/dates.js';
import type { LotPublicView, ProductPublicView } from './public-lot.types.js';

export const GS1_VOC = 'https://gs1.org/voc/';

/** The link types this resolver serves (GS1 Web Vocabulary). */
export const SUPPORTED_LINK_TYPES = ['defaultLink', 'pip', 'traceability', 'certificationInfo', 'recallStatus', 'epcis'] as const;
export type LinkType = (typeof SUPPORTED_LINK_TYPES)[number];

/**
 * The JSON-LD context of GS1 linksets, named by the `Link` header of every linkset response (GS1
 * resolver standard; a copy is in test/fixtures/gs1 for offline checks).
 */
export const LINKSET_JSON_LD_CONTEXT = 'https://gs1.github.io/linkset/linksetContext.jsonld';

/** One target of a link relation in an RFC 9264 linkset (the default link has only href and title). */
export interface LinkTarget {
  href: string;
  title: string;
  hreflang?: DisplayLanguage[];
  type?: string;
}

/** The links of one identified thing, with what it is in words (GS1 linkset `itemDescription`). */
export type LinkContext = { anchor: string; itemDescription: string; links: Partial<Record<LinkType, LinkTarget[]>> };

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

/**
 * The default link and the page links of an item. GS1's linkset rules: the default link carries only
 * href and title, and its target is listed again under a descriptive link type (here gs1:pip, after
 * the one-language variants so that a redirect in a given language finds those first).
 */
function pageLinks(uri: string, title: (lang: DisplayLanguage) => string): Pick<LinkContext['links'], 'defaultLink' | 'pip'> {
  const pages: LinkTarget[] = LANGS.map((lang) => ({ href: variant(uri, lang), title: title(lang), hreflang: [lang], type: 'text/html' }));
  return {
    defaultLink: [{ href: uri, title: title('vi') }],
    pip: [...pages, { href: uri, title: title('vi'), hreflang: [...LANGS], type: 'text/html' }],
  };
}

function productContext(baseUrl: string, product: { gtin: string | null; nameVi: string; nameEn: string | null }): LinkContext | null {
  if (!product.gtin) return null;
  const uri = productUri(baseUrl, product.gtin);
  return { anchor: uri, itemDescription: product.nameVi, links: pageLinks(uri, (lang) => TITLES[lang].productPage(nameIn(product, lang))) };
}

/**
 * The links of a lot: its page, its journey, certifications (only when it has valid ones), recall
 * status and EPCIS events; then the product's own links ("walk up" to the GTIN).
 */
export function lotLinkContexts(view: LotPublicView, baseUrl: string, anchor = view.uri): LinkContext[] {
  const { lot, product } = view;
  const page = (lang: DisplayLanguage, fragment = '') => variant(view.uri, lang, fragment);
  const links: LinkContext['links'] = {
    ...pageLinks(view.uri, (lang) => TITLES[lang].lotPage(nameIn(product, lang), lot.code)),
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
  const contexts: LinkContext[] = [{ anchor, itemDescription: `${product.nameVi} — lô ${lot.code}`, links }];
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
      const entry: Record<string, unknown> = { anchor: context.anchor, itemDescription: context.itemDescription };
      for (const [type, targets] of Object.entries(context.links)) entry[GS1_VOC + type] = targets;
      return entry;
    }),
  };
}

/**
 * `gs1:pip`, `pip`, or the link type's IRI in any of its published forms (`https://gs1.org/voc/pip`,
 * `https://www.gs1.org/voc/pip`, `https://ref.gs1.org/voc/pip`, http or https) → `pip`; null for a
 * link type we do not know.
 */
export function parseLinkType(value: string): LinkType | null {
  const name = value.trim().replace(/^https?:\/\/(?:www\.|ref\.)?gs1\.org\/voc\//, '').replace(/^gs1:/, '');
  return (SUPPORTED_LINK_TYPES as readonly string[]).includes(name) ? (name as LinkType) : null;
}

/**
 * The target `?linkType=X` redirects to: the lot's own link first, else the product's (walk up); of
 * several, the one in the asked language. Null when neither has such a link.
 */
export function selectLink(contexts: LinkContext[], type: LinkType, lang: DisplayLanguage): LinkTarget | null {
  for (const context of contexts) {
    const targets = context.links[type];
    if (targets?.length) return targets.find((target) => target.hreflang?.includes(lang)) ?? targets[0];
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
