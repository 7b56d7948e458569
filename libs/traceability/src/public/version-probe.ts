import { PublicLotRepository } from './public-lot.repository.js';

interface Waiter {
  lotId: string;
  organizationIds: string[];
  resolve: (version: string) => void;
  reject: (error: unknown) => void;
}

/** Most lookups one query answers; more wait for the next one. */
const MAX_BATCH = 500;
/** Queries running at once: a request that arrives while one runs starts the second at once. */
const MAX_IN_FLIGHT = 2;

/**
 * Answers "what is the version of this lot's page now?" for many requests with few queries. A request
 * never uses a query that started before it arrived (that one might predate a recall it must see): it
 * joins the queue, and the next query (started at once if fewer than two are running, else as soon as
 * one returns) answers everyone queued. So at most two queries run at a time, whatever the load, and
 * every answer reflects every commit made before the request came in.
 *
 * The version of a lot: its status and recall time, and the latest event seq of every organization
 * whose journal feeds its page. Any new event on its genealogy (a recall included) changes it.
 */
export class VersionProbe {
  private waiting: Waiter[] = [];
  private inFlight = 0;

  constructor(private readonly repository: PublicLotRepository) {}

  versionOf(lotId: string, organizationIds: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ lotId, organizationIds, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.waiting.length && this.inFlight < MAX_IN_FLIGHT) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.answer(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async answer(batch: Waiter[]): Promise<void> {
    try {
      const lotIds = [...new Set(batch.map((w) => w.lotId))];
      const organizationIds = [...new Set(batch.flatMap((w) => w.organizationIds))];
      const { lots, heads } = await this.repository.versions(lotIds, organizationIds);
      const lotState = new Map(lots.map(([id, status, recalledAt]) => [id, `${status}|${recalledAt ?? ''}`]));
      const head = new Map(heads);
      for (const waiter of batch) {
        const journals = [...waiter.organizationIds].sort().map((id) => `${id}:${head.get(id) ?? '0'}`);
        waiter.resolve(`${lotState.get(waiter.lotId) ?? 'missing'}|${journals.join(',')}`);
      }
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    }
  }
}
