import { readFileSync } from 'node:fs';
import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException, notFound, PHOTO_KEY, PHOTO_STORAGE, type PhotoStorage } from '@app/traceability';
import { Public } from '../../common/auth.decorators.js';
import { negotiateLanguage } from '../pages/negotiation.js';
import type { PageBody } from '../pages/cached-lot.js';
import { PublicExceptionFilter } from '../public-exception.filter.js';
import { acceptsGzip, CORS_HEADERS, etagMatches, PAGE_CACHE_CONTROL } from '../public-http.js';
import { ShowcasePagesService } from './showcase-pages.service.js';
import type { CatalogueFilters } from './showcase.render.js';

const HTML = 'text/html; charset=utf-8';
const MAP_SCRIPT = readFileSync(new URL('./showcase-map.js', import.meta.url), 'utf8');
const SHARE_SCRIPT = readFileSync(new URL('./share.js', import.meta.url), 'utf8');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Request = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string | string[] | undefined> }>;

/** Path and query values are read from the request itself: these hot routes skip the API's body pipes, which have nothing to check here. */
const param = (request: Request, name: string) => request.params[name] ?? '';
function queryValue(request: Request, name: string): string | undefined {
  const value = request.query[name];
  if (Array.isArray(value)) throw invalid(name, 'given more than once');
  return value;
}

function invalid(field: string, message: string): DomainException {
  return new DomainException('QUERY_PARAMETER_INVALID', `${field}: ${message}`, 'bad_request', { field });
}

function intParam(value: string | undefined, field: string, min: number, max: number): number | null {
  if (value === undefined || value === '') return null;
  if (!/^\d{1,4}$/.test(value) || Number(value) < min || Number(value) > max) throw invalid(field, `must be a whole number from ${min} to ${max}`);
  return Number(value);
}

function provinceParam(code: string): string {
  if (!/^\d{2}$/.test(code)) throw notFound('Province', code);
  return code;
}

function idParam(id: string, kind: 'Organization' | 'Product'): string {
  if (!UUID.test(id)) throw notFound(kind, id);
  return id.toLowerCase();
}

/**
 * The province's OCOP showcase (issue 20; docs/public-contract.md#the-ocop-showcase): catalogue,
 * producer and product pages, their photos, the sitemap and robots.txt. No login, cached in memory
 * (ShowcasePagesService), gzip and ETag like the lot pages, Vietnamese by default (?lang=en).
 */
@ApiTags('public showcase')
@Public()
@UseFilters(PublicExceptionFilter)
@Controller()
export class ShowcaseController {
  constructor(
    private readonly pages: ShowcasePagesService,
    @Inject(PHOTO_STORAGE) private readonly photos: PhotoStorage,
  ) {}

  @Get('robots.txt')
  @ApiOperation({ summary: 'robots.txt: everything may be crawled but the API and the console; names the sitemap' })
  robots(@Res() reply: FastifyReply): void {
    const body = `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /console/\nDisallow: /docs\nSitemap: ${this.pages.baseUrl}/sitemap.xml\n`;
    void reply.headers({ 'cache-control': 'public, max-age=3600' }).type('text/plain; charset=utf-8').send(body);
  }

  @Get('sitemap.xml')
  @ApiOperation({ summary: 'Sitemap of the showcase: catalogues, producers and products (with their English alternates)' })
  @ApiProduces('application/xml')
  async sitemap(@Req() request: Request, @Res() reply: FastifyReply): Promise<void> {
    this.send(request, reply, await this.pages.sitemap(), 'application/xml; charset=utf-8');
  }

  @Get('ocop/assets/share.js')
  @ApiOperation({ summary: 'The public pages’ share link script (Web Share API, else the address copied)' })
  shareScript(@Res() reply: FastifyReply): void {
    void reply.headers({ 'cache-control': 'public, max-age=86400' }).type('text/javascript; charset=utf-8').send(SHARE_SCRIPT);
  }

  @Get('ocop/assets/map.js')
  @ApiOperation({ summary: 'The catalogue map’s script (Leaflet is served from /console/vendor/leaflet/)' })
  mapScript(@Res() reply: FastifyReply): void {
    void reply.headers({ 'cache-control': 'public, max-age=86400' }).type('text/javascript; charset=utf-8').send(MAP_SCRIPT);
  }

  @Get('ocop/photos/:key')
  @ApiOperation({ summary: 'A photo (WebP, ≤ 30 KB; `-t.webp`: the thumbnail). Keys are content hashes: cached for a year' })
  @ApiParam({ name: 'key' })
  async photo(@Req() request: Request, @Res() reply: FastifyReply): Promise<void> {
    const key = param(request, 'key');
    if (!PHOTO_KEY.test(key)) throw notFound('Photo', key);
    const etag = `"${key.slice(0, 22)}${key.endsWith('-t.webp') ? 't' : ''}"`;
    const headers = { ...CORS_HEADERS, 'cache-control': 'public, max-age=31536000, immutable', etag };
    if (etagMatches(request.headers['if-none-match'], etag)) return void reply.status(304).headers(headers).send();
    const bytes = await this.photos.read(key);
    if (!bytes) throw notFound('Photo', key);
    void reply.headers(headers).type('image/webp').send(bytes);
  }

