import { DomainException } from '../../common/domain.exception.js';

export const GROWING_AREA_STATUSES = ['draft', 'active', 'suspended', 'revoked'] as const;
export type GrowingAreaStatus = (typeof GROWING_AREA_STATUSES)[number];

/**
 * The lifecycle: draft → active ⇄ suspended, and revoked (terminal) from any other status. A draft may
 * be revoked (registered by mistake, or refused) and a suspended area may be revoked without being
 * reactivated first. Nothing leaves revoked, and nothing goes back to draft.
 */
export const GROWING_AREA_TRANSITIONS: Readonly<Record<GrowingAreaStatus, readonly GrowingAreaStatus[]>> = {
  draft: ['active', 'revoked'],
  active: ['suspended', 'revoked'],
  suspended: ['active', 'revoked'],
  revoked: [],
};

/** Statuses an area may be registered with (an already-issued code is active from the start). */
export const INITIAL_GROWING_AREA_STATUSES = ['draft', 'active'] as const satisfies readonly GrowingAreaStatus[];

export function canTransition(from: GrowingAreaStatus, to: GrowingAreaStatus): boolean {
  return GROWING_AREA_TRANSITIONS[from].includes(to);
}

/** Throws 422 `GROWING_AREA_STATUS_TRANSITION` naming the field and the allowed targets. */
export function assertTransition(from: GrowingAreaStatus, to: GrowingAreaStatus): void {
  if (canTransition(from, to)) return;
  const allowed = GROWING_AREA_TRANSITIONS[from];
  const hint = allowed.length ? `allowed from ${from}: ${allowed.join(', ')}` : `${from} is final`;
  throw new DomainException('GROWING_AREA_STATUS_TRANSITION', `status: a growing area cannot go from ${from} to ${to} (${hint})`, 'validation', {
    field: 'status',
    from,
    to,
    allowed,
  });
}

export interface StatusChangePoint {
  toStatus: GrowingAreaStatus;
  changedAt: Date;
}

/**
 * The status in force at an instant, from the history (any order). Null before the area was
 * registered: it was not known to be active then. A change takes effect at its `changedAt`.
 */
export function statusAt(history: readonly StatusChangePoint[], at: Date): GrowingAreaStatus | null {
  let current: StatusChangePoint | null = null;
  for (const change of history) {
    if (change.changedAt.getTime() <= at.getTime() && (!current || change.changedAt.getTime() >= current.changedAt.getTime())) current = change;
  }
  return current?.toStatus ?? null;
}
