import { Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { PgNotifications, ReadDatabase } from '@app/database';
import { isDatabaseUnavailable, isSuspiciousSerial, productLinkContexts, PublicLotRepository, PublicLotService, ScanRecorder, toEpcisDocument, toLinkset, toLocalDate, VersionProbe, withTimeout, type ClientClass, type DisplayLanguage, type LinkContext, type LotKey, type ProductPublicView, type ResolverKey, type ScanRepresentation, type SerialStats } from '@app/traceability';
import { CachedLot, digest, PageBody } from './cached-lot.js';
import { productJsonLd } from './json-ld.js';
import { assembleLotPage, renderProductPage, type SerialInfo } from './page.render.js';
import { nextTurn, PageFreshness, type FreshnessMark } from './page-freshness.js';

export { CachedLot, PageBody } from './cached-lot.js';

/** Lot pages kept in memory (each ≈ 2 × 15 KB of HTML plus its view). */
const MAX_CACHED_LOTS = 2000;
/**
 * A cached page is rebuilt at least this often: the backstop for what no notification covers (and,
 * while notifications are not received, for registry edits, which do not move a page's version).
 */
const REGISTRY_REFRESH_MS = 5 * 60_000;
/** How long a serial's scan figures and a "not issued" answer are trusted before asking again. */
const SERIAL_REFRESH_MS = 60_000;
/** A product page's lifetime while notifications are not received (with them: REGISTRY_REFRESH_MS). */
const PRODUCT_PAGE_TTL_MS = 30_000;
/**
 * With a cached copy to fall back on, a request waits this long for the database before it is
 * served that copy, marked stale: a database that hangs must not hang the pages.
 */
const STALE_AFTER_MS = 3_000;

interface SerialState {
  issued: boolean;
  stats: SerialStats;
}

interface CachedProduct {
  view: ProductPublicView;
  loadedAt: number;
  mark: FreshnessMark;
  html: Map<DisplayLanguage, PageBody>;
}

export interface LotResolution {
  lot: LotKey;
  serial: string | null;
}

/** A page's data, and whether it is the last good copy served because the database cannot be reached. */
export interface Lookup<T> {
  entry: T;
  stale: boolean;
}

/**
 * The public pages' cache (issue 6, issue 12). A lot's page is kept per lot with the organizations
 * its genealogy draws on, and stays current without asking PostgreSQL:
 *
 * - The database notifies every API process at commit, once per organization a transaction changed
 *   (events of any writer, registry edits; PageFreshness). A page is served from memory while none
 *   of its organizations has been notified since it was read, and rebuilt otherwise.
 * - A recall (any write) shows on the very next request. In the writing process: the write's answer
 *   waits until this process has handled the notifications of its commit (PgNotifications.sync, a
 *   round trip on the listening connection; see settle and PageChangesInterceptor). In another
 *   process: the commit signalled its listening session before the writer was answered, and a cached
 *   page is trusted only after one turn of the event loop (nextTurn), so a notification that reached
 *   the process no later than the request is handled first. What is left is the time the database
 *   takes to hand a notification to a session already signalled, against a whole client round trip
 *   (answer, next request): microseconds against milliseconds.
 * - While notifications are not received (connection lost, not yet restored), every request asks the
 *   database for the page's version (VersionProbe, the way before notifications: the lot's status and
 *   the latest event seq of each of its journals); after a reconnection everything cached before is
 *   rebuilt, as notifications may have been missed.
 * - When PostgreSQL cannot be reached, a cached page is served as it was, marked stale; a page not
 *   cached fails with an error that the public filter answers with 503.
 */
@Injectable()
export class PublicPageService implements OnModuleInit {
  /** Off only for benchmarks that measure the uncached page. */
  cacheEnabled = true;
  /** Off: every request asks the database for the page's version, as before notifications (benchmarks compare). */
  trustNotifications = true;
  /** On: every write waits for its notifications, as if it had always a fresh page to drop (benchmarks' worst case). */
  settleEveryWrite = false;
  /**
   * Lot id → its page. Whether an entry may be served is decided per request (see current), not by a
   * TTL; `fetch` runs one rebuild per lot at a time however many requests want it, and a rebuild that
   * fails leaves the previous page in place (served marked stale during an outage).
   */
  private readonly lots = new LRUCache<string, CachedLot, LotKey>({
    max: MAX_CACHED_LOTS,
    noDeleteOnFetchRejection: true,
    fetchMethod: async (_id, previous, { context }) => (await this.load(context, previous)) ?? undefined,
  });
  private readonly keys = new LRUCache<string, LotKey>({ max: MAX_CACHED_LOTS * 4 });
  /** Lot id + serial → what the page says about one label, reread after SERIAL_REFRESH_MS, one reload at a time. */
  private readonly serials = new LRUCache<string, SerialState, { lot: LotKey; serial: string }>({
    max: 20_000,
    ttl: SERIAL_REFRESH_MS,
    noDeleteOnFetchRejection: true,
    fetchMethod: async (_key, previous, { context: { lot, serial } }) => {
      const [issued, stats] = await Promise.all([previous?.issued || this.repository.serialIssued(lot, serial), this.repository.serialStats(lot.id, serial)]);
      return { issued, stats };
    },
  });
  private readonly serialPages = new LRUCache<string, PageBody>({ max: 1000 });
  private readonly products = new LRUCache<string, CachedProduct>({ max: 500 });
  private readonly probe: VersionProbe;
  private readonly freshness: PageFreshness;
  /** Organization id → the mark at which a page drawing on it was last cached here, for REGISTRY_REFRESH_MS (see settle). */
  private readonly cachedOrganizations = new LRUCache<string, FreshnessMark>({ max: 50_000, ttl: REGISTRY_REFRESH_MS });
  /** Page builds running now (see settle). */
  private building = 0;

  constructor(
    private readonly repository: PublicLotRepository,
    private readonly views: PublicLotService,
    private readonly scans: ScanRecorder,
    @Optional() notifications?: PgNotifications,
    @Optional() private readonly reads?: ReadDatabase,
  ) {
    this.probe = new VersionProbe(repository);
    this.freshness = new PageFreshness(notifications ?? null);
  }

  async onModuleInit(): Promise<void> {
    await this.freshness.start();
  }

  get baseUrl(): string {
    return this.views.baseUrl;
  }

  /** Whether cached pages are being kept current by notifications (else every request asks the database). */
  get notificationsLive(): boolean {
    return this.trustNotifications && this.freshness.live;
  }

  /**
   * Resolves once this process has handled the notifications of every commit made before the call,
   * when that matters: a write by `organizationId` can only change pages that draw on it, so unless
   * such a page is cached here and still current (not notified since), or a page is being built,
   * nothing here can turn stale and there is nothing to wait for. So an API process that serves only
   * the operators' API never waits, nor a stream of writes of one organization after the first has
   * dropped its pages. A recall crossing organizations is no exception: the downstream lots' pages
   * draw on the journal of the organization that recalls.
   */
  settle(organizationId: string): Promise<void> {
    if (!this.notificationsLive) return Promise.resolve();
    if (this.settleEveryWrite || this.building > 0 || this.currentPagesOf(organizationId)) return this.freshness.settle();
    return Promise.resolve();
  }

  private currentPagesOf(organizationId: string): boolean {
    const mark = this.cachedOrganizations.get(organizationId);
    return !!mark && this.freshness.unchangedSince(mark, [organizationId]);
  }

  /**
   * The mark a page about to be read is kept at. The notifications of commits made before now are
   * handled first (one round trip on the listening connection): otherwise one still on its way, of a
   * write this very page will show, would arrive after the mark and drop the page just built.
   */
  private async markBeforeReading(): Promise<FreshnessMark> {
    if (this.notificationsLive) await this.freshness.settle();
    return this.freshness.mark();
  }

  /** Remembers that pages drawing on these organizations, read at `mark`, are cached from now on. */
  private cachedFor(organizationIds: readonly string[], mark: FreshnessMark): void {
    // The latest mark stands for every page of the organization: if it was notified after an older
    // page's mark but before this one's, that older page is no longer served anyway.
    for (const id of organizationIds) this.cachedOrganizations.set(id, mark);
  }

  /**
   * Runs a page's reads on a replica that has replayed every commit made before the call (else on
   * the primary): what the page shows is at least as new as what the primary had when the page's
   * mark was taken, so a recall is never cached away behind a lagging replica (ReadDatabase.fresh).
   */
  private fresh<T>(read: () => Promise<T>): Promise<T> {
    return this.reads ? this.reads.fresh(read) : read();
  }

  /** The lot a resolver key names (and the serial, for a label), or null when there is none. */
  async resolve(key: Exclude<ResolverKey, { kind: 'product' }>): Promise<LotResolution | null> {
    // A lot's code, short code and product GTIN never change, nor a label's lot: cached for good.
    const cacheKey = key.kind === 'lot' ? `g|${key.gtin}|${key.lotCode}` : key.kind === 'short' ? `s|${key.shortCode}` : `i|${key.gtin}|${key.serial}`;
    let lot = this.cacheEnabled ? this.keys.get(cacheKey) : undefined;
    if (!lot) {
      // A label printed a moment ago resolves at once: read fresh, like the page.
      const found = await this.fresh(async (): Promise<LotKey | null> => {
        if (key.kind === 'item') {
          // Serials are unique across the deployment: GTIN + serial names one label, hence one lot.
          const label = await this.repository.findLotBySerial(key.serial);
          return label && label.gtin === key.gtin ? { id: label.id, organizationId: label.organizationId } : null;
        }
        return key.kind === 'lot' ? this.repository.findLotByGtin(key.gtin, key.lotCode) : this.repository.findLotByShortCode(key.shortCode);
      });
      if (!found) return null;
      lot = { id: found.id, organizationId: found.organizationId };
      if (this.cacheEnabled) this.keys.set(cacheKey, lot);
    }
    return { lot, serial: key.serial };
  }

  /** The lot's page data, current as of this request (see the class comment), or its last good copy during an outage. */
  async lot(key: LotKey): Promise<Lookup<CachedLot> | null> {
    if (!this.cacheEnabled) {
      const entry = await this.load(key);
      return entry && { entry, stale: false };
    }
    // During a rebuild, the page it replaces (allowStale), to fall back on.
    const cached = this.lots.get(key.id, { allowStale: true });
    if (cached && this.reusable(cached) && this.notificationsLive) {
      // A notification that reached this process no later than the request is handled first.
      await nextTurn();
      if (this.freshness.unchangedSince(cached.mark, cached.organizationIds)) return { entry: cached, stale: false };
    }
    try {
      const current = this.current(key, cached);
      const entry = await (cached ? withTimeout(current, 'lot page', STALE_AFTER_MS) : current);
      return entry && { entry, stale: false };
    } catch (error) {
      if (cached && isDatabaseUnavailable(error)) return { entry: cached, stale: true };
      throw error;
    }
  }

  /** Within its lifetime: not older than REGISTRY_REFRESH_MS, and built today (certificates' validity is by date). */
  private reusable(entry: CachedLot): boolean {
    return Date.now() - entry.loadedAt < REGISTRY_REFRESH_MS && entry.view.builtForDate === toLocalDate(new Date());
  }

  private async current(key: LotKey, cached: CachedLot | undefined): Promise<CachedLot | null> {
    if (cached && this.reusable(cached) && (await this.trusted(cached))) return cached;
    const status: LRUCache.Status<string, CachedLot, LotKey> = {};
    const entry = (await this.lots.fetch(key.id, { forceRefresh: true, context: key, status })) ?? null;
    // A rebuild that was already running when this request came in may have read the database just
    // before a recall: use it only if it is still current.
    if (status.fetch !== 'inflight' || !entry || (await this.trusted(entry))) return entry;
    const rebuilt = await this.load(key, entry);
    if (rebuilt) this.lots.set(key.id, rebuilt);
    return rebuilt;
  }

  /**
   * Whether a page may be served as it is: with notifications, when none of its organizations was
   * notified since it was read (else it is rebuilt); without, when its version still holds.
   */
  private async trusted(entry: CachedLot): Promise<boolean> {
    if (this.notificationsLive) return this.freshness.unchangedSince(entry.mark, entry.organizationIds);
    return (await this.probe.versionOf(entry.key.id, entry.organizationIds)) === entry.version;
  }

  /**
   * Reads the version first, then the data: data read after the version is at least as new, so a
   * page is never stored under a version newer than what it shows (and likewise after its mark in
   * the notifications). When the genealogy turns out to reach journals the version did not cover,
   * the version is read again with them.
   */
  private async load(key: LotKey, previous?: CachedLot): Promise<CachedLot | null> {
    this.building++;
    try {
      return await this.build(key, previous);
    } finally {
      this.building--;
    }
  }

  private async build(key: LotKey, previous?: CachedLot): Promise<CachedLot | null> {
    const mark = await this.markBeforeReading();
    return this.fresh(() => this.buildAt(key, mark, previous));
  }

  private async buildAt(key: LotKey, mark: FreshnessMark, previous?: CachedLot): Promise<CachedLot | null> {
    let organizationIds = previous?.organizationIds ?? [key.organizationId];
    for (let attempt = 0; ; attempt++) {
      const version = await this.probe.versionOf(key.id, organizationIds);
      const loadedAt = Date.now();
      const view = await this.views.lotView(key.id);
      if (!view) return null;
      const covered = view.organizationIds.every((id) => organizationIds.includes(id));
      if (covered || attempt === 2) {
        // Not covered after three reads (journals growing fast): an unmatchable version, rebuilt at the
        // next request that asks the database; notifications of every journal it shows still apply.
        const journals = covered ? organizationIds : [...new Set([...organizationIds, ...view.organizationIds])].sort();
        const entry = new CachedLot(key, journals, covered ? version : `unversioned:${loadedAt}`, view, loadedAt, this.baseUrl, mark);
        if (this.cacheEnabled) this.cachedFor(journals, mark);
        return entry;
      }
      organizationIds = [...new Set([...organizationIds, ...view.organizationIds])].sort();
    }
  }

  /** The full HTML of a lot page, with the per-label block when the URI carries a serial, and the outage note when stale. */
  lotHtml(entry: CachedLot, lang: DisplayLanguage, serial: SerialInfo | null, stale = false): PageBody {
    if (stale) {
      const { parts, etag } = entry.html(lang);
      return new PageBody(assembleLotPage(parts, serial, lang, { stale }), `"h${lang}.${etag}.stale"`);
    }
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

  /**
   * What the page says about one label: issued for this lot? first scanned when? scanned too often?
   * While the database cannot be reached: what was last known, or null (the page goes without it).
   */
  async serialInfo(lot: LotKey, serial: string): Promise<SerialInfo | null> {
    const key = `${lot.id}|${serial}`;
    // What was last known, even past its refresh time or while it is being reloaded.
    let state = this.serials.peek(key, { allowStale: true });
    if (!state || this.serials.getRemainingTTL(key) <= 0) {
      // One reload per label at a time, however many phones scan it meanwhile.
      const loading = this.serials.fetch(key, { context: { lot, serial } }) as Promise<SerialState>;
      try {
        state = await (state ? withTimeout(loading, 'label scans', STALE_AFTER_MS) : loading);
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        if (!state) return null;
      }
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

  /**
   * Records a resolution (off the request path) and keeps this replica's view of the label's first
   * scan and scan days current. Its scan count is not raised here: scans count once per client and
   * day, which only the database can tell (the figures are reread within SERIAL_REFRESH_MS).
   */
  recordScan(lot: LotKey, serial: string | null, client: string, clientClass: ClientClass, representation: ScanRepresentation): void {
    const scannedAt = new Date();
    this.scans.record({ organizationId: lot.organizationId, lotId: lot.id, serial, scannedAt, client, clientClass, representation });
    if (!serial || clientClass === 'bot') return;
    const state = this.serials.peek(`${lot.id}|${serial}`, { allowStale: true });
    if (!state) return;
    const day = toLocalDate(scannedAt);
    const { stats } = state;
    state.stats = {
      firstScannedAt: stats.firstScannedAt ?? scannedAt,
      scans: Math.max(stats.scans, 1),
      distinctDays: stats.lastScannedOn === day ? stats.distinctDays : stats.distinctDays + 1,
      lastScannedOn: day,
    };
  }

  /** A product's page data: kept current like lot pages (by its organization's notifications), or its last good copy during an outage. */
  async product(gtin: string): Promise<Lookup<ProductPublicView> | null> {
    const cached = this.cacheEnabled ? this.products.get(gtin) : undefined;
    if (cached) {
      const age = Date.now() - cached.loadedAt;
      const fresh = this.notificationsLive
        ? age < REGISTRY_REFRESH_MS && this.freshness.unchangedSince(cached.mark, [cached.view.product.organizationId])
        : age < PRODUCT_PAGE_TTL_MS;
      if (fresh) return { entry: cached.view, stale: false };
    }
    this.building++;
    try {
      const mark = await this.markBeforeReading();
      const loading = this.fresh(() => this.views.productView(gtin));
      const view = await (cached ? withTimeout(loading, 'product page', STALE_AFTER_MS) : loading);
      if (view && this.cacheEnabled) {
        this.products.set(gtin, { view, loadedAt: Date.now(), mark, html: new Map() });
        this.cachedFor([view.product.organizationId], mark);
      }
      return view && { entry: view, stale: false };
    } catch (error) {
      if (cached && isDatabaseUnavailable(error)) return { entry: cached.view, stale: true };
      throw error;
    } finally {
      this.building--;
    }
  }

  productHtml(view: ProductPublicView, lang: DisplayLanguage, missingLot?: string): PageBody {
    if (missingLot !== undefined) {
      // The walk-up answer names whatever lot code was scanned: rendered each time, never kept.
      const text = renderProductPage(view, lang, JSON.stringify(productJsonLd(view)), missingLot);
      return new PageBody(text, `"pw${lang}.${digest(text)}"`);
    }
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
