import { Injectable } from '@nestjs/common';
import { queryRows, ReadDatabase, type Db } from '@app/database';
import type { LotLinkRow } from './lot-rows.js';

export type TraceDirection = 'back' | 'forward';

export interface TraceNodeRow {
  id: string;
  code: string;
  shortCode: string;
  kind: string;
  status: string;
  productId: string;
  productNameVi: string;
  productNameEn: string | null;
  gtin: string | null;
  quantity: string;
  unit: string;
  consumed: string;
  producedAt: string;
  producedAtOffset: string;
  expiresAt: string | null;
  growingAreaId: string | null;
  householdPartnerId: string | null;
  facilityId: string | null;
}

/** A genealogy edge as a trace reads it: the lot_link row (lot-rows.ts) without its tenant. */
export type TraceEdgeRow = Omit<LotLinkRow, 'organizationId'>;

export interface TraceRows {
  nodes: TraceNodeRow[];
  edges: TraceEdgeRow[];
  growingAreas: { id: string; code: string; name: string; crop: string; areaHa: string; commune: string | null; province: string }[];
  households: { id: string; name: string; commune: string | null; province: string | null }[];
  facilities: { id: string; name: string; kind: string; code: string | null; province: string | null }[];
  inputApplications: {
    id: string;
    growingAreaId: string;
    appliedAt: string;
    kind: string;
    productName: string;
    activeIngredient: string | null;
    phiDays: number;
  }[];
  upstream: { lotId: string; shipmentId: string; fromOrganizationId: string; fromOrganizationName: string; fromLotCode: string; productName: string; shippedAt: string; quantity: string; unit: string }[];
  shipments: {
    id: string;
    lotId: string;
    partnerId: string;
    partnerName: string;
    partnerKind: string;
    quantity: string;
    unit: string;
    shippedAt: string;
    status: string;
    documents: { type: string; number: string }[];
    receiverOrganizationName: string | null;
  }[];
}

/**
 * The lots reachable from `$2` over the link table, in one direction. UNION (not UNION ALL) keeps each
 * lot once, so the recursion stops even if the data held a cycle (docs/rules.md says it cannot, but a trace
 * must never hang). Each step is an index lookup: (child, parent) going back, the primary key
 * (parent, child, event) going forward.
 */
export function reachableLotsSql(direction: TraceDirection): string {
  const [from, to] = direction === 'back' ? ['child_lot_id', 'parent_lot_id'] : ['parent_lot_id', 'child_lot_id'];
  return `reach(id) AS (
      SELECT $2::uuid
      UNION
      SELECT k.${to} FROM lot_link k JOIN reach r ON k.${from} = r.id WHERE k.organization_id = $1
    )`;
}

/**
 * The edges reachable from `$2` in one direction, each with its quantity and event: the same walk
 * as reachableLotsSql, step for step, but each step keeps the link rows it reads, so the edges of a
 * trace cost nothing more than finding its lots. UNION keeps each edge once, so a cycle in the data
 * still ends the recursion.
 */
export function reachableEdgesSql(direction: TraceDirection): string {
  const [from, to] = direction === 'back' ? ['child_lot_id', 'parent_lot_id'] : ['parent_lot_id', 'child_lot_id'];
  const columns = (k: string) => `${k}.parent_lot_id, ${k}.child_lot_id, ${k}.event_id, ${k}.event_type, ${k}.quantity, ${k}.unit`;
  return `edge AS (
      SELECT ${columns('k')} FROM lot_link k WHERE k.organization_id = $1 AND k.${from} = $2::uuid
      UNION
      SELECT ${columns('k')} FROM lot_link k JOIN edge r ON k.${from} = r.${to} WHERE k.organization_id = $1
    )`;
}

const LOCAL_DATE = (column: string) => `((${column} AT TIME ZONE 'UTC') + (n.produced_at_offset)::interval)::date`;

@Injectable()
export class TraceRepository {
  /** Reads on the primary, or on a replica when the route chose one (ReadDatabase; a transaction passes its own `db`). */
  constructor(private readonly reads: ReadDatabase) {}

