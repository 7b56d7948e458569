import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, type Db } from '@app/database';
import { DomainException, InvalidFieldException, notFound } from '../../common/domain.exception.js';
import { CLOCK, type Clock } from '../clock.js';
import { EventsRepository } from '../events.repository.js';
import { toEventResponse, type EventResponse } from '../lot-views.js';
import { LotRegistryRepository } from '../lot-registry.repository.js';
import { LotsRepository, type MarkedLot } from '../lots.repository.js';
import { canonicalQuantity } from '../quantity.js';
import type { Actor } from './actor.js';

export interface RecallInput {
  lotId: string;
  reason: string;
}

export interface RecalledLot {
  id: string;
  code: string;
  kind: string;
  productId: string;
  productNameVi: string;
  quantity: string;
  unit: string;
}

export interface RecallResponse {
  event: EventResponse;
  /** Every lot of this organization the recall marked (the lot and all its descendants). */
  lots: RecalledLot[];
  /** Partners those lots were shipped to, with the shipments to call back. */
  partners: {
    id: string;
    name: string;
    shipments: { id: string; lotId: string; lotCode: string; quantity: string; unit: string; shippedAt: string; status: string }[];
  }[];
  /** Organizations on the platform that had received those lots: their received lots and descendants are recalled too. */
  downstreamOrganizations: { organizationId: string; name: string; lotsRecalled: number }[];
}

/**
 * Recall (docs/rules.md, “Recalls propagate”): the lot and every lot downstream of it are marked recalled in one
 * transaction, so their public pages show the banner at once.
 *
 * Propagation walks the genealogy one level at a time with UPDATE … WHERE status = 'active'
 * RETURNING: each level is locked and marked before its children are looked up, so an operation that
 * consumed a lot just before we locked it has committed its child (and we see it), and one that comes
 * after waits for us and then finds the lot recalled. The walk crosses organizations through received
 * shipments (shipment.lot_id → received_lot_id): the receiver's lot and its descendants are marked too,
 * and each organization touched gets one `recall` event on its own hash chain, recorded on behalf of
 * the initiating organization. A shipment still in transit is received later as an already recalled
 * lot (see ReceiveOperation).
 */
