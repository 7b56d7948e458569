import { DomainException } from '../common/domain.exception.js';

/**
 * Why a whole file is refused (nothing is written): each answers 400 with its code and a message a
 * clerk can act on. Row-level problems are not exceptions: they are listed per row and column.
 */
export type ImportFileErrorCode =
  | 'IMPORT_FILE_TOO_LARGE'
  | 'IMPORT_FILE_TYPE'
  | 'IMPORT_FILE_ENCRYPTED'
  | 'IMPORT_FILE_CORRUPT'
  | 'IMPORT_FILE_EMPTY'
  | 'IMPORT_TOO_MANY_ROWS'
  | 'IMPORT_HEADER_NOT_FOUND'
  | 'IMPORT_COLUMNS_MISSING';

export class ImportFileException extends DomainException {
  constructor(code: ImportFileErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, `file: ${message}`, 'bad_request', { field: 'file', ...details });
  }
}
