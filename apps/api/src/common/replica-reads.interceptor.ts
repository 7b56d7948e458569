import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { ReadDatabase } from '@app/database';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * The reads of a route that tolerates lag (a dashboard computed live) go to a PostgreSQL replica
 * within DATABASE_READ_MAX_LAG_MS (ReadDatabase.tolerant), for the repositories that read through
 * ReadDatabase. Put on a controller whose GET routes may show data a few seconds old; writes, and
 * whatever a write must read back, stay on the primary. No replica configured: nothing changes.
 */
@Injectable()
export class ReplicaReadsInterceptor implements NestInterceptor {
  constructor(private readonly reads: ReadDatabase) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!this.reads.replicated || !READ_METHODS.has(request.method)) return next.handle();
    return from(this.reads.tolerant(() => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
