import { DomainException, type ErrorCode } from '../../common/domain.exception.js';
import { parseDateTime, type DateTimeWithOffset } from '../../common/dates.js';
import type { Clock } from '../clock.js';

/** Phones' clocks drift; a time this far ahead of ours still counts as "now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** When an operation happened, as sent: not in the future (within the tolerance), else `code`. */
export function pastDateTime(clock: Clock, value: string, field: string, code: ErrorCode): DateTimeWithOffset {
  const parsed = parseDateTime(value, field);
  if (parsed.instant.getTime() > clock.now().getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainException(code, `${field}: ${value} is in the future`, 'validation', { field });
  }
  return parsed;
}

/** Now, in Vietnam time: what an operation sent without a time records. */
export function nowWithOffset(clock: Clock): DateTimeWithOffset {
  return { instant: clock.now(), offset: '+07:00' };
}
