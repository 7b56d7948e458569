import { PublicLotRepository } from './public-lot.repository.js';

interface Waiter {
  lotId: string;
  organizationIds: string[];
  resolve: (version: string) => void;
  reject: (error: unknown) => void;
}

/** Most lookups one query answers; more wait for the next one. */
const MAX_BATCH = 500;

/**
 * Answers "what is the version of this lot's page now?" for many requests with few queries. A request
 * never uses a query that started before it arrived (that one might predate a recall it must see):
 * it waits for the next, which starts as soon as the running one returns, and is shared by everyone
 * who arrived meanwhile. So at most one query runs at a time, whatever the load, and every answer
 * reflects every commit made before the request came in.
 *
 * The version of a lot: its status and recall time, and the latest event seq of every organization
 * whose journal feeds its page. Any new event on its genealogy (a recall included) changes it.
 */
export class VersionProbe {
  private waiting: Waiter[] = [];
  private running = false;

  constructor(private readonly repository: PublicLotRepository) {}

  versionOf(lotId: string, organizationIds: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ lotId, organizationIds, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, MAX_BATCH);
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
    } finally {
      this.running = false;
    }
  }
}
