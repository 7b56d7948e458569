import type { Caller } from './caller.js';

/**
 * Callers resolved from bearer tokens in the last few seconds, so that a clerk's phone or a partner's
 * integration sending requests in a burst costs one lookup, not one per request. An entry lives
 * `ttlMs` at most and never past the token's own expiry; the oldest entries go first when full.
 * A revoked API key or a changed user is therefore refused on every API process within `ttlMs`
 * (at once on the process that made the change: it clears the cache).
 */
export class RecentCallers {
  private readonly entries = new Map<string, { caller: Caller; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): Caller | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.caller;
  }

  /** Remembers a caller; `expiresAt` (ms since the epoch) caps the entry at the token's expiry. */
  set(token: string, caller: Caller, expiresAt = Infinity): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { caller: Object.freeze({ ...caller }), until: Math.min(this.now() + this.ttlMs, expiresAt) });
  }

  clear(): void {
    this.entries.clear();
  }
}
