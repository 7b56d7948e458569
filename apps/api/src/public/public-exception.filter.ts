import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DATABASE_UNAVAILABLE, DomainException, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '@app/traceability';
import { toErrorBody, type ErrorBody } from '../common/exception.filter.js';
import { negotiateLanguage, negotiateRepresentation } from './pages/negotiation.js';
import { renderErrorPage } from './pages/page.render.js';
import { CORS_HEADERS } from './public-http.js';

/** Codes of the public pages that HTTP says more precisely than the domain kinds. */
const STATUS_BY_CODE: Record<string, number> = { LOT_VOIDED: 410 };

/**
 * Errors of the public resolver: a person scanning a label gets an HTML page in their language with
 * the right status (400 malformed, 404 unknown, 410 voided, 503 with Retry-After while the database
 * cannot be reached and the page is not cached; never 200), a program gets the usual JSON error
 * body. Both carry CORS headers, like every resolver response.
 */
@Catch()
export class PublicExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('PublicErrors');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const unavailable = isDatabaseUnavailable(error);
    const body: ErrorBody = unavailable
      ? { statusCode: 503, code: DATABASE_UNAVAILABLE, message: 'The traceability database cannot be reached right now; try again shortly' }
      : toErrorBody(error);
    if (error instanceof DomainException && STATUS_BY_CODE[error.code]) body.statusCode = STATUS_BY_CODE[error.code];
    if (unavailable) this.logger.warn({ requestId: request.id, err: String((error as Error)?.message ?? error) });
    else if (body.statusCode >= 500) this.logger.error({ requestId: request.id, err: String((error as Error)?.stack ?? error) });
    void reply.status(body.statusCode).headers({ ...CORS_HEADERS, 'cache-control': 'no-store', vary: 'Accept, Accept-Language' });
    if (unavailable) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    if (negotiateRepresentation(request.headers.accept) === 'html') {
      const lang = negotiateLanguage(new URLSearchParams(request.url.split('?')[1] ?? '').get('lang'), request.headers['accept-language']);
      const detail = body.statusCode === 400 ? body.message : undefined;
      void reply.type('text/html; charset=utf-8').header('content-language', lang).send(renderErrorPage(body.statusCode, lang, body.code, detail));
      return;
    }
    void reply.type('application/json; charset=utf-8').send(body);
  }
}
