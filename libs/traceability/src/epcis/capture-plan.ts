import { Decimal } from 'decimal.js';
import type { Unit } from '../common/units.js';
import type { EpcisCaptureErrorCode } from './capture.errors.js';
import { bareCbv, documentNumberOf, DOCUMENT_TYPES, isInstanceIdentifier, parseLotClass, parsePlace, unitOfUom, type LotRef, type PlaceRef } from './capture-identifiers.js';

/**
 * What a captured EPCIS event asks of the domain (docs/domain.md#epcis-capture): one of our lot
 * operations with its arguments still as identifiers, resolved against the organization's records
 * when the capture runs. An event that no operation represents is refused with a reason code.
 */
export interface LotAmount {
  lot: LotRef;
  quantity: string;
  unit: Unit;
}

export interface CapturedDocument {
  type: string;
  number: string;
}

export type CapturePlan =
  | { op: 'harvest'; output: LotAmount; time: string; growingAreaCode?: string; growingArea?: PlaceRef; documents: CapturedDocument[] }
  | { op: 'transform'; inputs: LotAmount[]; outputs: LotAmount[]; time: string; process: string; facility?: PlaceRef; documents: CapturedDocument[] }
  | { op: 'split'; input: LotRef; parts: LotAmount[]; time: string }
  | { op: 'ship'; line: LotAmount; time: string; party: PlaceRef; documents: CapturedDocument[] }
  | { op: 'receive'; line: LotAmount; time: string; sourceParty?: PlaceRef }
  | { op: 'inspect'; lot: LotRef; time: string; result: 'conformant' | 'non_conformant'; documents: CapturedDocument[]; parameters: { name: string; value: string; unit?: string }[] }
  | { op: 'recall'; lots: LotRef[]; reason: string }
  | { op: 'void'; declaredEventId: string; reason: string };

