import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { AppConfig } from '@app/config';
import { EPCIS_CAPTURE_BODY_LIMIT, IMPORT_BODY_LIMIT_BYTES, PHOTO_UPLOAD_MAX_BYTES } from '@app/traceability';
import { hasRedis, redisClient } from '@app/queue';
import { ApiModule } from './api.module.js';
import { jsonBodyParser } from './common/json-body.js';
import { serializeJsonReply } from './common/json-reply.js';
import { batchedLogStream } from './common/log-stream.js';
import { sharedRateLimitStore } from './common/rate-limit-store.js';
import { OneLineRequestLog } from './common/request-log.js';
import { UPLOAD_TYPES } from './imports/dto/index.js';
import { PHOTO_CONTENT_TYPES } from './showcase/public-profile.dto.js';

const AUTH_PATH = '/api/v1/auth/';
/** The public resolver and lot pages (issue 6): their own per-IP bucket. */
const PUBLIC_PATH = /^\/(?:01|l)(?:[/?]|$)|^\/public\/lots\/|^\/\.well-known\/gs1resolver|^\/ocop(?:[/?]|$)|^\/(?:sitemap\.xml|robots\.txt)/;
const rateBucket = (url: string) => (url.startsWith(AUTH_PATH) ? 'auth' : PUBLIC_PATH.test(url) ? 'public' : 'all');
const share = (limit: number, processes: number) => Math.max(1, Math.floor(limit / processes));

/** Builds the configured HTTP app; used by main.ts and by the end-to-end tests. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, stream: batchedLogStream() },
    logController: new OneLineRequestLog(),
    bodyLimit: config.bodyLimitBytes,
    // Whose X-Forwarded-For is believed (TRUST_PROXY): by default nobody's, so request.ip, which
    // keys the rate limits and the request logs, is the connecting address and cannot be spoofed.
    // (Fastify takes a hop count too; the adapter's type leaves numbers out.)
    trustProxy: config.trustProxy as boolean | string[],
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register(config), adapter, {
    logger: config.logLevel === 'silent' ? false : new ConsoleLogger({ json: true, logLevels: ['fatal', 'error', 'warn', 'log'] }),
    bufferLogs: true,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // JSON bodies with a nesting-depth limit (Fastify's parser has none).
  app.useBodyParser('application/json', { bodyLimit: config.bodyLimitBytes }, jsonBodyParser(fastify));
  // EPCIS 2.0 capture takes JSON-LD documents larger than other bodies; it names one over its
  // advertised limit itself (EPCIS_CAPTURE_TOO_LARGE), so its route lets somewhat more through.
  app.useBodyParser('application/ld+json', { bodyLimit: config.bodyLimitBytes }, jsonBodyParser(fastify));
  fastify.addHook('onRoute', (route) => {
    if (route.url === '/api/v1/epcis/capture' && route.method === 'POST') route.bodyLimit = EPCIS_CAPTURE_BODY_LIMIT;
  });
  // Spreadsheet uploads arrive as the file's own bytes; the import names a file over its limit itself
  // (IMPORT_FILE_TOO_LARGE), so the parser lets a little more through.
  fastify.addContentTypeParser([...UPLOAD_TYPES], { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
  // Photos arrive as the file's own bytes too; the photo check names one over its limit (PHOTO_TOO_LARGE).
  fastify.addContentTypeParser(PHOTO_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: PHOTO_UPLOAD_MAX_BYTES + 1024 }, (_request, body, done) => done(null, body));

  // Before the routes are registered (each keeps the serializer it was registered with). Fastify's
  // types say string; it sends a Buffer from a serializer as it is (reply.js, onSendEnd).
  fastify.setReplySerializer(serializeJsonReply as (payload: unknown) => string);

  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  // Security headers, built once (the Fastify plugin rebuilds helmet's middleware at every request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // No inline scripts anywhere: the console loads ES modules from /console/, the docs their own
        // files, and the public lot pages only the share link's (/ocop/assets/share.js; the page works without it).
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:', 'blob:'],
        frameSrc: ["'self'", 'blob:'],
        // Cooperatives may run this on plain HTTP in an office LAN: never force https subresources.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  fastify.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  // With Redis the counters are shared by every API process on every host (an address gets the
  // configured limit in all); without, each process counts its own requests and allows its share
  // (API_PROCESSES on one host), so an address gets no more than the configured limit in all (unless
  // there are more processes than requests allowed: each still allows one).
  const shared = config.rateLimitShared && hasRedis(config);
  const perProcess = (limit: number) => (shared ? limit : share(limit, config.apiProcesses));
  const limits = {
    auth: perProcess(config.authRateLimitPerMinute),
    public: perProcess(config.publicRateLimitPerMinute),
    all: perProcess(config.rateLimitPerMinute),
  };
  await app.register(rateLimit as never, {
    global: true,
    ...(shared ? { store: sharedRateLimitStore(redisClient(config, 'fail-fast'), `${config.queuePrefix}:rate:`, (limit) => share(limit, config.apiProcesses)) } : {}),
    // The limit of the key's bucket (its prefix): the path is looked at once per request.
    max: (_request: unknown, key: string) => limits[key.slice(0, key.indexOf(':')) as keyof typeof limits],
    timeWindow: 60_000,
    keyGenerator: (request: { ip: string; url: string }) => `${rateBucket(request.url)}:${request.ip}`,
    errorResponseBuilder: (_request: unknown, context: { after: string }) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `Too many requests; retry in ${context.after}`,
    }),
  });
  // The operator console: static files (no build step, no CDN), served beside the API.
  await app.register(fastifyStatic as never, { root: resolve(import.meta.dirname, 'console/public'), prefix: '/console/', decorateReply: false, maxAge: 300_000 });
  // The programme dashboard's chart and map libraries, served from the installed packages (no CDN:
  // offices work on closed networks and the CSP allows only this origin's scripts).
  // Both packages' entry points sit in their dist folders, beside the browser builds.
  const distDir = (name: string) => dirname(createRequire(import.meta.url).resolve(name));
  for (const [name, prefix] of [['chart.js', '/console/vendor/chart.js/'], ['leaflet', '/console/vendor/leaflet/']] as const) {
    await app.register(fastifyStatic as never, { root: distDir(name), prefix, decorateReply: false, maxAge: 86_400_000 });
  }
  fastify.get('/', (_request, reply) => reply.redirect('/console/'));
  fastify.get('/console', (_request, reply) => reply.redirect('/console/'));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Nguồn API')
      .setDescription('Lot traceability and QR labelling for cooperatives (OCOP). Errors: {statusCode, code, message, details?}.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  app.enableShutdownHooks();
  return app;
}
