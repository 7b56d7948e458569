import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { inTransaction, type Db } from '@app/database';
import { DomainException } from '../common/domain.exception.js';
import type { Actor } from '../lots/operations/actor.js';
import { HarvestOperation } from '../lots/operations/harvest.operation.js';
import { InspectOperation } from '../lots/operations/inspect.operation.js';
import { RecallOperation } from '../lots/operations/recall.operation.js';
import { ReceiveOperation } from '../lots/operations/receive.operation.js';
import { ShipOperation } from '../lots/operations/ship.operation.js';
import { SplitOperation } from '../lots/operations/split.operation.js';
import { TransformOperation } from '../lots/operations/transform.operation.js';
import { VoidEventOperation } from '../lots/operations/void-event.operation.js';
import type { LotRef } from './capture-identifiers.js';
import { CaptureRefusal, planEvent, type CapturePlan } from './capture-plan.js';
import { CaptureRepository, type CaptureEventError, type CaptureRow } from './capture.repository.js';

export interface CapturePayload {
  organizationId: string;
  captureId: string;
}

export type CaptureProgress = { processed: number; total: number };

interface Counts {
  processed: number;
  captured: number;
  duplicates: number;
  refused: number;
}

/** Rolled back by a failure elsewhere in the document (rollback mode). */
class RollbackSignal extends Error {}

const PROGRESS_EVERY = 200;

/**
 * Runs a capture job in the worker (docs/domain.md#epcis-capture): each event is planned
 * (capture-plan.ts), its identifiers resolved against the organization's records, and recorded through
 * the same lot operation as the API's, so it joins the same lots, mass balance and hash chain.
 * `rollback`: the whole document in one transaction, nothing kept if one event is refused.
 * `proceed`: each event in its own transaction, refused ones listed with their reason.
 */
@Injectable()
export class CaptureRunner {
  private readonly logger = new Logger(CaptureRunner.name);
  /**
   * Products, growing areas, partners and facilities resolved in the capture running now (they do not
   * change while it runs; the worker runs one capture at a time per process).
   */
  private lookups = new Map<string, Promise<string | null>>();

  private cached(key: string, lookup: () => Promise<string | null>): Promise<string | null> {
    let found = this.lookups.get(key);
    if (!found) {
      found = lookup();
      this.lookups.set(key, found);
    }
    return found;
  }

  constructor(
    private readonly repository: CaptureRepository,
    private readonly harvest: HarvestOperation,
    private readonly transform: TransformOperation,
    private readonly split: SplitOperation,
    private readonly ship: ShipOperation,
    private readonly receive: ReceiveOperation,
    private readonly inspect: InspectOperation,
    private readonly recall: RecallOperation,
    private readonly voidEvent: VoidEventOperation,
  ) {}

