import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Caller, DomainException, IdempotencyRepository } from '@app/traceability';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WAIT_FOR_FIRST_MS = 15_000;

/**
 * DESIGN rule 12: a write repeated with the same `Idempotency-Key` returns the first answer and
 * writes nothing new. A repeat that arrives while the first is still running waits for its answer.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly repository: IdempotencyRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    const key = request.headers['idempotency-key'];
    if (!WRITE_METHODS.has(request.method) || typeof key !== 'string' || !request.caller) return next.handle();
    return from(this.handle(context, request, request.caller.organizationId, key, next));
  }

  private async handle(context: ExecutionContext, request: FastifyRequest, organizationId: string, key: string, next: CallHandler): Promise<unknown> {
    if (key.length < 8 || key.length > 200) {
      throw new DomainException('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key: must be 8 to 200 characters', 'bad_request', { field: 'Idempotency-Key' });
    }
    const path = request.url.split('?')[0];
    const requestHash = createHash('sha256').update(`${request.method} ${path} ${JSON.stringify(request.body ?? null)}`).digest('hex');
    const reply = context.switchToHttp().getResponse<FastifyReply>();

    if (await this.repository.claim(organizationId, key, request.method, path, requestHash)) {
      try {
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.repository.complete(organizationId, key, reply.statusCode, body);
        return body;
      } catch (error) {
        await this.repository.release(organizationId, key);
        throw error;
      }
    }

    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const record = await this.repository.find(organizationId, key);
      if (!record) return this.handle(context, request, organizationId, key, next); // the first one failed: run again
      if (record.requestHash !== requestHash) {
        throw new DomainException('IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key: this key was used for a different request', 'validation', { field: 'Idempotency-Key' });
      }
      if (record.statusCode !== null) {
        void reply.status(record.statusCode).header('idempotent-replayed', 'true');
        return record.responseBody;
      }
      if (Date.now() > deadline) {
        throw new DomainException('IDEMPOTENCY_KEY_IN_PROGRESS', 'Idempotency-Key: the first request with this key is still running; retry shortly', 'conflict');
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
