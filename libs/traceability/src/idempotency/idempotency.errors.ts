/**
 * Error codes of the idempotency area: Idempotency-Keys (docs/rules.md#retries-are-safe). Each has its
 * Vietnamese and English text in the console (apps/api/src/console/error-texts.spec.ts).
 */
export const IDEMPOTENCY_ERROR_CODES = [
  'IDEMPOTENCY_ANSWER_LOST',
  'IDEMPOTENCY_KEY_INVALID',
  'IDEMPOTENCY_KEY_IN_PROGRESS',
  'IDEMPOTENCY_KEY_OUTCOME_UNKNOWN',
  'IDEMPOTENCY_KEY_REUSED',
] as const;

export type IdempotencyErrorCode = (typeof IDEMPOTENCY_ERROR_CODES)[number];