  @Get('ocop/products/:id')
  @ApiOperation({ summary: 'A product’s showcase page: photo, valid OCOP stars, group, producer, recall notice, latest lot' })
  @ApiParam({ name: 'id' })
  @ApiProduces(HTML)
  async product(@Req() request: Request, @Res() reply: FastifyReply): Promise<void> {
    const id = param(request, 'id');
    const lang = this.lang(request);
    const body = await this.pages.product(idParam(id, 'Product'), lang);
    if (!body) throw notFound('Product', id);
    this.sendHtml(request, reply, body, lang);
  }

  @Get('ocop/:province')
  @ApiOperation({ summary: 'A province’s OCOP catalogue: products with valid stars of its listed cooperatives; search and filters' })
  @ApiParam({ name: 'province', description: 'Official province code (2 digits, 2025 list), e.g. 11 for Điện Biên' })
  @ApiQuery({ name: 'q', required: false, description: 'Search (diacritic-insensitive) in names, producers and communes' })
  @ApiQuery({ name: 'group', required: false, description: 'OCOP product group 1–6' })
  @ApiQuery({ name: 'stars', required: false, description: 'At least this many stars (3–5)' })
  @ApiQuery({ name: 'commune', required: false, description: 'Commune code (5 digits)' })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'lang', required: false, enum: ['vi', 'en'] })
  @ApiProduces(HTML)
  async catalogue(@Req() request: Request, @Res() reply: FastifyReply): Promise<void> {
    const province = param(request, 'province');
    const lang = this.lang(request);
    const q = (queryValue(request, 'q') ?? '').normalize('NFC').trim().slice(0, 100);
    const commune = queryValue(request, 'commune') || null;
    if (commune !== null && !/^\d{5}$/.test(commune)) throw invalid('commune', 'must be a commune code of 5 digits');
    const filters: CatalogueFilters = {
      q: q || null,
      group: intParam(queryValue(request, 'group'), 'group', 1, 6),
      stars: intParam(queryValue(request, 'stars'), 'stars', 3, 5),
      commune,
      page: intParam(queryValue(request, 'page'), 'page', 1, 9999) ?? 1,
    };
    const found = await this.pages.catalogue(provinceParam(province), filters, lang);
    if (!found) throw notFound('Province', province);
    if (filters.page > found.pages) throw invalid('page', `there are ${found.pages} pages`);
    this.sendHtml(request, reply, found.body, lang);
  }

  @Get('ocop/:province/map.json')
  @ApiOperation({ summary: 'The catalogue map’s points (GeoJSON): the listed producers’ active growing areas' })
  @ApiParam({ name: 'province' })
  async map(@Req() request: Request, @Res() reply: FastifyReply): Promise<void> {
    const province = param(request, 'province');
    const body = await this.pages.map(provinceParam(province));
    if (!body) throw notFound('Province', province);
    this.send(request, reply, body, 'application/geo+json; charset=utf-8');
  }

  @Get('ocop/:province/producers/:id')
  @ApiOperation({ summary: 'A producer’s page: story, photos, products, certifications, communes, where to buy, how to visit' })
  @ApiParam({ name: 'province' })
  @ApiParam({ name: 'id' })
  @ApiProduces(HTML)
  async producer(@Req() request: Request, @Res() reply: FastifyReply): Promise<void> {
    const province = param(request, 'province');
    const id = param(request, 'id');
    const lang = this.lang(request);
    const body = await this.pages.producer(provinceParam(province), idParam(id, 'Organization'), lang);
    if (!body) throw notFound('Organization', id);
    this.sendHtml(request, reply, body, lang);
  }

  private lang(request: Request) {
    const lang = request.query.lang;
    return negotiateLanguage(typeof lang === 'string' ? lang : null, request.headers['accept-language']);
  }

  private sendHtml(request: Request, reply: FastifyReply, body: PageBody, lang: string): void {
    void reply.headers({ 'content-language': lang });
    this.send(request, reply, body, HTML, 'Accept-Language, Accept-Encoding');
  }

  /** The body gzipped when the client takes it, or 304 when it has it already. */
  private send(request: Request, reply: FastifyReply, body: PageBody, type: string, vary = 'Accept-Encoding'): void {
    const gzip = body.compressible && acceptsGzip(request.headers['accept-encoding']);
    const etag = gzip ? body.gzipEtag : body.etag;
    void reply.headers({ ...CORS_HEADERS, 'cache-control': PAGE_CACHE_CONTROL, etag, vary });
    if (etagMatches(request.headers['if-none-match'], etag)) return void reply.status(304).send();
    void reply.type(type);
    if (gzip) void reply.header('content-encoding', 'gzip').send(body.gzip());
    else void reply.send(body.identity);
  }
}
