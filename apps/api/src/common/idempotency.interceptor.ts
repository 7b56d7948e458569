import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { isUniqueViolation } from '@app/database';
import {
  Caller,
  DomainException,
  IDEMPOTENCY_KEY_CONSTRAINT,
  IdempotencyClaims,
  IdempotencyRepository,
  IdempotencyKeyNotClaimedError,
  IdempotentWrite,
  runIdempotentWrite,
  type IdempotencyKeyRow,
  type HeldClaim,
  type IdempotencyRecord,
} from '@app/traceability';
import { REPLAY_WITH, SECRET_FIELDS, withoutSecrets, type ReplaySpec } from './replay.decorator.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** How long a retry waits for the first request with its key to finish before answering 409. */
const WAIT_FOR_FIRST_MS = 30_000;

/**
 * docs/rules.md#retries-are-safe, crash-safe: a write repeated with the same `Idempotency-Key` returns the first
 * answer and writes nothing new, also when the process died in between.
 *
 * The key is claimed for the request (IdempotencyClaims: released by PostgreSQL if this process
 * dies; asked for when the request starts, needed only when its write commits), and the write
 * records the key in its own transaction (IdempotentWrite), so a key row exists exactly when its
 * write committed. A request refused while another holds or has committed its key waits for that
 * one and answers as it did: a refusal is never the answer to a key whose write committed. Its answer is stored once the handler returns; a retry that finds
 * the row without an answer (a crash in between) rebuilds it from what the write made (ReplayWith).
 * Replays carry `Idempotent-Replayed: true` and the original status.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    private readonly claims: IdempotencyClaims,
    private readonly repository: IdempotencyRepository,
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    const key = request.headers['idempotency-key'];
    if (!WRITE_METHODS.has(request.method) || typeof key !== 'string' || !request.caller) return next.handle();
    return from(this.handle(context, request, request.caller, key, next));
  }

  private async handle(context: ExecutionContext, request: FastifyRequest, caller: Caller, key: string, next: CallHandler): Promise<unknown> {
    if (key.length < 8 || key.length > 200) {
      throw new DomainException('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key: must be 8 to 200 characters', 'bad_request', { field: 'Idempotency-Key' });
    }
    const path = request.url.split('?')[0];
    const requestHash = createHash('sha256').update(`${request.method} ${path} ${JSON.stringify(request.body ?? null)}`).digest('hex');
    const statusCode = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    const organizationId = caller.organizationId;
    const row = { organizationId, key, method: request.method, path, requestHash, statusCode };
    const run = (write: IdempotentWrite) => runIdempotentWrite(write, () => lastValueFrom(next.handle(), { defaultValue: undefined }));

    // The usual case, a key seen for the first time: the request runs while its claim is being
    // taken, and its write waits for the claim only to commit (IdempotentWrite.assertClaimed).
    if (!this.claims.heldHere(organizationId, key)) {
      const attempt = this.claims.attempt(organizationId, key);
      const write = new IdempotentWrite(row, attempt.then((outcome) => !!outcome.claim && !outcome.record));
      let body: unknown;
      try {
        body = await run(write);
      } catch (error) {
        const outcome = await attempt.catch(() => null);
        if (outcome?.claim) await this.release(outcome.claim);
        // The claim failed (the database is down): the request's own error says as much.
        if (!outcome) throw error;
        if (outcome.record) return this.replay(context, caller, key, outcome.record, requestHash);
        // Ours, and refused for a reason of its own: that is the answer.
        if (outcome.claim && !isKeyCommittedElsewhere(error) && !(error instanceof IdempotencyKeyNotClaimedError)) throw error;
        // Another request holds the key or committed it meanwhile: wait for it, below.
        return this.waitForOthers(context, caller, key, row, run);
      }
      // Resolved already when the write committed (its commit waited for it).
      const outcome = await attempt.catch(() => null);
      await this.finish(outcome?.claim ?? null, write, this.storable(context, body), path);
      return body;
    }
    return this.waitForOthers(context, caller, key, row, run);
  }

  /** The key is held by another request: wait until it is free, then answer its committed write or run this one. */
  private async waitForOthers(
    context: ExecutionContext,
    caller: Caller,
    key: string,
    row: IdempotencyKeyRow,
    run: (write: IdempotentWrite) => Promise<unknown>,
  ): Promise<unknown> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const { claim, record } = await this.claims.claim(row.organizationId, key, deadline);
      if (record) {
        try {
          return await this.replay(context, caller, key, record, row.requestHash);
        } finally {
          if (claim) await this.release(claim);
        }
      }
      const write = new IdempotentWrite(row);
      let body: unknown;
      try {
        body = await run(write);
      } catch (error) {
        await this.release(claim!);
        // Another process committed this key while our claim was lost (its connection dropped): answer its write.
        if (isKeyCommittedElsewhere(error)) continue;
        throw error;
      }
      await this.finish(claim, write, this.storable(context, body), row.path);
      return body;
    }
  }

  /** The answer as kept for replays: never the secrets it carries (SecretFields). */
  private storable(context: ExecutionContext, body: unknown): unknown {
    return withoutSecrets(body, this.reflector.get<string[] | undefined>(SECRET_FIELDS, context.getHandler()));
  }

  /** After a write that succeeded: its answer stored and its key let go, while the client already has the answer. */
  private async finish(claim: HeldClaim | null, write: IdempotentWrite, body: unknown, path: string): Promise<void> {
    if (!write.committed && claim) {
      this.logger.warn(`${write.row.method} ${path}: the write did not record its Idempotency-Key in its transaction; recorded after it`);
      await this.repository.recordAfterWrite(write, body).catch((error: Error) => this.logger.warn(`Idempotency-Key not recorded: ${error.message}`));
    }
    // A crash before the answer is stored only costs a rebuild.
    if (claim) void this.release(claim, write.committed ? { body } : undefined);
  }

  /** The write is committed (the answer is owed whatever happens now): a failure to store it only costs a rebuild later. */
  private async release(claim: HeldClaim, answer?: { body: unknown }): Promise<void> {
    await this.claims.release(claim, answer).catch((error: Error) => this.logger.warn(`Idempotency-Key ${claim.key}: release failed: ${error.message}`));
  }

  private async replay(context: ExecutionContext, caller: Caller, key: string, record: IdempotencyRecord, requestHash: string): Promise<unknown> {
    if (record.requestHash !== requestHash) {
      throw new DomainException('IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key: this key was used for a different request', 'validation', { field: 'Idempotency-Key' });
    }
    if (record.statusCode === null) {
      // Left "in progress" by a version that claimed keys before writing: whether it wrote is unknown.
      throw new DomainException('IDEMPOTENCY_KEY_OUTCOME_UNKNOWN', 'Idempotency-Key: the outcome of the first request with this key is unknown; check before sending it again with a new key', 'conflict');
    }
    let body = record.responseBody;
    if (!record.answered) {
      body = await this.rebuild(context, caller, record);
      await this.repository.storeAnswer(caller.organizationId, key, body).catch(() => undefined);
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply.status(record.statusCode).header('idempotent-replayed', 'true');
    return body;
  }

  /** The answer of a committed write whose answer was never stored: what the route's ReplayWith reads back. */
  private async rebuild(context: ExecutionContext, caller: Caller, record: IdempotencyRecord): Promise<unknown> {
    const spec = this.reflector.get<ReplaySpec | undefined>(REPLAY_WITH, context.getHandler());
    const params = context.switchToHttp().getRequest<FastifyRequest<{ Params: Record<string, string> }>>().params ?? {};
    if (spec?.from === 'nothing') return undefined;
    const id = !spec
      ? undefined
      : spec.from === 'event'
        ? record.result?.eventId
        : spec.from === 'created'
          ? record.result?.id
          : spec.from === 'organization'
            ? caller.organizationId
            : params[spec.from.param];
    if (!spec || !id) {
      throw new DomainException('IDEMPOTENCY_ANSWER_LOST', 'Idempotency-Key: the first request with this key was committed, but its answer cannot be rebuilt', 'conflict', {
        result: record.result,
      });
    }
    const controller = this.moduleRef.get(context.getClass(), { strict: false }) as Record<string, (caller: Caller, id: string, params: Record<string, string>) => unknown>;
    return controller[spec.method](caller, id.toLowerCase(), params);
  }
}

function isKeyCommittedElsewhere(error: unknown): boolean {
  return isUniqueViolation(error, IDEMPOTENCY_KEY_CONSTRAINT);
}
