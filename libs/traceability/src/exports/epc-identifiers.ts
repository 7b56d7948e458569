import { gs1CheckDigit } from '../common/gs1.js';
import { encodeDigitalLinkValue } from '../common/lot-uri.js';

/**
 * GS1 keys as EPCIS identifiers (GS1 Tag Data Standard 2.x EPC URNs, GS1 Digital Link 1.x):
 *
 * - a lot of a product with a GTIN: `urn:epc:class:lgtin:{company prefix}.{indicator}{item reference}.{lot}`;
 * - a place with a GLN: `urn:epc:id:sgln:{company prefix}.{location reference}.0`;
 * - a party with a GLN: `urn:epc:id:pgln:{company prefix}.{party reference}`.
 *
 * An EPC URN writes the GS1 company prefix apart from the rest of the key, and nothing in the key says
 * where the prefix ends (GS1 Vietnam, prefix 893, issues company prefixes of 7 to 10 digits). So a key
 * is written as a URN only when its split is known — it starts with its organization's registered
 * company prefix, or the deployment sets `GS1_COMPANY_PREFIX_LENGTH` — and otherwise as the canonical
 * GS1 Digital Link URI on id.gs1.org (`/01/{gtin}/10/{lot}`, `/414/{gln}`, `/417/{gln}`), which needs
 * no split and which EPCIS 2.0 accepts wherever it accepts the URN.
 */
export interface CompanyPrefixPolicy {
  /** The company prefix registered by the organization that owns the key (its GTINs, its GLNs). */
  companyPrefix?: string | null;
  /** The deployment's default length (GS1_COMPANY_PREFIX_LENGTH), for keys outside a known prefix. */
  defaultLength?: number | null;
}

export const GS1_DIGITAL_LINK_ROOT = 'https://id.gs1.org';

/** Company prefix lengths an SGTIN/LGTIN/SGLN URN can carry (TDS partition tables). */
export const MIN_COMPANY_PREFIX_LENGTH = 6;
export const MAX_COMPANY_PREFIX_LENGTH = 12;

/**
 * Where the company prefix of a key ends: `digits` are the key's 12 digits that carry the prefix (a
 * GTIN-14 without its indicator and check digit; a GLN without its check digit). Null when unknown.
 */
export function companyPrefixLength(digits: string, policy: CompanyPrefixPolicy): number | null {
  const prefix = policy.companyPrefix;
  if (prefix && digits.startsWith(prefix)) return prefix.length;
  return policy.defaultLength ?? null;
}

/**
 * Characters of GS1 AI character set 82 that an EPC URN percent-encodes (TDS, "EPC Pure Identity URI"):
 * `"` `%` `&` `/` `<` `>` `?`. The other set-82 characters stand as they are.
 */
export function escapeEpcComponent(value: string): string {
  return value.replace(/["%&/<>?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function gtin14(gtin: string): string {
  const digits = gtin.trim().padStart(14, '0');
  if (!/^\d{14}$/.test(digits)) throw new Error(`not a GTIN: ${gtin}`);
  return digits;
}

/** The LGTIN class URN of a lot, or null when the company prefix length of the GTIN is unknown. */
export function lgtinUrn(gtin: string, lot: string, policy: CompanyPrefixPolicy): string | null {
  const digits = gtin14(gtin);
  const body = digits.slice(1, 13);
  const length = companyPrefixLength(body, policy);
  if (length === null || length < MIN_COMPANY_PREFIX_LENGTH || length > MAX_COMPANY_PREFIX_LENGTH) return null;
  return `urn:epc:class:lgtin:${body.slice(0, length)}.${digits[0]}${body.slice(length)}.${escapeEpcComponent(lot)}`;
}

/** The lot as a canonical GS1 Digital Link URI (AI 01 + AI 10). */
export function gtinLotDigitalLink(gtin: string, lot: string): string {
  return `${GS1_DIGITAL_LINK_ROOT}/01/${gtin14(gtin)}/10/${encodeDigitalLinkValue(lot)}`;
}

/** A lot with a GTIN as EPCIS names it: the LGTIN URN when the split is known, else the Digital Link. */
export function gtinLotIdentifier(gtin: string, lot: string, policy: CompanyPrefixPolicy): string {
  return lgtinUrn(gtin, lot, policy) ?? gtinLotDigitalLink(gtin, lot);
}

function glnParts(gln: string, policy: CompanyPrefixPolicy): [string, string] | null {
  if (!/^\d{13}$/.test(gln)) throw new Error(`not a GLN: ${gln}`);
  const body = gln.slice(0, 12);
  const length = companyPrefixLength(body, policy);
  if (length === null || length < MIN_COMPANY_PREFIX_LENGTH || length > MAX_COMPANY_PREFIX_LENGTH) return null;
  return [body.slice(0, length), body.slice(length)];
}

/** A place: `urn:epc:id:sgln:…` (extension 0: the GLN itself), or the `/414/` Digital Link. */
export function locationIdentifier(gln: string, policy: CompanyPrefixPolicy): string {
  const parts = glnParts(gln, policy);
  return parts ? `urn:epc:id:sgln:${parts[0]}.${parts[1]}.0` : `${GS1_DIGITAL_LINK_ROOT}/414/${gln}`;
}

/** A party: `urn:epc:id:pgln:…`, or the `/417/` Digital Link. */
export function partyIdentifier(gln: string, policy: CompanyPrefixPolicy): string {
  const parts = glnParts(gln, policy);
  return parts ? `urn:epc:id:pgln:${parts[0]}.${parts[1]}` : `${GS1_DIGITAL_LINK_ROOT}/417/${gln}`;
}

/**
 * Reads an LGTIN class URN back into its GTIN-14 (check digit recomputed) and lot, or null when the
 * text is not one: the prefix and item reference together have 13 digits, the prefix 6 to 12.
 */
export function parseLgtinUrn(uri: string): { gtin: string; code: string } | null {
  const match = /^urn:epc:class:lgtin:(\d{6,12})\.(\d{1,7})\.(.+)$/.exec(uri);
  if (!match || match[1].length + match[2].length !== 13) return null;
  const [, prefix, itemReference, lot] = match;
  const withoutCheck = `${itemReference[0]}${prefix}${itemReference.slice(1)}`;
  try {
    return { gtin: `${withoutCheck}${gs1CheckDigit(withoutCheck)}`, code: decodeURIComponent(lot) };
  } catch {
    return null;
  }
}
