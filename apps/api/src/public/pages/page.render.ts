import { readFileSync } from 'node:fs';
import { CROPS, currentAddress, formatDate, formatDateTime, isKnownCrop, type DisplayLanguage, type GeoPoint, type LotPublicView, type ProductPublicView, type PublicCertification, type PublicFacility, type PublicGrowingArea, type PublicOrganization, type PublicProduct, type TimelineStep } from '@app/traceability';
import { html, raw, type SafeHtml } from './html.js';
import { MESSAGES, processLabel, type Messages } from './messages.js';

/** Where the per-label parts go; the rest of a lot page is cached per lot and language. */
export const SERIAL_SLOT = '<!--nguon:serial-->';
export const SERIAL_NUMBER_SLOT = '<!--nguon:serial-number-->';

/**
 * Mobile-first, no external font/script/CDN, readable without JavaScript; system fonts carry
 * Vietnamese diacritics on every phone. The style sheet lives in public-page.css and is inlined into
 * every page: one round trip less on a slow mobile network than a linked file.
 */
const STYLE = raw(`<style>\n${readFileSync(new URL('./public-page.css', import.meta.url), 'utf8')}</style>`);

export function formatLocalDate(ymd: string, lang: DisplayLanguage): string {
  return formatDate(new Date(`${ymd}T00:00:00+07:00`), lang);
}

function productName(product: Pick<PublicProduct, 'nameVi' | 'nameEn'>, lang: DisplayLanguage): string {
  return lang === 'en' ? (product.nameEn ?? product.nameVi) : product.nameVi;
}

/** A crop key as people say it (sticky_rice → Lúa nếp / Sticky rice (paddy)). */
export function cropLabel(crop: string, lang: DisplayLanguage): string {
  return isKnownCrop(crop) ? CROPS[crop][lang] : crop.replace(/_/g, ' ');
}

/** "Phường Mường Thanh, tỉnh Điện Biên" for places with official codes (two tiers since 1 July 2025); the stored texts otherwise. */
function place(where: { commune?: string | null; province?: string | null; communeCode?: string | null; provinceCode?: string | null }): string {
  return where.provinceCode ? currentAddress(where) : [where.commune, where.province].filter(Boolean).join(', ');
}

export function mapUrl(point: GeoPoint): string {
  const lat = point.lat.toFixed(6);
  const lon = point.lon.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=15/${lat}/${lon}`;
}

/** The uploaded photo (WebP ≤ 30 KB, this origin), else an http(s) image URL, else null (a stored `javascript:` or `data:` URL renders nothing). */
function imageSource(product: PublicProduct): string | null {
  if (product.photoKey) return `/ocop/photos/${product.photoKey}`;
  return product.imageUrl && /^https?:\/\//i.test(product.imageUrl) ? product.imageUrl : null;
}

function image(product: PublicProduct, lang: DisplayLanguage): SafeHtml {
  const src = imageSource(product);
  if (src) return html`<img src="${src}" alt="${productName(product, lang)}" width="640" height="480" decoding="async">`;
  return html`<div class="noimg" role="img" aria-label="${productName(product, lang)}">🌾</div>`;
}

function stars(level: number): SafeHtml {
  return html`<span class="stars" aria-hidden="true">${'★'.repeat(level)}</span>`;
}

function ocopBadge(ocop: PublicCertification | null, m: Messages, lang: DisplayLanguage): SafeHtml | null {
  if (!ocop?.level) return null;
  return html`<p class="ocop">${stars(ocop.level)} ${m.ocopStars(ocop.level)} · ${m.certificateNumber} ${ocop.number}${
    ocop.validUntil ? html` · ${m.validUntil} ${formatLocalDate(ocop.validUntil, lang)}` : null
  }</p>`;
}

function page(lang: DisplayLanguage, title: string, head: SafeHtml | null, body: SafeHtml): SafeHtml {
  const m = MESSAGES[lang];
  return html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>${head}${STYLE}</head>
<body><header class="top"><span><b>${m.siteTitle}</b> · ${m.tagline}</span><a href="?lang=${m.otherLang}" hreflang="${m.otherLang}" lang="${m.otherLang}">${m.switchLabel}</a></header>
${body}
<footer>${m.poweredBy}</footer></body></html>`;
}

function recallBanner(view: LotPublicView, m: Messages, lang: DisplayLanguage): SafeHtml | null {
  const { lot } = view;
  if (lot.status !== 'recalled') return null;
  return html`<section class="recall" role="alert" id="recall"><h2>⚠ ${m.recallTitle}</h2><p style="margin:0">${m.recallBody}</p>${
    lot.recallReason ? html`<p style="margin:.4rem 0 0">${m.recallReason}: ${lot.recallReason}</p>` : null
  }${lot.recalledAt ? html`<p style="margin:.4rem 0 0">${m.recalledOn} ${formatDate(lot.recalledAt, lang)}</p>` : null}</section>`;
}

