import { DomainException, InvalidFieldException } from '../../common/domain.exception.js';
import { addMonths } from '../common/fields.js';
import type { CertificationKind, IssuingLevel } from './certification.entity.js';

export const OCOP_MIN_STARS = 3;
export const OCOP_MAX_STARS = 5;
/** An OCOP recognition is valid for 36 months from its decision (Decision 148/QĐ-TTg). */
export const OCOP_VALIDITY_MONTHS = 36;

export const CERTIFICATION_STATUSES = ['valid', 'expired', 'not_yet_valid'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

/** 5★ is recognised centrally; 3–4★ by the provincial People's Committee. */
export function defaultOcopIssuingLevel(stars: number): IssuingLevel {
  return stars === OCOP_MAX_STARS ? 'central' : 'provincial';
}

export interface CertificationTerms {
  kind: CertificationKind;
  level: number | null;
  issuingLevel: IssuingLevel | null;
  issuedAt: string;
  expiresAt: string | null;
}

/**
 * Checks a certification's level, issuing level and dates and fills the OCOP defaults (issuing level
 * from the stars, expiry 36 months after issue). Throws a coded 422 naming the field.
 */
export function resolveCertificationTerms(input: CertificationTerms): CertificationTerms {
  let { level, issuingLevel, expiresAt } = input;
  if (input.kind === 'ocop') {
    if (level === null) {
      throw new InvalidFieldException('OCOP_LEVEL_REQUIRED', 'level', `an OCOP certification needs its stars (${OCOP_MIN_STARS} to ${OCOP_MAX_STARS})`);
    }
    if (!Number.isInteger(level) || level < OCOP_MIN_STARS || level > OCOP_MAX_STARS) {
      throw new InvalidFieldException('OCOP_LEVEL_INVALID', 'level', `OCOP stars are ${OCOP_MIN_STARS}, 4 or ${OCOP_MAX_STARS}, got ${level}`);
    }
    issuingLevel ??= defaultOcopIssuingLevel(level);
    if ((level === OCOP_MAX_STARS) !== (issuingLevel === 'central')) {
      throw new InvalidFieldException(
        'OCOP_ISSUING_LEVEL_MISMATCH',
        'issuingLevel',
        `${level}★ OCOP is recognised ${level === OCOP_MAX_STARS ? 'centrally' : 'by the province'}, not at ${issuingLevel} level`,
      );
    }
    expiresAt ??= addMonths(input.issuedAt, OCOP_VALIDITY_MONTHS);
  } else if (level !== null) {
    throw new InvalidFieldException('CERTIFICATION_LEVEL_NOT_APPLICABLE', 'level', `only OCOP certifications have a level (stars), not ${input.kind}`);
  }
  if (expiresAt !== null && expiresAt < input.issuedAt) {
    throw new DomainException('CERTIFICATION_EXPIRY_BEFORE_ISSUE', `expiresAt: ${expiresAt} is before issuedAt ${input.issuedAt}`, 'validation', {
      field: 'expiresAt',
      issuedAt: input.issuedAt,
      expiresAt,
    });
  }
  return { kind: input.kind, level, issuingLevel, issuedAt: input.issuedAt, expiresAt };
}

/**
 * Valid from the issue date through the expiry date, both inclusive, on `date` ('YYYY-MM-DD', the
 * local date in Vietnam). No expiry date: valid indefinitely once issued.
 */
export function certificationStatus(terms: { issuedAt: string; expiresAt: string | null }, date: string): CertificationStatus {
  if (date < terms.issuedAt) return 'not_yet_valid';
  if (terms.expiresAt !== null && date > terms.expiresAt) return 'expired';
  return 'valid';
}
