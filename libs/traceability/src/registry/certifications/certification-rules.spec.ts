import { describe, expect, it } from '@jest/globals';
import { DomainException } from '../../common/domain.exception.js';
import { certificationStatus, resolveCertificationTerms } from './certification-rules.js';

const ocop = (level: number | null, extra: Partial<Parameters<typeof resolveCertificationTerms>[0]> = {}) =>
  resolveCertificationTerms({ kind: 'ocop', level, issuingLevel: null, issuedAt: '2026-03-15', expiresAt: null, ...extra });

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    return (error as DomainException).code;
  }
  return undefined;
}

describe('OCOP certification defaults', () => {
  it('recognises 3★ and 4★ provincially and 5★ centrally', () => {
    expect(ocop(3).issuingLevel).toBe('provincial');
    expect(ocop(4).issuingLevel).toBe('provincial');
    expect(ocop(5).issuingLevel).toBe('central');
  });

  it('expires 36 months after issue unless an expiry is given', () => {
    expect(ocop(4).expiresAt).toBe('2029-03-15');
    expect(ocop(4, { issuedAt: '2024-02-29' }).expiresAt).toBe('2027-02-28');
    expect(ocop(4, { issuedAt: '2026-08-31' }).expiresAt).toBe('2029-08-31');
    expect(ocop(4, { expiresAt: '2027-01-01' }).expiresAt).toBe('2027-01-01');
  });

  it.each([
    [2, 'OCOP_LEVEL_INVALID'],
    [6, 'OCOP_LEVEL_INVALID'],
    [0, 'OCOP_LEVEL_INVALID'],
    [3.5, 'OCOP_LEVEL_INVALID'],
    [null, 'OCOP_LEVEL_REQUIRED'],
  ])('refuses %s stars with %s', (level, code) => {
    expect(codeOf(() => ocop(level))).toBe(code);
  });

  it('refuses an issuing level that does not match the stars', () => {
    expect(codeOf(() => ocop(5, { issuingLevel: 'provincial' }))).toBe('OCOP_ISSUING_LEVEL_MISMATCH');
    expect(codeOf(() => ocop(4, { issuingLevel: 'central' }))).toBe('OCOP_ISSUING_LEVEL_MISMATCH');
    expect(ocop(3, { issuingLevel: 'district' }).issuingLevel).toBe('district');
  });
});

describe('other certifications', () => {
  const vietgap = (extra: Partial<Parameters<typeof resolveCertificationTerms>[0]> = {}) =>
    resolveCertificationTerms({ kind: 'vietgap', level: null, issuingLevel: null, issuedAt: '2026-03-15', expiresAt: null, ...extra });

  it('have no default expiry and no level', () => {
    expect(vietgap()).toEqual({ kind: 'vietgap', level: null, issuingLevel: null, issuedAt: '2026-03-15', expiresAt: null });
    expect(codeOf(() => vietgap({ level: 4 }))).toBe('CERTIFICATION_LEVEL_NOT_APPLICABLE');
  });

  it('refuse an expiry before the issue date, and accept the same day', () => {
    expect(codeOf(() => vietgap({ expiresAt: '2026-03-14' }))).toBe('CERTIFICATION_EXPIRY_BEFORE_ISSUE');
    expect(codeOf(() => ocop(4, { expiresAt: '2025-01-01' }))).toBe('CERTIFICATION_EXPIRY_BEFORE_ISSUE');
    expect(vietgap({ expiresAt: '2026-03-15' }).expiresAt).toBe('2026-03-15');
  });
});

describe('certification validity', () => {
  const terms = { issuedAt: '2026-03-15', expiresAt: '2029-03-15' };
  it.each([
    ['2026-03-14', 'not_yet_valid'],
    ['2026-03-15', 'valid'],
    ['2028-01-01', 'valid'],
    ['2029-03-15', 'valid'],
    ['2029-03-16', 'expired'],
  ])('on %s it is %s', (date, status) => {
    expect(certificationStatus(terms, date)).toBe(status);
  });

  it('never expires without an expiry date', () => {
    expect(certificationStatus({ issuedAt: '2020-01-01', expiresAt: null }, '2099-12-31')).toBe('valid');
  });
});
