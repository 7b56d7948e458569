import { InvalidFieldException } from './domain.exception.js';

/** Vietnam has one time zone and no daylight saving time. */
export const VIETNAM_OFFSET = '+07:00';

export interface DateTimeWithOffset {
  instant: Date;
  /** The UTC offset the input was given in (±HH:MM), kept for display and EPCIS eventTimeZoneOffset. */
  offset: string;
}

const OFFSET_PATTERN = /^([+-])(\d{2}):(\d{2})$/;
const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/** '+07:00' → 420; throws for anything outside −12:00…+14:00. */
export function offsetToMinutes(offset: string, field = 'offset'): number {
  const match = OFFSET_PATTERN.exec(offset);
  const minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : NaN;
  if (!match || Number(match[3]) > 59 || minutes < -12 * 60 || minutes > 14 * 60) {
    throw new InvalidFieldException('DATE_INVALID', field, `invalid UTC offset ${JSON.stringify(offset)}, expected ±HH:MM`);
  }
  return minutes;
}

export function minutesToOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Parses an ISO 8601 date or date-time and keeps its offset. A date-only input ("2026-03-15") is local
 * midnight at `defaultOffset`, and so is a time without offset: users in Vietnam type local times.
 * "Z" is kept as "+00:00". Impossible dates (2026-02-30) are refused rather than rolled over.
 */
export function parseDateTime(input: string, field = 'date', defaultOffset = VIETNAM_OFFSET): DateTimeWithOffset {
  const match = typeof input === 'string' ? ISO_PATTERN.exec(input.trim()) : null;
  const invalid = () =>
    new InvalidFieldException('DATE_INVALID', field, `expected an ISO 8601 date (2026-03-15) or date-time (2026-03-15T08:30:00+07:00), got ${JSON.stringify(input)}`);
  if (!match) throw invalid();
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] = match;
  const offset = !zone ? defaultOffset : zone.toUpperCase() === 'Z' ? '+00:00' : zone;
  const offsetMinutes = offsetToMinutes(offset, field);
  const localMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(fraction.padEnd(3, '0').slice(0, 3)));
  const local = new Date(localMs);
  // Date.UTC rolls 30 February over to March; a round trip tells us the fields were real.
  if (
    local.getUTCFullYear() !== Number(year) ||
    local.getUTCMonth() !== Number(month) - 1 ||
    local.getUTCDate() !== Number(day) ||
    local.getUTCHours() !== Number(hour) ||
    local.getUTCMinutes() !== Number(minute) ||
    local.getUTCSeconds() !== Number(second)
  ) {
    throw invalid();
  }
  return { instant: new Date(localMs - offsetMinutes * 60_000), offset };
}

/** The wall-clock fields of an instant at an offset (read with getUTC* methods). */
function wallClock(instant: Date, offset: string): Date {
  return new Date(instant.getTime() + minutesOf(offset) * 60_000);
}

/** The offsets seen (a handful: '+07:00' nearly always) and their minutes, read once each. */
const offsetMinutes = new Map<string, number>();
function minutesOf(offset: string): number {
  let minutes = offsetMinutes.get(offset);
  if (minutes === undefined) {
    minutes = offsetToMinutes(offset);
    if (offsetMinutes.size < 100) offsetMinutes.set(offset, minutes);
  }
  return minutes;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The local calendar date 'YYYY-MM-DD' of an instant at an offset (harvest dates, PHI comparisons). */
export function toLocalDate(instant: Date, offset = VIETNAM_OFFSET): string {
  return localDateOf(wallClock(instant, offset));
}

const localDateOf = (local: Date) => `${String(local.getUTCFullYear()).padStart(4, '0')}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`;

/** ISO 8601 with the local offset, e.g. '2026-03-15T08:30:00.000+07:00' (EPCIS eventTime). */
export function toIsoWithOffset(instant: Date, offset = VIETNAM_OFFSET): string {
  // The wall clock once for the date and the time (a page of lots writes one per lot).
  const local = wallClock(instant, offset);
  const time = `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}.${String(local.getUTCMilliseconds()).padStart(3, '0')}`;
  return `${localDateOf(local)}T${time}${offset}`;
}

export type DisplayLanguage = 'vi' | 'en';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Date for people: Vietnamese 'dd/MM/yyyy' (15/03/2026); English '15 Mar 2026', whose month name
 * cannot be misread as US month-first by foreign buyers.
 */
export function formatDate(instant: Date, language: DisplayLanguage = 'vi', offset = VIETNAM_OFFSET): string {
  const local = wallClock(instant, offset);
  const day = local.getUTCDate();
  const year = local.getUTCFullYear();
  if (language === 'en') return `${day} ${EN_MONTHS[local.getUTCMonth()]} ${year}`;
  return `${pad2(day)}/${pad2(local.getUTCMonth() + 1)}/${year}`;
}

/** Date and 24-hour time for people: '15/03/2026 08:30' or '15 Mar 2026 08:30'. */
export function formatDateTime(instant: Date, language: DisplayLanguage = 'vi', offset = VIETNAM_OFFSET): string {
  const local = wallClock(instant, offset);
  return `${formatDate(instant, language, offset)} ${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
}
