/** SQLSTATE and driver codes of a failed query (TypeORM wraps node-postgres' error in `driverError`). */
function codesOf(error: unknown): { code?: string; message: string } {
  const e = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return { code: typeof code === 'string' ? code : undefined, message: String(e?.driverError?.message ?? e?.message ?? '') };
}

/** SQLSTATEs that mean the server is going away or not taking connections, rather than that the query was wrong. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors of a connection that could not be made or was cut. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** A connect to PostgreSQL's Unix socket (`<dir>/.s.PGSQL.<port>`), as node's error message names it. */
const POSTGRES_SOCKET = /^connect ENOENT .*\.s\.PGSQL\.\d+$/;
/** The code of an error a caller raises when the database took too long to answer (see the public pages). */
export const DATABASE_TIMEOUT_CODE = 'NGUON_DATABASE_TIMEOUT';
/** node-postgres and pg-pool say these in words only (no code). */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^Connection ended/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
  /Cannot use a pool after calling end on the pool/,
  /the database system is (starting up|shutting down|in recovery mode)/,
];

/**
 * TypeORM releases a transaction's query runner when its connection reports an error (the server
 * went away), and the transaction's next query fails with one of these.
 */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * True when a query failed because PostgreSQL could not be reached or went away (refused, reset or
 * timed-out connections, admin/crash shutdown 57P01/57P02, starting up 57P03, too many connections,
 * any connection exception 08xxx, a transaction whose connection was lost): an outage the client
 * should retry, not a fault of its request.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = codesOf(error);
  if (RELEASED_RUNNER_ERRORS.has((error as { name?: string }).name ?? '')) return true;
  if (code && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || UNAVAILABLE_SOCKET_CODES.has(code) || code === DATABASE_TIMEOUT_CODE)) return true;
  if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // Over the Unix socket, a stopped server has removed its socket file: connect answers ENOENT.
  if (code === 'ENOENT' && POSTGRES_SOCKET.test(message)) return true;
  // Node's connect to a name with several addresses fails with an AggregateError of each attempt.
  const { errors } = error as { errors?: unknown };
  return Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner));
}

/**
 * SQLSTATE class 22 (data exception: a NUL byte in text 22021, a value out of range 22003, a malformed
 * date or number 22007/22008/22P02…): PostgreSQL refused a value that the request brought in.
 */
export function isDataException(error: unknown): boolean {
  const { code } = codesOf(error);
  return !!code && code.length === 5 && code.startsWith('22');
}

/** PostgreSQL error code and constraint of a failed query (TypeORM wraps the driver error). */
export function pgError(error: unknown): { code?: string; constraint?: string } {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } } | null;
  return { code: e?.driverError?.code ?? e?.code, constraint: e?.driverError?.constraint ?? e?.constraint };
}

/** A unique violation (23505), of `constraint` when one is named. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const failure = pgError(error);
  return failure.code === '23505' && (constraint === undefined || failure.constraint === constraint);
}
