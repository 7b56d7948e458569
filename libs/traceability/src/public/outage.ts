/** What the public pages answer while PostgreSQL cannot be reached (503 with this code). */
export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';

/** Seconds a client is asked to wait before trying again (the Retry-After of that 503). */
export const RETRY_AFTER_SECONDS = 10;

/** Thrown when the database took too long to answer a public page's question. */
export class DatabaseTimeoutError extends Error {
  readonly code = 'NGUON_DATABASE_TIMEOUT';

  constructor(what: string, ms: number) {
    super(`${what}: no answer from the database within ${ms} ms`);
    this.name = 'DatabaseTimeoutError';
  }
}

/** Network errors of a connection that cannot be made or was cut. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'NGUON_DATABASE_TIMEOUT']);
/**
 * SQLSTATEs of a server that is not there for us: connection exceptions (class 08), shutting down or
 * starting up (57P01–57P03), no connection slot left (53300).
 */
const SERVER_CODES = /^(08...|57P0[123]|53300)$/;
/** node-postgres says these in words only (a socket closed under a query, a pool that cannot connect). */
const MESSAGES = /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Connection ended|Client was closed/i;

/**
 * Whether an error means "the database cannot be reached now" rather than "this query is wrong":
 * the first is an outage (pages served from cache, or 503), the second a bug (500).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, driverError, errors } = error as { code?: unknown; message?: unknown; driverError?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.test(code))) return true;
  if (typeof message === 'string' && MESSAGES.test(message)) return true;
  if (driverError && isDatabaseUnavailable(driverError, depth + 1)) return true;
  // Node's connect to a name with several addresses fails with an AggregateError of each attempt.
  return Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** `work`, or a DatabaseTimeoutError after `ms`: a page must not hang on a database that hangs. */
export function withTimeout<T>(work: Promise<T>, what: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(what, ms)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