function areaLine(area: PublicGrowingArea, m: Messages): SafeHtml {
  return html`<code>${area.code}</code> ${area.name} · ${place(area)}${
    area.point ? html` · <a href="${mapUrl(area.point)}" rel="noopener">${m.map}</a>` : null
  }`;
}

function facilityLine(facility: PublicFacility): SafeHtml {
  return html`${facility.name}${facility.code ? html` (<code>${facility.code}</code>)` : null}${
    place(facility) ? html` · ${place(facility)}` : null
  }`;
}

/** A stage's location trace code as people read it: `GLN <code>…</code>`, `mã cơ sở <code>…</code>`… */
function locationCode(step: TimelineStep, m: Messages): SafeHtml | null {
  return step.locationCode ? html`${m.locationScheme[step.locationCode.scheme]} <code>${step.locationCode.value}</code>` : null;
}

/** The product photo in the Circular 02 list (http(s) only, like the hero image), or null. */
function circularImage(product: PublicProduct, lang: DisplayLanguage): SafeHtml | null {
  const src = imageSource(product);
  if (!src) return null;
  return html`<a href="${src}" rel="noopener"><img class="c02img" src="${src}" alt="${productName(product, lang)}" width="96" height="72" loading="lazy" decoding="async"></a>`;
}

function stepTitle(step: TimelineStep, m: Messages): string {
  if (step.process && (step.stage === 'processing' || step.stage === 'packing')) {
    const label = processLabel(step.process, m);
    return label.toLowerCase() === m.stage[step.stage].toLowerCase() ? label : `${m.stage[step.stage]}: ${label}`;
  }
  return m.stage[step.stage];
}

function timelineItem(step: TimelineStep, m: Messages, lang: DisplayLanguage): SafeHtml {
  const where: (SafeHtml | string)[] = [];
  if (step.growingArea) where.push(html`${m.growingArea}: ${areaLine(step.growingArea, m)}`);
  if (step.facility) where.push(html`${m.facility}: ${facilityLine(step.facility)}`);
  if (step.household) where.push(html`${m.household}: ${step.household.name}${place(step.household) ? ` (${place(step.household)})` : ''}`);
  if (step.destination) where.push(html`${m.shippedTo}: ${step.destination.name}${step.destination.province ? ` · ${step.destination.province}` : ''}`);
  if (!step.growingArea && !step.facility) where.push(step.organizationName);
  if (step.result) where.push(m.inspectionResult(step.result));
  if (step.reason) where.push(html`${m.recallReason}: ${step.reason}`);
  const location = locationCode(step, m);
  if (location) where.push(html`${m.locationCode}: ${location}`);
  const codes = html`${step.inputLotCodes.length ? html`${m.lotsIn} ${step.inputLotCodes.map((c, i) => html`${i ? ', ' : ''}<code>${c}</code>`)} → ` : null}${
    step.lotCodes.length ? html`${m.lotsOut} ${step.lotCodes.map((c, i) => html`${i ? ', ' : ''}<code>${c}</code>`)}` : null
  }`;
  return html`<li${step.stage === 'recall' ? raw(' class="rc"') : null}><time datetime="${step.eventTime.toISOString()}">${formatDateTime(step.eventTime, lang, step.eventTimeOffset)}</time><b>${stepTitle(step, m)}</b>${where.map(
    (line) => html`<br>${line}`,
  )}<br><span class="muted">${codes}</span></li>`;
}

function certificationItem(cert: PublicCertification, m: Messages, lang: DisplayLanguage): SafeHtml {
  const name = cert.kind === 'ocop' && cert.level ? html`${stars(cert.level)} ${m.ocopStars(cert.level)}` : html`${m.certificationKind[cert.kind] ?? cert.kind}`;
  return html`<li><b>${name}</b> — ${m.scope[cert.scopeType]}: ${cert.scopeName}<br><span class="muted">${m.certificateNumber} ${cert.number} · ${m.issuedBy} ${cert.issuer}${
    cert.validUntil ? ` · ${m.validUntil} ${formatLocalDate(cert.validUntil, lang)}` : ''
  }</span></li>`;
}

function producerLine(org: PublicOrganization): string {
  return [org.name, org.address, place(org)].filter(Boolean).join(', ');
}

