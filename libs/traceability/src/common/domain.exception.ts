/**
 * A rule of the domain was broken. `code` is machine-readable (e.g. `LOT_OVERCONSUMED`) and is mapped
 * to an HTTP status by the API's exception filter and to retry/UnrecoverableError by the worker.
 */
export type DomainErrorKind =
  | 'validation' // 422: the request is well-formed but breaks a rule
  | 'bad_request' // 400: malformed input
  | 'not_found' // 404 (also for other tenants' ids)
  | 'conflict' // 409: duplicate or concurrent change
  | 'unauthorized' // 401
  | 'forbidden' // 403: the caller's role may not do this
  | 'too_many_requests'; // 429: try again later (`details.retryAfterSeconds` becomes Retry-After)

export class DomainException extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'validation',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

export class NotFoundException extends DomainException {
  constructor(what: string, id?: string) {
    super(`${what.toUpperCase().replace(/[^A-Z]+/g, '_')}_NOT_FOUND`, `${what} not found${id ? `: ${id}` : ''}`, 'not_found', id ? { id } : undefined);
  }
}

/** A single invalid field: the message names it and `details.field` carries it. */
export class InvalidFieldException extends DomainException {
  constructor(code: string, field: string, message: string, kind: DomainErrorKind = 'validation') {
    super(code, `${field}: ${message}`, kind, { field });
  }
}
