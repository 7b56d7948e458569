import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { DomainException } from '../common/domain.exception.js';
import { offsetToMinutes, toIsoWithOffset } from '../common/dates.js';
import { isUnit, type Unit } from '../common/units.js';

/** GS1's published JSON-LD context for EPCIS 2.0 documents. */
export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/** Default prefix IRI of our extension terms (`nguon:reason`) and of business transaction ids. */
export const DEFAULT_EPCIS_NAMESPACE = 'urn:nguon:';

/**
 * The extension terms our documents use under the `nguon:` prefix, with what they mean. The API serves
 * them at the namespace IRI (`{PUBLIC_BASE_URL}/ns/epcis`), so the prefix resolves.
 */
export const NGUON_EPCIS_TERMS = {
  reason: 'Free-text reason given by the person who recorded a recall or a void (Vietnamese as typed).',
  voidEventID: 'In an error declaration: the id of our void event that declared the error.',
  growingAreaCode: 'ILMD of a harvest: the official code of the growing area (mã số vùng trồng) the lot was harvested from.',
  crop: 'ILMD of a harvest: the crop key of the growing area (rice, sticky_rice, tea, coffee, …).',
  variety: 'ILMD of a harvest: the variety grown in the growing area, as registered.',
  process: 'ILMD of a transformation: the process named by the operator (milling, drying, roasting, packing, …).',
  bt: 'Business transaction ids of documents whose issuer has no GLN: bt:{organization id}:{document type}:{number}.',
} as const;

export type EpcisEventType = 'harvest' | 'transform' | 'split' | 'ship' | 'receive' | 'inspect' | 'recall' | 'void';

/** One lot line of an event. */
export interface EpcisQuantityInput {
  /** The lot as a URI: its GS1 Digital Link (`…/01/{gtin14}/10/{lot}`) or short URL (`…/l/{code}`). */
  epcClass: string;
  /** Decimal string, > 0. */
  quantity: string;
  /** One of our units (kg, t, g, l, ml, pcs, pack) or already a UN/CEFACT Rec 20 code (KGM…). */
  uom: Unit | string;
}

/** A plain view of one of our events, as the EPCIS exporter needs it. */
export interface EpcisEventInput {
  /** Our event uuid; becomes `urn:uuid:<id>`. */
  id: string;
  type: EpcisEventType;
  eventTime: Date;
  /** ±HH:MM, e.g. '+07:00'. */
  eventTimeZoneOffset: string;
  recordTime: Date;
  /**
   * Lots consumed (transform, split) or observed (ship, inspect, recall). For a receive: the lot as the
   * sender shipped it (its identifier in the sender's events).
   */
  inputs: EpcisQuantityInput[];
  /** Lots created (harvest, transform, split) or observed. For a receive: the receiver's own lot. */
  outputs: EpcisQuantityInput[];
  /** URI of where the lots are after the event: an urn:epc:id:sgln, or our URL of the growing area or facility. */
  bizLocation?: string;
  /** URI of where the event was observed. */
  readPoint?: string;
  /** URIs of the owning parties before and after a ship/receive (an urn:epc:id:pgln or our partner URL). */
  sourceParty?: string;
  destinationParty?: string;
  /** URIs of the physical locations a shipment left and went to. */
  sourceLocation?: string;
  destinationLocation?: string;
  /**
   * Invoices, delivery notes, lab reports…; type is ours ('invoice') or a CBV code ('inv'); `id` is
   * the business transaction URI when the caller knows it (e.g. `urn:epcglobal:cbv:bt:{GLN}:{number}`).
   */
  documents?: { type: string; number: string; id?: string }[];
  /** For `void`: the id of the event it cancels. */
  voidsEventId?: string;
  /** For `void`: the voided event itself, restated in the error declaration (else looked up in the same batch). */
  voided?: EpcisEventInput;
  /** For `void`: ids of events recorded to replace the voided one. */
  correctiveEventIds?: string[];
  /** Free-text reason (void, recall). `did_not_occur` / `incorrect_data` are used as the CBV error reason. */
  reason?: string;
  /** Lot master data (ILMD) for harvest/transform/split outputs. Keys are CURIEs like 'cbvmda:lotNumber'; bare keys get our prefix. */
  ilmd?: Record<string, unknown>;
  /** Override the default CBV business step / disposition of the event type. */
  bizStep?: string;
  disposition?: string;
}

