/**
 * Error codes of the lots area: Lot operations (harvest, transform, split, ship, receive, inspect,
 * void, recall) and their reads. Each has its Vietnamese and English text in the console
 * (apps/api/src/console/error-texts.spec.ts).
 */
export const LOTS_ERROR_CODES = [
  'AUDIT_VERIFY_JOB_NOT_FOUND',
  'EVENT_ALREADY_VOIDED',
  'EVENT_BEFORE_INPUT',
  'EVENT_DATE_IN_FUTURE',
  'EVENT_HAS_DOWNSTREAM',
  'EVENT_NOT_VOIDABLE',
  'GROWING_AREA_NOT_ACTIVE',
  'HARVEST_DATE_IN_FUTURE',
  'HARVEST_INSIDE_PHI',
  'HARVEST_YIELD_IMPLAUSIBLE',
  'INPUT_LOT_DUPLICATE',
  'LOT_ALREADY_RECALLED',
  'LOT_CODE_DUPLICATE',
  'LOT_CODE_TAKEN',
  'LOT_CODE_INVALID',
  'LOT_CYCLE',
  'LOT_NOT_FOUND',
  'LOT_OVERCONSUMED',
  'LOT_RECALLED',
  'LOT_VOIDED',
  'PARTNER_LINK_NOT_CONFIRMED',
  'PARTNER_NOT_AREA_OWNER',
  'PARTNER_NOT_HOUSEHOLD',
  'RECALL_REASON_REQUIRED',
  'SHIPMENT_ALREADY_RECEIVED',
  'SHIPMENT_CANCELLED',
  'SHIPMENT_NOT_RECEIVABLE',
  'VOID_REASON_REQUIRED',
  'YIELD_WARNING_REASON_REQUIRED',
  'EVENT_NOT_FOUND',
  'SHIPMENT_NOT_FOUND',
] as const;

export type LotsErrorCode = (typeof LOTS_ERROR_CODES)[number];
