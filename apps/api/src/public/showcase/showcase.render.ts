import { readFileSync } from 'node:fs';
import { formatDate, type DisplayLanguage, type ShowcaseCatalogue, type ShowcaseProducer, type ShowcaseProduct } from '@app/traceability';
import { html, raw, type SafeHtml } from '../pages/html.js';
import { cataloguePath, catalogueJsonLd, organizationJsonLd, photoPath, producerPath, productJsonLd, productPath, thumbPath } from './showcase-json-ld.js';
import { SHOWCASE_MESSAGES, type ShowcaseMessages } from './showcase.messages.js';

/** Inlined like the lot page's: no external style sheet, font or script beyond this origin's. */
const STYLE = raw(`<style>${readFileSync(new URL('./showcase.css', import.meta.url), 'utf8').replace(/\n/g, '')}</style>`);

/** Products on one catalogue page (the rest on the next pages): ≈ 25 KB of HTML, images lazy. */
export const CATALOGUE_PAGE_SIZE = 60;

export interface CatalogueFilters {
  q: string | null;
  group: number | null;
  stars: number | null;
  commune: string | null;
  page: number;
}

const localDate = (ymd: string, lang: DisplayLanguage) => formatDate(new Date(`${ymd}T00:00:00+07:00`), lang);
const productName = (p: ShowcaseProduct, lang: DisplayLanguage) => (lang === 'en' ? (p.nameEn ?? p.nameVi) : p.nameVi);
const withLang = (path: string, lang: DisplayLanguage) => (lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path);
const stars = (n: number) => html`<span class="s" aria-hidden="true">${'★'.repeat(n)}</span>`;
const jsonLdScript = (value: unknown) => raw(`<script type="application/ld+json">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`);

interface Head {
  title: string;
  description: string;
  /** The page's path without language (the Vietnamese URL); the English one adds ?lang=en. */
  path: string;
  image: string | null;
  type: 'website' | 'product' | 'profile';
  jsonLd: unknown;
  extra?: SafeHtml;
}

/** Canonical, hreflang vi/en/x-default, Open Graph and Twitter card: what a search engine or chat app shows. */
function layout(lang: DisplayLanguage, base: string, head: Head, body: SafeHtml): string {
  const m = SHOWCASE_MESSAGES[lang];
  const vi = `${base}${head.path}`;
  const en = withLang(vi, 'en');
  const self = lang === 'en' ? en : vi;
  const image = head.image ? `${base}${head.image}` : null;
  return html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${head.title}</title>
<meta name="description" content="${head.description}"><link rel="canonical" href="${self}"><link rel="alternate" hreflang="vi" href="${vi}"><link rel="alternate" hreflang="en" href="${en}"><link rel="alternate" hreflang="x-default" href="${vi}">
<meta property="og:type" content="${head.type}"><meta property="og:title" content="${head.title}"><meta property="og:description" content="${head.description}"><meta property="og:url" content="${self}"><meta property="og:locale" content="${lang === 'en' ? 'en_US' : 'vi_VN'}"><meta property="og:site_name" content="${m.site}">${
    image ? html`<meta property="og:image" content="${image}"><meta name="twitter:image" content="${image}">` : null
  }<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}"><meta name="twitter:title" content="${head.title}"><meta name="twitter:description" content="${head.description}">
${jsonLdScript(head.jsonLd)}${head.extra ?? null}${STYLE}</head>
<body><header class="top"><span><b>${m.site}</b> · OCOP</span><a href="?lang=${m.otherLang}" hreflang="${m.otherLang}" lang="${m.otherLang}" data-testid="lang-switch">${m.switchLabel}</a></header>
${body}
<footer>${m.footer}</footer></body></html>`.value;
}

function card(p: ShowcaseProduct, lang: DisplayLanguage, m: ShowcaseMessages): SafeHtml {
  const name = productName(p, lang);
  return html`<li><a href="${withLang(productPath(p.id), lang)}">${
    p.photoKey ? html`<img src="${thumbPath(p.photoKey)}" alt="" width="192" height="144" loading="lazy" decoding="async">` : raw('<div class="ni"></div>')
  }<b>${name}</b></a>${p.stars ? html`${stars(p.stars.level)} <small>${m.validUntil} ${localDate(p.stars.validUntil, lang)}</small>` : null}<br><small>${p.ocopGroup ? m.groups[p.ocopGroup - 1] : ''} · ${p.commune ?? ''} · ${p.producerName}</small>${
    p.recall ? html`<br><small class="rc">⚠ ${p.recall.lotCode}</small>` : null
  }</li>`;
}

const option = (value: string | number, label: string, selected: boolean) => html`<option value="${value}"${selected ? raw(' selected') : null}>${label}</option>`;

/** The province's catalogue: search, filters, one page of products, the producers, the map. */
export function renderCatalogue(catalogue: ShowcaseCatalogue, shown: ShowcaseProduct[], total: number, filters: CatalogueFilters, lang: DisplayLanguage, base: string): string {
  const m = SHOWCASE_MESSAGES[lang];
  const path = cataloguePath(catalogue.provinceCode);
  const pages = Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE));
  const title = m.catalogueTitle(catalogue.provinceName);
  const query = (page: number) => {
    const params = new URLSearchParams();
    if (filters.q) params.set('q', filters.q);
    if (filters.group) params.set('group', String(filters.group));
    if (filters.stars) params.set('stars', String(filters.stars));
    if (filters.commune) params.set('commune', filters.commune);
    if (page > 1) params.set('page', String(page));
    if (lang === 'en') params.set('lang', 'en');
    const text = params.toString();
    return text ? `?${text}` : path;
  };
  const body = html`<main>
