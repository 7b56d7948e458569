import { EventEmitter } from 'node:events';
import pg from 'pg';

type Handler = (payload: string) => void;

/** First wait before reconnecting after the connection is lost; doubled up to the maximum. */
const RECONNECT_FIRST_MS = 100;
const RECONNECT_MAX_MS = 5_000;
/** A sync() round trip that takes longer than this is given up (the caller goes on; see sync()). */
const SYNC_TIMEOUT_MS = 2_000;

/**
 * PostgreSQL LISTEN/NOTIFY for one process: one connection that listens on every channel someone
 * subscribed to, opened on the first subscription and reopened with backoff when it drops.
 *
 * A notification sent in a transaction (`SELECT pg_notify(channel, payload)`, or a trigger) is
 * delivered when that transaction commits, to every listening process, so processes can drop what
 * they cached about the rows it changed. While the connection is down notifications are lost:
 * `connected` is false, and whoever caches must not trust the cache (ask the database instead);
 * `'restored'` is emitted after a reconnect, when everything cached before may be stale.
 */
export class PgNotifications extends EventEmitter<{ lost: []; restored: [] }> {
  private readonly handlers = new Map<string, Set<Handler>>();
  private client?: pg.Client;
  private connecting?: Promise<void>;
  private listening = false;
  private everConnected = false;
  private closed = false;
  private retryMs = RECONNECT_FIRST_MS;
  private retryTimer?: NodeJS.Timeout;
  private syncRunning?: Promise<void>;
  private syncNext?: Promise<void>;

  constructor(private readonly options: pg.ClientConfig) {
    super();
  }

  /** True while notifications are being received: every commit since the last 'restored' was heard. */
  get connected(): boolean {
    return this.listening;
  }

  /**
   * Calls `handler` with the payload of every notification on `channel`; returns the unsubscribe.
   * Resolves once this process is listening (or when the database cannot be reached: it keeps trying).
   */
  async subscribe(channel: string, handler: Handler): Promise<() => void> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`notification channel names are lower-case identifiers, got "${channel}"`);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      if (this.client && this.listening) await this.client.query(`LISTEN ${channel}`).catch(() => undefined);
    }
    set.add(handler);
    await this.connect();
    return () => {
      set.delete(handler);
    };
  }

  /**
   * Resolves once every notification committed before this call has been handed to the handlers: a
   * round trip on the listening connection, since PostgreSQL sends a session its pending notifications
   * before it answers a query (the commit signalled every listener before its own answer). Calls made
   * while one round trip runs share the next. Resolves at once when not listening (nothing to wait
   * for: whoever caches must not trust the cache then), and after SYNC_TIMEOUT_MS at the latest.
   */
  sync(): Promise<void> {
    if (!this.listening) return Promise.resolve();
    if (!this.syncRunning) {
      this.syncRunning = this.roundTrip().finally(() => {
        this.syncRunning = undefined;
      });
      return this.syncRunning;
    }
    // The running round trip may have been answered before this caller's commit: wait for the next.
    this.syncNext ??= this.syncRunning.then(() => {
      this.syncNext = undefined;
      return this.sync();
    });
    return this.syncNext;
  }

  private async roundTrip(): Promise<void> {
    const client = this.client;
    if (!client) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SYNC_TIMEOUT_MS);
      timer.unref();
    });
    // A failed round trip means the connection is gone: 'lost' has told the subscribers already.
    await Promise.race([client.query('SELECT 1').then(() => undefined, () => undefined), timeout]);
    clearTimeout(timer);
  }

  /** Resolves when listening, or after the first failed attempt (reconnects go on in the background). */
  private connect(): Promise<void> {
    if (this.closed || this.listening) return Promise.resolve();
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ ...this.options, application_name: 'nguon-notifications' });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) {
        try {
          handler(message.payload ?? '');
        } catch {
          // One subscriber's failure must not keep the others from hearing it.
        }
      }
    });
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    } catch {
      this.drop(client);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.listening = true;
    this.retryMs = RECONNECT_FIRST_MS;
    if (this.everConnected) this.emit('restored');
    this.everConnected = true;
  }

  private drop(client: pg.Client): void {
    if (this.client === client || !this.client) {
      const wasListening = this.listening;
      this.client = undefined;
      this.listening = false;
      if (wasListening) this.emit('lost');
    }
    void client.end().catch(() => undefined);
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.listening = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

/** Sends a notification from inside the caller's transaction: delivered when it commits, never if it rolls back. */
export async function notify(db: { query(text: string, values: unknown[]): Promise<unknown> }, channel: string, payload: string): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [channel, payload]);
}
