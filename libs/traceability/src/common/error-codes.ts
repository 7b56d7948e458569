import { ACCOUNTS_ERROR_CODES, type AccountsErrorCode } from '../accounts/accounts.errors.js';
import { EPCIS_CAPTURE_ERROR_CODES, type EpcisCaptureErrorCode } from '../epcis/capture.errors.js';
import { EXPORTS_ERROR_CODES, type ExportsErrorCode } from '../exports/exports.errors.js';
import { IDEMPOTENCY_ERROR_CODES, type IdempotencyErrorCode } from '../idempotency/idempotency.errors.js';
import { IMPORTS_ERROR_CODES, type ImportsErrorCode } from '../imports/imports.errors.js';
import { LABELS_ERROR_CODES, type LabelsErrorCode } from '../labels/labels.errors.js';
import { LOTS_ERROR_CODES, type LotsErrorCode } from '../lots/lots.errors.js';
import { PROGRAMME_ERROR_CODES, type ProgrammeErrorCode } from '../programme/programme.errors.js';
import { PUBLIC_ERROR_CODES, type PublicErrorCode } from '../public/public.errors.js';
import { REGISTRY_ERROR_CODES, type RegistryErrorCode } from '../registry/registry.errors.js';
import { SHOWCASE_ERROR_CODES, type ShowcaseErrorCode } from '../showcase/showcase.errors.js';
import { COMMON_ERROR_CODES, type CommonErrorCode } from './common.errors.js';

/**
 * Every `code` an error body can carry, one catalog per area. The codes are part of the public
 * contract (docs/public-contract.md#conventions-of-every-route): clients branch on them, so one is
 * never renamed; the console words each of them in Vietnamese and English.
 */
export type ErrorCode =
  | CommonErrorCode
  | AccountsErrorCode
  | RegistryErrorCode
  | LotsErrorCode
  | ExportsErrorCode
  | EpcisCaptureErrorCode
  | LabelsErrorCode
  | PublicErrorCode
  | IdempotencyErrorCode
  | ImportsErrorCode
  | ProgrammeErrorCode
  | ShowcaseErrorCode;

export const ERROR_CATALOG = {
  common: COMMON_ERROR_CODES,
  accounts: ACCOUNTS_ERROR_CODES,
  registry: REGISTRY_ERROR_CODES,
  lots: LOTS_ERROR_CODES,
  exports: EXPORTS_ERROR_CODES,
  epcisCapture: EPCIS_CAPTURE_ERROR_CODES,
  labels: LABELS_ERROR_CODES,
  public: PUBLIC_ERROR_CODES,
  idempotency: IDEMPOTENCY_ERROR_CODES,
  imports: IMPORTS_ERROR_CODES,
  programme: PROGRAMME_ERROR_CODES,
  showcase: SHOWCASE_ERROR_CODES,
} as const satisfies Record<string, readonly ErrorCode[]>;

export const ERROR_CODES: readonly ErrorCode[] = Object.values(ERROR_CATALOG).flat();

/**
 * Codes a person scanning a label can meet on the public pages (the resolver's answers): each has a
 * text of its own on the error page, in both languages.
 */
export const CONSUMER_ERROR_CODES = [
  'RESOLVER_PATH_MALFORMED',
  'LINK_TYPE_NOT_FOUND',
  'LOT_NOT_FOUND',
  'PRODUCT_NOT_FOUND',
  'LOT_VOIDED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
  'DATABASE_UNAVAILABLE',
] as const satisfies readonly ErrorCode[];

export type ConsumerErrorCode = (typeof CONSUMER_ERROR_CODES)[number];

export function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}