export interface EpcisDocumentOptions {
  /** Defaults to now. */
  creationDate?: Date;
  /** Prefix IRI bound to `nguon:` in the context, e.g. `${PUBLIC_BASE_URL}/ns/epcis#`. */
  namespace?: string;
}

export type EpcisEvent = Record<string, unknown>;
type Context = (string | Record<string, string>)[];

export interface EpcisDocument {
  '@context': Context;
  type: 'EPCISDocument';
  schemaVersion: '2.0';
  creationDate: string;
  epcisBody: { eventList: EpcisEvent[] };
}

export interface EpcisQueryDocument {
  '@context': Context;
  type: 'EPCISQueryDocument';
  schemaVersion: '2.0';
  creationDate: string;
  epcisBody: { queryResults: { queryName: string; subscriptionID?: string; resultsBody: { eventList: EpcisEvent[] } } };
}

/** UN/CEFACT Recommendation 20 codes, as EPCIS `uom` requires. */
export const UNECE_UNIT_CODES: Record<Unit, string> = {
  kg: 'KGM',
  t: 'TNE',
  g: 'GRM',
  l: 'LTR',
  ml: 'MLT',
  pcs: 'H87', // piece
  pack: 'XPK', // package (Rec 21 package type "PK" in its Rec 20 form)
};

/** Our document types → CBV 2.0 business transaction types. */
const BIZ_TRANSACTION_TYPES: Record<string, string> = {
  invoice: 'inv',
  purchase_order: 'po',
  delivery_note: 'desadv',
  despatch_advice: 'desadv',
  dispatch_advice: 'desadv',
  receiving_advice: 'recadv',
  bill_of_lading: 'bol',
  certificate: 'cert',
  test_result: 'testres',
  lab_report: 'testres',
  production_order: 'prodorder',
  return_authorization: 'rma',
};
const CBV_BIZ_TRANSACTION_TYPES = new Set(['bol', 'cert', 'desadv', 'inv', 'pedigree', 'po', 'poc', 'prodorder', 'recadv', 'rma', 'testprd', 'testres', 'upevt']);

/** Default CBV business step and disposition per event type (docs/domain.md#standard-exports). */
const EVENT_DEFAULTS: Record<Exclude<EpcisEventType, 'void'>, { kind: 'object' | 'transformation'; bizStep?: string; disposition?: string }> = {
  harvest: { kind: 'object', bizStep: 'commissioning', disposition: 'active' },
  transform: { kind: 'transformation', bizStep: 'commissioning', disposition: 'active' },
  split: { kind: 'transformation', bizStep: 'repackaging', disposition: 'active' },
  ship: { kind: 'object', bizStep: 'shipping', disposition: 'in_transit' },
  receive: { kind: 'object', bizStep: 'receiving', disposition: 'in_progress' },
  inspect: { kind: 'object', bizStep: 'inspecting' },
  // CBV has no recall business step; the disposition carries the meaning.
  recall: { kind: 'object', disposition: 'recalled' },
};

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function invalid(event: EpcisEventInput, message: string): DomainException {
  return new DomainException('EPCIS_EVENT_INVALID', `event ${event.id}: ${message}`, 'validation', { eventId: event.id });
}

function uomCode(event: EpcisEventInput, uom: string): string {
  if (isUnit(uom)) return UNECE_UNIT_CODES[uom];
  if (/^[A-Z0-9]{2,3}$/.test(uom)) return uom;
  throw new DomainException('UNIT_UNKNOWN', `event ${event.id}: unknown unit ${JSON.stringify(uom)}`, 'validation', { eventId: event.id });
}

