import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainException, InvalidFieldException, notFound } from '../../common/domain.exception.js';
import { addQuantities } from '../../common/units.js';
import { CLOCK, type Clock } from '../clock.js';
import { EventsRepository, type LotChange } from '../events.repository.js';
import { toEventResponse, type EventResponse } from '../lot-views.js';
import { LotsRepository } from '../lots.repository.js';
import { storedQuantity } from '../quantity.js';
import type { Actor } from './actor.js';
import { EventAppender } from './event-appender.js';
import { LotTransactions } from './lot-transactions.js';
import { nowWithOffset } from './operation-time.js';

export interface VoidInput {
  reason: string;
}

/**
 * Void: corrects a mistake (docs/rules.md, “Immutable history”). A `void` event references the original with a
 * reason; the original stays in history but no longer counts. What it consumed goes back to its
 * input lots, the lots it created are voided — refused when they have already been used downstream.
 */
@Injectable()
export class VoidEventOperation {
  constructor(
    private readonly transactions: LotTransactions,
    private readonly appender: EventAppender,
    private readonly events: EventsRepository,
    private readonly lots: LotsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(actor: Actor, eventId: string, input: VoidInput, db?: EntityManager): Promise<{ event: EventResponse; voided: EventResponse }> {
    const organizationId = actor.organizationId;
    const reason = input.reason.trim();
    if (!reason) throw new InvalidFieldException('VOID_REASON_REQUIRED', 'reason', 'a reason is required');
    const voidEventId = await this.transactions.transaction(
      db,
      async (tx) => {
        const original = await this.events.findEvent(organizationId, eventId, tx, true);
        if (!original) throw notFound('Event', eventId);
        if (original.type === 'void' || original.type === 'recall') {
          throw new DomainException('EVENT_NOT_VOIDABLE', `id: a ${original.type} event cannot be voided`, 'validation', { field: 'id', type: original.type });
        }
        const existing = await this.events.findVoidOf(organizationId, eventId, tx);
        if (existing) throw new DomainException('EVENT_ALREADY_VOIDED', 'id: this event has already been voided', 'conflict', { field: 'id', voidEventId: existing });

        const inputLines = original.lines.filter((line) => line.direction === 'input');
        const outputLines = original.lines.filter((line) => line.direction === 'output');
        const locked = await this.lots.lockLots(organizationId, [...inputLines, ...outputLines].map((line) => line.lotId), tx);
        const outputIds = new Set(outputLines.map((line) => line.lotId));
        const used = locked.filter((lot) => outputIds.has(lot.id) && Number(lot.consumed) > 0);
        if (used.length) {
          throw new DomainException(
            'EVENT_HAS_DOWNSTREAM',
            `id: lots made by this event have been used since (${used.map((lot) => lot.code).join(', ')}); void those operations first`,
            'conflict',
            { field: 'id', lotIds: used.map((lot) => lot.id) },
          );
        }
        if (original.type === 'ship') {
          const shipment = await this.lots.findShipmentByEvent(organizationId, original.id, tx, true);
          if (shipment?.status === 'received') {
            throw new DomainException('EVENT_HAS_DOWNSTREAM', 'id: the shipment has been received; the receiver must void its receipt first', 'conflict', {
              field: 'id',
              shipmentId: shipment.id,
            });
          }
          if (shipment) await this.lots.setShipmentStatus(organizationId, shipment.id, 'cancelled', tx);
        }
        if (original.type === 'receive') {
          const shipment = await this.lots.findShipmentReceivedBy(organizationId, original.id, tx, true);
          if (shipment) await this.lots.setShipmentStatus(organizationId, shipment.id, 'in_transit', tx);
        }
        if (inputLines.length) await this.lots.deleteLinksOfEvent(organizationId, original.id, inputLines.map((line) => line.lotId), tx);

        const giveBack = new Map<string, string>();
        for (const line of inputLines) giveBack.set(line.lotId, storedQuantity(addQuantities(giveBack.get(line.lotId) ?? '0', line.quantityInLotUnit)));
        const lotChanges: LotChange[] = [
          ...[...giveBack].map(([lotId, amount]) => ({ lotId, consumedDelta: `-${amount}` })),
          ...[...outputIds].map((lotId) => ({ lotId, status: 'voided' as const })),
        ];
        const event = await this.appender.append(
          actor,
          {
            type: 'void',
            epcisEventType: original.epcisEventType,
            action: null,
            bizStep: null,
            disposition: null,
            time: nowWithOffset(this.clock),
            voidsEventId: original.id,
            reason,
            details: { voidedType: original.type, voidedSeq: String(original.seq) },
          },
          [],
          { lotChanges },
          tx,
          { last: true },
        );
        return event.id;
      },
      { commitWithAppend: true },
    );
    const [event, voided] = await Promise.all([this.events.findEvent(organizationId, voidEventId, db), this.events.findEvent(organizationId, eventId, db)]);
    return { event: toEventResponse(event!), voided: toEventResponse(voided!) };
  }
}
