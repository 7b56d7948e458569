import { LabelException } from '@app/labels';
import { DomainException } from '../common/domain.exception.js';

/** Which request field each renderer error is about, so the message names it (docs/rules.md#bad-input-changes-nothing). */
const FIELD_OF: Record<string, string> = {
  LABEL_PAYLOAD_TOO_LONG: 'templateId',
  LABEL_TEMPLATE_NOT_FOUND: 'templateId',
  LABEL_START_POSITION_OUT_OF_RANGE: 'startPosition',
  LABEL_OFFSET_OUT_OF_RANGE: 'offset',
  LABEL_COUNT_INVALID: 'count',
};

/** The renderer's own errors as domain errors: 422 in the API, an unrecoverable failure in the worker. */
export function labelDomainException(error: LabelException, field = FIELD_OF[error.code] ?? 'label'): DomainException {
  const code = error.code === 'LABEL_TEMPLATE_NOT_FOUND' ? 'LABEL_TEMPLATE_UNKNOWN' : error.code;
  return new DomainException(code, `${field}: ${error.message}`, 'validation', { field, ...error.details });
}
