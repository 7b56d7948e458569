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
  /** Null for the registration. */
  fromStatus?: GrowingAreaStatus | null;
  toStatus: GrowingAreaStatus;
  /** When the change was recorded. */
  changedAt: Date;
  /** When it took effect, if earlier than recorded (a back-dated activation); null: when recorded. */
  effectiveAt?: Date | null;
}

const effectiveTime = (change: StatusChangePoint) => (change.effectiveAt ?? change.changedAt).getTime();

/**
 * The status in force at an instant, from the history (any order): of the changes in effect by then,
 * the one recorded last. Null before the area was registered: it was not known to be active then.
 * A back-dated activation recorded after the registration's draft therefore wins over that draft from
 * its effective date on.
 */
export function statusAt(history: readonly StatusChangePoint[], at: Date): GrowingAreaStatus | null {
  let current: StatusChangePoint | null = null;
  for (const change of history) {
    if (effectiveTime(change) <= at.getTime() && (!current || change.changedAt.getTime() >= current.changedAt.getTime())) current = change;
  }
  return current?.toStatus ?? null;
}

/** When the area's present status took effect, if it is active: what a refused harvest is told. */
export function activeSince(history: readonly StatusChangePoint[]): Date | null {
  const latest = history.reduce<StatusChangePoint | null>((last, change) => (!last || change.changedAt.getTime() >= last.changedAt.getTime() ? change : last), null);
  return latest?.toStatus === 'active' ? new Date(effectiveTime(latest)) : null;
}

/**
 * The earliest instant a new change may take effect: not before the change in force took effect, so
 * the history stays in order. The registration as a draft does not count: back-dating an activation
 * before the day the area was typed in is the reason effective dates exist.
 */
export function earliestEffectiveTime(history: readonly StatusChangePoint[]): Date | null {
  const counted = history.filter((change) => !(change.fromStatus === null && change.toStatus === 'draft'));
  if (!counted.length) return null;
  return new Date(Math.max(...counted.map(effectiveTime)));
}
