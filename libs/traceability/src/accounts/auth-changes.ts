import { randomUUID } from 'node:crypto';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notify, PgNotifications } from '@app/database';

/** What was revoked: every process drops the callers it cached for these. */
export interface AuthChange {
  sessions?: string[];
  users?: string[];
  apiKeys?: string[];
  /** Everything may be stale (the notification connection came back after missing some). */
  all?: boolean;
}

const CHANGES = 'nguon_auth_changes';
/** Each process, once it has forgotten what a change names, says so here ("<change id> <process>"). */
const ACKS = 'nguon_auth_acks';
/** The application_name of every process's notification connection (PgNotifications). */
const LISTENER_APPLICATION = 'nguon-notifications';
/** The longest a revoking request waits for every process to have forgotten the revoked callers. */
export const ECHO_WAIT_MS = 1_000;

interface Waiting {
  processes: Set<string>;
  expected: number;
  done: () => void;
}

/**
 * Revocations (logout, a new password, a role change, a deactivated user, a revoked API key) as
 * PostgreSQL notifications sent in the revoking transaction, so every process forgets the callers it
 * cached when it commits. Hearing the notification back in the revoking process is not enough on a
 * busy machine (another process's listening backend may be scheduled tens of milliseconds later), so
 * each process acknowledges every change once it has forgotten it, and the revoking request waits
 * (at most ECHO_WAIT_MS) until every process listening on the database has. While a process's
 * notification connection is down, `listening` is false there and it takes no caller from a cache.
 */
@Injectable()
export class AuthChanges implements OnApplicationBootstrap {
  private readonly process = randomUUID();
  private subscription?: Promise<unknown>;
  private readonly listeners = new Set<(change: AuthChange) => void>();
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly notifications: PgNotifications,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    notifications.on('restored', () => this.deliver({ all: true }));
  }

  /**
   * Every process with the domain listens from the start: a revoking request counts the listening
   * connections on the database and waits for that many acknowledgements.
   */
  onApplicationBootstrap(): void {
    void this.listen();
  }

  /** True while every revocation committed anywhere is heard here. */
  get listening(): boolean {
    return this.subscription !== undefined && this.notifications.connected;
  }

  /** Starts listening (once); resolves when listening or after a first failed attempt. */
  listen(): Promise<unknown> {
    this.subscription ??= Promise.all([
      this.notifications.subscribe(CHANGES, (payload) => this.receive(payload)),
      this.notifications.subscribe(ACKS, (payload) => this.acknowledged(payload)),
    ]);
    return this.subscription;
  }

  onChange(listener: (change: AuthChange) => void): void {
    this.listeners.add(listener);
  }

  /**
   * Sends `change` from inside the caller's transaction (heard by every process at commit). After the
   * commit, `heard()` forgets here at once, then waits until every listening process has
   * acknowledged it, so that the next request, whichever process it reaches, is refused.
   */
  async announce(db: { query(text: string, values: unknown[]): Promise<unknown> }, change: AuthChange): Promise<{ heard(): Promise<void> }> {
    await this.listen();
    const id = randomUUID();
    let done!: () => void;
    const allAcknowledged = new Promise<void>((resolve) => (done = resolve));
    const waiting: Waiting = { processes: new Set(), expected: Infinity, done };
    this.waiting.set(id, waiting);
    // Rolled back: nobody acknowledges, and nobody waits for it either.
    setTimeout(() => this.waiting.delete(id), ECHO_WAIT_MS * 10).unref();
    await notify(db, CHANGES, JSON.stringify({ ...change, id }));
    return {
      heard: async () => {
        this.deliver(change);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ECHO_WAIT_MS)));
        try {
          waiting.expected = await this.listeningProcesses();
          if (waiting.processes.size >= waiting.expected) waiting.done();
          await Promise.race([allAcknowledged, timeout]);
        } catch {
          await timeout; // the count failed: the bounded wait still gives the others their chance
        } finally {
          clearTimeout(timer);
          this.waiting.delete(id);
        }
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
    if (message.id) {
      this.dataSource.query('SELECT pg_notify($1, $2)', [ACKS, `${message.id} ${this.process}`]).catch(() => undefined);
    }
  }

  private acknowledged(payload: string): void {
    const [id, process] = payload.split(' ');
    const waiting = this.waiting.get(id);
    if (!waiting || !process) return;
    waiting.processes.add(process);
    if (waiting.processes.size >= waiting.expected) waiting.done();
  }

  /** Processes listening on this database now (this one included): one notification connection each. */
  private async listeningProcesses(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [
      LISTENER_APPLICATION,
    ]);
    return row.n;
  }

  private deliver(change: AuthChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
