import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainException } from '@app/traceability';

/** The deepest nesting of arrays and objects a JSON body may have; no route needs more than a handful. */
export const MAX_JSON_DEPTH = 64;

/**
 * True when the JSON text nests arrays/objects deeper than `limit`. One pass over the bytes, before
 * parsing: the recursive code that later walks a parsed body (validation, normalisation, hashing)
 * could otherwise be driven into a stack overflow. UTF-8 continuation bytes are never ASCII, so
 * bytes can be compared directly; brackets inside strings do not count.
 */
export function jsonNestedDeeperThan(body: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** Fastify's own JSON parser (prototype poisoning refused), behind the depth check. */
export function jsonBodyParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void) => {
    if (jsonNestedDeeperThan(body, MAX_JSON_DEPTH)) {
      done(new DomainException('JSON_TOO_DEEP', `body: JSON nested deeper than ${MAX_JSON_DEPTH} levels`, 'bad_request', { field: 'body', maxDepth: MAX_JSON_DEPTH }));
      return;
    }
    void parse(request, body as unknown as string, done); // secure-json-parse takes a Buffer too
  };
}