  async run(payload: CapturePayload, onProgress: (progress: CaptureProgress) => Promise<void> = async () => undefined): Promise<CaptureRow | null> {
    const claimed = await this.repository.claim(payload.organizationId, payload.captureId);
    if (!claimed) return this.repository.find(payload.organizationId, payload.captureId);
    const { row, document } = claimed;
    const events: Record<string, any>[] = document?.epcisBody?.eventList ?? [];
    const actor: Actor = { organizationId: row.organizationId, userId: row.createdBy, apiKeyId: row.createdByApiKeyId };
    const errors: CaptureEventError[] = [];
    this.lookups = new Map();
    const counts: Counts = { processed: 0, captured: 0, duplicates: 0, refused: 0 };
    const report = async () => {
      await this.repository.progress(row.id, counts);
      await onProgress({ processed: counts.processed, total: events.length });
    };

    // Plans first: an event no operation represents is refused before anything is written.
    const plans = events.map((event, index) => {
      try {
        return planEvent(event);
      } catch (error) {
        errors.push(this.eventError(index, event, error));
        return null;
      }
    });
    const ids = events.map((event) => (typeof event.eventID === 'string' ? event.eventID : null));
    const keys = ids.map((id, i) => (id ? `${id}${plans[i]?.op === 'void' ? '#declaration' : ''}` : null));
    const seen = await this.repository.capturedIds(row.organizationId, ids.filter((id): id is string => !!id));

    try {
      if (row.errorBehaviour === 'rollback') {
        if (errors.length) {
          counts.refused = errors.length;
          counts.processed = events.length;
          return this.finish(row, 'failed', counts, errors, 'EPCIS_EVENT_ROLLED_BACK', `${errors.length} event(s) cannot be captured; nothing was recorded (GS1-Capture-Error-Behaviour: rollback)`);
        }
        await inTransaction(this.repository.dataSource, async (tx) => {
          // A retried transaction (serialization failure) starts over.
          Object.assign(counts, { processed: 0, captured: 0, duplicates: 0 });
          errors.length = 0;
          const inDocument = new Set<string>();
          for (let index = 0; index < events.length; index++) {
            const key = keys[index];
            if (key && (seen.has(key) || inDocument.has(key))) {
              counts.duplicates++;
            } else {
              try {
                await this.apply(actor, row.id, plans[index]!, ids[index], tx);
                counts.captured++;
              } catch (error) {
                errors.push(this.eventError(index, events[index], error));
                throw new RollbackSignal();
              }
            }
            if (key) inDocument.add(key);
            counts.processed++;
            if (counts.processed % PROGRESS_EVERY === 0) await onProgress({ processed: counts.processed, total: events.length });
          }
        });
        return this.finish(row, 'done', counts, errors);
      }

      for (let index = 0; index < events.length; index++) {
        const key = keys[index];
        const plan = plans[index];
        if (!plan) counts.refused++;
        else if (key && seen.has(key)) counts.duplicates++;
        else {
          try {
            await inTransaction(this.repository.dataSource, (tx) => this.apply(actor, row.id, plan, ids[index], tx));
            counts.captured++;
          } catch (error) {
            if (error instanceof CaptureRefusal && error.code === 'EPCIS_EVENT_DUPLICATE') counts.duplicates++;
            else {
              errors.push(this.eventError(index, events[index], error));
              counts.refused++;
            }
          }
          if (key) seen.add(key);
        }
        counts.processed++;
        if (counts.processed % PROGRESS_EVERY === 0) await report();
      }
      return this.finish(row, 'done', counts, errors.sort((a, b) => a.index - b.index));
    } catch (error) {
      if (error instanceof RollbackSignal) {
        counts.refused = errors.length;
        counts.captured = 0;
        return this.finish(row, 'failed', counts, errors, 'EPCIS_EVENT_ROLLED_BACK', `event ${errors[0]?.index} was refused; nothing was recorded (GS1-Capture-Error-Behaviour: rollback)`);
      }
      this.logger.error(`Capture ${row.id} failed: ${(error as Error).stack ?? error}`);
      throw error;
    }
  }

  private async finish(row: CaptureRow, status: 'done' | 'failed', counts: Counts, errors: CaptureEventError[], errorCode?: string, errorMessage?: string): Promise<CaptureRow | null> {
    await this.repository.finish(row.id, { status, ...counts, errors, errorCode, errorMessage });
    return this.repository.find(row.organizationId, row.id);
  }

  private eventError(index: number, event: Record<string, any>, error: unknown): CaptureEventError {
    const eventID = typeof event?.eventID === 'string' ? event.eventID : null;
    if (error instanceof CaptureRefusal || error instanceof DomainException) return { index, eventID, code: error.code, message: error.message };
    throw error;
  }

