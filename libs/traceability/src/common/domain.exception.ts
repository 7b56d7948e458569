import type { ErrorCode } from './error-codes.js';

export type { ErrorCode } from './error-codes.js';

/**
 * A rule of the domain was broken. `code` comes from the areas' catalogs (`ErrorCode`, e.g.
 * `LOT_OVERCONSUMED`) and is mapped to an HTTP status by the API's exception filter and to
 * retry/UnrecoverableError by the worker.
 */
export type DomainErrorKind =
  | 'validation' // 422: the request is well-formed but breaks a rule
  | 'bad_request' // 400: malformed input
  | 'not_found' // 404 (also for other tenants' ids)
  | 'conflict' // 409: duplicate or concurrent change
  | 'unauthorized' // 401
  | 'forbidden' // 403: the caller's role may not do this
  | 'too_large' // 413: the request body is over an advertised limit
  | 'too_many_requests'; // 429: try again later (`details.retryAfterSeconds` becomes Retry-After)

export class DomainException<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly kind: DomainErrorKind;
  readonly details?: Record<string, unknown>;

  constructor(code: C, message: string, kind?: DomainErrorKind, details?: Record<string, unknown>);
  constructor(code: C, message: string, kind: DomainErrorKind = 'validation', details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainException';
    this.code = code;
    this.kind = kind;
    this.details = details;
  }
}

/** What can be missing, as the message names it, and the code each answers. */
export const NOT_FOUND_CODES = {
  'API key': 'API_KEY_NOT_FOUND',
  'Audit verification job': 'AUDIT_VERIFY_JOB_NOT_FOUND',
  Certification: 'CERTIFICATION_NOT_FOUND',
  Crop: 'CROP_NOT_FOUND',
  'EPCIS capture': 'EPCIS_CAPTURE_NOT_FOUND',
  Event: 'EVENT_NOT_FOUND',
  Facility: 'FACILITY_NOT_FOUND',
  'Growing area': 'GROWING_AREA_NOT_FOUND',
  Import: 'IMPORT_NOT_FOUND',
  'Input application': 'INPUT_APPLICATION_NOT_FOUND',
  'Label job': 'LABEL_JOB_NOT_FOUND',
  Link: 'LINK_NOT_FOUND',
  Lot: 'LOT_NOT_FOUND',
  Organization: 'ORGANIZATION_NOT_FOUND',
  Partner: 'PARTNER_NOT_FOUND',
  Photo: 'PHOTO_NOT_FOUND',
  Poster: 'POSTER_NOT_FOUND',
  Product: 'PRODUCT_NOT_FOUND',
  'Recall job': 'RECALL_JOB_NOT_FOUND',
  'Programme office': 'PROGRAMME_OFFICE_NOT_FOUND',
  Province: 'PROVINCE_NOT_FOUND',
  Recall: 'RECALL_NOT_FOUND',
  Report: 'REPORT_NOT_FOUND',
  Shipment: 'SHIPMENT_NOT_FOUND',
  User: 'USER_NOT_FOUND',
} as const satisfies Record<string, ErrorCode>;

export type NotFoundKind = keyof typeof NOT_FOUND_CODES;

/**
 * The one `details` shape of a "not found": the id looked for (absent when the lookup was by
 * something else, e.g. a resolver path) and, when the id came in the request body, the field.
 */
export type NotFoundDetails = {
  id?: string;
  field?: string;
};

/** 404: the resource does not exist or belongs to another organization (never told apart). */
export class ResourceNotFoundException extends DomainException<(typeof NOT_FOUND_CODES)[NotFoundKind]> {
  declare readonly details: NotFoundDetails | undefined;

  constructor(readonly resource: NotFoundKind, id?: string, field?: string) {
    const details: NotFoundDetails | undefined = id === undefined && field === undefined ? undefined : { ...(field ? { field } : {}), ...(id !== undefined ? { id } : {}) };
    super(NOT_FOUND_CODES[resource], `${field ? `${field}: ` : ''}${resource} not found${id ? `: ${id}` : ''}`, 'not_found', details as Record<string, unknown> | undefined);
  }
}

/** The one way to say that something is missing: `throw notFound('Lot', id)`. */
export function notFound(resource: NotFoundKind, id?: string, field?: string): ResourceNotFoundException {
  return new ResourceNotFoundException(resource, id, field);
}

/** A single invalid field: the message names it and `details.field` carries it. */
export class InvalidFieldException<C extends ErrorCode = ErrorCode> extends DomainException<C> {
  constructor(code: C, field: string, message: string, kind?: DomainErrorKind);
  constructor(code: C, field: string, message: string, kind: DomainErrorKind = 'validation') {
    super(code, `${field}: ${message}`, kind, { field });
  }
}
