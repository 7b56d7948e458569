import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DomainException, notFound } from '../../common/domain.exception.js';
import { normalizeLotCode } from '../../common/gs1.js';
import { parseQuantity, parseUnit } from '../../common/units.js';
import { CLOCK, type Clock } from '../clock.js';
import type { EventDocument } from '../event-rows.js';
import type { EventHashLine } from '../event-hash.js';
import type { NewLink, NewLot } from '../events.repository.js';
import { toEventResponse, toLotResponse, type EventResponse, type LotResponse } from '../lot-views.js';
import { LotsRepository } from '../lots.repository.js';
import type { Actor } from './actor.js';
import { EventAppender } from './event-appender.js';
import { LotCodes } from './lot-codes.js';
import { assertDistinct, checkInputs, codeMap, lotMasterData, newLotBase, outputKind, viewOfNewLot } from './lot-rules.js';
import { LotTransactions } from './lot-transactions.js';
import { pastDateTime } from './operation-time.js';
import type { QuantityLine } from './quantity-line.js';

export interface TransformInputLine extends QuantityLine {
  lotId: string;
}

export interface TransformOutputLine extends QuantityLine {
  productId: string;
  lotCode?: string;
  kind?: 'processed' | 'packed';
  displayName?: string;
}

export interface TransformInput {
  inputs: TransformInputLine[];
  outputs: TransformOutputLine[];
  facilityId?: string;
  occurredAt: string;
  process: string;
  documents?: EventDocument[];
}

/** What transform and split answer: their event and the lots they made. */
export interface OutputsResult {
  event: EventResponse;
  outputs: LotResponse[];
}

/**
 * Transform: processing, merging and packing (docs/domain.md). Input lots give out the quantities
 * used (docs/rules.md, “Mass balance”), new output lots are made from them. Outputs of a single
 * origin keep it (and so their labels show it); commingled ones do not.
 */
@Injectable()
export class TransformOperation {
  constructor(
    private readonly transactions: LotTransactions,
    private readonly appender: EventAppender,
    private readonly codes: LotCodes,
    private readonly lots: LotsRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(actor: Actor, input: TransformInput, db?: EntityManager): Promise<OutputsResult> {
    const organizationId = actor.organizationId;
    const occurred = pastDateTime(this.clock, input.occurredAt, 'occurredAt', 'EVENT_DATE_IN_FUTURE');
    const inputs = input.inputs.map((line, i) => ({
      lotId: line.lotId,
      quantity: parseQuantity(line.quantity, `inputs[${i}].quantity`),
      unit: parseUnit(line.unit, `inputs[${i}].unit`),
      field: `inputs[${i}]`,
    }));
    assertDistinct(inputs.map((line) => line.lotId), (i) => `inputs[${i}].lotId`, 'INPUT_LOT_DUPLICATE', 'the same lot is listed twice; give its total quantity once');
    const outputs = input.outputs.map((line, i) => ({
      productId: line.productId,
      quantity: parseQuantity(line.quantity, `outputs[${i}].quantity`),
      unit: parseUnit(line.unit, `outputs[${i}].unit`),
      lotCode: line.lotCode === undefined ? undefined : normalizeLotCode(line.lotCode, `outputs[${i}].lotCode`),
      kind: line.kind,
      displayName: line.displayName?.trim() || null,
      field: `outputs[${i}]`,
    }));
    assertDistinct(outputs.map((o) => o.lotCode ?? `\u0000${Math.random()}`), (i) => `outputs[${i}].lotCode`, 'LOT_CODE_DUPLICATE', 'two outputs cannot have the same lot code');
    const process = input.process.trim();

    return this.transactions.atomically(db, async (q, attempt) => {
      const context = await this.lots.findTransformContext(organizationId, inputs.map((line) => line.lotId), outputs.map((o) => o.productId), input.facilityId ?? null, q);
      const products = new Map(context.products.map((product) => [product.id, product]));
      outputs.forEach((o) => {
        if (!products.has(o.productId)) throw notFound('Product', o.productId, `${o.field}.productId`);
      });
      if (input.facilityId && !context.facility) throw notFound('Facility', input.facilityId, 'facilityId');
      const used = checkInputs(inputs, new Map(context.lots.map((lot) => [lot.id, lot])), occurred);
      for (const o of outputs) {
        const same = o.lotCode && used.find((u) => u.lot.code === o.lotCode);
        if (same) {
          throw new DomainException('LOT_CYCLE', `${o.field}.lotCode: lot ${o.lotCode} is an input of this transformation; a lot cannot be made from itself`, 'validation', {
            field: `${o.field}.lotCode`,
            lotId: same.lot.id,
          });
        }
      }
      await this.codes.assertFree(organizationId, outputs.filter((o) => o.lotCode).map((o) => ({ code: o.lotCode!, field: `${o.field}.lotCode` })), q);

      // Single-origin outputs keep the origin on the lot (and so on its label); commingled ones do not.
      const areas = new Set(used.map((u) => u.lot.growingAreaId));
      const households = new Set(used.map((u) => u.lot.householdPartnerId));
      const origin = used[0].lot;
      const newLots: NewLot[] = [];
      for (const o of outputs) {
        const product = products.get(o.productId)!;
        newLots.push({
          ...newLotBase(product, occurred),
          code: o.lotCode ?? (await this.codes.generate(organizationId, product, occurred, 1, q, attempt > 1))[0],
          displayName: o.displayName,
          kind: o.kind ?? outputKind(process, o.unit),
          quantity: o.quantity,
          unit: o.unit,
          growingAreaId: areas.size === 1 ? origin.growingAreaId : null,
          householdPartnerId: households.size === 1 ? origin.householdPartnerId : null,
          facilityId: input.facilityId ?? null,
        });
      }
      const lines: EventHashLine[] = [
        ...used.map(({ request, lot, amount }) => ({ lotId: lot.id, direction: 'input' as const, quantity: request.quantity, unit: request.unit, quantityInLotUnit: amount })),
        ...newLots.map((lot) => ({ lotId: lot.id, direction: 'output' as const, quantity: lot.quantity, unit: lot.unit, quantityInLotUnit: lot.quantity })),
      ];
      const links: NewLink[] = used.flatMap(({ lot, amount }) => newLots.map((child) => ({ parentLotId: lot.id, childLotId: child.id, quantity: amount, unit: lot.unit })));
      const event = await this.appender.appendGuarded(
        actor,
        {
          type: 'transform',
          epcisEventType: 'TransformationEvent',
          action: null,
          bizStep: newLots.every((lot) => lot.kind === 'packed') ? 'packing' : 'commissioning',
          disposition: 'active',
          time: occurred,
          facilityId: input.facilityId ?? null,
          documents: input.documents ?? [],
          details: { process, lots: newLots.map(lotMasterData) },
        },
        lines,
        { lots: newLots, lotChanges: used.map(({ lot, amount }) => ({ lotId: lot.id, consumedDelta: amount })), links },
        q,
        used.map((u) => ({ lotId: u.lot.id, amount: u.amount, field: u.request.field })),
      );
      const extras = {
        area: areas.size === 1 && origin.growingAreaId ? { code: origin.growingAreaCode, name: origin.growingAreaName } : null,
        householdName: households.size === 1 ? origin.householdName : null,
        facilityName: context.facility?.name ?? null,
      };
      return {
        event: toEventResponse(event, codeMap(used.map((u) => u.lot), newLots)),
        outputs: newLots.map((lot) => toLotResponse(viewOfNewLot(organizationId, lot, products.get(lot.productId)!, event, extras), this.config.publicBaseUrl)),
      };
    });
  }
}
