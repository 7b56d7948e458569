import { DATABASE_TIMEOUT_CODE, isDatabaseUnavailable } from '@app/database';

/** What the public pages answer while PostgreSQL cannot be reached (503 with this code). */
export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';

/** Seconds a client is asked to wait before trying again (the Retry-After of that 503). */
export const RETRY_AFTER_SECONDS = 10;

/** Thrown when the database took too long to answer a public page's question. */
export class DatabaseTimeoutError extends Error {
  readonly code = DATABASE_TIMEOUT_CODE;

  constructor(what: string, ms: number) {
    super(`${what}: no answer from the database within ${ms} ms`);
    this.name = 'DatabaseTimeoutError';
  }
}

/**
 * Whether an error means "the database cannot be reached now" (pages served from cache, or 503)
 * rather than "this query is wrong" (a bug): one rule for the whole service.
 */
export { isDatabaseUnavailable };

/** `work`, or a DatabaseTimeoutError after `ms`: a page must not hang on a database that hangs. */
export function withTimeout<T>(work: Promise<T>, what: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(what, ms)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
