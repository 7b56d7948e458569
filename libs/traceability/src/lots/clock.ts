/** The time source of lot operations, behind an interface so rules about "now" are testable. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
