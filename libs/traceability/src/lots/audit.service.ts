import { Injectable } from '@nestjs/common';
import type { Caller } from '../accounts/caller.js';
import { GENESIS_HASH, verifyChain, type ChainVerification } from '../common/hash-chain.js';
import { eventHashBody } from './event-hash.js';
import { EventsRepository } from './events.repository.js';

export interface AuditVerification extends ChainVerification {
  /** Why the chain is broken, in words, when it is. */
  problem: string | null;
}

const PAGE_SIZE = 2000;

/**
 * Tamper evidence (docs/rules.md, “Tamper evidence”): recomputes the organization's chain from the rows, in seq order,
 * a page at a time so a long chain never sits in memory. An edited event (or line) no longer hashes
 * to its stored hash; a removed or inserted one breaks the next event's prev_hash or the seq run;
 * removed events at the end no longer reach the chain head.
 */
@Injectable()
export class AuditService {
  constructor(private readonly events: EventsRepository) {}

  /** `onProgress`: after each page, the events checked so far and the chain's length when it started. */
  async verify(actor: Pick<Caller, 'organizationId'>, pageSize = PAGE_SIZE, onProgress?: (checked: number, total: number) => Promise<void>): Promise<AuditVerification> {
    const organizationId = actor.organizationId;
    // The head first: events appended while we read are past it and not checked.
    const head = await this.events.chainHead(organizationId);
    const lastSeq = head ? BigInt(head.lastSeq) : 0n;
    let afterSeq = 0n;
    let prevHash: string | null = null;
    let eventsChecked = 0;
    // The next page is read while this one is hashed: the database and the hashing overlap.
    const read = (after: bigint) => {
      const page = this.events.chainPage(organizationId, String(after), pageSize);
      page.catch(() => undefined); // if we stop early, nobody awaits it
      return page;
    };
    let next = lastSeq > 0n ? read(0n) : null;
    while (afterSeq < lastSeq && next) {
      const rows = await next;
      next = rows.length === pageSize && BigInt(rows[rows.length - 1].seq) < lastSeq ? read(BigInt(rows[rows.length - 1].seq)) : null;
      const page = rows.filter((event) => BigInt(event.seq) <= lastSeq);
      if (!page.length) break;
      const gap = page.findIndex((event, i) => BigInt(event.seq) !== afterSeq + BigInt(i) + 1n);
      const checked = gap === -1 ? page : page.slice(0, gap + 1);
      const result = verifyChain(
        checked.map((event) => ({ id: event.id, hash: event.hash, prevHash: event.prevHash, body: eventHashBody(event, event.lines) })),
        prevHash ?? GENESIS_HASH,
      );
      eventsChecked += result.eventsChecked;
      if (!result.valid) return { ...result, eventsChecked, problem: 'an event no longer matches its hash or does not follow the event before it' };
      if (gap !== -1) {
        const broken = checked[checked.length - 1];
        return { valid: false, eventsChecked, firstBrokenEventId: broken.id, problem: `event seq ${broken.seq} follows seq ${afterSeq + BigInt(gap)}: events are missing` };
      }
      prevHash = page[page.length - 1].hash;
      afterSeq = BigInt(page[page.length - 1].seq);
      await onProgress?.(eventsChecked, Number(lastSeq));
    }
    if (afterSeq !== lastSeq || (head && head.lastHash !== (prevHash ?? null))) {
      return { valid: false, eventsChecked, firstBrokenEventId: null, problem: `the chain head is at seq ${lastSeq} but the events end at seq ${afterSeq}` };
    }
    return { valid: true, eventsChecked, firstBrokenEventId: null, problem: null };
  }
}
