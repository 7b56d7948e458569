/**
 * Error codes of spreadsheet imports: whole-file refusals (nothing is written) and row errors of a dry
 * run. Each has its Vietnamese and English text in the console (apps/api/src/console/error-texts.spec.ts).
 */
export const IMPORTS_ERROR_CODES = [
  'IMPORT_COLUMNS_MISSING',
  'IMPORT_DUPLICATE_ROW',
  'IMPORT_FILE_CORRUPT',
  'IMPORT_FILE_EMPTY',
  'IMPORT_FILE_ENCRYPTED',
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_FILE_TYPE',
  'IMPORT_HAS_ERRORS',
  'IMPORT_HEADER_NOT_FOUND',
  'IMPORT_KIND_UNKNOWN',
  'IMPORT_NOT_FOUND',
  'IMPORT_ROWS_INVALID',
  'IMPORT_TOO_MANY_ROWS',
  'FACILITY_AMBIGUOUS',
  'OWNER_AMBIGUOUS',
  'OWNER_NOT_FOUND',
  'PARTNER_AMBIGUOUS',
  'PRODUCT_AMBIGUOUS',
  'SCOPE_NOT_FOUND',
  'BOOLEAN_INVALID',
] as const;

export type ImportsErrorCode = (typeof IMPORTS_ERROR_CODES)[number];