<section><h1>${title}</h1><p class="m">${m.catalogueIntro(catalogue.products.length, catalogue.producers.filter((p) => p.products).length)}</p>
<form class="f" method="get" action="${path}" role="search">${lang === 'en' ? raw('<input type="hidden" name="lang" value="en">') : null}<input type="search" name="q" value="${filters.q ?? ''}" placeholder="${m.search}" aria-label="${m.search}">
<select name="group" aria-label="${m.group}" data-testid="filter-group">${option('', `${m.group}: ${m.all}`, !filters.group)}${m.groups.map((g, i) => option(i + 1, `${i + 1}. ${g}`, filters.group === i + 1))}</select>
<select name="stars" aria-label="${m.stars}">${option('', `${m.stars}: ${m.all}`, !filters.stars)}${[3, 4, 5].map((n) => option(n, `≥ ${m.starsAtLeast(n)}`, filters.stars === n))}</select>
<select name="commune" aria-label="${m.commune}" data-testid="filter-commune">${option('', `${m.commune}: ${m.all}`, !filters.commune)}${catalogue.communes.map((c) => option(c.code, c.name, filters.commune === c.code))}</select>
<button type="submit">${m.apply}</button></form></section>
<section id="products">${shown.length ? html`<ul class="c">${shown.map((p) => card(p, lang, m))}</ul>` : html`<p>${m.none}</p>`}${
    pages > 1
      ? html`<nav class="pg"><span>${filters.page > 1 ? html`<a href="${query(filters.page - 1)}" rel="prev">${m.prev}</a>` : null}</span><span>${m.page(filters.page, pages)}</span><span>${
          filters.page < pages ? html`<a href="${query(filters.page + 1)}" rel="next">${m.next}</a>` : null
        }</span></nav>`
      : null
  }</section>
<section id="producers"><h2>${m.producers}</h2><ul class="p">${catalogue.producers.map(
    (p) => html`<li><a href="${withLang(producerPath(catalogue.provinceCode, p.id), lang)}">${p.name}</a> <small>${p.commune ?? ''}${p.welcomesVisitors ? ` · ${m.welcomesVisitors}` : ''}</small></li>`,
  )}</ul></section>
<section><h2>${m.map}</h2><div id="map" data-src="${path}/map.json" data-lang="${lang}"></div><noscript><p class="m">${m.mapNoScript}</p></noscript></section>
</main>`;
  return layout(lang, base, {
    title,
    description: m.catalogueIntro(catalogue.products.length, catalogue.producers.length),
    path: filters.page > 1 ? `${path}?page=${filters.page}` : path,
    image: shown.find((p) => p.photoKey)?.photoKey ? photoPath(shown.find((p) => p.photoKey)!.photoKey!) : null,
    type: 'website',
    jsonLd: catalogueJsonLd(title, `${base}${path}`, shown, base, (filters.page - 1) * CATALOGUE_PAGE_SIZE),
    extra: raw('<script src="/ocop/assets/map.js" defer></script>'),
  }, body);
}

function certificationsSection(producer: ShowcaseProducer, m: ShowcaseMessages, lang: DisplayLanguage): SafeHtml | null {
  if (!producer.certifications.length) return null;
  return html`<section id="certifications"><h2>${m.certifications}</h2><ul class="p">${producer.certifications.map(
    (c) => html`<li>${c.kind === 'ocop' && c.level ? html`${stars(c.level)} OCOP ${c.level}` : c.kind.toUpperCase()} — ${c.scopeName} <small>${m.certificate} ${c.number} · ${m.issuedBy} ${c.issuer}${
      c.validUntil ? ` · ${m.validUntil} ${localDate(c.validUntil, lang)}` : ''
    }</small></li>`,
  )}</ul></section>`;
}

/** A producer's page: story, photos, products, certificates, communes, how to buy, how to visit. */
export function renderProducer(producer: ShowcaseProducer, lang: DisplayLanguage, base: string): string {
  const m = SHOWCASE_MESSAGES[lang];
  const story = lang === 'en' ? (producer.storyEn ?? producer.storyVi) : producer.storyVi;
  const visit = lang === 'en' ? (producer.visitInfoEn ?? producer.visitInfoVi) : producer.visitInfoVi;
  const contacts = [
    producer.publicPhone ? html`<li>${m.phone}: <a href="tel:${producer.publicPhone.replace(/[^0-9+]/g, '')}">${producer.publicPhone}</a></li>` : null,
    producer.publicEmail ? html`<li>${m.email}: <a href="mailto:${producer.publicEmail}">${producer.publicEmail}</a></li>` : null,
    producer.website ? html`<li>${m.website}: <a href="${producer.website}" rel="noopener nofollow">${producer.website}</a></li>` : null,
    ...producer.links.map((l) => html`<li><a href="${l.url}" rel="noopener nofollow">${l.label}</a></li>`),
  ].filter(Boolean);
  const body = html`<main>
