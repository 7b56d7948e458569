/**
 * Error codes of the common area: Errors any route can answer: malformed requests and fields shared by
 * several areas, paging, and the HTTP layer's own answers (docs/public-contract.md#conventions-of-
 * every-route). Each has its Vietnamese and English text in the console
 * (apps/api/src/console/error-texts.spec.ts).
 */
export const COMMON_ERROR_CODES = [
  'VALIDATION_FAILED',
  'FIELD_REQUIRED',
  'DATE_INVALID',
  'DECIMAL_INVALID',
  'QUANTITY_INVALID',
  'QUANTITY_AMBIGUOUS',
  'UNIT_UNKNOWN',
  'UNIT_INCOMPATIBLE',
  'TEXT_INVALID_CHARACTER',
  'GTIN_CHECK_DIGIT',
  'GTIN_FORMAT',
  'GTIN_LENGTH',
  'GLN_CHECK_DIGIT',
  'GLN_FORMAT',
  'GLN_LENGTH',
  'GEOJSON_INVALID',
  'POSITION_OUT_OF_RANGE',
  'CANONICAL_JSON_INVALID',
  'CURSOR_INVALID',
  'LIMIT_INVALID',
  'SORT_INVALID',
  'QUERY_PARAMETER_INVALID',
  'INVALID_ID',
  'INVALID_VALUE',
  'JSON_TOO_DEEP',
  'MALFORMED_JSON',
  'CONCURRENT_UPDATE',
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_ENTITY',
  'RATE_LIMITED',
  'HTTP_ERROR',
  'INTERNAL_ERROR',
  'DATABASE_UNAVAILABLE',
] as const;

export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];
