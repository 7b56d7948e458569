import { describe, it, expect } from '@jest/globals';
import { DomainException } from './domain.exception.js';
import { formatDate, formatDateTime, minutesToOffset, offsetToMinutes, parseDateTime, toIsoWithOffset, toLocalDate, VIETNAM_OFFSET } from './dates.js';

describe('parseDateTime', () => {
  it('reads a date-only input as local midnight in Vietnam', () => {
    const { instant, offset } = parseDateTime('2026-03-15');
    expect(offset).toBe('+07:00');
    expect(instant.toISOString()).toBe('2026-03-14T17:00:00.000Z');
  });

  it.each([
    ['2026-03-15T08:30:00+07:00', '2026-03-15T01:30:00.000Z', '+07:00'],
    ['2026-03-15T08:30+07:00', '2026-03-15T01:30:00.000Z', '+07:00'],
    ['2026-03-15T08:30:00', '2026-03-15T01:30:00.000Z', '+07:00'], // no offset: local time in Vietnam
    ['2026-03-15T01:30:00Z', '2026-03-15T01:30:00.000Z', '+00:00'],
    ['2026-03-15T01:30:00.123456Z', '2026-03-15T01:30:00.123Z', '+00:00'],
    ['2026-03-14T20:30:00-05:00', '2026-03-15T01:30:00.000Z', '-05:00'],
    ['2024-02-29', '2024-02-28T17:00:00.000Z', '+07:00'], // leap day
    ['2026-01-01T00:00:00+14:00', '2025-12-31T10:00:00.000Z', '+14:00'],
  ])('%s → %s at %s', (input, iso, offset) => {
    const parsed = parseDateTime(input);
    expect(parsed.instant.toISOString()).toBe(iso);
    expect(parsed.offset).toBe(offset);
  });

  it('uses another default offset when asked', () => {
    expect(parseDateTime('2026-03-15', 'date', '+00:00').instant.toISOString()).toBe('2026-03-15T00:00:00.000Z');
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-03-15T24:00:00', '2026-03-15T08:60', '15/03/2026', '2026-3-5', '', 'yesterday', '2026-03-15T08:30:00+15:00', '2026-03-15T08:30:00+07:60'])(
    'refuses %p with DATE_INVALID naming the field',
    (input) => {
      try {
        parseDateTime(input, 'harvestedAt');
        throw new Error('expected a DomainException');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainException);
        expect((error as DomainException).code).toBe('DATE_INVALID');
        expect((error as DomainException).message).toMatch(/^harvestedAt: /);
      }
    },
  );
});

describe('offsets', () => {
  it('converts between ±HH:MM and minutes', () => {
    expect(VIETNAM_OFFSET).toBe('+07:00');
    expect(offsetToMinutes('+07:00')).toBe(420);
    expect(offsetToMinutes('-03:30')).toBe(-210);
    expect(minutesToOffset(420)).toBe('+07:00');
    expect(minutesToOffset(-210)).toBe('-03:30');
    expect(minutesToOffset(0)).toBe('+00:00');
  });
});

describe('formatting', () => {
  // 2026-03-04T18:05:00Z is 5 March 2026 01:05 in Vietnam: the local date differs from the UTC date.
  const instant = new Date('2026-03-04T18:05:00.000Z');

  it('gives the local calendar date', () => {
    expect(toLocalDate(instant)).toBe('2026-03-05');
    expect(toLocalDate(instant, '+00:00')).toBe('2026-03-04');
  });

  it('writes ISO 8601 with the local offset', () => {
    expect(toIsoWithOffset(instant)).toBe('2026-03-05T01:05:00.000+07:00');
    expect(toIsoWithOffset(instant, '-06:00')).toBe('2026-03-04T12:05:00.000-06:00');
  });

  it('formats dates for Vietnamese and English readers', () => {
    expect(formatDate(instant, 'vi')).toBe('05/03/2026');
    expect(formatDate(instant, 'en')).toBe('5 Mar 2026');
    expect(formatDate(new Date('2026-12-30T17:00:00Z'), 'vi')).toBe('31/12/2026');
    expect(formatDateTime(instant, 'vi')).toBe('05/03/2026 01:05');
    expect(formatDateTime(instant, 'en')).toBe('5 Mar 2026 01:05');
  });
});
