import { describe, expect, it } from '@jest/globals';
import { gs1CheckDigit } from '../common/gs1.js';
import {
  companyPrefixLength,
  escapeEpcComponent,
  gtinLotDigitalLink,
  gtinLotIdentifier,
  lgtinUrn,
  locationIdentifier,
  parseLgtinUrn,
  partyIdentifier,
} from './epc-identifiers.js';

// GTIN-13 8934567890120 under the 9-digit company prefix 893456789 (GS1 Vietnam issues 7 to 10 digits).
const GTIN14 = '08934567890120';
const GLN = '8934567890007';

describe('EPC identifiers of GS1 keys', () => {
  it('finds the company prefix boundary from the organization’s prefix, else the deployment default', () => {
    expect(companyPrefixLength('893456789012', { companyPrefix: '893456789', defaultLength: 7 })).toBe(9);
    expect(companyPrefixLength('893111111012', { companyPrefix: '893456789', defaultLength: 7 })).toBe(7);
    expect(companyPrefixLength('893111111012', { companyPrefix: '893456789' })).toBeNull();
    expect(companyPrefixLength('893111111012', {})).toBeNull();
  });

  it('writes an LGTIN URN with the indicator before the item reference (TDS)', () => {
    expect(gs1CheckDigit('893456789012')).toBe(0);
    expect(gs1CheckDigit('893456789000')).toBe(7);
    expect(lgtinUrn(GTIN14, 'DB-2026-000123', { companyPrefix: '893456789' })).toBe('urn:epc:class:lgtin:893456789.0012.DB-2026-000123');
    expect(lgtinUrn(GTIN14, 'X', { defaultLength: 10 })).toBe('urn:epc:class:lgtin:8934567890.012.X');
    expect(lgtinUrn(GTIN14, 'X', { defaultLength: 12 })).toBe('urn:epc:class:lgtin:893456789012.0.X');
    expect(lgtinUrn('18934567890125', 'X', { companyPrefix: '893456789' })).toBe('urn:epc:class:lgtin:893456789.1012.X');
    expect(lgtinUrn(GTIN14, 'X', {})).toBeNull();
  });

  it('percent-encodes the characters of set 82 that an EPC URN reserves', () => {
    expect(escapeEpcComponent('A/B%C"D&E<F>G?H')).toBe('A%2FB%25C%22D%26E%3CF%3EG%3FH');
    expect(escapeEpcComponent("ok-._!'()*+,:;=")).toBe("ok-._!'()*+,:;=");
    expect(lgtinUrn(GTIN14, 'L/1', { companyPrefix: '893456789' })).toBe('urn:epc:class:lgtin:893456789.0012.L%2F1');
  });

  it('falls back to the canonical Digital Link when the split is unknown', () => {
    expect(gtinLotIdentifier(GTIN14, 'L 1', {})).toBe('https://id.gs1.org/01/08934567890120/10/L%201');
    expect(gtinLotDigitalLink('8934567890120', 'P')).toBe('https://id.gs1.org/01/08934567890120/10/P');
    expect(locationIdentifier(GLN, {})).toBe('https://id.gs1.org/414/8934567890007');
    expect(partyIdentifier(GLN, {})).toBe('https://id.gs1.org/417/8934567890007');
  });

  it('writes SGLN (extension 0) and PGLN URNs', () => {
    expect(locationIdentifier(GLN, { companyPrefix: '893456789' })).toBe('urn:epc:id:sgln:893456789.000.0');
    expect(partyIdentifier(GLN, { companyPrefix: '893456789' })).toBe('urn:epc:id:pgln:893456789.000');
    expect(locationIdentifier(GLN, { defaultLength: 12 })).toBe('urn:epc:id:sgln:893456789000..0');
  });

  it('reads an LGTIN URN back to the GTIN-14 with its check digit, and the lot', () => {
    expect(parseLgtinUrn('urn:epc:class:lgtin:893456789.0012.DB-2026-000123')).toEqual({ gtin: GTIN14, code: 'DB-2026-000123' });
    expect(parseLgtinUrn('urn:epc:class:lgtin:4012345.012345.998877')).toEqual({ gtin: '04012345123456', code: '998877' });
    expect(parseLgtinUrn('urn:epc:class:lgtin:893456789.0012.L%2F1')).toEqual({ gtin: GTIN14, code: 'L/1' });
    expect(parseLgtinUrn('urn:epc:class:lgtin:893456789.00123.X')).toBeNull(); // 14 digits
    expect(parseLgtinUrn('urn:epc:id:sgtin:893456789.0012.1')).toBeNull();
  });
});