  /** Records one planned event through its lot operation, inside `tx`, and marks its eventID captured. */
  private async apply(actor: Actor, captureId: string, plan: CapturePlan, eventId: string | null, tx: EntityManager): Promise<void> {
    const org = actor.organizationId;
    const lot = async (ref: LotRef, field: string) => {
      const id = await this.repository.lot(org, ref, tx);
      if (!id) throw new CaptureRefusal('EPCIS_LOT_UNKNOWN', `${field}: ${describe(ref)} is not a lot of this organization (capture the event that made it first)`);
      return id;
    };
    const product = async (ref: LotRef, field: string) => {
      if (!('gtin' in ref)) throw new CaptureRefusal('EPCIS_PRODUCT_UNKNOWN', `${field}: a lot named by a short URL (${ref.shortCode}) carries no GTIN; its product cannot be known here`);
      const id = await this.cached(`product ${ref.gtin}`, () => this.repository.productByGtin(org, ref.gtin, tx));
      if (!id) throw new CaptureRefusal('EPCIS_PRODUCT_UNKNOWN', `${field}: no product of this organization has GTIN ${ref.gtin}`);
      return { id, code: ref.code };
    };
    let ourEventId: string | null = null;
    switch (plan.op) {
      case 'harvest': {
        const made = await product(plan.output.lot, 'quantityList[0]');
        const areaId =
          (plan.growingAreaCode ? await this.cached(`area ${plan.growingAreaCode}`, () => this.repository.growingArea(org, { code: plan.growingAreaCode }, tx)) : null) ??
          (plan.growingArea && 'url' in plan.growingArea && plan.growingArea.url.kind === 'growing-areas' ? await this.repository.growingArea(org, { id: plan.growingArea.url.id }, tx) : null);
        if (!areaId) throw new CaptureRefusal('EPCIS_GROWING_AREA_UNKNOWN', `ilmd: the growing area ${plan.growingAreaCode ?? '(no growingAreaCode in the ILMD)'} is not one of this organization's`);
        const result = await this.harvest.run(
          actor,
          { growingAreaId: areaId, productId: made.id, lotCode: made.code, quantity: plan.output.quantity, unit: plan.output.unit, harvestedAt: plan.time, documents: plan.documents, acknowledgeYieldWarning: true, yieldWarningReason: 'EPCIS capture' },
          tx,
        );
        ourEventId = result.createdEventId;
        break;
      }
      case 'transform': {
        const inputs = [];
        for (const [i, line] of plan.inputs.entries()) inputs.push({ lotId: await lot(line.lot, `inputQuantityList[${i}]`), quantity: line.quantity, unit: line.unit });
        const outputs = [];
        for (const [i, line] of plan.outputs.entries()) {
          const made = await product(line.lot, `outputQuantityList[${i}]`);
          outputs.push({ productId: made.id, lotCode: made.code, quantity: line.quantity, unit: line.unit });
        }
        const facility = plan.facility;
        const facilityId = facility ? ((await this.cached(`facility ${JSON.stringify(facility)}`, () => this.repository.facility(org, facility, tx))) ?? undefined) : undefined;
        ourEventId = (await this.transform.run(actor, { inputs, outputs, facilityId, occurredAt: plan.time, process: plan.process, documents: plan.documents }, tx)).event.id;
        break;
      }
      case 'split': {
        const lotId = await lot(plan.input, 'inputQuantityList[0]');
        const parts = plan.parts.map((part) => ({ quantity: part.quantity, unit: part.unit, ...('code' in part.lot ? { lotCode: part.lot.code } : {}) }));
        ourEventId = (await this.split.run(actor, lotId, { parts, occurredAt: plan.time }, tx)).event.id;
        break;
      }
      case 'ship': {
        const lotId = await lot(plan.line.lot, 'quantityList[0]');
        const partnerId = await this.cached(`partner ${JSON.stringify(plan.party)}`, () => this.repository.partner(org, plan.party, tx));
        if (!partnerId) throw new CaptureRefusal('EPCIS_PARTNER_UNKNOWN', `destinationList: ${JSON.stringify(plan.party)} is not a partner of this organization (register the partner with its GLN)`);
        ourEventId = (await this.ship.run(actor, lotId, { partnerId, quantity: plan.line.quantity, unit: plan.line.unit, shippedAt: plan.time, documents: plan.documents }, tx)).event.id;
        break;
      }
      case 'receive': {
        const shipmentId = await this.repository.incomingShipment(org, plan.line.lot, tx);
        if (!shipmentId) throw new CaptureRefusal('EPCIS_SHIPMENT_UNKNOWN', `quantityList[0]: no shipment of ${describe(plan.line.lot)} is on its way to this organization; goods enter by harvest, transformation or an accepted shipment`);
        ourEventId = (await this.receive.run(actor, shipmentId, { receivedAt: plan.time }, tx)).event.id;
        break;
      }
      case 'inspect': {
        const lotId = await lot(plan.lot, 'quantityList[0]');
        ourEventId = (await this.inspect.run(actor, lotId, { result: plan.result, inspectedAt: plan.time, documents: plan.documents, parameters: plan.parameters }, tx)).event.id;
        break;
      }
      case 'recall': {
        const lotId = await lot(plan.lots[0], 'quantityList[0]');
        ourEventId = (await this.recall.run(actor, { lotId, reason: plan.reason }, tx)).event.id;
        break;
      }
      case 'void': {
        const declared = await this.repository.ourEventOf(org, plan.declaredEventId, tx);
        if (!declared) throw new CaptureRefusal('EPCIS_DECLARED_EVENT_UNKNOWN', `eventID: ${plan.declaredEventId} was not captured by this organization; an error declaration corrects an event captured before`);
        ourEventId = (await this.voidEvent.run(actor, declared, { reason: plan.reason }, tx)).event.id;
        break;
      }
    }
    if (eventId && !(await this.repository.markCaptured(org, eventId, plan.op === 'void', captureId, ourEventId, tx as Db))) {
      throw new CaptureRefusal('EPCIS_EVENT_DUPLICATE', `eventID: ${eventId} was already captured`);
    }
  }
}

function describe(ref: LotRef): string {
  return 'shortCode' in ref ? `lot ${ref.shortCode}` : `lot ${ref.code} of GTIN ${ref.gtin}`;
}
