import { Controller, Get, Inject, Options, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@app/config';
import {
  DomainException,
  GS1_VOC,
  NotFoundException,
  SUPPORTED_LINK_TYPES,
  clientClassOf,
  clientOf,
  normalizeShortCode,
  parseLinkType,
  parseResolverPath,
  selectLink,
  withQueryAttributes,
  type LinkContext,
  type ProductPublicView,
  type ResolverKey,
  type ScanRepresentation,
} from '@app/traceability';
import { Public } from '../common/auth.decorators.js';
import { negotiateLanguage, negotiateRepresentation } from './pages/negotiation.js';
import { PublicPageService, type CachedLot, type Lookup, type LotResolution, type PageBody } from './pages/public-page.service.js';
import { PublicExceptionFilter } from './public-exception.filter.js';
import {
  CORS_HEADERS,
  PAGE_CACHE_CONTROL,
  PREFLIGHT_HEADERS,
  SERIAL_PAGE_CACHE_CONTROL,
  STALE_PAGE_CACHE_CONTROL,
  STALE_WARNING,
  VARY,
  acceptsGzip,
  etagMatches,
} from './public-http.js';

type Request = FastifyRequest;
type Reply = FastifyReply;

const MEDIA = {
  html: 'text/html; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  linkset: 'application/linkset+json; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

function splitUrl(url: string): { pathname: string; query: URLSearchParams } {
  const at = url.indexOf('?');
  return at < 0 ? { pathname: url, query: new URLSearchParams() } : { pathname: url.slice(0, at), query: new URLSearchParams(url.slice(at + 1)) };
}

function linksetHeader(anchor: string): string {
  return `<${anchor}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`;
}

/**
 * The public resolver (DESIGN §5, §6): what a phone gets when it scans a label. GS1 Digital Link
 * URIs and short URLs resolve to the lot page (HTML, Vietnamese by default), a JSON-LD description,
 * an RFC 9264 linkset, or a 307 to one link (`?linkType=`). Unauthenticated, CORS-open, cached.
 */
@ApiTags('public resolver')
@Public()
@UseFilters(PublicExceptionFilter)
@Controller()
export class ResolverController {
  private descriptionBody?: string;

  constructor(
    private readonly pages: PublicPageService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
  ) {}

  @Get('.well-known/gs1resolver')
  @ApiOperation({ summary: 'Resolver description (GS1 resolver conformance)' })
  description(@Res() reply: Reply): void {
    this.descriptionBody ??= JSON.stringify({
      name: 'Nguồn — truy xuất nguồn gốc / product traceability',
      resolverRoot: this.config.publicBaseUrl,
      supportedPrimaryKeys: ['gtin'],
      supportedQualifiers: { gtin: ['10', '21'] },
      supportedLinkType: [{ namespace: GS1_VOC, prefix: 'gs1:', profile: 'https://gs1.org/voc/?show=linktypes' }],
      supportedLinkTypes: SUPPORTED_LINK_TYPES.map((type) => `gs1:${type}`),
      linkTypeDefaultCanBeLinkset: true,
      supportedLanguages: ['vi', 'en'],
      shortUrlPattern: `${this.config.publicBaseUrl}/l/{shortCode}[/{serial}]`,
    });
    void reply.headers({ ...CORS_HEADERS, 'cache-control': 'public, max-age=3600' }).type(MEDIA.json).send(this.descriptionBody);
  }

  @Get(['01/*', 'l/*'])
  @ApiOperation({
    summary: 'Resolve a GS1 Digital Link (/01/{gtin}[/10/{lot}][/21/{serial}]) or short URL (/l/{shortCode}[/{serial}])',
    description:
      'Content negotiation: text/html (default, ?lang=vi|en or Accept-Language), application/ld+json (schema.org), application/linkset+json or ?linkType=linkset (RFC 9264); ?linkType=gs1:pip|traceability|certificationInfo|recallStatus|epcis|defaultLink → 307.',
  })
  @ApiProduces(MEDIA.html, MEDIA.jsonld, MEDIA.linkset)
  async resolve(@Req() request: Request, @Res() reply: Reply): Promise<void> {
    const { pathname, query } = splitUrl(request.url);
    const key = parseResolverPath(pathname);
    if (key.kind === 'product') return this.product(key.gtin, request, reply, query);
    const resolution = await this.pages.resolve(key);
    if (!resolution) throw new NotFoundException('Lot');
    const found = await this.pages.lot(resolution.lot);
    if (!found) throw new NotFoundException('Lot');
    if (found.entry.view.lot.status === 'voided') throw new DomainException('LOT_VOIDED', 'This lot was voided by its producer', 'not_found');
    return this.lot(found, resolution, key, request, reply, query);
  }

  @Get(['01', 'l'])
  @ApiExcludeEndpoint()
  incomplete(): never {
    throw new DomainException('RESOLVER_PATH_MALFORMED', 'expected /01/{gtin}[/10/{lot}][/21/{serial}] or /l/{shortCode}', 'bad_request');
  }

  @Options(['01', '01/*', 'l', 'l/*', '.well-known/gs1resolver', 'public/lots/*'])
  @ApiExcludeEndpoint()
  preflight(@Res() reply: Reply): void {
    void reply.status(204).headers(PREFLIGHT_HEADERS).send();
  }

  @Get('public/lots/:shortCode/recall-status')
  @ApiOperation({ summary: 'Recall status of a lot (gs1:recallStatus target): {recalled, reason, at}' })
  @ApiParam({ name: 'shortCode' })
  async recallStatus(@Param('shortCode') shortCode: string, @Res() reply: Reply): Promise<void> {
    const { entry, stale } = await this.lotByShortCode(shortCode);
    const { lot } = entry.view;
    void reply
      .headers({ ...CORS_HEADERS, 'cache-control': stale ? STALE_PAGE_CACHE_CONTROL : 'public, no-cache', ...(stale ? { warning: STALE_WARNING } : {}) })
      .type(MEDIA.json)
      .send({
        lot: entry.view.uri,
        lotCode: lot.code,
        status: lot.status,
        recalled: lot.status === 'recalled',
        reason: lot.status === 'recalled' ? lot.recallReason : null,
        at: lot.status === 'recalled' ? (lot.recalledAt?.toISOString() ?? null) : null,
      });
  }

  @Get('public/lots/:shortCode/epcis')
  @ApiOperation({ summary: 'EPCIS 2.0 document of the public events of a lot and its genealogy (gs1:epcis target)' })
  @ApiParam({ name: 'shortCode' })
  @ApiProduces(MEDIA.jsonld)
  async epcis(@Param('shortCode') shortCode: string, @Res() reply: Reply): Promise<void> {
    const { entry, stale } = await this.lotByShortCode(shortCode);
    void reply
      .headers({ ...CORS_HEADERS, 'cache-control': stale ? STALE_PAGE_CACHE_CONTROL : PAGE_CACHE_CONTROL, ...(stale ? { warning: STALE_WARNING } : {}) })
      .type(MEDIA.jsonld)
      .send(this.pages.lotEpcis(entry));
  }

  private async lotByShortCode(shortCode: string): Promise<Lookup<CachedLot>> {
    const code = normalizeShortCode(shortCode);
    if (!code) throw new DomainException('RESOLVER_PATH_MALFORMED', 'short code: 8 characters from 2–9 and A–Z without I and O', 'bad_request');
    const resolution = await this.pages.resolve({ kind: 'short', shortCode: code, serial: null });
    const found = resolution && (await this.pages.lot(resolution.lot));
    if (!found || found.entry.view.lot.status === 'voided') throw new NotFoundException('Lot');
    return found;
  }

  /** The URI the request named, in canonical form: the anchor of its linkset. */
  private anchorOf(entry: CachedLot, key: Exclude<ResolverKey, { kind: 'product' }>, serial: string | null): string {
    if (key.kind === 'short') return `${this.config.publicBaseUrl}/l/${key.shortCode}${serial ? `/${serial}` : ''}`;
    const lotUri = entry.view.product.gtin ? entry.view.uri : `${this.config.publicBaseUrl}/01/${key.gtin}/10/${encodeURIComponent(entry.view.lot.code)}`;
    return `${lotUri}${serial ? `/21/${serial}` : ''}`;
  }

  private async lot(
    { entry, stale }: Lookup<CachedLot>,
    resolution: LotResolution,
    key: Exclude<ResolverKey, { kind: 'product' }>,
    request: Request,
    reply: Reply,
    query: URLSearchParams,
  ): Promise<void> {
    const { serial } = resolution;
    const anchor = this.anchorOf(entry, key, serial);
    const lang = negotiateLanguage(query.get('lang'), request.headers['accept-language']);
    const counted = request.method === 'GET';
    const userAgent = request.headers['user-agent'];
    const clientClass = clientClassOf(userAgent);
    // Scans count each client once a day: its address (as Fastify resolves it, proxies included)
    // and User-Agent, hashed under the day's salt before they are stored.
    const record = (as: ScanRepresentation) => {
      if (counted) this.pages.recordScan(resolution.lot, serial, clientOf(request.ip, userAgent), clientClass, as);
    };
    void reply.headers({ ...CORS_HEADERS, link: linksetHeader(anchor), vary: VARY });
    if (stale) void reply.header('warning', STALE_WARNING);

    const linkType = query.get('linkType');
    if (linkType && linkType !== 'linkset' && linkType !== 'all') {
      this.redirect(entry.links(anchor), linkType, lang, query, reply, stale);
      record('redirect');
      return;
    }
    const representation = linkType ? 'linkset' : negotiateRepresentation(request.headers.accept);
    const cacheControl = stale ? STALE_PAGE_CACHE_CONTROL : serial ? SERIAL_PAGE_CACHE_CONTROL : PAGE_CACHE_CONTROL;
    let response: PageBody;
    if (representation === 'html') {
      // The label's block reflects the scans before this one; this one is recorded after.
      const serialInfo = serial ? await this.pages.serialInfo(resolution.lot, serial) : null;
      response = this.pages.lotHtml(entry, lang, serialInfo, stale);
      void reply.header('content-language', lang);
    } else if (representation === 'jsonld') {
      response = this.pages.lotJsonLd(entry, serial);
    } else {
      response = this.pages.lotLinkset(entry, anchor);
    }
    record(representation);
    this.send(reply, request, representation, response, cacheControl);
  }

  private async product(gtin: string, request: Request, reply: Reply, query: URLSearchParams): Promise<void> {
    const found = await this.pages.product(gtin);
    if (!found) throw new NotFoundException('Product');
    const { entry: view, stale } = found;
    const lang = negotiateLanguage(query.get('lang'), request.headers['accept-language']);
    void reply.headers({ ...CORS_HEADERS, link: linksetHeader(view.uri), vary: VARY });
    if (stale) void reply.header('warning', STALE_WARNING);
    const linkType = query.get('linkType');
    if (linkType && linkType !== 'linkset' && linkType !== 'all') return this.redirect(this.pages.productLinks(view), linkType, lang, query, reply, stale);
    const representation = linkType ? 'linkset' : negotiateRepresentation(request.headers.accept);
    const response = this.productResponse(view, representation, lang);
    if (representation === 'html') void reply.header('content-language', lang);
    this.send(reply, request, representation, response, stale ? STALE_PAGE_CACHE_CONTROL : PAGE_CACHE_CONTROL);
  }

  private productResponse(view: ProductPublicView, representation: 'html' | 'jsonld' | 'linkset', lang: 'vi' | 'en') {
    if (representation === 'html') return this.pages.productHtml(view, lang);
    if (representation === 'jsonld') return this.pages.productJsonLd(view);
    return this.pages.productLinkset(view);
  }

  /** `?linkType=X`: 307 to that link with the request's other query attributes, or 404 when there is none. */
  private redirect(contexts: LinkContext[], linkType: string, lang: 'vi' | 'en', query: URLSearchParams, reply: Reply, stale = false): void {
    const type = parseLinkType(linkType);
    const target = type && selectLink(contexts, type, lang);
    if (!target) throw new DomainException('LINK_TYPE_NOT_FOUND', `no ${linkType} link for this item`, 'not_found', { linkType });
    void reply
      .status(307)
      .header('location', withQueryAttributes(target.href, query))
      .header('cache-control', stale ? STALE_PAGE_CACHE_CONTROL : PAGE_CACHE_CONTROL)
      .send();
  }

  /** The body in the best encoding the client takes, or 304 when it already has it. */
  private send(reply: Reply, request: Request, representation: 'html' | 'jsonld' | 'linkset', body: PageBody, cacheControl: string): void {
    const gzip = body.compressible && acceptsGzip(request.headers['accept-encoding']);
    const etag = gzip ? body.gzipEtag : body.etag;
    void reply.header('etag', etag).header('cache-control', cacheControl);
    if (etagMatches(request.headers['if-none-match'], etag)) {
      void reply.status(304).send();
      return;
    }
    if (gzip) void reply.header('content-encoding', 'gzip');
    void reply.type(MEDIA[representation]).send(gzip ? body.gzip() : body.identity);
  }
}
