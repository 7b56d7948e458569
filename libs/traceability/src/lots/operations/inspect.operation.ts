import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { notFound } from '../../common/domain.exception.js';
import { CLOCK, type Clock } from '../clock.js';
import type { EventDocument } from '../event-rows.js';
import { LotRegistryRepository } from '../lot-registry.repository.js';
import { toEventResponse, type EventResponse } from '../lot-views.js';
import { LotsRepository } from '../lots.repository.js';
import { canonicalQuantity } from '../quantity.js';
import type { Actor } from './actor.js';
import { EventAppender } from './event-appender.js';
import { lotUnusable } from './lot-rules.js';
import { LotTransactions } from './lot-transactions.js';
import { pastDateTime } from './operation-time.js';

export interface InspectionParameter {
  name: string;
  value: string;
  unit?: string;
}

export interface InspectInput {
  result: 'conformant' | 'non_conformant';
  inspectedAt: string;
  partnerId?: string;
  documents: EventDocument[];
  notes?: string;
  parameters?: InspectionParameter[];
}

/**
 * Inspect: a lab or QC result observed on a lot, with its document reference. Any lot but a voided
 * one can be inspected (a recalled lot's test results still belong in its history).
 */
@Injectable()
export class InspectOperation {
  constructor(
    private readonly transactions: LotTransactions,
    private readonly appender: EventAppender,
    private readonly lots: LotsRepository,
    private readonly registry: LotRegistryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(actor: Actor, lotId: string, input: InspectInput, db?: EntityManager): Promise<{ event: EventResponse }> {
    const organizationId = actor.organizationId;
    const inspected = pastDateTime(this.clock, input.inspectedAt, 'inspectedAt', 'EVENT_DATE_IN_FUTURE');
    const codes = new Map<string, string>();
    const event = await this.transactions.transaction(
      db,
      async (tx) => {
        const lot = await this.lots.findLot(organizationId, lotId, tx);
        if (!lot) throw notFound('Lot', lotId);
        if (lot.status === 'voided') throw lotUnusable(lot, 'id');
        let lab: { id: string; name: string } | null = null;
        if (input.partnerId) {
          lab = await this.registry.findPartner(organizationId, input.partnerId, tx);
          if (!lab) throw notFound('Partner', input.partnerId, 'partnerId');
        }
        const quantity = canonicalQuantity(lot.quantity);
        codes.set(lot.id, lot.code);
        return this.appender.append(
          actor,
          {
            type: 'inspect',
            epcisEventType: 'ObjectEvent',
            action: 'OBSERVE',
            bizStep: 'inspecting',
            disposition: input.result,
            time: inspected,
            facilityId: lot.facilityId,
            sourcePartnerId: lab?.id ?? null,
            documents: input.documents,
            details: {
              result: input.result,
              ...(lab ? { lab: { name: lab.name } } : {}),
              ...(input.notes?.trim() ? { notes: input.notes.trim() } : {}),
              ...(input.parameters?.length ? { parameters: input.parameters } : {}),
            },
          },
          [{ lotId: lot.id, direction: 'observed', quantity, unit: lot.unit, quantityInLotUnit: quantity }],
          {},
          tx,
          { last: true },
        );
      },
      { commitWithAppend: true },
    );
    return { event: toEventResponse(event, codes) };
  }
}
