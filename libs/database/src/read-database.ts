import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { isDatabaseUnavailable, pgError } from './database-errors.js';

/** What a repository reads with: the primary's data source, or a replica's pool behind the same call. */
export interface ReadQueryable {
   
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** How often each replica's replay position (and the primary's WAL position) is read. */
export const REPLICA_CHECK_MS = 1_000;
/** A replica that does not connect within this is taken as down (the request goes to the primary). */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/** An LSN (`16/B374D848`) as a number, for comparisons. */
export function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

interface Replica {
  url: string;
  pool: pg.Pool;
  reader: ReadQueryable;
  /** Its replay position at the last check (or answer), and whether it answered. */
  replayed: bigint;
  up: boolean;
  lagMs: number;
}

export interface ReplicaState {
  url: string;
  up: boolean;
  lagMs: number;
  replayed: string;
}

/**
 * The read side of the database (issue 18): PostgreSQL streaming replicas (DATABASE_READ_URLS) for
 * the reads that tolerate lag, the primary for everything else. Repositories read through `db`, which
 * is the primary unless the caller runs them inside `tolerant` or `fresh`: the choice is made once,
 * by whoever knows what the reads are for, not in every repository.
 *
 * - `tolerant(fn)`: the reads of fn go to a replica whose lag is within DATABASE_READ_MAX_LAG_MS
 *   (dashboards, showcase, exports).
 * - `fresh(fn)`: the reads of fn go to a replica that has replayed everything the primary had written
 *   when fn was called (the primary's pg_current_wal_lsn(), one short round trip), else to the
 *   primary. Whatever committed before the call is seen, as on the primary: the public pages' recall
 *   guarantee.
 *
 * Lag is checked every REPLICA_CHECK_MS, not per request: each replica's replay LSN against a short
 * history of the primary's WAL positions, so a replica is behind by the age of the oldest primary
 * position it has not replayed (an idle primary leaves an idle replica at lag 0, unlike
 * `now() - pg_last_xact_replay_timestamp()`). A replica that is down, errs, or falls behind is skipped
 * until a check finds it back; a read that fails on a replica (it went away between checks) is run
 * again on the primary. No replica configured: `tolerant` and `fresh` just run fn (no query, no
 * context).
 */
export class ReadDatabase {
  private readonly replicas: Replica[];
  private readonly context = new AsyncLocalStorage<ReadQueryable>();
  private readonly history: { at: number; lsn: bigint }[] = [];
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  private next = 0;
  private closed = false;

