import { Inject, Injectable } from '@nestjs/common';
import type { Db } from '@app/database';
import { timeOrderedUuid } from '../../common/time-ordered-id.js';
import type { DateTimeWithOffset } from '../../common/dates.js';
import { DomainException, notFound } from '../../common/domain.exception.js';
import { CLOCK, type Clock } from '../clock.js';
import type { EventDocument } from '../event-rows.js';
import type { EventHashLine } from '../event-hash.js';
import { EventsRepository, type AppendedEvent, type AppendOptions, type EventDraft, type EventEffects } from '../events.repository.js';
import { LotsRepository } from '../lots.repository.js';
import { fitsInLot } from '../quantity.js';
import type { Actor } from './actor.js';
import { lotUnusable, overconsumed } from './lot-rules.js';

/** An event as an operation describes it; the appender adds who, when recorded, and its chain position. */
export interface AppendInput {
  id?: string;
  type: EventDraft['type'];
  epcisEventType: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  time: DateTimeWithOffset;
  growingAreaId?: string | null;
  facilityId?: string | null;
  sourcePartnerId?: string | null;
  destinationPartnerId?: string | null;
  documents?: EventDocument[];
  details?: Record<string, unknown>;
  voidsEventId?: string | null;
  reason?: string | null;
}

/** A lot an operation consumes, and how much of it (in the lot's unit): what the append statement guards. */
export interface Consumption {
  lotId: string;
  amount: string;
  field: string;
}

/**
 * Appends an operation's event to its organization's hash chain (docs/rules.md, “Immutable history” and “Tamper evidence”)
 * together with its effects on lots. Appends made on their own are group-committed by
 * EventsRepository (AppendLanes): one round trip for a batch of them.
 */
@Injectable()
export class EventAppender {
  constructor(
    private readonly events: EventsRepository,
    private readonly lots: LotsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  append(actor: Actor, event: AppendInput, lines: EventHashLine[], effects: EventEffects, db: Db, options: AppendOptions = {}): Promise<AppendedEvent> {
    return this.events.append(actor.organizationId, this.draft(actor, event), lines, effects, db, options) as Promise<AppendedEvent>;
  }

  /**
   * For operations whose consumption the append statement itself guards (transform, split, ship):
   * the lots are locked and re-checked by that statement; when it refuses, explains why.
   */
  async appendGuarded(actor: Actor, event: AppendInput, lines: EventHashLine[], effects: EventEffects, db: Db, consumption: Consumption[]): Promise<AppendedEvent> {
    const appended = await this.events.append(actor.organizationId, this.draft(actor, event), lines, effects, db, { guardLotIds: consumption.map((c) => c.lotId) });
    if (appended) return appended;
    // Something changed between our read and the write (another request consumed, recalled or
    // voided a lot): nothing was written; say what.
    const current = new Map((await this.lots.findLotsForEvent(actor.organizationId, consumption.map((c) => c.lotId), db)).map((lot) => [lot.id, lot]));
    for (const { lotId, amount, field } of consumption) {
      const lot = current.get(lotId);
      if (!lot) throw notFound('Lot', lotId, field);
      if (lot.status !== 'active') throw lotUnusable(lot, field);
      if (!fitsInLot(lot.quantity, lot.consumed, amount)) throw overconsumed(lot, amount, field);
    }
    throw new DomainException('CONCURRENT_UPDATE', 'the lots changed while this was being recorded; send it again', 'conflict');
  }

  private draft(actor: Actor, event: AppendInput): EventDraft {
    return {
      id: event.id ?? timeOrderedUuid(),
      type: event.type,
      epcisEventType: event.epcisEventType,
      action: event.action,
      bizStep: event.bizStep,
      disposition: event.disposition,
      eventTime: event.time.instant,
      eventTimeOffset: event.time.offset,
      recordTime: this.clock.now(),
      recordedBy: actor.userId,
      growingAreaId: event.growingAreaId ?? null,
      facilityId: event.facilityId ?? null,
      sourcePartnerId: event.sourcePartnerId ?? null,
      destinationPartnerId: event.destinationPartnerId ?? null,
      documents: (event.documents ?? []).map((document) => ({ type: document.type.trim(), number: document.number.trim() })),
      details: actor.apiKeyId ? { ...event.details, recordedByApiKeyId: actor.apiKeyId } : (event.details ?? {}),
      voidsEventId: event.voidsEventId ?? null,
      reason: event.reason ?? null,
    };
  }
}
