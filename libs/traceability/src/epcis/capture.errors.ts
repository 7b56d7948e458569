/**
 * Error codes of EPCIS capture (issue 14): whole-document errors answered at once, and the reason
 * codes of events refused one by one in a capture job. Each has its Vietnamese and English text in
 * the console (apps/api/src/console/error-texts.spec.ts).
 */
export const EPCIS_CAPTURE_ERROR_CODES = [
  'EPCIS_DOCUMENT_INVALID',
  'EPCIS_CAPTURE_TOO_LARGE',
  'EPCIS_CAPTURE_TOO_MANY_EVENTS',
  'EPCIS_CAPTURE_ERROR_BEHAVIOUR_INVALID',
  'EPCIS_CAPTURE_NOT_FOUND',
  'EPCIS_EVENT_TYPE_UNSUPPORTED',
  'EPCIS_INSTANCE_IDENTIFIERS_UNSUPPORTED',
  'EPCIS_EVENT_NOT_REPRESENTABLE',
  'EPCIS_IDENTIFIER_UNKNOWN',
  'EPCIS_PRODUCT_UNKNOWN',
  'EPCIS_LOT_UNKNOWN',
  'EPCIS_GROWING_AREA_UNKNOWN',
  'EPCIS_PARTNER_UNKNOWN',
  'EPCIS_SHIPMENT_UNKNOWN',
  'EPCIS_UOM_UNSUPPORTED',
  'EPCIS_INSPECTION_RESULT_MISSING',
  'EPCIS_DECLARED_EVENT_UNKNOWN',
  'EPCIS_EVENT_DUPLICATE',
  'EPCIS_EVENT_ROLLED_BACK',
] as const;

export type EpcisCaptureErrorCode = (typeof EPCIS_CAPTURE_ERROR_CODES)[number];