<p style="margin:8px 16px"><a href="${withLang(cataloguePath(producer.provinceCode), lang)}">${m.backToCatalogue}</a></p>
<section><h1 data-testid="producer-name">${producer.name}</h1><p class="m">${[producer.commune, producer.province].filter(Boolean).join(', ')}${producer.welcomesVisitors ? ` · ${m.welcomesVisitors}` : ''}</p>${
    producer.photoKeys.length ? html`<div class="ph">${producer.photoKeys.map((key, i) => html`<img src="${photoPath(key)}" alt="${producer.name}" width="240" height="180"${i ? raw(' loading="lazy"') : null} decoding="async">`)}</div>` : null
  }${story ? html`<h2 style="margin-top:.8rem">${m.story}</h2><p style="white-space:pre-line">${story}</p>` : null}</section>
<section id="products"><h2>${m.products}</h2>${producer.catalogue.length ? html`<ul class="c">${producer.catalogue.map((p) => card(p, lang, m))}</ul>` : html`<p>${m.none}</p>`}</section>
${certificationsSection(producer, m, lang)}
${producer.workCommunes.length ? html`<section id="communes"><h2>${m.workCommunes}</h2><p>${producer.workCommunes.join(', ')}</p></section>` : null}
${contacts.length ? html`<section id="buy"><h2>${m.howToBuy}</h2><ul class="p">${contacts}</ul></section>` : null}
${producer.welcomesVisitors || visit ? html`<section id="visit"><h2>${m.visit}</h2>${visit ? html`<p style="white-space:pre-line">${visit}</p>` : html`<p>${m.welcomesVisitors}</p>`}</section>` : null}
</main>`;
  return layout(lang, base, {
    title: `${producer.name} · OCOP`,
    description: (story ?? producer.name).slice(0, 160),
    path: producerPath(producer.provinceCode, producer.id),
    image: producer.photoKeys[0] ? photoPath(producer.photoKeys[0]) : null,
    type: 'profile',
    jsonLd: organizationJsonLd(producer, base),
  }, body);
}

/** A product's page: photo, stars and their validity, group, producer, the recall notice, the latest lot. */
export function renderProduct(product: ShowcaseProduct, producer: ShowcaseProducer, lang: DisplayLanguage, base: string): string {
  const m = SHOWCASE_MESSAGES[lang];
  const name = productName(product, lang);
  const body = html`<main>
${product.recall ? html`<section class="rc" role="alert" id="recall"><p style="margin:0">⚠ ${m.recallNotice(product.recall.lotCode)} <a href="${withLang(`/l/${product.recall.shortCode}`, lang)}">${m.recallLink}</a></p></section>` : null}
<section>${product.photoKey ? html`<img class="hero" src="${photoPath(product.photoKey)}" alt="${name}" width="640" height="480" decoding="async">` : null}<h1 data-testid="product-name">${name}</h1>${
    lang === 'en' && product.nameEn ? html`<p class="m" lang="vi">${product.nameVi}</p>` : null
  }<p>${product.stars ? html`${stars(product.stars.level)} OCOP ${product.stars.level} · <small>${m.certificate} ${product.stars.number} · ${m.validUntil} ${localDate(product.stars.validUntil, lang)}</small>` : html`<small>${m.noStars}</small>`}</p>
<p>${m.producer}: <a href="${withLang(producerPath(producer.provinceCode, producer.id), lang)}" data-testid="producer-link">${producer.name}</a>${producer.commune ? html` · ${producer.commune}` : null}</p>
${product.ocopGroup ? html`<p>${m.ocopGroup}: ${m.groups[product.ocopGroup - 1]}</p>` : null}${product.brand ? html`<p>${m.brand}: ${product.brand}</p>` : null}${
    product.description ? html`<p style="white-space:pre-line">${product.description}</p>` : null
  }${product.latestLot ? html`<p><a href="${withLang(`/l/${product.latestLot.shortCode}`, lang)}" data-testid="latest-lot">${m.latestLot} (${product.latestLot.code})</a></p>` : null}</section>
<p style="margin:8px 16px"><a href="${withLang(cataloguePath(producer.provinceCode), lang)}">${m.backToCatalogue}</a></p>
</main>`;
  return layout(lang, base, {
    title: `${name} · ${producer.name}`,
    description: (product.description ?? `${name} — ${producer.name}`).slice(0, 160),
    path: productPath(product.id),
    image: product.photoKey ? photoPath(product.photoKey) : null,
    type: 'product',
    jsonLd: productJsonLd(product, producer, base),
  }, body);
}
