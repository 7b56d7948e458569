import { Decimal } from 'decimal.js';
import { toLocalDate } from '../common/dates.js';
import { searchKey } from '../common/text.js';
import type { FsmaCriticalTrackingEvent, FsmaLocation, FsmaRow } from '../exports/fsma.js';
import { CROPS, isKnownCrop } from '../registry/growing-areas/crop-yields.js';
import type { StoredEvent } from './events.repository.js';
import type { ExportFacility, ExportGrowingArea, ExportLot, ExportOrganization, ExportPartner, ReceivedShipment } from './exports.repository.js';
import { canonicalQuantity } from './quantity.js';

/** Our event types that can be FSMA critical tracking events; inspect, recall and void are not. */
export const FSMA_EVENT_TYPES = ['harvest', 'transform', 'split', 'ship', 'receive'];

/** Everything the rows are built from, loaded by ExportsService.fsmaRows. */
export interface FsmaTrace {
  /** The live (not voided) events on the traced lots, in time order. */
  events: StoredEvent[];
  /** The event that made each lot used in those events (and their ancestors, as far as needed). */
  madeBy: Map<string, StoredEvent>;
  lots: Map<string, ExportLot>;
  tracedLotIds: Set<string>;
  /** The lot and its descendants: whose shipments belong in this trace. */
  forwardLotIds: Set<string>;
  organization: ExportOrganization;
  facilities: Map<string, ExportFacility>;
  areas: Map<string, ExportGrowingArea>;
  /** Phones already removed when the reader may not see them. */
  partners: Map<string, ExportPartner>;
  /** Shipments received, by shipment id, with the sender's side. */
  received: Map<string, ReceivedShipment>;
}

/**
 * Cooling (21 CFR 1.1325(b)): active temperature reduction of a raw agricultural commodity before it
 * is first packed. Our operators record it as a processing step; its process name says so (compared
 * without diacritics, in Vietnamese or English).
 */
const COOLING_PROCESS = /\b(cooling|cool|precooling|pre-cooling|hydrocooling|forced air|vacuum cooling|chilling|icing)\b|lam lanh|lam mat|ha nhiet|uop lanh|uop da|tien lanh|so che lanh/;

export function isCoolingProcess(process: string | null | undefined): boolean {
  return !!process && COOLING_PROCESS.test(searchKey(process));
}

interface Origin {
  harvest: ExportLot;
  event: StoredEvent | undefined;
  cooling: StoredEvent[];
}

/**
 * The sortable spreadsheet's rows for a lot's trace. Which CTE an event is:
 *
 * - harvest → Harvesting (§1.1325(a));
 * - a transform whose process is cooling, of raw lots, not packing → Cooling (§1.1325(b));
 * - a packing transform whose inputs are all still raw agricultural commodities (harvest lots, parts of
 *   them, cooled ones) → Initial Packing (§1.1330); packing anything else (milled rice, roasted
 *   coffee) → Transformation;
 * - other transforms and splits (both assign new lot codes) → Transformation (§1.1350);
 * - ship → Shipping (§1.1340); receive → Receiving (§1.1345).
 *
 * First Land-Based Receiving (§1.1335) concerns food taken off a fishing vessel, which no activity
 * here records, so no row has it. Events with several input lots have one row per (output, input).
 */