/** Links to the producer's and the product's showcase pages, when the producer appears in its province's catalogue. */
function showcaseLinks(view: LotPublicView, m: Messages, lang: DisplayLanguage): SafeHtml | null {
  const province = view.producer.showcaseProvinceCode;
  if (!province || view.product.organizationId !== view.producer.id) return null;
  const suffix = lang === 'en' ? '?lang=en' : '';
  return html`<p class="showcase" data-testid="showcase-links"><a href="/ocop/${province}/producers/${view.producer.id}${suffix}">${m.showcaseProducer}</a> · <a href="/ocop/products/${view.product.id}${suffix}">${m.showcaseProduct}</a></p>`;
}

function verifiedLine(view: LotPublicView, m: Messages): SafeHtml {
  return view.chain.valid ? html`<p class="ok">✓ ${m.verified(view.chain.eventsChecked)}</p>` : html`<p class="note bad">${m.notVerified}</p>`;
}

/**
 * The lot page, cut in three around SERIAL_SLOT and SERIAL_NUMBER_SLOT: everything but the per-label
 * parts depends only on the lot's data and the language, so it is cached and the serial parts are
 * spliced in per request (`assembleLotPage`).
 */
export function renderLotPage(view: LotPublicView, lang: DisplayLanguage, jsonLd: string): LotPageParts {
  const m = MESSAGES[lang];
  const { lot, product } = view;
  const name = productName(product, lang);
  const harvestDates = [...new Set(view.origins.map((o) => formatDate(o.harvestedAt, lang, o.harvestedAtOffset)))];
  const areas = [...new Map(view.origins.filter((o) => o.growingArea).map((o) => [o.growingArea!.id, o.growingArea!])).values()];
  const crops = [...new Set(areas.map((a) => [cropLabel(a.crop, lang), a.variety].filter(Boolean).join(' / ')))];
  const expiry = lot.expiresAt ? formatLocalDate(lot.expiresAt, lang) : null;
  const producer = producerLine(view.producer);
  const brand = product.brand;
  const stepsSummary = [...new Set(view.timeline.map((s) => m.stage[s.stage]))].join(' → ');

  const facts = html`<section><dl>
<dt>${m.lot}</dt><dd><code>${lot.code}</code></dd>
<dt>${m.traceCode}</dt><dd><code>${lot.shortCode}</code></dd>
<dt>${m.lotStatus}</dt><dd>${lot.status === 'recalled' ? html`<span style="color:var(--r)">${m.statusRecalled}</span>` : m.active}</dd>
${harvestDates.length ? html`<dt>${m.harvestDate}</dt><dd>${harvestDates.join(', ')}</dd>` : null}
<dt>${m.productionDate}</dt><dd>${formatDate(lot.producedAt, lang, lot.producedAtOffset)}</dd>
<dt>${m.expiry}</dt><dd>${expiry ?? (product.shelfLifeDays ? m.shelfLife(product.shelfLifeDays) : m.none)}</dd>
${areas.length ? html`<dt>${m.growingArea}</dt><dd>${areas.map((a, i) => html`${i ? ', ' : ''}<code>${a.code}</code>`)}</dd>` : null}
${crops.length ? html`<dt>${m.cropVariety}</dt><dd>${crops.join('; ')}</dd>` : null}
${areas.length ? html`<dt>${m.location}</dt><dd>${areas.map((a, i) => html`${i ? html`<br>` : null}${place(a)}${a.point ? html` · <a href="${mapUrl(a.point)}" rel="noopener">${m.map}</a>` : null}`)}</dd>` : null}
<dt>${m.producer}</dt><dd>${producer}</dd>
${brand ? html`<dt>${m.brand}</dt><dd>${brand}</dd>` : null}
${product.netContent && product.netContentUnit ? html`<dt>${m.netContent}</dt><dd>${Number(product.netContent)} ${product.netContentUnit}</dd>` : null}
${view.standards.length ? html`<dt>${m.standards}</dt><dd>${view.standards.join(', ')}</dd>` : null}
</dl></section>`;

  const timeline = html`<section id="trace"><h2>${m.journeyTitle}</h2><ol class="tl">${view.timeline.map((step) => timelineItem(step, m, lang))}</ol></section>`;

  const inputs = html`<section id="inputs"><h2>${m.inputsTitle}</h2>${
    view.inputs.length
      ? html`<ul class="plain">${view.inputs.map(
          (input) =>
            html`<li><b>${m.inputKind[input.kind] ?? input.kind}: ${input.productName}</b>${input.activeIngredient ? ` (${m.activeIngredient} ${input.activeIngredient})` : ''}<br><span class="muted">${formatLocalDate(input.appliedAt, lang)} · <code>${input.growingAreaCode}</code> · </span><span class="${input.phiRespected ? 'muted' : 'bad'}">${
              input.phiRespected ? m.phiOk(input.daysBeforeHarvest, input.phiDays) : m.phiNotOk(input.daysBeforeHarvest, input.phiDays)
            }</span></li>`,
        )}</ul>`
      : html`<p class="muted" style="margin:0">${m.inputsNone}</p>`
  }</section>`;

  const certifications = html`<section id="certifications"><h2>${m.certificationsTitle}</h2>${
    view.certifications.length
      ? html`<ul class="plain">${view.certifications.map((c) => certificationItem(c, m, lang))}</ul>`
      : html`<p class="muted" style="margin:0">${m.certificationsNone}</p>`
  }</section>`;

  const items = m.circularItems;
  const circular = html`<section id="circular"><details><summary>${m.circularTitle}</summary><ol class="c02">
<li>${items[0]}: ${name}</li>
<li>${items[1]}: ${circularImage(product, lang) ?? m.none}</li>
<li>${items[2]}: ${view.producer.name}</li>
<li>${items[3]}: ${[view.producer.address, place(view.producer)].filter(Boolean).join(', ') || m.none}</li>
<li>${items[4]}: ${stepsSummary} (${view.timeline.length})${
    view.timeline.length
      ? html`<ul class="c02stages">${view.timeline.map((step) => html`<li>${stepTitle(step, m)}${step.locationCode ? html` — ${locationCode(step, m)}` : null}</li>`)}</ul>`
      : null
  }</li>
<li>${items[5]}: ${formatDate(lot.producedAt, lang, lot.producedAtOffset)}</li>
<li>${items[6]}: <code>${lot.code}</code> · <code>${lot.shortCode}</code> · ${view.uri}</li>
<li>${items[7]}: ${brand ?? m.none}${raw(SERIAL_NUMBER_SLOT)}</li>
<li>${items[8]}: ${expiry ?? (product.shelfLifeDays ? m.shelfLife(product.shelfLifeDays) : m.none)}</li>
<li>${items[9]}: ${view.standards.length ? view.standards.join(', ') : m.none}</li>
</ol></details></section>`;

  const head = html`<meta name="description" content="${name} — ${m.lot} ${lot.code} · ${producer}"><link rel="canonical" href="${view.uri}"><link rel="alternate" type="application/linkset+json" href="?linkType=linkset"><script type="application/ld+json">${raw(
    jsonLd.replace(/</g, '\\u003c'),
  )}</script><script src="/ocop/assets/share.js" defer></script>`;

  const body = html`<main>
${recallBanner(view, m, lang)}
<section class="hero">${image(product, lang)}<h1>${name}</h1>${lang === 'en' && product.nameEn ? html`<p class="sub" lang="vi">${product.nameVi}</p>` : null}<p class="sub">${view.producer.name}</p>${ocopBadge(view.ocop, m, lang)}${verifiedLine(view, m)}${showcaseLinks(view, m, lang)}</section>
${raw(SERIAL_SLOT)}
${facts}
${timeline}
${inputs}
${certifications}
${circular}
<section id="share"><p style="margin:0"><a href="${view.uri}" data-share data-title="${name}" data-copied="${m.shareCopied}">🔗 ${m.share}</a> <span class="muted" id="share-note" role="status"></span></p></section>
<section class="muted"><p style="margin:0">${m.machineReadable}: <a href="?linkType=linkset">${m.linksetLink}</a> · <a href="${view.epcisUrl}">${m.epcisLink}</a> · <a href="${view.recallStatusUrl}">${m.recallStatusLink}</a></p></section>
</main>`;

  const full = page(lang, `${name} — ${m.lot} ${lot.code}`, head, body).value;
  const [head0, rest] = full.split(SERIAL_SLOT);
  const [middle, tail] = rest.split(SERIAL_NUMBER_SLOT);
  return [head0, middle, tail];
}

