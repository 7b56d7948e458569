import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { toLocalDate, type DisplayLanguage } from '../common/dates.js';
import { toEpcisDocument } from '../exports/epcis.js';
import type { ClientClass } from './client-class.js';
import { lotJsonLd, productJsonLd } from './json-ld.js';
import { lotLinkContexts, productLinkContexts, toLinkset, type LinkContext } from './links.js';
import { LruCache } from './lru-cache.js';
import { assembleLotPage, renderLotPage, renderProductPage, type LotPageParts, type SerialInfo } from './page.render.js';
import { PublicLotRepository, type LotKey, type SerialStats } from './public-lot.repository.js';
import { PublicLotService } from './public-lot.service.js';
import type { LotPublicView, ProductPublicView } from './public-lot.types.js';
import type { ResolverKey } from './resolver-path.js';
import { ScanRecorder, type ScanRepresentation } from './scan-recorder.js';
import { isSuspiciousSerial } from './scan-stats.repository.js';
import { VersionProbe } from './version-probe.js';

/** Lot pages kept in memory (each ≈ 2 × 15 KB of HTML plus its view). */
const MAX_CACHED_LOTS = 2000;
/**
 * Registry data (product name, image, certificates, addresses) changes without an event; a cached
 * page is rebuilt at least this often to pick such edits up.
 */
const REGISTRY_REFRESH_MS = 5 * 60_000;
/** How long a serial's scan figures and a "not issued" answer are trusted before asking again. */
const SERIAL_REFRESH_MS = 60_000;
const PRODUCT_PAGE_TTL_MS = 30_000;

/** Bodies below this size are sent as they are: gzip would save too little to matter. */
const MIN_GZIP_BYTES = 1024;

/**
 * A response body, encoded to bytes once and gzipped at most once (a 14 KB lot page is ≈ 4 KB
 * gzipped: a third of the time on a slow mobile link, and far less copying for the server).
 */
export class PageBody {
  private gzipped?: Buffer;
  readonly identity: Buffer;

  constructor(
    text: string,
    /** Strong ETag of the identity encoding; the gzip encoding's is derived from it. */
    readonly etag: string,
  ) {
    this.identity = Buffer.from(text, 'utf8');
  }

  get compressible(): boolean {
    return this.identity.length >= MIN_GZIP_BYTES;
  }

  gzip(): Buffer {
    return (this.gzipped ??= gzipSync(this.identity, { level: 9 }));
  }

  get gzipEtag(): string {
    return `${this.etag.slice(0, -1)}.gz"`;
  }
}

/** A lot's page data at one version, with its representations rendered lazily, once. */
export class CachedLot {
  private readonly parts = new Map<DisplayLanguage, { parts: LotPageParts; etag: string; body?: PageBody }>();
  private jsonLdText?: { body: string; etag: string; page?: PageBody };
  private contexts?: LinkContext[];

  constructor(
    readonly key: LotKey,
    readonly organizationIds: string[],
    readonly version: string,
    readonly view: LotPublicView,
    readonly loadedAt: number,
    private readonly baseUrl: string,
  ) {}

  html(lang: DisplayLanguage): { parts: LotPageParts; etag: string; body?: PageBody } {
    let rendered = this.parts.get(lang);
    if (!rendered) {
      const parts = renderLotPage(this.view, lang, this.jsonLd().body);
      rendered = { parts, etag: digest(parts.join('')) };
      this.parts.set(lang, rendered);
    }
    return rendered;
  }

  jsonLd(): { body: string; etag: string; page?: PageBody } {
    if (!this.jsonLdText) {
      const body = JSON.stringify(lotJsonLd(this.view));
      this.jsonLdText = { body, etag: digest(body) };
    }
    return this.jsonLdText;
  }

  /** The whole page without a label block, as bytes, kept with the entry. */
  htmlBody(lang: DisplayLanguage): PageBody {
    const rendered = this.html(lang);
    rendered.body ??= new PageBody(rendered.parts.join(''), `"h${lang}.${rendered.etag}"`);
    return rendered.body;
  }

  jsonLdBody(): PageBody {
    const jsonLd = this.jsonLd();
    jsonLd.page ??= new PageBody(jsonLd.body, `"j.${jsonLd.etag}"`);
    return jsonLd.page;
  }

  /** The lot's link contexts; `anchor` is the URI asked for (it may carry a serial). */
  links(anchor?: string): LinkContext[] {
    this.contexts ??= lotLinkContexts(this.view, this.baseUrl);
    if (!anchor || anchor === this.contexts[0].anchor) return this.contexts;
    return [{ ...this.contexts[0], anchor }, ...this.contexts.slice(1)];
  }
}

interface SerialState {
  issued: boolean;
  issuedCheckedAt: number;
  stats: SerialStats;
  statsLoadedAt: number;
}

export interface LotResolution {
  lot: LotKey;
  serial: string | null;
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, 22);
}

