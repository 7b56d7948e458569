/**
 * Error codes of the labels area: Label jobs and their rendering (the renderer's own codes,
 * LabelErrorCode, included). Each has its Vietnamese and English text in the console
 * (apps/api/src/console/error-texts.spec.ts).
 */
export const LABELS_ERROR_CODES = [
  'LABEL_COUNT_INVALID',
  'LABEL_COUNT_MISMATCH',
  'LABEL_COUNT_TOO_LARGE',
  'LABEL_JOB_FAILED',
  'LABEL_JOB_FILE_MISSING',
  'LABEL_JOB_NOT_FOUND',
  'LABEL_JOB_NOT_READY',
  'LABEL_OFFSET_OUT_OF_RANGE',
  'LABEL_PAYLOAD_TOO_LONG',
  'LABEL_START_POSITION_OUT_OF_RANGE',
  'LABEL_TEMPLATE_NOT_FOUND',
  'LABEL_TEMPLATE_UNKNOWN',
  'LABEL_RENDER_FAILED',
  'LABEL_RENDER_GAVE_UP',
  'STORAGE_FULL',
  'STORAGE_UNAVAILABLE',
] as const;

export type LabelsErrorCode = (typeof LABELS_ERROR_CODES)[number];
