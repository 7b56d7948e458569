/**
 * Error codes of the province programme office's routes and of the 2025 administrative units. Each
 * has its Vietnamese and English text in the console (apps/api/src/console/error-texts.spec.ts).
 */
export const PROGRAMME_ERROR_CODES = [
  'COMMUNE_NOT_IN_PROVINCE',
  'PERIOD_REVERSED',
  'PERIOD_TOO_LONG',
  'PROGRAMME_OFFICE_ONLY',
  'PROVINCE_NOT_FOUND',
  'RECALL_NOT_FOUND',
  'REPORT_FILE_MISSING',
  'REPORT_MONTH_IN_FUTURE',
  'REPORT_NOT_FOUND',
  'REPORT_NOT_READY',
  'REPORT_RENDER_FAILED',
  'UNKNOWN_COMMUNE',
  'UNKNOWN_PROVINCE',
] as const;

export type ProgrammeErrorCode = (typeof PROGRAMME_ERROR_CODES)[number];
