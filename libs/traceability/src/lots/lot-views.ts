import { toIsoWithOffset } from '../common/dates.js';
import { lotUri } from '../common/lot-uri.js';
import type { AppendedEvent, StoredEvent } from './events.repository.js';
import type { LotView, ShipmentView } from './lots.repository.js';
import { availability, canonicalQuantity } from './quantity.js';

/** The API's view of a lot: identity, product, origin and availability (docs/rules.md, “Mass balance”: visible on the lot). */
export interface LotResponse {
  id: string;
  code: string;
  shortCode: string;
  uri: string;
  displayName: string | null;
  kind: string;
  status: string;
  product: { id: string; nameVi: string; nameEn: string | null; gtin: string | null; unit: string };
  quantity: string;
  unit: string;
  consumed: string;
  available: string;
  availability: { quantity: string; consumed: string; available: string; unit: string };
  growingArea: { id: string; code: string | null; name: string | null } | null;
  household: { id: string; name: string | null } | null;
  facility: { id: string; name: string | null } | null;
  producedAt: string;
  producedAtOffset: string;
  expiresAt: string | null;
  createdEventId: string | null;
  recalledAt: string | null;
  recallReason: string | null;
  createdAt: string;
}

/** What a lot's answer is made of: its view without what only operations use. */
export type LotResponseSource = Omit<LotView, 'organizationId' | 'netContent' | 'netContentUnit'>;

export function toLotResponse(lot: LotResponseSource, publicBaseUrl: string): LotResponse {
  const amounts = availability(lot.quantity, lot.consumed);
  return {
    id: lot.id,
    code: lot.code,
    shortCode: lot.shortCode,
    uri: lotUri(publicBaseUrl, { gtin: lot.gtin, code: lot.code, shortCode: lot.shortCode }),
    displayName: lot.displayName,
    kind: lot.kind,
    status: lot.status,
    product: { id: lot.productId, nameVi: lot.productNameVi, nameEn: lot.productNameEn, gtin: lot.gtin, unit: lot.productUnit },
    quantity: amounts.quantity,
    unit: lot.unit,
    consumed: amounts.consumed,
    available: amounts.available,
    availability: { ...amounts, unit: lot.unit },
    growingArea: lot.growingAreaId ? { id: lot.growingAreaId, code: lot.growingAreaCode, name: lot.growingAreaName } : null,
    household: lot.householdPartnerId ? { id: lot.householdPartnerId, name: lot.householdName } : null,
    facility: lot.facilityId ? { id: lot.facilityId, name: lot.facilityName } : null,
    producedAt: toIsoWithOffset(lot.producedAt, lot.producedAtOffset),
    producedAtOffset: lot.producedAtOffset,
    expiresAt: lot.expiresAt,
    createdEventId: lot.createdEventId,
    recalledAt: lot.recalledAt?.toISOString() ?? null,
    recallReason: lot.recallReason,
    createdAt: lot.createdAt.toISOString(),
  };
}

export interface EventLineResponse {
  lotId: string;
  lotCode: string | null;
  direction: string;
  quantity: string;
  unit: string;
  quantityInLotUnit: string;
}

export interface EventResponse {
  id: string;
  seq: string;
  type: string;
  epcisEventType: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  eventTime: string;
  eventTimeOffset: string;
  recordTime: string;
  recordedBy: string | null;
  growingAreaId: string | null;
  facilityId: string | null;
  sourcePartnerId: string | null;
  destinationPartnerId: string | null;
  documents: { type: string; number: string }[];
  details: Record<string, unknown>;
  reason: string | null;
  voidsEventId: string | null;
  voided: { eventId: string; reason: string | null; recordTime: string } | null;
  lines: EventLineResponse[];
  prevHash: string | null;
  hash: string;
}

export function toEventResponse(event: AppendedEvent | StoredEvent, lotCodes?: Map<string, string>): EventResponse {
  const stored = event as Partial<StoredEvent>;
  return {
    id: event.id,
    seq: String(event.seq),
    type: event.type,
    epcisEventType: event.epcisEventType,
    action: event.action,
    bizStep: event.bizStep,
    disposition: event.disposition,
    eventTime: toIsoWithOffset(event.eventTime, event.eventTimeOffset),
    eventTimeOffset: event.eventTimeOffset,
    recordTime: event.recordTime.toISOString(),
    recordedBy: event.recordedBy,
    growingAreaId: event.growingAreaId,
    facilityId: event.facilityId,
    sourcePartnerId: event.sourcePartnerId,
    destinationPartnerId: event.destinationPartnerId,
    documents: event.documents,
    details: event.details,
    reason: event.reason,
    voidsEventId: event.voidsEventId,
    voided: stored.voidedBy ? { eventId: stored.voidedBy.eventId, reason: stored.voidedBy.reason, recordTime: stored.voidedBy.recordTime.toISOString() } : null,
    lines: event.lines.map((line) => ({
      lotId: line.lotId,
      lotCode: (line as { lotCode?: string }).lotCode ?? lotCodes?.get(line.lotId) ?? null,
      direction: line.direction,
      quantity: canonicalQuantity(line.quantity),
      unit: line.unit,
      quantityInLotUnit: canonicalQuantity(line.quantityInLotUnit),
    })),
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

export interface ShipmentResponse {
  id: string;
  status: string;
  direction: 'incoming' | 'outgoing';
  lot: { id: string | null; code: string; shortCode: string; uri: string; productId: string | null; productName: string; gtin: string | null };
  partner: { id: string; name: string } | null;
  from: { organizationId: string; organizationName: string };
  quantity: string;
  unit: string;
  shippedAt: string;
  documents: { type: string; number: string }[];
  shipEventId: string | null;
  receivedLotId: string | null;
  receivedLotCode: string | null;
  receivedAt: string | null;
  createdAt: string;
}

/**
 * A shipment as one of its two parties sees it. The receiver sees what travels with the goods (lot
 * code and URI, product name, sender) but none of the sender's internal ids or partner records.
 */
export function toShipmentResponse(shipment: ShipmentView, viewerOrganizationId: string, publicBaseUrl: string): ShipmentResponse {
  const outgoing = shipment.organizationId === viewerOrganizationId;
  return {
    id: shipment.id,
    status: shipment.status,
    direction: outgoing ? 'outgoing' : 'incoming',
    lot: {
      id: outgoing ? shipment.lotId : null,
      code: shipment.lotCode,
      shortCode: shipment.lotShortCode,
      uri: lotUri(publicBaseUrl, { gtin: shipment.productGtin, code: shipment.lotCode, shortCode: shipment.lotShortCode }),
      productId: outgoing ? shipment.productId : null,
      productName: shipment.productNameVi,
      gtin: shipment.productGtin,
    },
    partner: outgoing ? { id: shipment.partnerId, name: shipment.partnerName } : null,
    from: { organizationId: shipment.organizationId, organizationName: shipment.senderOrganizationName },
    quantity: canonicalQuantity(shipment.quantity),
    unit: shipment.unit,
    shippedAt: shipment.shippedAt.toISOString(),
    documents: shipment.documents,
    shipEventId: outgoing ? shipment.eventId : null,
    receivedLotId: outgoing ? null : shipment.receivedLotId,
    receivedLotCode: shipment.receivedLotCode,
    receivedAt: shipment.receivedAt?.toISOString() ?? null,
    createdAt: shipment.createdAt.toISOString(),
  };
}
