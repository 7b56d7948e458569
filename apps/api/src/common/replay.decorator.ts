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

export const SECRET_FIELDS = 'nguon:secret-fields';

/**
 * Fields of this write's answer that are secrets (an API key, a one-time password link): the answer
 * kept for Idempotency-Key replays leaves them out (null), so no secret is stored in plain text; a
 * retry gets the rest of the answer and must ask for a new secret.
 */
export const SecretFields = (...fields: string[]) => SetMetadata(SECRET_FIELDS, fields);

/** The answer as stored for replays: the route's secret fields set to null. */
export function withoutSecrets(body: unknown, fields: string[] | undefined): unknown {
  if (!fields?.length || !body || typeof body !== 'object') return body;
  return { ...(body as Record<string, unknown>), ...Object.fromEntries(fields.filter((field) => field in (body as object)).map((field) => [field, null])) };
}