/**
 * EPCIS quantity elements, one per class and unit: lines of the same lot in the same unit (a split
 * takes several parts from one lot) are summed, since a list naming a class twice says something else.
 */
function quantityList(event: EpcisEventInput, lines: EpcisQuantityInput[]) {
  const merged = new Map<string, { epcClass: string; quantity: Decimal; uom: string }>();
  for (const line of lines) {
    const amount = /^\s*\d+(\.\d+)?\s*$/.test(String(line.quantity)) ? new Decimal(String(line.quantity).trim()) : null;
    if (!amount || amount.lte(0)) throw invalid(event, `invalid quantity ${JSON.stringify(line.quantity)}`);
    const uom = uomCode(event, line.uom);
    const key = `${line.epcClass}\u0000${uom}`;
    const seen = merged.get(key);
    if (seen) seen.quantity = seen.quantity.plus(amount);
    else merged.set(key, { epcClass: line.epcClass, quantity: amount, uom });
  }
  // EPCIS JSON has quantity as a JSON number; our quantities have ≤ 6 decimals and ≤ 12 integer
  // digits, which a double holds without visible loss.
  return [...merged.values()].map((line) => ({ epcClass: line.epcClass, quantity: line.quantity.toNumber(), uom: line.uom }));
}

/**
 * A second EPCIS event derived from one of ours (a receive's re-identification) needs an id of its
 * own that every export repeats: a name-based UUID (RFC 9562 version 5 layout) of our event id.
 */