export type LotPageParts = [string, string, string];

/** The page with its per-request parts: the label's block, and the outage note when served stale. */
export function assembleLotPage(parts: LotPageParts, serial: SerialInfo | null, lang: DisplayLanguage, options: { stale?: boolean } = {}): string {
  const note = options.stale ? html`<section id="stale"><p class="note warn">${MESSAGES[lang].staleNote}</p></section>`.value : '';
  if (!serial) return parts[0] + note + parts[1] + parts[2];
  return parts[0] + note + renderSerialSection(serial, lang) + parts[1] + html` · ${MESSAGES[lang].serial} <code>${serial.serial}</code>`.value + parts[2];
}

export interface SerialInfo {
  serial: string;
  issued: boolean;
  firstScannedAt: Date | null;
  scans: number;
  distinctDays: number;
  suspicious: boolean;
}

/** The per-label block: the serial, when it was first scanned, and warnings. */
export function renderSerialSection(info: SerialInfo | null, lang: DisplayLanguage): string {
  if (!info) return '';
  const m = MESSAGES[lang];
  const notes: SafeHtml[] = [];
  if (!info.issued) notes.push(html`<p class="note bad">${m.serialNotIssued}</p>`);
  else if (!info.firstScannedAt) notes.push(html`<p class="note good">${m.firstScan}</p>`);
  else notes.push(html`<p class="note ${info.suspicious ? 'warn' : 'good'}">${m.firstScannedAt} ${formatDateTime(info.firstScannedAt, lang)}.</p>`);
  if (info.issued && info.suspicious) notes.push(html`<p class="note bad" style="margin-top:8px">${m.scanWarning(info.scans, info.distinctDays)}</p>`);
  return html`<section id="serial"><dl><dt>${m.serial}</dt><dd><code>${info.serial}</code></dd></dl><div style="margin-top:8px">${notes}</div></section>`.value;
}

