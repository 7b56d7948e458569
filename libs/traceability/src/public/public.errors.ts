/**
 * Error codes of the public area: The public resolver and lot pages. Each has its Vietnamese and
 * English text in the console (apps/api/src/console/error-texts.spec.ts).
 */
export const PUBLIC_ERROR_CODES = [
  'RESOLVER_PATH_MALFORMED',
  'DATA_ATTRIBUTE_INVALID',
  'LINK_TYPE_NOT_FOUND',
] as const;

export type PublicErrorCode = (typeof PUBLIC_ERROR_CODES)[number];
