import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Caller } from '../accounts/caller.js';
import { toIsoWithOffset } from '../common/dates.js';
import { notFound } from '../common/domain.exception.js';
import { lotUri } from '../common/lot-uri.js';
import { canonicalQuantity } from './quantity.js';
import { TraceRepository, type TraceDirection, type TraceRows } from './trace.repository.js';

export interface TraceNode {
  id: string;
  code: string;
  shortCode: string;
  uri: string;
  kind: string;
  status: string;
  product: { id: string; nameVi: string; nameEn: string | null; gtin: string | null };
  quantity: string;
  unit: string;
  consumed: string;
  producedAt: string;
  expiresAt: string | null;
  growingAreaId: string | null;
  householdPartnerId: string | null;
  facilityId: string | null;
}

export interface TraceResponse {
  lotId: string;
  direction: TraceDirection;
  nodes: TraceNode[];
  /** `quantity` of the parent lot, in the parent's unit, went into the child by the event. */
  edges: { parentLotId: string; childLotId: string; eventId: string; eventType: string; quantity: string; unit: string }[];
  growingAreas: TraceRows['growingAreas'];
  households: TraceRows['households'];
  inputApplications: TraceRows['inputApplications'];
  facilities: TraceRows['facilities'];
  /** Trace back: where received lots came from (the sender's lot as shipped; its own history stays the sender's). */
  upstream: TraceRows['upstream'];
  /** Trace forward: every shipment out of the traced lots. */
  shipments: TraceRows['shipments'];
  /** Trace forward: the partners the traced lots were shipped to. */
  partners: { id: string; name: string; kind: string; receivedByOrganization: string | null }[];
}

/** Edges in the order of the lots they lead to (nodes come oldest first), then of the lots they come from. */
function inNodeOrder(edges: TraceRows['edges'], nodes: TraceRows['nodes']): TraceRows['edges'] {
  const position = new Map(nodes.map((node, i) => [node.id, i]));
  const at = (id: string) => position.get(id) ?? nodes.length;
  return [...edges].sort((a, b) => at(a.childLotId) - at(b.childLotId) || at(a.parentLotId) - at(b.parentLotId) || a.eventId.localeCompare(b.eventId));
}

/** Genealogy (docs/rules.md, “Genealogy is a directed acyclic graph”): the complete graph back to the fields or forward to every customer. */
@Injectable()
export class TraceService {
  constructor(
    private readonly repository: TraceRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
  ) {}

  async trace(actor: Pick<Caller, 'organizationId'>, lotId: string, direction: TraceDirection): Promise<TraceResponse> {
    const rows = await this.repository.trace(actor.organizationId, lotId, direction);
    if (!rows.nodes.some((node) => node.id === lotId)) throw notFound('Lot', lotId);
    const partners = new Map<string, TraceResponse['partners'][number]>();
    for (const shipment of rows.shipments) {
      const known = partners.get(shipment.partnerId);
      partners.set(shipment.partnerId, {
        id: shipment.partnerId,
        name: shipment.partnerName,
        kind: shipment.partnerKind,
        receivedByOrganization: shipment.receiverOrganizationName ?? known?.receivedByOrganization ?? null,
      });
    }
    return {
      lotId,
      direction,
      nodes: rows.nodes.map((node) => ({
        id: node.id,
        code: node.code,
        shortCode: node.shortCode,
        uri: lotUri(this.config.publicBaseUrl, { gtin: node.gtin, code: node.code, shortCode: node.shortCode }),
        kind: node.kind,
        status: node.status,
        product: { id: node.productId, nameVi: node.productNameVi, nameEn: node.productNameEn, gtin: node.gtin },
        quantity: canonicalQuantity(node.quantity),
        unit: node.unit,
        consumed: canonicalQuantity(node.consumed),
        producedAt: toIsoWithOffset(new Date(node.producedAt), node.producedAtOffset),
        expiresAt: node.expiresAt,
        growingAreaId: node.growingAreaId,
        householdPartnerId: node.householdPartnerId,
        facilityId: node.facilityId,
      })),
      edges: inNodeOrder(rows.edges, rows.nodes).map((edge) => ({ ...edge, quantity: canonicalQuantity(edge.quantity) })),
      growingAreas: rows.growingAreas.map((area) => ({ ...area, areaHa: canonicalQuantity(area.areaHa) })),
      households: rows.households,
      inputApplications: rows.inputApplications,
      facilities: rows.facilities,
      upstream: rows.upstream.map((u) => ({ ...u, quantity: canonicalQuantity(u.quantity), shippedAt: new Date(u.shippedAt).toISOString() })),
      shipments: rows.shipments.map((s) => ({ ...s, quantity: canonicalQuantity(s.quantity), shippedAt: new Date(s.shippedAt).toISOString() })),
      partners: [...partners.values()],
    };
  }
}
