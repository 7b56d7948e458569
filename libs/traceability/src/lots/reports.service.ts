import { Injectable } from '@nestjs/common';
import type { Caller } from '../accounts/caller.js';
import { toIsoWithOffset } from '../common/dates.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../common/keyset-cursor.js';
import { pageTotal } from '../common/page-total.js';
import { canonicalQuantity } from './quantity.js';
import { LotReportsRepository } from './reports.repository.js';

export interface YieldOverrideItem {
  eventId: string;
  organization: { id: string; name: string };
  lot: { id: string; code: string; quantity: string; unit: string };
  growingArea: { id: string; code: string | null; name: string | null } | null;
  harvestedAt: string;
  recordedAt: string;
  recordedBy: string | null;
  season: string;
  seasonTotalT: string;
  limitT: string;
  areaHa: string;
  maxYieldTPerHa: string;
  reason: string;
  voided: boolean;
}

/**
 * Acknowledged yield overrides (docs/rules.md, “Harvests come from a real, active growing area”: the "borrowed growing-area code" fraud): harvests
 * recorded above the area's plausible season yield with a reason. A cooperative sees its own; a
 * programme office sees every organization that accepted its oversight (or one, when it acts as it).
 */
@Injectable()
export class LotReportsService {
  constructor(private readonly repository: LotReportsRepository) {}

  async yieldOverrides(caller: Caller, query: { limit?: number; cursor?: string; total?: boolean }): Promise<{ items: YieldOverrideItem[]; total: number | null; nextCursor: string | null }> {
    const organizationIds = caller.actingFromOrganizationId ? [caller.organizationId] : await this.repository.organizationsOverseenBy(caller.organizationId);
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeKeysetCursor(query.cursor, { value: 'timestamp' }) : undefined;
    const { rows, total } = await this.repository.yieldOverrides(organizationIds, { limit: limit + 1, after, count: query.total === true });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        eventId: row.eventId,
        organization: { id: row.organizationId, name: row.organizationName },
        lot: { id: row.lotId, code: row.lotCode, quantity: canonicalQuantity(row.quantity), unit: row.unit },
        growingArea: row.growingAreaId ? { id: row.growingAreaId, code: row.growingAreaCode, name: row.growingAreaName } : null,
        harvestedAt: toIsoWithOffset(row.eventTime, row.eventTimeOffset),
        recordedAt: row.recordTime.toISOString(),
        recordedBy: row.recordedBy,
        season: row.override.season,
        seasonTotalT: row.override.seasonTotalT,
        limitT: row.override.limitT,
        areaHa: row.override.areaHa,
        maxYieldTPerHa: row.override.maxYieldTPerHa,
        reason: row.override.reason,
        voided: row.voided,
      })),
      total: pageTotal({ fetched: rows.length, limit, firstPage: !after, counted: total }),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ value: last.recordTimeText, id: last.eventId }) : null,
    };
  }
}