  constructor(
    private readonly primary: DataSource,
    urls: readonly string[],
    private readonly maxLagMs: number,
    poolSize = 10,
  ) {
    this.replicas = urls.map((url) => {
      const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'nguon-read', connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS });
      // An idle connection that drops (the replica restarted) is replaced on next use, not fatal.
      pool.on('error', () => undefined);
      const reader: ReadQueryable = { query: async (sql, parameters) => (await pool.query(sql, parameters as unknown[])).rows as never };
      return { url, pool, reader, replayed: 0n, up: false, lagMs: Infinity };
    });
  }

  get replicated(): boolean {
    return this.replicas.length > 0;
  }

  /** Where the reads of the current call go: the replica chosen by the enclosing tolerant/fresh, else the primary. */
  get db(): ReadQueryable {
    return this.context.getStore() ?? this.primary;
  }

  /** Starts the periodic checks (the first one is awaited: replicas are used once known to be up). */
  async start(): Promise<void> {
    if (!this.replicas.length || this.timer) return;
    await this.check();
    this.timer = setInterval(() => void this.check(), REPLICA_CHECK_MS);
    this.timer.unref();
  }

  /** The replicas as the last check saw them (health, metrics). */
  states(): ReplicaState[] {
    return this.replicas.map((r) => ({ url: r.url.replace(/\/\/[^@/]*@/, '//'), up: r.up, lagMs: r.lagMs, replayed: String(r.replayed) }));
  }

  /** Runs fn with its reads on a replica within the allowed lag (else the primary). */
  tolerant<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.replicas.length) return fn();
    return this.runOn(this.pick(() => true), fn);
  }

  /** Runs fn with its reads on a replica that has replayed what the primary has written now (else the primary). */
  async fresh<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.replicas.length || !this.replicas.some((r) => this.usable(r))) return fn();
    const [{ lsn }] = (await this.primary.query('SELECT pg_current_wal_lsn()::text AS lsn')) as { lsn: string }[];
    const wanted = lsnValue(lsn);
    let replica = this.pick((r) => r.replayed >= wanted);
    if (!replica) {
      // Not known to be there yet (the last check is up to REPLICA_CHECK_MS old): ask one replica.
      const candidate = this.pick(() => true);
      if (candidate && (await this.replayPosition(candidate)) >= wanted) replica = candidate;
    }
    return this.runOn(replica, fn);
  }

  private usable(replica: Replica): boolean {
    return replica.up && replica.lagMs <= this.maxLagMs;
  }

  /** The next usable replica (round robin) that `accept`s, if any. */
  private pick(accept: (replica: Replica) => boolean): Replica | undefined {
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[(this.next + i) % this.replicas.length];
      if (this.usable(replica) && accept(replica)) {
        this.next = (this.next + i + 1) % this.replicas.length;
        return replica;
      }
    }
    return undefined;
  }

  private async runOn<T>(replica: Replica | undefined, fn: () => Promise<T>): Promise<T> {
    if (!replica) return fn();
    try {
      return await this.context.run(replica.reader, fn);
    } catch (error) {
      // The replica went away (it then waits for the next check that finds it well), or cancelled a
      // read that replay conflicted with (40001): the primary answers; fn only reads, so it runs again.
      // Any other failure is fn's own (a lot not found, a bad query) and is the caller's.
      const unavailable = isDatabaseUnavailable(error);
      if (!unavailable && pgError(error).code !== '40001') throw error;
      if (unavailable) replica.up = false;
      return fn();
    }
  }

  /** A replica's replay position now (updating what is known of it); 0 when it does not answer. */
  private async replayPosition(replica: Replica): Promise<bigint> {
    try {
      const { rows } = await replica.pool.query<{ lsn: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS lsn');
      const replayed = rows[0].lsn ? lsnValue(rows[0].lsn) : 0n;
      if (replayed > replica.replayed) replica.replayed = replayed;
      return replayed;
    } catch {
      replica.up = false;
      return 0n;
    }
  }

  private check(): Promise<void> {
    this.checking ??= this.checkNow().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async checkNow(): Promise<void> {
    if (this.closed) return;
    const now = Date.now();
    try {
      const [{ lsn }] = (await this.primary.query('SELECT pg_current_wal_lsn()::text AS lsn')) as { lsn: string }[];
      this.history.push({ at: now, lsn: lsnValue(lsn) });
    } catch {
      // The primary is away: replicas are judged against what was known of it.
    }
    // Positions older than twice the allowed lag (and at least a minute) tell nothing more.
    const keepFrom = now - Math.max(2 * this.maxLagMs, 60_000);
    while (this.history.length > 1 && this.history[0].at < keepFrom) this.history.shift();
    await Promise.all(
      this.replicas.map(async (replica) => {
        try {
          const { rows } = await replica.pool.query<{ lsn: string | null; standby: boolean }>('SELECT pg_last_wal_replay_lsn()::text AS lsn, pg_is_in_recovery() AS standby');
          // A server that is not (or no longer) a standby has no replay position: not a replica to read from.
          if (!rows[0].standby || !rows[0].lsn) throw new Error('not a standby');
          replica.replayed = lsnValue(rows[0].lsn);
          replica.lagMs = this.lagOf(replica.replayed, Date.now());
          replica.up = true;
        } catch {
          replica.up = false;
          replica.lagMs = Infinity;
        }
      }),
    );
  }

  /** How long ago the primary was at a position this replica has not replayed (0 when it has replayed the latest known). */
  private lagOf(replayed: bigint, now: number): number {
    const behind = this.history.find((sample) => sample.lsn > replayed);
    return behind ? now - behind.at : 0;
  }

  onModuleInit(): Promise<void> {
    return this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await Promise.all(this.replicas.map((replica) => replica.pool.end().catch(() => undefined)));
  }
}
