import { Inject, Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { PgNotifications, ReadDatabase } from '@app/database';
import { searchKey, ShowcaseRepository, ShowcaseService, toLocalDate, type DisplayLanguage, type ShowcaseCatalogue, type ShowcaseProducer, type ShowcaseProduct } from '@app/traceability';
import { digest, PageBody } from '../pages/cached-lot.js';
import { nextTurn, PageFreshness, type FreshnessMark } from '../pages/page-freshness.js';
import { CATALOGUE_PAGE_SIZE, renderCatalogue, renderProducer, renderProduct, type CatalogueFilters } from './showcase.render.js';
import { cataloguePath, producerPath, productPath } from './showcase-json-ld.js';

/** Rebuilt at least this often (the backstop for what no notification covers); and on a new day, since stars expire by date. */
const REFRESH_MS = 5 * 60_000;

interface Entry<T> {
  data: T;
  organizationIds: string[];
  mark: FreshnessMark;
  loadedAt: number;
  builtFor: string;
  /** Rendered bodies by language (and query). */
  bodies: LRUCache<string, PageBody>;
  /** A catalogue's pages by language and query, with how many pages the query has. */
  pages: LRUCache<string, { body: PageBody; pages: number }>;
}

/**
 * The showcase pages' cache (issue 20), kept current like the lot pages (PublicPageService): the
 * database notifies every process at commit of the organizations a write touched (registry rows,
 * public profiles, oversight links, events), and a page is served from memory while none of the
 * organizations it draws on was notified since it was read. Without notifications nothing is kept.
 */
@Injectable()
export class ShowcasePagesService implements OnModuleInit {
  private readonly freshness: PageFreshness;
  private readonly entries = new LRUCache<string, Entry<unknown>>({ max: 2000 });
  /** Organization id → the latest mark at which a page drawing on it was cached (see settle). */
  private readonly cachedOrganizations = new LRUCache<string, FreshnessMark>({ max: 50_000, ttl: REFRESH_MS });

  constructor(
    private readonly showcase: ShowcaseService,
    private readonly repository: ShowcaseRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl' | 'mapTileUrl' | 'mapTileAttribution'>,
    @Optional() notifications?: PgNotifications,
    @Optional() private readonly reads?: ReadDatabase,
  ) {
    this.freshness = new PageFreshness(notifications ?? null);
  }

  async onModuleInit(): Promise<void> {
    await this.freshness.start();
  }

  get baseUrl(): string {
    return this.config.publicBaseUrl;
  }

  /** A write by this organization is answered once its notifications are handled here, if a showcase page cached here draws on it. */
  settle(organizationId: string): Promise<void> {
    const mark = this.cachedOrganizations.get(organizationId);
    return mark && this.freshness.unchangedSince(mark, [organizationId]) ? this.freshness.settle() : Promise.resolve();
  }

  private async cached<T>(key: string, load: () => Promise<{ data: T; organizationIds: string[] } | null>): Promise<Entry<T> | null> {
    const entry = this.entries.get(key) as Entry<T> | undefined;
    if (entry && this.freshness.live) {
      await nextTurn();
      if (this.freshness.unchangedSince(entry.mark, entry.organizationIds) && Date.now() - entry.loadedAt < REFRESH_MS && entry.builtFor === toLocalDate(new Date())) return entry;
    }
    if (this.freshness.live) await this.freshness.settle();
    const mark = this.freshness.mark();
    const builtFor = toLocalDate(new Date());
    // On a replica that has replayed every commit made before now (else the primary): see PublicPageService.fresh.
    const loaded = await (this.reads ? this.reads.fresh(load) : load());
    if (!loaded) return null;
    const fresh: Entry<T> = { ...loaded, mark, loadedAt: Date.now(), builtFor, bodies: new LRUCache({ max: 200 }), pages: new LRUCache({ max: 200 }) };
    if (mark.generation >= 0) {
      this.entries.set(key, fresh as Entry<unknown>);
      for (const id of loaded.organizationIds) this.cachedOrganizations.set(id, mark);
    }
    return fresh;
  }

  private body<T>(entry: Entry<T>, key: string, render: () => string): PageBody {
    let body = entry.bodies.get(key);
    if (!body) {
      const text = render();
      body = new PageBody(text, `"o${digest(text)}"`);
      entry.bodies.set(key, body);
    }
    return body;
  }

  catalogueData(provinceCode: string): Promise<Entry<ShowcaseCatalogue> | null> {
    return this.cached(`c|${provinceCode}`, async () => {
      const data = await this.showcase.catalogue(provinceCode);
      return data && { data, organizationIds: data.organizationIds };
    });
  }

  /** One page of the catalogue, filtered; null when the province code names no province. Each query's page is kept with the catalogue. */
  async catalogue(provinceCode: string, filters: CatalogueFilters, lang: DisplayLanguage): Promise<{ body: PageBody; pages: number } | null> {
    const entry = await this.catalogueData(provinceCode);
    if (!entry) return null;
    const key = `${lang}|${filters.q ?? ''}|${filters.group ?? ''}|${filters.stars ?? ''}|${filters.commune ?? ''}|${filters.page}`;
    let page = entry.pages.get(key);
    if (!page) {
      const matching = filterProducts(entry.data.products, filters);
      const pages = Math.max(1, Math.ceil(matching.length / CATALOGUE_PAGE_SIZE));
      const shown = matching.slice((filters.page - 1) * CATALOGUE_PAGE_SIZE, filters.page * CATALOGUE_PAGE_SIZE);
      const text = renderCatalogue(entry.data, shown, matching.length, filters, lang, this.baseUrl);
      page = { body: new PageBody(text, `"o${digest(text)}"`), pages };
      entry.pages.set(key, page);
    }
    return page;
  }

  async map(provinceCode: string): Promise<PageBody | null> {
    const entry = await this.cached(`m|${provinceCode}`, async () => {
      const catalogue = await this.catalogueData(provinceCode);
      if (!catalogue) return null;
      return { data: await this.showcase.map(provinceCode), organizationIds: catalogue.data.organizationIds };
    });
    if (!entry) return null;
    return this.body(entry, 'json', () =>
      JSON.stringify({
        type: 'FeatureCollection',
        tiles: this.config.mapTileUrl ? { url: this.config.mapTileUrl, attribution: this.config.mapTileAttribution } : null,
        features: entry.data.map((p) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [p.point.lon, p.point.lat] },
          properties: { name: p.name, producer: p.producerName, url: producerPath(provinceCode, p.producerId) },
        })),
      }),
    );
  }

  async producer(provinceCode: string, id: string, lang: DisplayLanguage): Promise<PageBody | null> {
    const entry = await this.cached(`p|${provinceCode}|${id}`, async () => {
      const [data, organizationIds] = await Promise.all([this.showcase.producer(provinceCode, id), this.repository.scope(provinceCode)]);
      return data && { data, organizationIds: [...organizationIds, id] };
    });
    return entry && this.body(entry, lang, () => renderProducer(entry.data, lang, this.baseUrl));
  }

  async product(id: string, lang: DisplayLanguage): Promise<PageBody | null> {
    const entry = await this.cached(`d|${id}`, async () => {
      const data = await this.showcase.product(id);
      if (!data) return null;
      return { data, organizationIds: [...(await this.repository.scope(data.producer.provinceCode)), data.producer.id] };
    });
    return entry && this.body(entry, lang, () => renderProduct(entry.data.product, entry.data.producer, lang, this.baseUrl));
  }

  async sitemap(): Promise<PageBody> {
    const entry = (await this.cached('sitemap', async () => ({ data: await this.showcase.sitemap(), organizationIds: await this.repository.scope(null) })))!;
    return this.body(entry, 'xml', () => {
      const base = this.baseUrl;
      const url = (path: string, lastmod?: Date) => {
        const vi = `${base}${path}`;
        const en = `${vi}?lang=en`;
        return `<url><loc>${vi}</loc>${lastmod ? `<lastmod>${lastmod.toISOString().slice(0, 10)}</lastmod>` : ''}<xhtml:link rel="alternate" hreflang="vi" href="${vi}"/><xhtml:link rel="alternate" hreflang="en" href="${en}"/></url>`;
      };
      const { provinces, producers, products } = entry.data;
      return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${[
        ...[...provinces].sort().map((code) => url(cataloguePath(code))),
        ...producers.map((p) => url(producerPath(p.provinceCode, p.id), p.updatedAt)),
        ...products.map((p) => url(productPath(p.id))),
      ].join('')}</urlset>\n`;
    });
  }
}

/** Search (diacritic-insensitive, every word must match) and filters, in the catalogue's order. */
export function filterProducts(products: ShowcaseProduct[], filters: Pick<CatalogueFilters, 'q' | 'group' | 'stars' | 'commune'>): ShowcaseProduct[] {
  const words = filters.q ? searchKey(filters.q).split(' ').filter(Boolean) : [];
  return products.filter(
    (p) =>
      (!filters.group || p.ocopGroup === filters.group) &&
      (!filters.stars || (p.stars?.level ?? 0) >= filters.stars) &&
      (!filters.commune || p.communeCode === filters.commune) &&
      words.every((word) => p.searchText.includes(word)),
  );
}

export type { ShowcaseProducer };
