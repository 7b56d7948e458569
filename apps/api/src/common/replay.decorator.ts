import { SetMetadata } from '@nestjs/common';

export const REPLAY_WITH = 'nguon:replay-with';

/**
 * Where the id of what a write made comes from, for rebuilding its answer: the event it appended,
 * the row it created, the caller's organization, or a path parameter (an update answers the resource it
 * changed); 'nothing' for a write whose answer has no body (204).
 */
export type ReplaySource = 'event' | 'created' | 'organization' | 'nothing' | { param: string };

export interface ReplaySpec {
  /** A method of the same controller, called as `(caller, id, params)`, that answers like the write did. */
  method: string;
  from: ReplaySource;
}

/**
 * How to answer a retry of this write after a crash between its commit and the storing of its answer
 * (the Idempotency-Key row then holds only what the write made). Every write route declares one.
 */
export const ReplayWith = (method: string, from: ReplaySource) => SetMetadata(REPLAY_WITH, { method, from } satisfies ReplaySpec);
