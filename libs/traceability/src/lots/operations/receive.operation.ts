import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DomainException, InvalidFieldException, notFound } from '../../common/domain.exception.js';
import { normalizeLotCode } from '../../common/gs1.js';
import { searchKey } from '../../common/text.js';
import type { Product } from '../../registry/products/product.entity.js';
import { ProductsService } from '../../registry/products/products.service.js';
import { CLOCK, type Clock } from '../clock.js';
import type { NewLot } from '../events.repository.js';
import { toEventResponse, toShipmentResponse, type EventResponse, type LotResponse, type ShipmentResponse } from '../lot-views.js';
import { LotRegistryRepository, type ProductRecord } from '../lot-registry.repository.js';
import { LotsRepository } from '../lots.repository.js';
import { canonicalQuantity } from '../quantity.js';
import type { Actor } from './actor.js';
import { EventAppender } from './event-appender.js';
import { LotCodes } from './lot-codes.js';
import { LotQueries } from './lot-queries.js';
import { lotMasterData, newLotBase } from './lot-rules.js';
import { LotTransactions } from './lot-transactions.js';
import { nowWithOffset, pastDateTime } from './operation-time.js';

export interface ReceiveInput {
  productId?: string;
  lotCode?: string;
  receivedAt?: string;
  facilityId?: string;
}

/**
 * Receive: the organization a shipment was sent to accepts it into a lot of its own
 * (docs/rules.md, “Tenants are isolated”: goods pass between organizations only through an accepted shipment). The new lot keeps the sender's lot code when it is free, the production
 * date and expiry, and is born recalled if the shipped lot has been recalled meanwhile (its public
 * page must show the banner).
 */
@Injectable()
export class ReceiveOperation {
  constructor(
    private readonly transactions: LotTransactions,
    private readonly appender: EventAppender,
    private readonly codes: LotCodes,
    private readonly queries: LotQueries,
    private readonly lots: LotsRepository,
    private readonly registry: LotRegistryRepository,
    private readonly products: ProductsService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(actor: Actor, shipmentId: string, input: ReceiveInput, db?: EntityManager): Promise<{ event: EventResponse; lot: LotResponse; shipment: ShipmentResponse }> {
    const organizationId = actor.organizationId;
    const received = input.receivedAt ? pastDateTime(this.clock, input.receivedAt, 'receivedAt', 'EVENT_DATE_IN_FUTURE') : nowWithOffset(this.clock);
    const lotCode = input.lotCode === undefined ? undefined : normalizeLotCode(input.lotCode, 'lotCode');

    const result = await this.transactions.transaction(db, async (tx) => {
      const shipment = await this.lots.findShipmentForParty(organizationId, shipmentId, tx, true);
      if (!shipment) throw notFound('Shipment', shipmentId);
      if (shipment.receiverOrganizationId !== organizationId) {
        throw new DomainException('SHIPMENT_NOT_RECEIVABLE', 'id: only the organization the shipment was sent to can receive it', 'validation', { field: 'id', shipmentId });
      }
      if (shipment.status !== 'in_transit') {
        throw new DomainException(
          shipment.status === 'received' ? 'SHIPMENT_ALREADY_RECEIVED' : 'SHIPMENT_CANCELLED',
          `id: this shipment is already ${shipment.status}`,
          'conflict',
          { field: 'id', shipmentId, status: shipment.status },
        );
      }
      if (received.instant < shipment.shippedAt) {
        throw new InvalidFieldException('EVENT_BEFORE_INPUT', 'receivedAt', `a shipment cannot be received before it was shipped (${shipment.shippedAt.toISOString()})`);
      }
      // The sender's lot, read under a share lock: a recall running now either finishes first (and
      // this lot is born recalled) or waits for this receipt and then recalls the new lot too.
      const source = (await this.lots.findSenderLotForShare(shipment.organizationId, shipment.lotId, tx))!;

      let product: ProductRecord | null;
      if (input.productId) {
        product = await this.registry.findProduct(organizationId, input.productId, tx);
        if (!product) throw notFound('Product', input.productId, 'productId');
      } else {
        product =
          (await this.registry.findProductByName(organizationId, searchKey(source.productNameVi), source.productUnit, tx)) ??
          productRecord(await this.products.copyFromSender(organizationId, { organizationId: shipment.organizationId, productId: source.productId }, tx));
      }
      if (input.facilityId && !(await this.registry.findFacility(organizationId, input.facilityId, tx))) {
        throw notFound('Facility', input.facilityId, 'facilityId');
      }
      let code = lotCode;
      if (code) await this.codes.assertFree(organizationId, [{ code, field: 'lotCode' }], tx);
      else if (!(await this.codes.isTaken(organizationId, source.code, tx))) code = source.code;
      else code = (await this.codes.generate(organizationId, product, received, 1, tx))[0];

      const recalled = source.status === 'recalled';
      const lot: NewLot = {
        ...newLotBase(product, { instant: source.producedAt, offset: source.producedAtOffset }),
        code,
        displayName: null,
        kind: 'received',
        quantity: canonicalQuantity(shipment.quantity),
        unit: shipment.unit,
        growingAreaId: null,
        householdPartnerId: null,
        facilityId: input.facilityId ?? null,
        expiresAt: source.expiresAt,
        status: recalled ? 'recalled' : 'active',
        recalledAt: recalled ? (source.recalledAt ?? this.clock.now()) : null,
        recallReason: recalled ? source.recallReason : null,
      };
      const event = await this.appender.append(
        actor,
        {
          type: 'receive',
          epcisEventType: 'ObjectEvent',
          action: 'OBSERVE',
          bizStep: 'receiving',
          disposition: 'in_progress',
          time: received,
          facilityId: input.facilityId ?? null,
          documents: shipment.documents,
          details: {
            shipmentId: shipment.id,
            from: {
              organizationId: shipment.organizationId,
              organizationName: shipment.senderOrganizationName,
              lotCode: source.code,
              lotShortCode: source.shortCode,
              gtin: source.gtin,
              productName: source.productNameVi,
              shippedAt: shipment.shippedAt.toISOString(),
            },
            lots: [lotMasterData(lot)],
          },
        },
        [{ lotId: lot.id, direction: 'output', quantity: lot.quantity, unit: lot.unit, quantityInLotUnit: lot.quantity }],
        { lots: [lot] },
        tx,
      );
      await this.lots.markShipmentReceived(organizationId, shipment.id, lot.id, event.id, received.instant, tx);
      return { event, lotId: lot.id, codes: new Map([[lot.id, lot.code]]) };
    });
    const [lot, shipment] = await Promise.all([this.queries.lot(organizationId, result.lotId, db), this.lots.findShipmentForParty(organizationId, shipmentId, db)]);
    return { event: toEventResponse(result.event, result.codes), lot, shipment: toShipmentResponse(shipment!, organizationId, this.config.publicBaseUrl) };
  }
}

/** What the operations read of a product, from the registry's entity. */
function productRecord(product: Product): ProductRecord {
  const { id, nameVi, nameEn, gtin, unit, netContent, netContentUnit, shelfLifeDays } = product;
  return { id, nameVi, nameEn, gtin, unit, netContent, netContentUnit, shelfLifeDays };
}
