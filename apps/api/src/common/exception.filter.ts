import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDataException, isDatabaseUnavailable } from '@app/database';
import { DomainErrorKind, DomainException, type ErrorCode } from '@app/traceability';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

const STATUS: Record<DomainErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  validation: 422,
  too_many_requests: 429,
};

/** Seconds a client should wait before retrying an answer that says the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'RATE_LIMITED',
};

/** Fastify's own errors (bad JSON, body too large, wrong content type) carry a code like FST_ERR_…. */
interface FastifyError {
  statusCode?: number;
  code?: string;
  message: string;
}

/** Maps every error to `{statusCode, code, message, details?}` (docs/public-contract.md#conventions-of-every-route). */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainException) {
    return { statusCode: STATUS[error.kind], code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const response = error.getResponse();
    if (typeof response === 'object' && response && 'code' in response) return { statusCode, ...(response as Omit<ErrorBody, 'statusCode'>) };
    const message = typeof response === 'string' ? response : ((response as { message?: string }).message ?? error.message);
    return { statusCode, code: HTTP_CODES[statusCode] ?? 'HTTP_ERROR', message: Array.isArray(message) ? message.join('; ') : String(message) };
  }
  if (isDatabaseUnavailable(error)) {
    return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable; retry shortly (with the same Idempotency-Key for a write)' };
  }
  // A value PostgreSQL refused that the checks let through: the request's fault, not ours (logged as a warning).
  if (isDataException(error)) {
    const nul = (error as { driverError?: { code?: string }; code?: string }).driverError?.code === '22021';
    return nul
      ? { statusCode: 400, code: 'TEXT_INVALID_CHARACTER', message: 'a text value contains a character that cannot be stored (NUL, \\u0000)' }
      : { statusCode: 400, code: 'INVALID_VALUE', message: 'a value in the request is out of range or malformed' };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError?.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code = fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(fastifyError.message)
      ? 'MALFORMED_JSON'
      : (HTTP_CODES[fastifyError.statusCode] ?? 'BAD_REQUEST');
    return { statusCode: fastifyError.statusCode, code, message: fastifyError.message };
  }
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const body = toErrorBody(error);
    if (body.code === 'DATABASE_UNAVAILABLE') {
      void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      this.logger.warn({ requestId: request?.id, err: String((error as Error)?.message ?? error) });
    } else if (body.code === 'IDEMPOTENCY_KEY_IN_PROGRESS') {
      void reply.header('retry-after', '1');
    } else if (isDataException(error)) {
      // A value the request's checks let through to PostgreSQL: worth a look, not an alarm.
      this.logger.warn({ requestId: request?.id, err: String((error as Error)?.message ?? error) });
    } else if (body.statusCode >= 500) {
      // Never leak internals to the client; log them with an id the client can quote.
      const errorId = randomUUID();
      body.details = { errorId };
      this.logger.error({ errorId, requestId: request?.id, err: String((error as Error)?.stack ?? error) });
    }
    const retryAfter = body.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(body.statusCode).send(body);
  }
}
