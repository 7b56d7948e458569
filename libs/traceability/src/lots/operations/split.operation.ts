import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DomainException, notFound } from '../../common/domain.exception.js';
import { normalizeLotCode } from '../../common/gs1.js';
import { addQuantities, parseQuantity, parseUnit } from '../../common/units.js';
import { CLOCK, type Clock } from '../clock.js';
import type { EventHashLine } from '../event-hash.js';
import type { NewLot } from '../events.repository.js';
import { toEventResponse, toLotResponse } from '../lot-views.js';
import { LotsRepository } from '../lots.repository.js';
import { fitsInLot, storedQuantity } from '../quantity.js';
import type { Actor } from './actor.js';
import { EventAppender } from './event-appender.js';
import { LotCodes } from './lot-codes.js';
import { amountInLot, assertConsumable, assertDistinct, codeMap, eventBeforeInput, lotMasterData, newLotBase, overconsumed, productOfLot, viewOfNewLot } from './lot-rules.js';
import { LotTransactions } from './lot-transactions.js';
import { nowWithOffset, pastDateTime } from './operation-time.js';
import type { QuantityLine } from './quantity-line.js';
import type { OutputsResult } from './transform.operation.js';

export interface SplitPart extends QuantityLine {
  lotCode?: string;
}

export interface SplitInput {
  parts: SplitPart[];
  occurredAt?: string;
}

/**
 * Split: a lot divided into parts that keep its lineage, origin, production date and expiry. The
 * parts together may not exceed what the lot has left (docs/rules.md, “Mass balance”), and no part keeps the
 * lot's own code.
 */
@Injectable()
export class SplitOperation {
  constructor(
    private readonly transactions: LotTransactions,
    private readonly appender: EventAppender,
    private readonly codes: LotCodes,
    private readonly lots: LotsRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(actor: Actor, lotId: string, input: SplitInput, db?: EntityManager): Promise<OutputsResult> {
    const organizationId = actor.organizationId;
    const occurred = input.occurredAt ? pastDateTime(this.clock, input.occurredAt, 'occurredAt', 'EVENT_DATE_IN_FUTURE') : nowWithOffset(this.clock);
    const parts = input.parts.map((part, i) => ({
      quantity: parseQuantity(part.quantity, `parts[${i}].quantity`),
      unit: parseUnit(part.unit, `parts[${i}].unit`),
      lotCode: part.lotCode === undefined ? undefined : normalizeLotCode(part.lotCode, `parts[${i}].lotCode`),
      field: `parts[${i}]`,
    }));
    assertDistinct(parts.map((p) => p.lotCode ?? `\u0000${Math.random()}`), (i) => `parts[${i}].lotCode`, 'LOT_CODE_DUPLICATE', 'two parts cannot have the same lot code');

    return this.transactions.atomically(db, async (q, attempt) => {
      const [lot] = await this.lots.findLotsForEvent(organizationId, [lotId], q);
      if (!lot) throw notFound('Lot', lotId);
      assertConsumable(lot, 'id');
      if (occurred.instant < lot.producedAt) throw eventBeforeInput('occurredAt', lot);
      const amounts = parts.map((part) => amountInLot(lot, part.quantity, part.unit, part.field));
      const total = storedQuantity(addQuantities(...amounts));
      if (!fitsInLot(lot.quantity, lot.consumed, total)) throw overconsumed(lot, total, 'parts');
      for (const part of parts) {
        if (part.lotCode === lot.code) {
          throw new DomainException('LOT_CYCLE', `${part.field}.lotCode: a part cannot keep the code of the lot it is split from`, 'validation', {
            field: `${part.field}.lotCode`,
            lotId: lot.id,
          });
        }
      }
      await this.codes.assertFree(organizationId, parts.filter((p) => p.lotCode).map((p) => ({ code: p.lotCode!, field: `${p.field}.lotCode` })), q);
      const product = productOfLot(lot);
      const newLots: NewLot[] = [];
      for (const part of parts) {
        newLots.push({
          ...newLotBase(product, { instant: lot.producedAt, offset: lot.producedAtOffset }),
          code: part.lotCode ?? (await this.codes.generate(organizationId, product, occurred, 1, q, attempt > 1))[0],
          displayName: null,
          kind: 'split',
          quantity: part.quantity,
          unit: part.unit,
          growingAreaId: lot.growingAreaId,
          householdPartnerId: lot.householdPartnerId,
          facilityId: lot.facilityId,
          expiresAt: lot.expiresAt,
        });
      }
      const lines: EventHashLine[] = [
        ...parts.map((part, i) => ({ lotId: lot.id, direction: 'input' as const, quantity: part.quantity, unit: part.unit, quantityInLotUnit: amounts[i] })),
        ...newLots.map((child) => ({ lotId: child.id, direction: 'output' as const, quantity: child.quantity, unit: child.unit, quantityInLotUnit: child.quantity })),
      ];
      const event = await this.appender.appendGuarded(
        actor,
        {
          type: 'split',
          epcisEventType: 'TransformationEvent',
          action: null,
          bizStep: 'repackaging',
          disposition: 'active',
          time: occurred,
          facilityId: lot.facilityId,
          details: { lots: newLots.map(lotMasterData) },
        },
        lines,
        {
          lots: newLots,
          lotChanges: [{ lotId: lot.id, consumedDelta: total }],
          links: newLots.map((child, i) => ({ parentLotId: lot.id, childLotId: child.id, quantity: amounts[i], unit: lot.unit })),
        },
        q,
        [{ lotId: lot.id, amount: total, field: 'parts' }],
      );
      const extras = {
        area: lot.growingAreaId ? { code: lot.growingAreaCode, name: lot.growingAreaName } : null,
        householdName: lot.householdName,
        facilityName: lot.facilityName,
      };
      return {
        event: toEventResponse(event, codeMap([lot], newLots)),
        outputs: newLots.map((child) => toLotResponse(viewOfNewLot(organizationId, child, product, event, extras), this.config.publicBaseUrl)),
      };
    });
  }
}
