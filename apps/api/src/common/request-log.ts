import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * The request log: one line per request, written when it is answered (method, route pattern,
 * status, milliseconds; the request id is the line's `reqId`), at info, or at error when the answer
 * failed to go out. Fastify's default writes two (the request on arrival, then the outcome).
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {
    // Nothing on arrival: the answer's line says it all.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, route: request.routeOptions.url ?? request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
}
