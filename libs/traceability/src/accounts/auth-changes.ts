import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { notify, PgNotifications } from '@app/database';

/** What was revoked: every process drops the callers it cached for these. */
export interface AuthChange {
  sessions?: string[];
  users?: string[];
  apiKeys?: string[];
  /** Everything may be stale (the notification connection came back after missing some). */
  all?: boolean;
}

const CHANNEL = 'nguon_auth_changes';
/** How long a revoking request waits for its own process to hear the revocation back. */
export const ECHO_WAIT_MS = 1_000;

/**
 * Revocations (logout, a new password, a role change, a deactivated user, a revoked API key) as
 * PostgreSQL notifications sent in the revoking transaction, so every API process forgets the callers
 * it cached at commit. While the notification connection is down, `listening` is false and callers
 * must not be taken from a cache.
 */
@Injectable()
export class AuthChanges {
  private subscription?: Promise<unknown>;
  private readonly listeners = new Set<(change: AuthChange) => void>();
  private readonly echoes = new Map<string, () => void>();

  constructor(private readonly notifications: PgNotifications) {
    notifications.on('restored', () => this.deliver({ all: true }));
  }

  /** True while every revocation committed anywhere is heard here. */
  get listening(): boolean {
    return this.subscription !== undefined && this.notifications.connected;
  }

  /** Starts listening (once); resolves when listening or after a first failed attempt. */
  listen(): Promise<unknown> {
    this.subscription ??= this.notifications.subscribe(CHANNEL, (payload) => this.receive(payload));
    return this.subscription;
  }

  onChange(listener: (change: AuthChange) => void): void {
    this.listeners.add(listener);
  }

  /**
   * Sends `change` from inside the caller's transaction (heard by every process at commit). After the
   * commit, `heard()` waits, at most ECHO_WAIT_MS, until this process has heard it too: by then the
   * other processes have been sent it, so the next request anywhere is refused.
   */
  async announce(db: { query(text: string, values: unknown[]): Promise<unknown> }, change: AuthChange): Promise<{ heard(): Promise<void> }> {
    await this.listen();
    const id = randomUUID();
    let resolveEcho!: () => void;
    const echo = new Promise<void>((resolve) => (resolveEcho = resolve));
    this.echoes.set(id, resolveEcho);
    const forget = setTimeout(() => this.echoes.delete(id), ECHO_WAIT_MS * 5);
    forget.unref();
    await notify(db, CHANNEL, JSON.stringify({ ...change, id }));
    return {
      heard: async () => {
        // This process forgets at once, whether or not its notification comes back in time.
        this.deliver(change);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([echo, new Promise<void>((resolve) => (timer = setTimeout(resolve, ECHO_WAIT_MS)))]);
        clearTimeout(timer);
        this.echoes.delete(id);
      },
    };
  }

  private receive(payload: string): void {
    let message: AuthChange & { id?: string };
    try {
      message = JSON.parse(payload);
    } catch {
      message = { all: true };
    }
    this.deliver(message);
    if (message.id) this.echoes.get(message.id)?.();
  }

  private deliver(change: AuthChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
