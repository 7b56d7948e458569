/**
 * The URI that identifies a lot in QR codes and EPCIS (docs/domain.md#identifiers): a GS1 Digital Link on the
 * deployment's public base URL when the product has a GTIN, else the short URL `/l/{shortCode}`.
 */
export interface LotIdentity {
  /** The product's GTIN, stored as 14 digits; null or absent when the product has none. */
  gtin?: string | null;
  /** The lot code (GS1 AI 10 character set). */
  code: string;
  shortCode: string;
}

/**
 * A key or qualifier value as a path segment of a GS1 Digital Link URI: every character of GS1 set 82
 * outside the URI's unreserved set (A–Z a–z 0–9 - . _) percent-encoded, as the Digital Link URI syntax
 * requires — `encodeURIComponent` alone leaves `! ' ( ) *` as they are, which the grammar forbids.
 */
export function encodeDigitalLinkValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function lotUri(publicBaseUrl: string, lot: LotIdentity): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const gtin = lot.gtin?.trim();
  if (gtin) return `${base}/01/${gtin.padStart(14, '0')}/10/${encodeDigitalLinkValue(lot.code)}`;
  return `${base}/l/${lot.shortCode}`;
}

export type ParsedLotUri = { gtin: string; code: string } | { shortCode: string };

/**
 * Reads a lot URI back, whatever its host (a partner may quote our URIs behind another domain):
 * `…/01/{gtin}/10/{lot}[/21/{serial}]` or `…/l/{shortCode}[/{serial}]`. Null when it is neither.
 */
export function parseLotUri(uri: string): ParsedLotUri | null {
  let path: string;
  try {
    path = new URL(uri).pathname;
  } catch {
    return null;
  }
  const digitalLink = /\/01\/(\d{14})\/10\/([^/]+)(?:\/21\/[^/]+)?\/?$/.exec(path);
  if (digitalLink) {
    try {
      return { gtin: digitalLink[1], code: decodeURIComponent(digitalLink[2]) };
    } catch {
      return null;
    }
  }
  const short = /\/l\/([0-9A-Za-z]+)(?:\/[^/]+)?\/?$/.exec(path);
  return short ? { shortCode: short[1].toUpperCase() } : null;
}