  /** The whole genealogy graph of a lot in one direction, with its roots or leaves, in one statement. */
  async trace(organizationId: string, lotId: string, direction: TraceDirection, db: Db = this.reads.db): Promise<TraceRows> {
    const rootsOrLeaves =
      direction === 'back'
        ? `(SELECT coalesce(json_agg(json_build_object('id', ga.id, 'code', ga.code, 'name', ga.name, 'crop', ga.crop, 'areaHa', ga.area_ha::text,
              'commune', ga.commune, 'province', ga.province) ORDER BY ga.code), '[]')
             FROM growing_area ga WHERE ga.organization_id = $1 AND ga.id = ANY(ARRAY(SELECT DISTINCT growing_area_id FROM nodes))) AS "growingAreas",
           (SELECT coalesce(json_agg(json_build_object('id', hh.id, 'name', hh.name, 'commune', hh.commune, 'province', hh.province) ORDER BY hh.name), '[]')
             FROM partner hh WHERE hh.organization_id = $1 AND hh.id = ANY(ARRAY(SELECT DISTINCT household_partner_id FROM nodes))) AS households,
           (SELECT coalesce(json_agg(json_build_object('id', ia.id, 'growingAreaId', ia.growing_area_id, 'appliedAt', ia.applied_at::text, 'kind', ia.kind,
              'productName', ia.product_name, 'activeIngredient', ia.active_ingredient, 'phiDays', ia.phi_days) ORDER BY ia.applied_at, ia.id), '[]')
             FROM (SELECT DISTINCT ia.* FROM nodes n
                   JOIN input_application ia ON ia.growing_area_id = n.growing_area_id
                     AND ia.applied_at <= ${LOCAL_DATE('n.produced_at')} AND ia.applied_at > ${LOCAL_DATE('n.produced_at')} - 365
                   WHERE n.kind = 'harvest' AND ia.organization_id = $1 AND ia.voided_at IS NULL) ia) AS "inputApplications",
           (SELECT coalesce(json_agg(json_build_object('lotId', s.received_lot_id, 'shipmentId', s.id, 'fromOrganizationId', s.organization_id,
              'fromOrganizationName', o.name, 'fromLotCode', sl.code, 'productName', sp.name_vi, 'shippedAt', s.shipped_at,
              'quantity', s.quantity::text, 'unit', s.unit) ORDER BY s.shipped_at), '[]')
             FROM shipment s JOIN organization o ON o.id = s.organization_id JOIN lot sl ON sl.id = s.lot_id JOIN product sp ON sp.id = sl.product_id
             WHERE s.receiver_organization_id = $1 AND s.received_lot_id = ANY(ARRAY(SELECT id FROM nodes WHERE kind = 'received'))) AS upstream,
           '[]'::json AS shipments`
        : `'[]'::json AS "growingAreas", '[]'::json AS households, '[]'::json AS "inputApplications", '[]'::json AS upstream,
           (SELECT coalesce(json_agg(json_build_object('id', s.id, 'lotId', s.lot_id, 'partnerId', s.partner_id, 'partnerName', pa.name,
              'partnerKind', pa.kind, 'quantity', s.quantity::text, 'unit', s.unit, 'shippedAt', s.shipped_at, 'status', s.status,
              'documents', s.documents, 'receiverOrganizationName', ro.name) ORDER BY s.shipped_at, s.id), '[]')
             FROM shipment s JOIN partner pa ON pa.id = s.partner_id LEFT JOIN organization ro ON ro.id = s.receiver_organization_id AND s.status = 'received'
             WHERE s.organization_id = $1 AND s.lot_id = ANY(ARRAY(SELECT id FROM nodes)) AND s.status <> 'cancelled') AS shipments`;

    // `= ANY(ARRAY(subquery))` rather than `IN (subquery)`: the planner then looks every lot up by
    // index instead of hashing a whole organization's table, whatever its estimate of the set.
    const far = direction === 'back' ? 'parent_lot_id' : 'child_lot_id';
    const text = `WITH RECURSIVE ${reachableEdgesSql(direction)},
       nodes AS (
         SELECT l.id, l.code, l.short_code, l.kind, l.status, l.product_id, l.quantity, l.unit, l.consumed, l.produced_at,
           l.produced_at_offset, l.expires_at, l.growing_area_id, l.household_partner_id, l.facility_id
         FROM lot l WHERE l.organization_id = $1 AND l.id = ANY(ARRAY(SELECT $2::uuid UNION SELECT ${far} FROM edge))
       )
       SELECT
         (SELECT coalesce(json_agg(json_build_object('id', n.id, 'code', n.code, 'shortCode', n.short_code, 'kind', n.kind, 'status', n.status,
            'productId', n.product_id, 'productNameVi', p.name_vi, 'productNameEn', p.name_en, 'gtin', p.gtin, 'quantity', n.quantity::text,
            'unit', n.unit, 'consumed', n.consumed::text, 'producedAt', n.produced_at, 'producedAtOffset', n.produced_at_offset,
            'expiresAt', n.expires_at::text, 'growingAreaId', n.growing_area_id, 'householdPartnerId', n.household_partner_id,
            'facilityId', n.facility_id) ORDER BY n.produced_at, n.code), '[]')
          FROM nodes n JOIN product p ON p.id = n.product_id) AS nodes,
         (SELECT coalesce(json_agg(json_build_object('parentLotId', k.parent_lot_id, 'childLotId', k.child_lot_id, 'eventId', k.event_id,
            'eventType', k.event_type, 'quantity', k.quantity::text, 'unit', k.unit)), '[]')
          FROM edge k) AS edges,
         (SELECT coalesce(json_agg(json_build_object('id', f.id, 'name', f.name, 'kind', f.kind, 'code', f.code, 'province', f.province) ORDER BY f.name), '[]')
          FROM facility f WHERE f.organization_id = $1 AND f.id = ANY(ARRAY(SELECT DISTINCT facility_id FROM nodes))) AS facilities,
         ${rootsOrLeaves}`;
    // Outside a transaction, a named prepared statement planned once per connection (planning this
    // statement takes longer than running it), so a trace costs its execution only.
    const [row] = await queryRows<TraceRows>(db, text, [organizationId, lotId], `nguon_trace_${direction}`);
    return row;
  }

  /** The ids of the lots reachable from a lot in one direction, the lot itself included. */
  reachableLotIds(organizationId: string, lotId: string, direction: TraceDirection, db: Db = this.reads.db): Promise<{ id: string }[]> {
    return db.query(`WITH RECURSIVE ${reachableLotsSql(direction)} SELECT id FROM reach`, [organizationId, lotId]);
  }
}
