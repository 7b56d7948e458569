import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { ReadDatabase } from '@app/database';

const READ_METHODS = new Set(['GET', 'HEAD']);
const MODE = 'nguon:replica-reads';

/**
 * How a route's reads may use a replica (ReadDatabase): `fresh`, one that has replayed everything the
 * primary had written when the request came in (an operator's trace or export shows what they just
 * recorded); `tolerant`, one within DATABASE_READ_MAX_LAG_MS (a dashboard computed live).
 */
export type ReplicaReadMode = 'fresh' | 'tolerant';

@Injectable()
export class ReplicaReadsInterceptor implements NestInterceptor {
  constructor(
    private readonly reads: ReadDatabase,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!this.reads.replicated || !READ_METHODS.has(request.method)) return next.handle();
    const mode = this.reflector.getAllAndOverride<ReplicaReadMode>(MODE, [context.getHandler(), context.getClass()]) ?? 'fresh';
    const handle = () => lastValueFrom(next.handle(), { defaultValue: undefined });
    return from(mode === 'tolerant' ? this.reads.tolerant(handle) : this.reads.fresh(handle));
  }
}

/**
 * The GET routes of this controller or handler read through a replica when there is one, for the
 * repositories that read through ReadDatabase (public pages, showcase, programme, trace, exports);
 * writes, and every other repository, stay on the primary. No replica configured: nothing changes.
 */
export function ReadsFromReplica(mode: ReplicaReadMode): ClassDecorator & MethodDecorator {
  return applyDecorators(SetMetadata(MODE, mode), UseInterceptors(ReplicaReadsInterceptor));
}
