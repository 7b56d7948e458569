import { createRequire } from 'node:module';
import { DomainException } from '../common/domain.exception.js';

/**
 * What this resolver uses of GS1's reference Digital Link toolkit (GS1DigitalLinkToolkit.js, Apache
 * 2.0, shipped inside the `digital-link.js` package): the table of Application Identifiers with the
 * syntax of each, and the decompression algorithm of the Digital Link standard. Both are GS1's own
 * text of the standard, so they are taken as they are rather than transcribed here.
 */
interface Gs1Toolkit {
  aiRegex: Record<string, RegExp>;
  aiMaps: { dataAttributes: string[] };
  decompressGS1DigitalLink(uri: string, useShortText: boolean, uriStem: string): string;
}

let toolkit: Gs1Toolkit | undefined;

/** Loaded on first use: its tables cost a few milliseconds, and most requests never need them. */
function gs1Toolkit(): Gs1Toolkit {
  if (!toolkit) {
    const require = createRequire(import.meta.url);
    const Toolkit = require('digital-link.js/lib/GS1DigitalLinkCompressionPrototype/GS1DigitalLinkToolkit.js') as new () => Gs1Toolkit;
    toolkit = new Toolkit();
  }
  return toolkit;
}

/** A stand-in origin for the toolkit, which works on whole URIs; only the path and query are kept. */
const STEM = 'https://resolver.invalid';

/**
 * A compressed GS1 Digital Link URI has one path segment in the URI-safe base64 alphabet (Digital
 * Link standard, compression); at least 10 characters, the shortest a GTIN alone compresses to.
 */
const COMPRESSED_PATH = /^\/([A-Za-z0-9_-]{10,})\/?$/;

/**
 * The uncompressed path and query (`/01/…/10/…?17=…`) of a compressed Digital Link path, or null when
 * the path is not one (not base64url, or not decoding to a valid Digital Link: GS1's decompressor
 * checks AI syntax and check digits).
 */
export function decompressDigitalLinkPath(pathname: string): string | null {
  const match = COMPRESSED_PATH.exec(pathname);
  if (!match) return null;
  try {
    const uri = gs1Toolkit().decompressGS1DigitalLink(`${STEM}/${match[1]}`, false, STEM);
    return uri.startsWith(`${STEM}/`) ? uri.slice(STEM.length) : null;
  } catch {
    return null;
  }
}

/** GS1 date AIs in YYMMDD (production, due, packaging, best-before, sell-by, expiry); DD may be 00. */
const DATE_AIS = new Set(['11', '12', '13', '15', '16', '17']);

function validDate(value: string): boolean {
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  return month >= 1 && month <= 12 && day <= 31;
}

function invalidAttribute(ai: string, message: string): DomainException {
  return new DomainException('DATA_ATTRIBUTE_INVALID', `AI (${ai}): ${message}`, 'bad_request', { field: ai, ai });
}

/**
 * Checks the data attributes of a Digital Link's query string (`?17=270101&3103=000250`): every key
 * made only of digits is a GS1 Application Identifier and must be a data attribute (not a key or key
 * qualifier, which belong in the path) with a value of its syntax. Other keys (linkType, lang,
 * context…) are not AIs and are left to their own rules. Throws DATA_ATTRIBUTE_INVALID (400) naming
 * the AI.
 */
export function checkDataAttributes(query: URLSearchParams): void {
  for (const [ai, value] of query) {
    if (!/^\d+$/.test(ai)) continue;
    const gs1 = gs1Toolkit();
    if (!gs1.aiMaps.dataAttributes.includes(ai)) throw invalidAttribute(ai, 'not a GS1 data attribute that a Digital Link query string may carry');
    if (!gs1.aiRegex[ai].test(value) || (DATE_AIS.has(ai) && !validDate(value))) throw invalidAttribute(ai, `"${value}" does not have the syntax of this Application Identifier`);
  }
}
