export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What an upload may be sent as: the file's own bytes, not a form. */
export const UPLOAD_TYPES = [XLSX_TYPE, 'text/csv', 'text/tab-separated-values', 'application/octet-stream'] as const;