@Injectable()
export class RecallOperation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lots: LotsRepository,
    private readonly events: EventsRepository,
    private readonly registry: LotRegistryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `onProgress`: after each level of the genealogy, the lots marked so far (a recall job reports it). */
  async run(actor: Actor, input: RecallInput, db?: EntityManager, onProgress?: (lotsMarked: number) => Promise<void>): Promise<RecallResponse> {
    const reason = input.reason.trim();
    if (!reason) throw new InvalidFieldException('RECALL_REASON_REQUIRED', 'reason', 'a reason is required');
    const organizationId = actor.organizationId;
    const run = async (tx: EntityManager) => {
      const [root] = await this.lots.lockLots(organizationId, [input.lotId], tx);
      if (!root) throw new DomainException('LOT_NOT_FOUND', `lotId: lot not found: ${input.lotId}`, 'not_found', { field: 'lotId', id: input.lotId });
      if (root.status === 'recalled') {
        throw new DomainException('LOT_ALREADY_RECALLED', `lotId: lot ${root.code} is already recalled`, 'conflict', { field: 'lotId', lotId: root.id });
      }
      if (root.status === 'voided') {
        throw new DomainException('LOT_VOIDED', `lotId: lot ${root.code} is voided`, 'validation', { field: 'lotId', lotId: root.id });
      }
      const recalledAt = this.clock.now();
      const marked = await this.markDownstream(organizationId, root.id, recalledAt, reason, tx, onProgress);

      const byOrganization = new Map<string, MarkedLot[]>();
      for (const lot of marked) byOrganization.set(lot.organizationId, [...(byOrganization.get(lot.organizationId) ?? []), lot]);
      // One recall event per chain; chain heads are locked in organization-id order.
      const recallId = randomUUID();
      const names = await this.registry.organizationNames([...byOrganization.keys()], tx);
      let own: Awaited<ReturnType<EventsRepository['append']>> | undefined;
      for (const orgId of [...byOrganization.keys()].sort()) {
        const lots = byOrganization.get(orgId)!;
        const initiator = orgId === organizationId;
        const event = await this.events.append(
          orgId,
          {
            id: initiator ? recallId : randomUUID(),
            type: 'recall',
            epcisEventType: 'ObjectEvent',
            action: 'OBSERVE',
            bizStep: null,
            disposition: 'recalled',
            eventTime: recalledAt,
            eventTimeOffset: '+07:00',
            recordTime: recalledAt,
            recordedBy: initiator ? actor.userId : null,
            growingAreaId: null,
            facilityId: null,
            sourcePartnerId: null,
            destinationPartnerId: null,
            documents: [],
            details: {
              recallId,
              rootLotId: initiator ? root.id : null,
              rootLotCode: root.code,
              initiatedBy: { organizationId, organizationName: names.get(organizationId) ?? null },
              ...(initiator && actor.apiKeyId ? { recordedByApiKeyId: actor.apiKeyId } : {}),
            },
            voidsEventId: null,
            reason,
          },
          lots.map((lot) => ({
            lotId: lot.id,
            direction: 'observed' as const,
            quantity: canonicalQuantity(lot.quantity),
            unit: lot.unit,
            quantityInLotUnit: canonicalQuantity(lot.quantity),
          })),
          {},
          tx,
        );
        if (initiator) own = event;
      }
      const ownLots = byOrganization.get(organizationId)!.map((lot) => lot.id);
      return {
        event: own!,
        ownLots,
        downstream: [...byOrganization]
          .filter(([orgId]) => orgId !== organizationId)
          .map(([orgId, lots]) => ({ organizationId: orgId, name: names.get(orgId) ?? '', lotsRecalled: lots.length })),
      };
    };
    const result = await inTransaction(this.dataSource, run, { within: db });
    return this.respond(organizationId, result.event.id, result.ownLots, result.downstream, db);
  }

  /**
   * The answer of a recall, read back from its event (what a retry with its Idempotency-Key gets
   * when the process died after the commit and before the answer was stored).
   */
  async result(actor: Pick<Actor, 'organizationId'>, eventId: string): Promise<RecallResponse> {
    const event = await this.events.findEvent(actor.organizationId, eventId);
    if (!event || event.type !== 'recall') throw notFound('Event', eventId);
    const downstream = await this.events.recallElsewhere(actor.organizationId, String((event.details as { recallId?: string }).recallId), event.recordTime);
    return this.respond(actor.organizationId, eventId, event.lines.map((line) => line.lotId), downstream);
  }

  private async respond(
    organizationId: string,
    eventId: string,
    ownLots: string[],
    downstream: RecallResponse['downstreamOrganizations'],
    db?: EntityManager,
  ): Promise<RecallResponse> {
    const [event, lots, shipments] = await Promise.all([
      this.events.findEvent(organizationId, eventId, db),
      this.lots.findLotsByIds(organizationId, ownLots, db),
      this.lots.shipmentsOfLots(organizationId, ownLots, db),
    ]);
    const partners = new Map<string, RecallResponse['partners'][number]>();
    for (const s of shipments) {
      const partner = partners.get(s.partnerId) ?? { id: s.partnerId, name: s.partnerName, shipments: [] };
      partner.shipments.push({
        id: s.id,
        lotId: s.lotId,
        lotCode: s.lotCode,
        quantity: canonicalQuantity(s.quantity),
        unit: s.unit,
        shippedAt: s.shippedAt.toISOString(),
        status: s.status,
      });
      partners.set(s.partnerId, partner);
    }
    return {
      event: toEventResponse(event!),
      lots: lots.map((lot) => ({
        id: lot.id,
        code: lot.code,
        kind: lot.kind,
        productId: lot.productId,
        productNameVi: lot.productNameVi,
        quantity: canonicalQuantity(lot.quantity),
        unit: lot.unit,
      })),
      partners: [...partners.values()],
      downstreamOrganizations: [...downstream].sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /** Marks the root, then level by level every active descendant, across received shipments. */
  private async markDownstream(organizationId: string, rootId: string, recalledAt: Date, reason: string, tx: Db, onProgress?: (lotsMarked: number) => Promise<void>): Promise<MarkedLot[]> {
    const marked = await this.lots.markRecalled(organizationId, rootId, recalledAt, reason, tx);
    if (!marked.length) throw notFound('Lot', rootId);
    let level = marked.map((lot) => lot.id);
    while (level.length) {
      const next = await this.lots.markChildrenRecalled(level, recalledAt, reason, tx);
      marked.push(...next);
      level = next.map((lot) => lot.id);
      await onProgress?.(marked.length);
    }
    return marked;
  }
}