export class CaptureRefusal extends Error {
  constructor(
    readonly code: EpcisCaptureErrorCode | string,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, any>;

const refuse = (code: EpcisCaptureErrorCode, message: string): never => {
  throw new CaptureRefusal(code, message);
};

function amount(element: Json, field: string): LotAmount {
  const epcClass = String(element?.epcClass ?? '');
  if (isInstanceIdentifier(epcClass)) refuse('EPCIS_INSTANCE_IDENTIFIERS_UNSUPPORTED', `${field}: ${epcClass} names one item, not a lot class`);
  const lot = parseLotClass(epcClass);
  if (!lot) refuse('EPCIS_IDENTIFIER_UNKNOWN', `${field}: ${epcClass} is not a lot identifier (urn:epc:class:lgtin:…, a GS1 Digital Link …/01/{gtin}/10/{lot}, or …/l/{code})`);
  if (element.quantity === undefined) refuse('EPCIS_EVENT_NOT_REPRESENTABLE', `${field}: ${epcClass} has no quantity; a lot is recorded with its quantity`);
  const unit = unitOfUom(element.uom);
  if (!unit) refuse('EPCIS_UOM_UNSUPPORTED', `${field}: unit ${element.uom} is not one of KGM, TNE, GRM, LTR, MLT, H87, XPK`);
  const quantity = new Decimal(element.quantity);
  if (!quantity.isFinite() || quantity.lte(0)) refuse('EPCIS_EVENT_NOT_REPRESENTABLE', `${field}: quantity must be > 0`);
  return { lot: lot!, quantity: quantity.toFixed(), unit: unit! };
}

function amounts(list: unknown, field: string): LotAmount[] {
  return (Array.isArray(list) ? list : []).map((element, i) => amount(element as Json, `${field}[${i}]`));
}

function noInstances(event: Json): void {
  for (const field of ['epcList', 'inputEPCList', 'outputEPCList', 'childEPCs']) {
    const list = event[field];
    if (Array.isArray(list) && list.length) {
      refuse(
        'EPCIS_INSTANCE_IDENTIFIERS_UNSUPPORTED',
        `${field}: ${list.length} instance-level identifier(s) (${String(list[0])}); this service records lots by class and quantity (quantityList with LGTIN or GS1 Digital Link …/10/{lot})`,
      );
    }
  }
}

/** A value of the event's ILMD by its local name, whatever prefix the sender bound (`nguon:process`, `example:process`). */
function ilmdValue(event: Json, localName: string): string | undefined {
  const ilmd = event.ilmd as Json | undefined;
  if (!ilmd || typeof ilmd !== 'object') return undefined;
  const key = Object.keys(ilmd).find((k) => k === localName || k.endsWith(`:${localName}`));
  const value = key ? ilmd[key] : undefined;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function extension(event: Json, localName: string): string | undefined {
  const key = Object.keys(event).find((k) => k.endsWith(`:${localName}`));
  return key && typeof event[key] === 'string' ? event[key] : undefined;
}

function documents(event: Json): CapturedDocument[] {
  const list = Array.isArray(event.bizTransactionList) ? event.bizTransactionList : [];
  return list.map((item: Json) => {
    const type = bareCbv(item.type);
    return { type: (type && DOCUMENT_TYPES[type]) ?? type ?? 'document', number: documentNumberOf(String(item.bizTransaction)) };
  });
}

function party(event: Json, list: 'sourceList' | 'destinationList'): PlaceRef | undefined {
  const key = list === 'sourceList' ? 'source' : 'destination';
  const entries = (Array.isArray(event[list]) ? event[list] : []) as Json[];
  const owning = entries.find((e) => bareCbv(e.type) === 'owning_party') ?? entries.find((e) => bareCbv(e.type) === 'possessing_party');
  return owning ? (parsePlace(String(owning[key])) ?? undefined) : undefined;
}

function single(lines: LotAmount[], what: string): LotAmount {
  if (lines.length !== 1) refuse('EPCIS_EVENT_NOT_REPRESENTABLE', `quantityList: a ${what} names exactly one lot; this event names ${lines.length}`);
  return lines[0];
}

function isRecall(event: Json): boolean {
  const set = event.persistentDisposition?.set;
  return bareCbv(event.disposition) === 'recalled' || (Array.isArray(set) && set.some((value: unknown) => bareCbv(value) === 'recalled'));
}

/** The plan of one event of an EPCISDocument (already valid against GS1's schema), or a CaptureRefusal. */
export function planEvent(event: Json): CapturePlan {
  const type = String(event.type);
  if (event.errorDeclaration) {
    if (!event.eventID) refuse('EPCIS_DECLARED_EVENT_UNKNOWN', 'errorDeclaration: an error declaration names the event it corrects by its eventID');
    const reason = extension(event.errorDeclaration, 'reason') ?? bareCbv(event.errorDeclaration.reason) ?? 'incorrect_data';
    return { op: 'void', declaredEventId: String(event.eventID), reason: `EPCIS error declaration: ${reason}` };
  }
  if (type !== 'ObjectEvent' && type !== 'TransformationEvent') {
    refuse('EPCIS_EVENT_TYPE_UNSUPPORTED', `type: ${type} is not captured; this service records lots (ObjectEvent) and their transformations (TransformationEvent), not aggregations, associations or business transactions`);
  }
  noInstances(event);
  const time = String(event.eventTime);
  const bizStep = bareCbv(event.bizStep);

  if (type === 'TransformationEvent') {
    const inputs = amounts(event.inputQuantityList, 'inputQuantityList');
    const outputs = amounts(event.outputQuantityList, 'outputQuantityList');
    if (!inputs.length || !outputs.length) refuse('EPCIS_EVENT_NOT_REPRESENTABLE', 'inputQuantityList, outputQuantityList: a transformation needs input and output lots with quantities');
    const sameProduct = (line: LotAmount) => 'gtin' in line.lot && 'gtin' in inputs[0].lot && line.lot.gtin === inputs[0].lot.gtin;
    if (bizStep === 'repackaging' && inputs.length === 1 && outputs.every(sameProduct)) return { op: 'split', input: inputs[0].lot, parts: outputs, time };
    const facility = event.bizLocation?.id ? (parsePlace(String(event.bizLocation.id)) ?? undefined) : undefined;
    return { op: 'transform', inputs, outputs, time, process: ilmdValue(event, 'process') ?? bizStep ?? 'transforming', facility, documents: documents(event) };
  }

  const lines = amounts(event.quantityList, 'quantityList');
  if (!lines.length) refuse('EPCIS_EVENT_NOT_REPRESENTABLE', 'quantityList: the event names no lot with a quantity');
  const action = String(event.action);
  if (action === 'ADD') {
    if (bizStep && bizStep !== 'commissioning') refuse('EPCIS_EVENT_NOT_REPRESENTABLE', `bizStep: an ObjectEvent ADD is captured as a harvest (commissioning); ${bizStep} is not`);
    const growingArea = event.bizLocation?.id ? (parsePlace(String(event.bizLocation.id)) ?? undefined) : undefined;
    return { op: 'harvest', output: single(lines, 'harvest'), time, growingAreaCode: ilmdValue(event, 'growingAreaCode'), growingArea, documents: documents(event) };
  }
  if (action === 'DELETE') {
    refuse('EPCIS_EVENT_NOT_REPRESENTABLE', `action: DELETE (${bizStep ?? 'decommissioning'}) has no operation here; lots leave by shipping, transformation or a void`);
  }
  if (isRecall(event)) {
    return { op: 'recall', lots: lines.map((line) => line.lot), reason: extension(event, 'reason') ?? 'EPCIS capture: disposition recalled' };
  }
  switch (bizStep) {
    case 'shipping': {
      const destination = party(event, 'destinationList');
      if (!destination) refuse('EPCIS_PARTNER_UNKNOWN', 'destinationList: a shipping event names its owning (or possessing) party by GLN or by the URL this service exports');
      return { op: 'ship', line: single(lines, 'shipment'), time, party: destination!, documents: documents(event) };
    }
    case 'receiving':
      return { op: 'receive', line: single(lines, 'receipt'), time, sourceParty: party(event, 'sourceList') };
    case 'inspecting': {
      const disposition = bareCbv(event.disposition);
      if (disposition !== 'conformant' && disposition !== 'non_conformant') {
        refuse('EPCIS_INSPECTION_RESULT_MISSING', `disposition: an inspection is captured with its result, conformant or non_conformant (got ${disposition ?? 'none'})`);
      }
      const parameters = ((Array.isArray(event.sensorElementList) ? event.sensorElementList : []) as Json[]).flatMap((element) =>
        ((element.sensorReport ?? []) as Json[])
          .filter((report) => report.value !== undefined)
          .map((report) => ({ name: bareCbv(report.type)?.replace(/^gs1:/, '') ?? 'value', value: String(report.value), ...(report.uom ? { unit: String(report.uom) } : {}) })),
      );
      return { op: 'inspect', lot: single(lines, 'inspection').lot, time, result: disposition as 'conformant', documents: documents(event), parameters };
    }
    default:
      return refuse('EPCIS_EVENT_NOT_REPRESENTABLE', `bizStep: ${bizStep ?? '(none)'} of an ObjectEvent OBSERVE has no operation here (captured: shipping, receiving, inspecting, and a recalled disposition)`);
  }
}
