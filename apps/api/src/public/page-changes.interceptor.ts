import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { mergeMap, Observable } from 'rxjs';
import type { Caller } from '@app/traceability';
import { PublicPageService } from './pages/public-page.service.js';
import { ShowcasePagesService } from './showcase/showcase-pages.service.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A successful write is answered only once this process has handled the page notifications of its
 * commit (PublicPageService.settle: one round trip on the listening connection, shared by the writes
 * that end meanwhile; skipped when no page cached here draws on the writer's organization). Without
 * it, a recall's author could ask this process for the lot's page before the notification of the
 * recall arrived and see the page from before. Other processes were signalled by the same commit
 * before it returned (see PublicPageService).
 */
@Injectable()
export class PageChangesInterceptor implements NestInterceptor {
  constructor(
    private readonly pages: PublicPageService,
    private readonly showcase: ShowcasePagesService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    const organizationId = request.caller?.organizationId;
    // Writes without a caller (sign-up, log-in) change no page.
    if (!WRITE_METHODS.has(request.method) || !organizationId) return next.handle();
    return next.handle().pipe(
      mergeMap(async (body) => {
        await Promise.all([this.pages.settle(organizationId), this.showcase.settle(organizationId)]);
        return body;
      }),
    );
  }
}
