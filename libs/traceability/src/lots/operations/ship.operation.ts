import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { timeOrderedUuid } from '../../common/time-ordered-id.js';
import { DomainException, notFound } from '../../common/domain.exception.js';
import { parseQuantity, parseUnit } from '../../common/units.js';
import { CLOCK, type Clock } from '../clock.js';
import type { EventDocument } from '../event-rows.js';
import { toEventResponse, toShipmentResponse, type EventResponse, type ShipmentResponse } from '../lot-views.js';
import { LotsRepository, type ShipmentView } from '../lots.repository.js';
import { fitsInLot } from '../quantity.js';
import type { Actor } from './actor.js';
import { EventAppender } from './event-appender.js';
import { amountInLot, assertConsumable, eventBeforeInput, overconsumed } from './lot-rules.js';
import { LotTransactions } from './lot-transactions.js';
import { pastDateTime } from './operation-time.js';
import type { QuantityLine } from './quantity-line.js';

export interface ShipInput extends QuantityLine {
  partnerId: string;
  shippedAt: string;
  documents?: EventDocument[];
}

/**
 * Ship: a quantity of a lot leaves for a partner (docs/rules.md, “Mass balance”). A partner
 * that is an organization on the platform receives it into a lot of its own (ReceiveOperation),
 * once it has accepted this organization's shipments (its trade link is confirmed).
 */
@Injectable()
export class ShipOperation {
  constructor(
    private readonly transactions: LotTransactions,
    private readonly appender: EventAppender,
    private readonly lots: LotsRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(actor: Actor, lotId: string, input: ShipInput, db?: EntityManager): Promise<{ event: EventResponse; shipment: ShipmentResponse }> {
    const organizationId = actor.organizationId;
    const quantity = parseQuantity(input.quantity, 'quantity');
    const unit = parseUnit(input.unit, 'unit');
    const shipped = pastDateTime(this.clock, input.shippedAt, 'shippedAt', 'EVENT_DATE_IN_FUTURE');
    const documents = (input.documents ?? []).map((document) => ({ type: document.type.trim(), number: document.number.trim() }));

    return this.transactions.atomically(db, async (q) => {
      const { lot, partner, organizationName } = await this.lots.findShipContext(organizationId, lotId, input.partnerId, q);
      if (!lot) throw notFound('Lot', lotId);
      if (!partner) throw notFound('Partner', input.partnerId, 'partnerId');
      assertConsumable(lot, 'id');
      if (shipped.instant < lot.producedAt) throw eventBeforeInput('shippedAt', lot);
      const amount = amountInLot(lot, quantity, unit, '');
      if (!fitsInLot(lot.quantity, lot.consumed, amount)) throw overconsumed(lot, amount, 'quantity');

      const receiverOrganizationId = partner.linkedOrganizationId && partner.linkedOrganizationId !== organizationId ? partner.linkedOrganizationId : null;
      // Nobody pushes shipments into another organization's incoming list: it must have accepted ours.
      if (receiverOrganizationId && !partner.tradeLinkActive) {
        throw new DomainException('PARTNER_LINK_NOT_CONFIRMED', 'partnerId: the organization this partner names has not accepted your shipments yet (trade link pending)', 'forbidden', {
          field: 'partnerId',
          linkedOrganizationId: receiverOrganizationId,
        });
      }
      const shipment = { id: timeOrderedUuid(), lotId: lot.id, partnerId: partner.id, receiverOrganizationId, quantity, unit, shippedAt: shipped.instant, documents };
      const event = await this.appender.appendGuarded(
        actor,
        {
          type: 'ship',
          epcisEventType: 'ObjectEvent',
          action: 'OBSERVE',
          bizStep: 'shipping',
          disposition: 'in_transit',
          time: shipped,
          facilityId: lot.facilityId,
          destinationPartnerId: partner.id,
          documents,
          details: { shipmentId: shipment.id, partner: { name: partner.name, kind: partner.kind }, receiverOrganizationId },
        },
        [{ lotId: lot.id, direction: 'input', quantity, unit, quantityInLotUnit: amount }],
        { lotChanges: [{ lotId: lot.id, consumedDelta: amount }], shipment },
        q,
        [{ lotId: lot.id, amount, field: 'quantity' }],
      );
      const view: ShipmentView = {
        ...shipment,
        organizationId,
        eventId: event.id,
        status: 'in_transit',
        receivedLotId: null,
        receivedEventId: null,
        receivedAt: null,
        createdAt: event.recordTime,
        lotCode: lot.code,
        lotShortCode: lot.shortCode,
        productId: lot.productId,
        productNameVi: lot.productNameVi,
        productGtin: lot.gtin,
        partnerName: partner.name,
        senderOrganizationName: organizationName,
        receivedLotCode: null,
      };
      return { event: toEventResponse(event, new Map([[lot.id, lot.code]])), shipment: toShipmentResponse(view, organizationId, this.config.publicBaseUrl) };
    });
  }
}