/** The product page of `/01/{gtin}`: the product and its lots. */
/** A product's page; with `missingLot`, the answer to a Digital Link naming a lot it does not have (GS1 walk-up). */
export function renderProductPage(view: ProductPublicView, lang: DisplayLanguage, jsonLd: string, missingLot?: string): string {
  const m = MESSAGES[lang];
  const { product } = view;
  const name = productName(product, lang);
  const head = html`<link rel="canonical" href="${view.uri}"><link rel="alternate" type="application/linkset+json" href="?linkType=linkset"><script type="application/ld+json">${raw(
    jsonLd.replace(/</g, '\\u003c'),
  )}</script>`;
  const body = html`<main>
${missingLot !== undefined ? html`<section id="lot-not-found"><p class="note warn" role="status">${m.lotNotFound(missingLot)}</p></section>` : null}
<section class="hero">${image(product, lang)}<h1>${name}</h1><p class="sub">${producerLine(view.producer)}</p>${ocopBadge(view.ocop, m, lang)}</section>
<section><dl>
<dt>GTIN</dt><dd><code>${product.gtin}</code></dd>
${product.brand ? html`<dt>${m.brand}</dt><dd>${product.brand}</dd>` : null}
${product.shelfLifeDays ? html`<dt>${m.expiry}</dt><dd>${m.shelfLife(product.shelfLifeDays)}</dd>` : null}
${product.standards.length ? html`<dt>${m.standards}</dt><dd>${product.standards.join(', ')}</dd>` : null}
</dl></section>
<section id="certifications"><h2>${m.certificationsTitle}</h2>${
    view.certifications.length
      ? html`<ul class="plain">${view.certifications.map((c) => certificationItem(c, m, lang))}</ul>`
      : html`<p class="muted" style="margin:0">${m.certificationsNone}</p>`
  }</section>
<section id="lots"><h2>${m.productLots}</h2>${
    view.lots.length
      ? html`<ul class="plain">${view.lots.map(
          (lot) =>
            html`<li><a href="${lot.uri}?lang=${lang}"><code>${lot.code}</code></a> · ${formatDate(lot.producedAt, lang, lot.producedAtOffset)}${
              lot.expiresAt ? ` · ${m.expiry} ${formatLocalDate(lot.expiresAt, lang)}` : ''
            }${lot.status === 'recalled' ? html` · <b style="color:var(--r)">${m.statusRecalled}</b>` : null}</li>`,
        )}</ul>`
      : html`<p class="muted" style="margin:0">${m.productNoLots}</p>`
  }</section>
</main>`;
  return page(lang, name, head, body).value;
}

/** An error page for people: the right status, a plain explanation, the machine code for support. */
export function renderErrorPage(status: number, lang: DisplayLanguage, code: string, detail?: string): string {
  const m = MESSAGES[lang];
  const known = m.errorTitle[status] ? status : status >= 500 ? 500 : 404;
  const text = (m.errorByCode as Record<string, string>)[code] ?? m.errorBody[known];
  const body = html`<main><section><h1>${m.errorTitle[known]}</h1><p>${text}</p>${
    detail ? html`<p class="muted">${detail}</p>` : null
  }<p class="muted">${m.backHint}: <code>${code}</code></p></section></main>`;
  return page(lang, `${m.errorTitle[known]} · ${m.siteTitle}`, html`<meta name="robots" content="noindex">`, body).value;
}
