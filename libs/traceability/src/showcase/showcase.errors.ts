/**
 * Error codes of the public showcase's console routes (issue 20) and of photos (issue 15). Each has
 * its Vietnamese and English text in the console (apps/api/src/console/error-texts.spec.ts).
 */
export const SHOWCASE_ERROR_CODES = [
  'PHOTO_TOO_LARGE',
  'PHOTO_TYPE_UNSUPPORTED',
  'PHOTO_UNREADABLE',
  'PHOTO_LIMIT_REACHED',
  'PHOTO_NOT_FOUND',
  'PUBLIC_LINK_INVALID',
  'PUBLIC_TEXT_TOO_LONG',
  'PUBLIC_CONTACT_INVALID',
  'SHOWCASE_NOT_LISTED',
  'POSTER_NOT_FOUND',
] as const;

export type ShowcaseErrorCode = (typeof SHOWCASE_ERROR_CODES)[number];
