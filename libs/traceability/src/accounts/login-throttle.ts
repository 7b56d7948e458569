/** Failed logins of one email, kept in PostgreSQL so that every API process sees the same count. */
export interface ThrottleState {
  failures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

export interface LockoutPolicy {
  /** Consecutive failures that lock the account. */
  threshold: number;
  /** The first lock; each further failure after a lock doubles it… */
  baseSeconds: number;
  /** …up to this, so nobody can lock an account for longer. */
  maxSeconds: number;
}

/** Failures older than this are forgotten: a typo once a week never adds up to a lock. */
export const FAILURE_MEMORY_MS = 60 * 60 * 1000;

/** Seconds until the account may try again (0: it may now). */
export function secondsLocked(state: Pick<ThrottleState, 'lockedUntil'> | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
}

/**
 * The state after one more failed login (never called while locked: those attempts are refused
 * before the password is checked, so they neither count nor lengthen the lock).
 */
export function afterFailure(state: ThrottleState | null, now: Date, policy: LockoutPolicy): ThrottleState {
  const recent = state?.lastFailureAt && now.getTime() - state.lastFailureAt.getTime() < FAILURE_MEMORY_MS;
  const failures = recent ? state.failures + 1 : 1;
  if (failures < policy.threshold) return { failures, lastFailureAt: now, lockedUntil: null };
  const seconds = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(failures - policy.threshold, 30));
  return { failures, lastFailureAt: now, lockedUntil: new Date(now.getTime() + seconds * 1000) };
}