export function derivedEventUuid(eventId: string, role: string): string {
  const hash = createHash('sha1').update(`${eventId}/${role}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function bizTransactionList(documents: { type: string; number: string; id?: string }[], namespace: string) {
  return documents.map((document) => {
    const ourType = document.type.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const type = CBV_BIZ_TRANSACTION_TYPES.has(ourType) ? ourType : BIZ_TRANSACTION_TYPES[ourType];
    // A business transaction id must be a URI: the caller's (the CBV `urn:epcglobal:cbv:bt:<GLN>:<number>`
    // form when the issuer has a GLN), a number that already is one, or the number under our namespace.
    const bizTransaction = document.id
      ? document.id
      : HAS_SCHEME.test(document.number)
      ? document.number
      : `${namespace}bt:${encodeURIComponent(ourType)}:${encodeURIComponent(document.number.trim())}`;
    return type ? { type, bizTransaction } : { bizTransaction };
  });
}

function ilmdOf(ilmd: Record<string, unknown>): Record<string, unknown> {
  // JSON round trip: Dates become ISO strings, and nothing that is not JSON leaks into the document.
  const plain = JSON.parse(JSON.stringify(ilmd)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(plain).map(([key, value]) => [key.includes(':') ? key : `nguon:${key}`, value]));
}

function errorReason(reason: string | undefined): string {
  return reason === 'did_not_occur' || reason === 'incorrect_data' ? reason : 'incorrect_data';
}

/** The EPCIS form of an event other than `void`: one event, or two for a receive that re-identifies the lot. */
function mapEvent(event: EpcisEventInput, namespace: string): EpcisEvent[] {
  if (event.type === 'void') throw invalid(event, 'a void event is mapped as an error declaration');
  const defaults = EVENT_DEFAULTS[event.type];
  if (!defaults) throw invalid(event, `unknown event type ${JSON.stringify(event.type)}`);
  offsetToMinutes(event.eventTimeZoneOffset, 'eventTimeZoneOffset');

  const mapped: EpcisEvent = {
    type: defaults.kind === 'object' ? 'ObjectEvent' : 'TransformationEvent',
    eventID: `urn:uuid:${event.id}`,
    eventTime: toIsoWithOffset(event.eventTime, event.eventTimeZoneOffset),
    eventTimeZoneOffset: event.eventTimeZoneOffset,
    recordTime: event.recordTime.toISOString(),
  };

  if (defaults.kind === 'object') {
    // An ObjectEvent observes objects: every lot line of the event, whichever side it was given on;
    // a receive names the lot as it was shipped, so that it joins the sender's shipping event.
    const lines = event.type === 'receive' && event.inputs.length ? event.inputs : [...event.inputs, ...event.outputs];
    if (lines.length === 0) throw invalid(event, 'an event needs at least one lot line');
    mapped.quantityList = quantityList(event, lines);
    // Harvest commissions the new lot (ADD); everything else observes existing lots.
    mapped.action = event.type === 'harvest' ? 'ADD' : 'OBSERVE';
  } else {
    if (event.inputs.length === 0 || event.outputs.length === 0) throw invalid(event, `a ${event.type} needs input and output lots`);
    mapped.inputQuantityList = quantityList(event, event.inputs);
    mapped.outputQuantityList = quantityList(event, event.outputs);
  }

  const bizStep = event.bizStep ?? defaults.bizStep;
  const disposition = event.disposition ?? defaults.disposition;
  if (bizStep) mapped.bizStep = bizStep;
  if (disposition) mapped.disposition = disposition;
  if (event.type === 'recall') mapped.persistentDisposition = { set: ['recalled'] };
  if (event.readPoint) mapped.readPoint = { id: event.readPoint };
  if (event.bizLocation) mapped.bizLocation = { id: event.bizLocation };
  if (event.documents?.length) mapped.bizTransactionList = bizTransactionList(event.documents, namespace);

  const sourceList = [
    ...(event.sourceParty ? [{ type: 'owning_party', source: event.sourceParty }] : []),
    ...(event.sourceLocation ? [{ type: 'location', source: event.sourceLocation }] : []),
  ];
  const destinationList = [
    ...(event.destinationParty ? [{ type: 'owning_party', destination: event.destinationParty }] : []),
    ...(event.destinationLocation ? [{ type: 'location', destination: event.destinationLocation }] : []),
  ];
  if (sourceList.length) mapped.sourceList = sourceList;
  if (destinationList.length) mapped.destinationList = destinationList;

  // The schema allows ILMD only where lots are created: ObjectEvent ADD and TransformationEvent.
  if (event.ilmd && Object.keys(event.ilmd).length && (mapped.action === 'ADD' || defaults.kind === 'transformation')) {
    mapped.ilmd = ilmdOf(event.ilmd);
  }
  if (event.reason && event.type === 'recall') mapped['nguon:reason'] = event.reason;
  const reidentified = event.type === 'receive' ? reidentification(event, mapped) : null;
  return reidentified ? [mapped, reidentified] : [mapped];
}

/**
 * The receiver keeps the goods under a lot of its own, with its own identifier (its product, its short
 * URL). CBV 2.0 has no step that renames objects in place; a TransformationEvent whose input is the lot
 * as shipped and whose output is the receiver's lot (business step `commissioning`: a class-level
 * identifier is associated with these objects) records the link, with the new lot's master data in
 * its ILMD. So a trace that meets the receiver's lot follows it back to the shipped lot, and from
 * there into the sender's events, whichever EPCIS repository holds them. Nothing when nothing changed.
 */
function reidentification(event: EpcisEventInput, received: EpcisEvent): EpcisEvent | null {
  if (!event.inputs.length || !event.outputs.length) return null;
  const shipped = new Set(event.inputs.map((line) => line.epcClass));
  if (event.outputs.every((line) => shipped.has(line.epcClass))) return null;
  const transformation: EpcisEvent = {
    type: 'TransformationEvent',
    eventID: `urn:uuid:${derivedEventUuid(event.id, 'reidentification')}`,
    eventTime: received.eventTime,
    eventTimeZoneOffset: received.eventTimeZoneOffset,
    recordTime: received.recordTime,
    inputQuantityList: quantityList(event, event.inputs),
    outputQuantityList: quantityList(event, event.outputs),
    bizStep: 'commissioning',
    disposition: 'active',
  };
  if (received.readPoint) transformation.readPoint = received.readPoint;
  if (received.bizLocation) transformation.bizLocation = received.bizLocation;
  if (event.ilmd && Object.keys(event.ilmd).length) transformation.ilmd = ilmdOf(event.ilmd);
  return transformation;
}

/**
 * A void is an EPCIS error declaration (EPCIS 2.0 §7.4.1.4 and GS1's ErrorDeclaration examples): the
 * voided event restated with its own eventID and fields, plus `errorDeclaration` with the time of the
 * void, the CBV reason and the corrective events. Our free-text reason and the void's own id ride
 * along as extension members. A voided receive declares both of its EPCIS events in error.
 */
function mapVoid(event: EpcisEventInput, batch: Map<string, EpcisEventInput>, namespace: string): EpcisEvent[] {
  const voided = event.voided ?? (event.voidsEventId ? batch.get(event.voidsEventId) : undefined);
  if (!voided) throw invalid(event, `the voided event ${event.voidsEventId ?? '(no voidsEventId)'} must be given to restate it`);
  if (event.voidsEventId && voided.id !== event.voidsEventId) throw invalid(event, `voided event ${voided.id} is not ${event.voidsEventId}`);
  if (voided.type === 'void') throw invalid(event, 'a void cannot be voided');

  const errorDeclaration: Record<string, unknown> = {
    declarationTime: toIsoWithOffset(event.eventTime, event.eventTimeZoneOffset),
    reason: errorReason(event.reason),
  };
  if (event.correctiveEventIds?.length) errorDeclaration.correctiveEventIDs = event.correctiveEventIds.map((id) => `urn:uuid:${id}`);
  if (event.reason) errorDeclaration['nguon:reason'] = event.reason;
  errorDeclaration['nguon:voidEventID'] = `urn:uuid:${event.id}`;
  // The declaration is captured when the void was recorded.
  return mapEvent(voided, namespace).map((restated) => ({ ...restated, recordTime: event.recordTime.toISOString(), errorDeclaration }));
}

function contextOf(namespace: string): Context {
  return [EPCIS_CONTEXT, { nguon: namespace }];
}

/** Maps our events, in the given order, to EPCIS 2.0 events. */
export function toEpcisEvents(events: EpcisEventInput[], options: EpcisDocumentOptions = {}): EpcisEvent[] {
  const namespace = options.namespace ?? DEFAULT_EPCIS_NAMESPACE;
  const batch = new Map(events.map((event) => [event.id, event]));
  return events.flatMap((event) => (event.type === 'void' ? mapVoid(event, batch, namespace) : mapEvent(event, namespace)));
}

/** An EPCIS 2.0 JSON-LD EPCISDocument (capture / export format). */
export function toEpcisDocument(events: EpcisEventInput[], options: EpcisDocumentOptions = {}): EpcisDocument {
  return {
    '@context': contextOf(options.namespace ?? DEFAULT_EPCIS_NAMESPACE),
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: (options.creationDate ?? new Date()).toISOString(),
    epcisBody: { eventList: toEpcisEvents(events, options) },
  };
}

/** An EPCISQueryDocument, the response shape of the EPCIS 2.0 query interface (`GET /events`). */
export function toEpcisQueryDocument(
  events: EpcisEventInput[],
  options: EpcisDocumentOptions & { queryName?: string; subscriptionID?: string } = {},
): EpcisQueryDocument {
  const queryResults: EpcisQueryDocument['epcisBody']['queryResults'] = {
    queryName: options.queryName ?? 'SimpleEventQuery',
    resultsBody: { eventList: toEpcisEvents(events, options) },
  };
  if (options.subscriptionID) queryResults.subscriptionID = options.subscriptionID;
  return {
    '@context': contextOf(options.namespace ?? DEFAULT_EPCIS_NAMESPACE),
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: (options.creationDate ?? new Date()).toISOString(),
    epcisBody: { queryResults },
  };
}