/**
 * The public pages' cache (DESIGN §5, issue 6). A lot's page is kept per lot at a version — its
 * status and the latest event seq of each journal its genealogy draws on — and every request checks
 * that version through the VersionProbe (one shared query at a time), so a recall or any new event on
 * the genealogy shows on the very next request, on every replica, with no invalidation messages.
 */
@Injectable()
export class PublicPageService {
  /** Off only for benchmarks that measure the uncached page. */
  cacheEnabled = true;
  private readonly lots = new LruCache<string, CachedLot>(MAX_CACHED_LOTS);
  private readonly keys = new LruCache<string, LotKey>(MAX_CACHED_LOTS * 4);
  private readonly loading = new Map<string, Promise<CachedLot | null>>();
  private readonly serials = new LruCache<string, SerialState>(20_000);
  private readonly serialPages = new LruCache<string, PageBody>(1000);
  private readonly serialLoads = new Map<string, Promise<SerialState>>();
  private readonly products = new LruCache<string, { view: ProductPublicView; loadedAt: number; html: Map<DisplayLanguage, PageBody> }>(500);
  private readonly probe: VersionProbe;

  constructor(
    private readonly repository: PublicLotRepository,
    private readonly views: PublicLotService,
    private readonly scans: ScanRecorder,
  ) {
    this.probe = new VersionProbe(repository);
  }

  get baseUrl(): string {
    return this.views.baseUrl;
  }

  /** The lot a resolver key names (and the serial, for a label), or null when there is none. */
  async resolve(key: Exclude<ResolverKey, { kind: 'product' }>): Promise<LotResolution | null> {
    if (key.kind === 'item') {
      // Serials are unique across the deployment: GTIN + serial names one label, hence one lot.
      const found = await this.repository.findLotBySerial(key.serial);
      return found && found.gtin === key.gtin ? { lot: { id: found.id, organizationId: found.organizationId }, serial: key.serial } : null;
    }
    // A lot's code, short code and product GTIN never change, so the mapping is cached for good.
    const cacheKey = key.kind === 'lot' ? `g|${key.gtin}|${key.lotCode}` : `s|${key.shortCode}`;
    let lot = this.cacheEnabled ? this.keys.get(cacheKey) : undefined;
    if (!lot) {
      const found = key.kind === 'lot' ? await this.repository.findLotByGtin(key.gtin, key.lotCode) : await this.repository.findLotByShortCode(key.shortCode);
      if (!found) return null;
      lot = found;
      if (this.cacheEnabled) this.keys.set(cacheKey, lot);
    }
    return { lot, serial: key.serial };
  }

  /** The lot's page data, fresh as of this request (see the class comment). */
  async lot(key: LotKey): Promise<CachedLot | null> {
    if (!this.cacheEnabled) return this.load(key);
    const cached = this.lots.get(key.id);
    if (cached && Date.now() - cached.loadedAt < REGISTRY_REFRESH_MS && cached.view.builtForDate === toLocalDate(new Date())) {
      const version = await this.probe.versionOf(key.id, cached.organizationIds);
      if (version === cached.version) return cached;
    }
    const running = this.loading.get(key.id);
    if (!running) {
      const loading = this.load(key, cached).finally(() => this.loading.delete(key.id));
      this.loading.set(key.id, loading);
      return loading;
    }
    // A rebuild that was already running when this request came in may have read the version just
    // before a recall: use it only if it is still current.
    const entry = await running;
    if (!entry || (await this.probe.versionOf(key.id, entry.organizationIds)) === entry.version) return entry;
    return this.load(key, entry);
  }

  /**
   * Reads the version first, then the data: data read after the version is at least as new, so a
   * page is never stored under a version newer than what it shows. When the genealogy turns out to
   * reach journals the version did not cover, the version is read again with them.
   */
  private async load(key: LotKey, previous?: CachedLot): Promise<CachedLot | null> {
    let organizationIds = previous?.organizationIds ?? [key.organizationId];
    for (let attempt = 0; ; attempt++) {
      const version = await this.probe.versionOf(key.id, organizationIds);
      const loadedAt = Date.now();
      const view = await this.views.lotView(key.id);
      if (!view) return null;
      const covered = view.organizationIds.every((id) => organizationIds.includes(id));
      if (covered || attempt === 2) {
        // Not covered after three reads (journals growing fast): an unmatchable version, rebuilt next time.
        const entry = new CachedLot(key, organizationIds, covered ? version : `unversioned:${loadedAt}`, view, loadedAt, this.baseUrl);
        if (this.cacheEnabled) this.lots.set(key.id, entry);
        return entry;
      }
      organizationIds = [...new Set([...organizationIds, ...view.organizationIds])].sort();
    }
  }

  /** The full HTML of a lot page, with the per-label block when the URI carries a serial. */
  lotHtml(entry: CachedLot, lang: DisplayLanguage, serial: SerialInfo | null): PageBody {
    if (!serial) return entry.htmlBody(lang);
    const { parts, etag } = entry.html(lang);
    const serialTag = digest(`${serial.serial}|${serial.issued}|${serial.firstScannedAt?.getTime() ?? ''}|${serial.suspicious}`);
    // A label's page changes with its scans; the same state is served from here until it does.
    const key = `${entry.key.id}|${entry.loadedAt}|${entry.version}|${lang}|${serialTag}`;
    let body = this.serialPages.get(key);
    if (!body) {
      body = new PageBody(assembleLotPage(parts, serial, lang), `"h${lang}.${etag}.${serialTag}"`);
      this.serialPages.set(key, body);
    }
    return body;
  }

