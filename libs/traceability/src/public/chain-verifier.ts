import { Injectable } from '@nestjs/common';
import { verifyChain } from '../common/hash-chain.js';
import { eventHashBody } from '../lots/event-hash.js';
import { PublicLotRepository } from './public-lot.repository.js';

const PAGE = 1000;
/** A verified prefix is trusted this long; then the chain is verified again from its start. */
const REVERIFY_AFTER_MS = 60 * 60_000;

interface VerifiedPrefix {
  seq: bigint;
  lastHash: string | null;
  eventsChecked: number;
  valid: boolean;
  firstBrokenEventId: string | null;
  startedAt: number;
}

export interface OrganizationChainResult {
  valid: boolean;
  eventsChecked: number;
  firstBrokenEventId: string | null;
}

/**
 * Verifies organizations' hash chains (docs/rules.md#tamper-evidence) for the public pages: from the first event up
 * to the latest one a page shows. The verified prefix is remembered per organization, so a new event
 * costs one more hash, not the whole chain; concurrent requests for one organization share one run.
 */
@Injectable()
export class ChainVerifier {
  private readonly prefixes = new Map<string, VerifiedPrefix>();
  private readonly running = new Map<string, Promise<VerifiedPrefix>>();

  constructor(private readonly repository: PublicLotRepository) {}

  async verifyUpTo(organizationId: string, seq: string): Promise<OrganizationChainResult> {
    const target = BigInt(seq);
    let prefix = this.fresh(organizationId);
    while (!prefix || (prefix.valid && prefix.seq < target)) {
      const run = this.running.get(organizationId) ?? this.extend(organizationId, prefix, target);
      prefix = await run;
    }
    if (!prefix.valid) return { valid: false, eventsChecked: prefix.eventsChecked, firstBrokenEventId: prefix.firstBrokenEventId };
    return { valid: true, eventsChecked: prefix.eventsChecked, firstBrokenEventId: null };
  }

  private fresh(organizationId: string): VerifiedPrefix | null {
    const prefix = this.prefixes.get(organizationId);
    if (!prefix || Date.now() - prefix.startedAt > REVERIFY_AFTER_MS) return null;
    return prefix;
  }

  private extend(organizationId: string, from: VerifiedPrefix | null, target: bigint): Promise<VerifiedPrefix> {
    const run = (async () => {
      let prefix: VerifiedPrefix = from ?? { seq: 0n, lastHash: null, eventsChecked: 0, valid: true, firstBrokenEventId: null, startedAt: Date.now() };
      while (prefix.valid && prefix.seq < target) {
        const rows = await this.repository.chainPage(organizationId, String(prefix.seq), String(target), PAGE);
        if (!rows.length) {
          // Fewer events than the target seq: a row was deleted from the middle of the chain.
          prefix = { ...prefix, valid: false, firstBrokenEventId: null };
          break;
        }
        const result = verifyChain(
          rows.map((row) => ({ id: row.id, hash: row.hash, prevHash: row.prevHash, body: eventHashBody(row, row.lines) })),
          prefix.lastHash,
        );
        // A gap in seq means an event was removed.
        const gap = rows.findIndex((row, i) => BigInt(row.seq) !== prefix.seq + BigInt(i) + 1n);
        if (!result.valid || gap >= 0) {
          const brokenAt = !result.valid ? result.eventsChecked - 1 : gap;
          const firstBroken = gap >= 0 && (result.valid || gap < result.eventsChecked - 1) ? rows[gap].id : result.firstBrokenEventId;
          prefix = { ...prefix, valid: false, eventsChecked: prefix.eventsChecked + brokenAt + 1, firstBrokenEventId: firstBroken };
          break;
        }
        const last = rows[rows.length - 1];
        prefix = { ...prefix, seq: BigInt(last.seq), lastHash: last.hash, eventsChecked: prefix.eventsChecked + rows.length };
      }
      this.prefixes.set(organizationId, prefix);
      return prefix;
    })().finally(() => this.running.delete(organizationId));
    this.running.set(organizationId, run);
    return run;
  }
}
