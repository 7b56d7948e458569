import type { Caller } from './caller.js';

/**
 * Callers resolved from bearer tokens in the last few seconds, so that a clerk's phone or a partner's
 * integration sending requests in a burst costs one lookup, not one per request. An entry lives
 * `ttlMs` at most and never past the token's own expiry; the oldest entries go first when full.
 * Revocations reach every process as notifications that `forget` the callers concerned; `epoch`
 * moves on with each, so a lookup that started before a revocation cannot cache what it read.
 */
export class RecentCallers {
  private readonly entries = new Map<string, { caller: Caller; until: number }>();
  private currentEpoch = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Read before looking a token up; pass it to `set`. */
  get epoch(): number {
    return this.currentEpoch;
  }

  get(token: string): Caller | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.caller;
  }

  /**
   * Remembers a caller; `expiresAt` (ms since the epoch) caps the entry at the token's expiry. Nothing
   * is kept when something was forgotten since `epoch` was read: what was looked up may be stale.
   */
  set(token: string, caller: Caller, expiresAt = Infinity, epoch = this.currentEpoch): void {
    if (this.ttlMs <= 0 || epoch !== this.currentEpoch) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { caller: Object.freeze({ ...caller }), until: Math.min(this.now() + this.ttlMs, expiresAt) });
  }

  /** Drops the callers `matches` picks (a revoked session, user or key). */
  forget(matches: (caller: Caller) => boolean): void {
    this.currentEpoch++;
    for (const [token, entry] of this.entries) if (matches(entry.caller)) this.entries.delete(token);
  }

  clear(): void {
    this.currentEpoch++;
    this.entries.clear();
  }
}