  lotJsonLd(entry: CachedLot, serial: string | null): PageBody {
    if (!serial) return entry.jsonLdBody();
    const { body, etag } = entry.jsonLd();
    return new PageBody(JSON.stringify({ ...JSON.parse(body), serialNumber: serial }), `"j.${etag}.${digest(serial)}"`);
  }

  lotLinkset(entry: CachedLot, anchor: string): PageBody {
    const body = JSON.stringify(toLinkset(entry.links(anchor)));
    return new PageBody(body, `"l.${digest(body)}"`);
  }

  lotEpcis(entry: CachedLot): string {
    return JSON.stringify(toEpcisDocument(entry.view.epcisEvents, { creationDate: new Date(entry.loadedAt), namespace: `${this.baseUrl}/ns/epcis#` }));
  }

  /** What the page says about one label: issued for this lot? first scanned when? scanned too often? */
  async serialInfo(lot: LotKey, serial: string): Promise<SerialInfo> {
    const key = `${lot.id}|${serial}`;
    const now = Date.now();
    let state = this.serials.get(key);
    if (!state || now - state.statsLoadedAt > SERIAL_REFRESH_MS || (!state.issued && now - state.issuedCheckedAt > SERIAL_REFRESH_MS)) {
      // One reload per label at a time, however many phones scan it meanwhile.
      let loading = this.serialLoads.get(key);
      if (!loading) {
        const issuedBefore = state?.issued ?? false;
        loading = Promise.all([issuedBefore || this.repository.serialIssued(lot, serial), this.repository.serialStats(lot.id, serial)])
          .then(([issued, stats]) => {
            const loaded = { issued, issuedCheckedAt: now, stats, statsLoadedAt: now };
            this.serials.set(key, loaded);
            return loaded;
          })
          .finally(() => this.serialLoads.delete(key));
        this.serialLoads.set(key, loading);
      }
      state = await loading;
    }
    const { stats } = state;
    return {
      serial,
      issued: state.issued,
      firstScannedAt: stats.firstScannedAt ? new Date(stats.firstScannedAt) : null,
      scans: stats.scans,
      distinctDays: stats.distinctDays,
      suspicious: isSuspiciousSerial(stats),
    };
  }

  /** Records a resolution (off the request path) and keeps this replica's serial figures current. */
  recordScan(lot: LotKey, serial: string | null, clientClass: ClientClass, representation: ScanRepresentation): void {
    const scannedAt = new Date();
    this.scans.record({ organizationId: lot.organizationId, lotId: lot.id, serial, scannedAt, clientClass, representation });
    if (!serial || clientClass === 'bot') return;
    const state = this.serials.get(`${lot.id}|${serial}`);
    if (!state) return;
    const day = toLocalDate(scannedAt);
    const { stats } = state;
    state.stats = {
      firstScannedAt: stats.firstScannedAt ?? scannedAt,
      scans: stats.scans + 1,
      distinctDays: stats.lastScannedOn === day ? stats.distinctDays : stats.distinctDays + 1,
      lastScannedOn: day,
    };
  }

  async product(gtin: string): Promise<ProductPublicView | null> {
    const cached = this.cacheEnabled ? this.products.get(gtin) : undefined;
    if (cached && Date.now() - cached.loadedAt < PRODUCT_PAGE_TTL_MS) return cached.view;
    const view = await this.views.productView(gtin);
    if (view && this.cacheEnabled) this.products.set(gtin, { view, loadedAt: Date.now(), html: new Map() });
    return view;
  }

  productHtml(view: ProductPublicView, lang: DisplayLanguage): PageBody {
    const cached = this.products.get(view.product.gtin!);
    let body = cached?.view === view ? cached.html.get(lang) : undefined;
    if (!body) {
      const text = renderProductPage(view, lang, JSON.stringify(productJsonLd(view)));
      body = new PageBody(text, `"p${lang}.${digest(text)}"`);
      if (cached?.view === view) cached.html.set(lang, body);
    }
    return body;
  }

  productJsonLd(view: ProductPublicView): PageBody {
    const body = JSON.stringify(productJsonLd(view));
    return new PageBody(body, `"pj.${digest(body)}"`);
  }

  productLinkset(view: ProductPublicView): PageBody {
    const body = JSON.stringify(toLinkset(productLinkContexts(view, this.baseUrl)));
    return new PageBody(body, `"pl.${digest(body)}"`);
  }

  productLinks(view: ProductPublicView): LinkContext[] {
    return productLinkContexts(view, this.baseUrl);
  }

  /** Scans buffered in this replica, written now (before counts are read back). */
  flushScans(): Promise<void> {
    return this.scans.flush();
  }
}
