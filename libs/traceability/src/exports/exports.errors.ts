/**
 * Error codes of the exports area: EPCIS and FSMA 204 exports. Each has its Vietnamese and English
 * text in the console (apps/api/src/console/error-texts.spec.ts).
 */
export const EXPORTS_ERROR_CODES = [
  'EPCIS_EVENT_INVALID',
] as const;

export type ExportsErrorCode = (typeof EXPORTS_ERROR_CODES)[number];