export function fsmaTraceRows(trace: FsmaTrace): FsmaRow[] {
  const { organization, lots } = trace;
  const allEvents = [...new Map([...trace.events, ...trace.madeBy.values()].map((event) => [event.id, event])).values()].sort(
    (a, b) => a.eventTime.getTime() - b.eventTime.getTime() || Number(a.seq) - Number(b.seq),
  );
  const lot = (id: string) => lots.get(id)!;
  const details = (event: StoredEvent) => event.details as Record<string, any>;
  const localDate = (event: StoredEvent) => toLocalDate(event.eventTime, event.eventTimeOffset);

  // ---------------------------------------------------------------- places
  const glnReference = (gln: string | null | undefined) => (gln ? `GLN ${gln}` : undefined);
  const orgLocation = (org: ExportOrganization): FsmaLocation => ({ name: org.name, address: org.address, commune: org.commune, province: org.province, phone: org.phone });
  const facilityLocation = (facility: ExportFacility, org: ExportOrganization): FsmaLocation => ({
    name: `${org.name} — ${facility.name}`,
    detail: facility.code,
    address: facility.address,
    commune: facility.commune,
    province: facility.province,
    phone: org.phone,
  });
  const areaLocation = (area: ExportGrowingArea, org: ExportOrganization): FsmaLocation => ({
    name: `${org.name} — ${area.name}`,
    detail: `mã vùng trồng ${area.code}`,
    commune: area.commune,
    province: area.province,
    phone: org.phone,
  });
  const partnerLocation = (partner: ExportPartner): FsmaLocation => ({
    name: partner.name,
    address: partner.address,
    commune: partner.commune,
    province: partner.province,
    country: partner.country,
    phone: partner.phone,
  });
  const eventLocation = (event: StoredEvent): FsmaLocation => {
    const facility = event.facilityId ? trace.facilities.get(event.facilityId) : undefined;
    if (facility) return facilityLocation(facility, organization);
    const area = event.growingAreaId ? trace.areas.get(event.growingAreaId) : undefined;
    return area ? areaLocation(area, organization) : orgLocation(organization);
  };
  const eventReference = (event: StoredEvent) => glnReference(event.facilityId ? trace.facilities.get(event.facilityId)?.gln : organization.gln);

  // ---------------------------------------------------------------- lots
  const product = (l: { productNameVi: string; productNameEn: string | null }) => (l.productNameEn ? `${l.productNameVi} (${l.productNameEn})` : l.productNameVi);
  const shipmentOf = (event: StoredEvent | undefined) => (event?.type === 'receive' ? trace.received.get(details(event).shipmentId) : undefined);
  /** Where the lot's code was assigned: a received lot that kept the shipped code has the sender's source. */
  const lotCodeSource = (l: ExportLot): { location: FsmaLocation; reference?: string } => {
    const made = trace.madeBy.get(l.id);
    const shipment = shipmentOf(made);
    if (shipment && shipment.lotCode === l.code) {
      if (shipment.lotFacility) return { location: facilityLocation(shipment.lotFacility, shipment.sender), reference: glnReference(shipment.lotFacility.gln) };
      if (shipment.lotGrowingArea) return { location: areaLocation(shipment.lotGrowingArea, shipment.sender), reference: glnReference(shipment.sender.gln) };
      return { location: orgLocation(shipment.sender), reference: glnReference(shipment.sender.gln) };
    }
    const facility = l.facilityId ? trace.facilities.get(l.facilityId) : undefined;
    if (facility) return { location: facilityLocation(facility, organization), reference: glnReference(facility.gln) };
    const area = l.growingAreaId && l.kind === 'harvest' ? trace.areas.get(l.growingAreaId) : undefined;
    if (area) return { location: areaLocation(area, organization), reference: glnReference(organization.gln) };
    return made ? { location: eventLocation(made), reference: eventReference(made) } : { location: orgLocation(organization), reference: glnReference(organization.gln) };
  };

  const isCooling = (event: StoredEvent): boolean =>
    event.type === 'transform' && event.bizStep !== 'packing' && isCoolingProcess(details(event).process) && inputsOf(event).every((id) => isRaw(id));
  const rawness = new Map<string, boolean>();
  /** Still a raw agricultural commodity: harvested, maybe split or cooled, never processed or packed. */
  function isRaw(lotId: string): boolean {
    if (rawness.has(lotId)) return rawness.get(lotId)!;
    rawness.set(lotId, false); // cycle guard (genealogy is a DAG, but be safe)
    const l = lots.get(lotId);
    const made = trace.madeBy.get(lotId);
    const raw = l?.kind === 'harvest' || (!!made && (made.type === 'split' || isCooling(made)) && inputsOf(made).every((id) => isRaw(id)));
    rawness.set(lotId, raw);
    return raw;
  }
  function inputsOf(event: StoredEvent): string[] {
    return [...new Set(event.lines.filter((line) => line.direction === 'input').map((line) => line.lotId))];
  }
  /** The harvests a raw lot comes from, with the cooling steps on the way. */
  function origins(lotId: string, cooling: StoredEvent[] = []): Origin[] {
    const l = lots.get(lotId);
    const made = trace.madeBy.get(lotId);
    if (l?.kind === 'harvest') return [{ harvest: l, event: made, cooling }];
    if (!made || !(made.type === 'split' || made.type === 'transform')) return [];
    const steps = isCooling(made) ? [made, ...cooling] : cooling;
    return inputsOf(made).flatMap((id) => origins(id, steps));
  }
  const joined = (values: (string | null | undefined)[]) => [...new Set(values.filter((value): value is string => !!value))].join(' | ') || undefined;
  const cropOf = (area: ExportGrowingArea | undefined) => (area ? (isKnownCrop(area.crop) ? `${CROPS[area.crop].vi} (${CROPS[area.crop].en})` : area.crop) : undefined);
  const areaOf = (origin: Origin) => (origin.harvest.growingAreaId ? trace.areas.get(origin.harvest.growingAreaId) : undefined);
  const householdOf = (origin: Origin) => (origin.harvest.householdPartnerId ? trace.partners.get(origin.harvest.householdPartnerId) : undefined);
  /** Commodity, variety and the harvest KDEs of a raw lot, from its origins. */
  const harvestFields = (lotId: string): Partial<FsmaRow> => {
    const found = origins(lotId);
    if (!found.length) return {};
    const first = found[0];
    const farm = areaOf(first);
    const cooled = first.cooling[first.cooling.length - 1]; // the first cooling after harvest
    return {
      commodity: joined(found.map((o) => cropOf(areaOf(o)))),
      variety: joined(found.map((o) => areaOf(o)?.variety)),
      fieldName: joined(found.map((o) => {
        const area = areaOf(o);
        return area ? `${area.name} (${area.code})` : undefined;
      })),
      harvestLocation: farm ? areaLocation(farm, organization) : undefined,
      harvesterName: joined(found.map((o) => householdOf(o)?.name ?? organization.name)),
      harvesterPhone: joined(found.map((o) => householdOf(o)?.phone ?? organization.phone)),
      harvestDate: first.event ? localDate(first.event) : toLocalDate(first.harvest.producedAt, first.harvest.producedAtOffset),
      coolingLocation: cooled ? eventLocation(cooled) : undefined,
      coolingDate: cooled ? localDate(cooled) : undefined,
    };
  };
  /** Who got the lot next (other than a transporter): the partner it was shipped to, or the place that used it. */
  const nextRecipient = (lotId: string): FsmaLocation | undefined => {
    const next = allEvents.find((event) => event.type !== 'harvest' && event.lines.some((line) => line.direction === 'input' && line.lotId === lotId));
    if (!next) return undefined;
    if (next.type === 'ship') {
      const partner = next.destinationPartnerId ? trace.partners.get(next.destinationPartnerId) : undefined;
      return partner ? partnerLocation(partner) : undefined;
    }
    return eventLocation(next);
  };
  const documents = (event: StoredEvent) => ({
    referenceDocumentType: event.documents.map((d) => d.type).join('; ') || undefined,
    referenceDocumentNumber: event.documents.map((d) => d.number).join('; ') || undefined,
  });

  // ---------------------------------------------------------------- rows
  const rows: FsmaRow[] = [];
  for (const event of trace.events) {
    const base = { eventId: event.id, eventDate: event.eventTime, eventTimeZoneOffset: event.eventTimeOffset, ...documents(event) };
    const lotFields = (l: ExportLot, quantity: string, unit: string) => {
      const source = lotCodeSource(l);
      return {
        traceabilityLotCode: l.code,
        productDescription: product(l),
        quantity: canonicalQuantity(quantity),
        unitOfMeasure: unit,
        traceabilityLotCodeSource: source.location,
        traceabilityLotCodeSourceReference: source.reference,
      };
    };
    const outputs = event.lines.filter((line) => line.direction === 'output');

    if (event.type === 'harvest') {
      for (const line of outputs) {
        const l = lot(line.lotId);
        const fields = harvestFields(l.id);
        rows.push({
          ...base,
          criticalTrackingEvent: 'Harvesting',
          ...lotFields(l, line.quantity, line.unit),
          ...fields,
          eventLocation: fields.harvestLocation ?? eventLocation(event),
          subsequentRecipient: nextRecipient(l.id),
        });
      }
    } else if (event.type === 'ship') {
      for (const line of event.lines.filter((l) => l.direction === 'input' && trace.forwardLotIds.has(l.lotId))) {
        const partner = event.destinationPartnerId ? trace.partners.get(event.destinationPartnerId) : undefined;
        rows.push({
          ...base,
          criticalTrackingEvent: 'Shipping',
          ...lotFields(lot(line.lotId), line.quantity, line.unit),
          eventLocation: eventLocation(event),
          subsequentRecipient: partner ? partnerLocation(partner) : undefined,
        });
      }
    } else if (event.type === 'receive') {
      const shipment = shipmentOf(event);
      for (const line of outputs) {
        const l = lot(line.lotId);
        const fields = lotFields(l, line.quantity, line.unit);
        // The food as the shipper described it: its lot code, product and lot code source (§1.1345(a)).
        if (shipment) {
          fields.traceabilityLotCode = shipment.lotCode;
          fields.productDescription = product(shipment);
          const source = shipment.lotFacility
            ? { location: facilityLocation(shipment.lotFacility, shipment.sender), reference: glnReference(shipment.lotFacility.gln) }
            : shipment.lotGrowingArea
              ? { location: areaLocation(shipment.lotGrowingArea, shipment.sender), reference: glnReference(shipment.sender.gln) }
              : { location: orgLocation(shipment.sender), reference: glnReference(shipment.sender.gln) };
          fields.traceabilityLotCodeSource = source.location;
          fields.traceabilityLotCodeSourceReference = source.reference;
        }
        rows.push({
          ...base,
          criticalTrackingEvent: 'Receiving',
          ...fields,
          eventLocation: eventLocation(event),
          previousSource: shipment ? orgLocation(shipment.sender) : undefined,
        });
      }
    } else {
      const cte: FsmaCriticalTrackingEvent =
        event.type === 'transform' && event.bizStep === 'packing' && inputsOf(event).every((id) => isRaw(id))
          ? 'Initial Packing'
          : isCooling(event)
            ? 'Cooling'
            : 'Transformation';
      const inputs = mergedInputs(event);
      for (const line of outputs.filter((l) => trace.tracedLotIds.has(l.lotId))) {
        const out = lot(line.lotId);
        for (const input of inputs) {
          const used = lot(input.lotId);
          const row: FsmaRow = {
            ...base,
            criticalTrackingEvent: cte,
            ...lotFields(out, line.quantity, line.unit),
            eventLocation: eventLocation(event),
            inputTraceabilityLotCode: used.code,
            inputProductDescription: product(used),
            inputQuantity: input.quantity,
            inputUnitOfMeasure: input.unit,
          };
          if (cte === 'Cooling') {
            Object.assign(row, harvestFields(used.id), { coolingLocation: eventLocation(event), coolingDate: localDate(event), subsequentRecipient: nextRecipient(out.id) });
          } else if (cte === 'Initial Packing') {
            const fields = harvestFields(used.id);
            const receivedBy = trace.madeBy.get(used.id);
            const household = origins(used.id).map(householdOf).find(Boolean);
            Object.assign(row, fields, {
              inputReceivedDate: receivedBy ? localDate(receivedBy) : toLocalDate(used.producedAt, used.producedAtOffset),
              previousSource: household ? partnerLocation(household) : fields.harvestLocation,
            });
          }
          rows.push(row);
        }
      }
    }
  }
  return rows;
}

/** Input lines per lot and unit (a split takes several parts of one lot), quantities summed. */
function mergedInputs(event: StoredEvent): { lotId: string; quantity: string; unit: string }[] {
  const merged = new Map<string, { lotId: string; quantity: Decimal; unit: string }>();
  for (const line of event.lines.filter((l) => l.direction === 'input')) {
    const key = `${line.lotId}\u0000${line.unit}`;
    const seen = merged.get(key);
    if (seen) seen.quantity = seen.quantity.plus(line.quantity);
    else merged.set(key, { lotId: line.lotId, quantity: new Decimal(line.quantity), unit: line.unit });
  }
  return [...merged.values()].map((line) => ({ lotId: line.lotId, quantity: canonicalQuantity(line.quantity.toFixed()), unit: line.unit }));
}
