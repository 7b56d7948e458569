import { gs1CheckDigit } from '../common/gs1.js';
import { parseLotUri } from '../common/lot-uri.js';
import { parseLgtinUrn } from '../exports/epc-identifiers.js';
import { UNECE_UNIT_CODES } from '../exports/epcis.js';
import type { Unit } from '../common/units.js';

/**
 * Reading the identifiers of captured EPCIS events (GS1 Tag Data Standard EPC URNs and GS1 Digital
 * Link URIs, docs/domain.md#epcis-capture): lots are class-level (LGTIN, `…/01/{gtin}/10/{lot}`, or
 * our short URL `…/l/{code}`), places and parties are GLNs (`sgln`, `pgln`, `/414/`, `/417/`) or the
 * URLs our own exports use for things without a GS1 key.
 */
export type LotRef = { gtin: string; code: string } | { shortCode: string };

/** A lot class of a quantity element, or null when it is none of the forms above. */
export function parseLotClass(uri: string): LotRef | null {
  return parseLgtinUrn(uri) ?? parseLotUri(uri);
}

/** Instance-level identifiers (one physical item each): SGTIN and friends, a Digital Link with AI 21. */
export function isInstanceIdentifier(uri: string): boolean {
  return /^urn:epc:id:/.test(uri) || /\/01\/\d{14}\/(?:10\/[^/]+\/)?21\//.test(uri);
}

export type PlaceRef = { gln: string } | { url: { kind: 'facilities' | 'growing-areas' | 'organizations' | 'partners'; id: string } };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

function gln(prefix: string, reference: string): string | null {
  const body = `${prefix}${reference}`;
  return /^\d{12}$/.test(body) ? `${body}${gs1CheckDigit(body)}` : null;
}

/** A party or place: a GLN (sgln with extension 0, pgln, Digital Link 414/417) or one of our URLs. */
export function parsePlace(uri: string): PlaceRef | null {
  const sgln = /^urn:epc:id:sgln:(\d+)\.(\d*)\.0$/.exec(uri);
  if (sgln) return wrap(gln(sgln[1], sgln[2]));
  const pgln = /^urn:epc:id:pgln:(\d+)\.(\d*)$/.exec(uri);
  if (pgln) return wrap(gln(pgln[1], pgln[2]));
  let path: string;
  try {
    path = new URL(uri).pathname;
  } catch {
    return null;
  }
  const link = /\/(?:414|417)\/(\d{13})(?:\/|$)/.exec(path);
  if (link) return { gln: link[1] };
  const ours = new RegExp(`/(facilities|growing-areas|organizations|partners)/(${UUID})/?$`, 'i').exec(path);
  return ours ? { url: { kind: ours[1] as 'facilities', id: ours[2].toLowerCase() } } : null;
}

function wrap(value: string | null): PlaceRef | null {
  return value ? { gln: value } : null;
}

const UNIT_BY_CODE = new Map<string, Unit>(Object.entries(UNECE_UNIT_CODES).map(([unit, code]) => [code, unit as Unit]));
// Codes partners use for the same units.
UNIT_BY_CODE.set('C62', 'pcs');
UNIT_BY_CODE.set('EA', 'pcs');

/** Our unit of a UN/CEFACT Rec 20 code, or null. A quantity without uom counts pieces (EPCIS 2.0 §7.3.3.3). */
export function unitOfUom(uom: string | undefined): Unit | null {
  if (uom === undefined) return 'pcs';
  return UNIT_BY_CODE.get(uom) ?? null;
}

/** The last segment of a business transaction URI: the document number (`urn:epcglobal:cbv:bt:{gln}:{number}`). */
export function documentNumberOf(bizTransaction: string): string {
  const last = bizTransaction.split(/[:/]/).filter(Boolean).pop() ?? bizTransaction;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** CBV business transaction types → our document types (the reverse of the export's table). */
export const DOCUMENT_TYPES: Record<string, string> = {
  inv: 'invoice',
  po: 'purchase_order',
  desadv: 'delivery_note',
  recadv: 'receiving_advice',
  bol: 'bill_of_lading',
  cert: 'certificate',
  testres: 'lab_report',
  prodorder: 'production_order',
  rma: 'return_authorization',
};

/** A CBV vocabulary value in any of its forms (`shipping`, `urn:epcglobal:cbv:bizstep:shipping`, `https://ref.gs1.org/cbv/BizStep-shipping`). */
export function bareCbv(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value
    .replace(/^urn:epcglobal:cbv:(?:bizstep|disp|btt|sdt|er):/, '')
    .replace(/^https?:\/\/ref\.gs1\.org\/cbv\/(?:BizStep|Disp|BTT|SDT|ER)-/, '');
}
