import type { PgNotifications } from '@app/database';

/**
 * Notified at commit by the database's triggers (migration LotPageNotifications): one notification
 * per organization whose journal (events) or registry rows (products, certificates, areas,
 * facilities, partners, inputs, the organization itself) a transaction changed; the payload is its id.
 */
export const LOT_PAGES_CHANNEL = 'nguon_lot_pages';

/** Where in the stream of notifications a cached page was read: it is current as long as nothing it shows has been notified since. */
export interface FreshnessMark {
  /** The connection generation (or -1: read while notifications were not being received). */
  generation: number;
  /** How many notifications this process had handled. */
  change: number;
}

/**
 * Tells whether a page read at some mark may still be served without asking the database. True only
 * while the notifications are received without a gap: the generation moves whenever the listening
 * connection is lost or restored (commits in between were not heard), and a mark taken while not
 * listening is never trusted. A page is read after its mark is taken, so a commit notified later
 * than the mark either is already in the page or makes it stale; both are safe.
 */
export class PageFreshness {
  private generation = 0;
  private changes = 0;
  /** Organization id → the change number of its latest notification. */
  private readonly changedAt = new Map<string, number>();
  private subscribed = false;

  constructor(private readonly notifications: PgNotifications | null) {}

  async start(): Promise<void> {
    if (!this.notifications) return;
    const reset = () => {
      this.generation++;
      this.changedAt.clear();
    };
    this.notifications.on('lost', reset);
    this.notifications.on('restored', reset);
    await this.notifications.subscribe(LOT_PAGES_CHANNEL, (organizationId) => this.changedAt.set(organizationId, ++this.changes));
    this.subscribed = true;
  }

  /** Every commit's notification reaches this process now: a cached page can be trusted without asking. */
  get live(): boolean {
    return this.subscribed && !!this.notifications?.connected;
  }

  mark(): FreshnessMark {
    return { generation: this.live ? this.generation : -1, change: this.changes };
  }

  /** Nothing these organizations' pages show has been notified since `mark`, and no notification can have been missed. */
  unchangedSince(mark: FreshnessMark, organizationIds: readonly string[]): boolean {
    if (!this.live || mark.generation !== this.generation) return false;
    for (const id of organizationIds) if ((this.changedAt.get(id) ?? -1) > mark.change) return false;
    return true;
  }

  /** Resolves once every notification of a commit made before the call has been handled here (see PgNotifications.sync). */
  settle(): Promise<void> {
    return this.live ? this.notifications!.sync() : Promise.resolve();
  }
}

/**
 * One turn of the event loop: whatever the sockets delivered in the same poll as the request (a
 * notification among them) is handled before the request goes on.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
