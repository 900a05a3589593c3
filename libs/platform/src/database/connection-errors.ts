/**
 * Errors that mean "the database cannot be reached right now" (the server restarts, an
 * administrator terminated the session, the network dropped), as opposed to an error in the
 * statement. A request that meets one is answered 503 and may be retried; workers retry it.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, or a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '53300', // too_many_connections
]);

const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/** Messages node-postgres and pg-pool give when the socket is gone or never came (they carry no code). */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /Connection ended unexpectedly/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/** The statement ran past statement_timeout (or was cancelled): the database is overloaded, not the request wrong. */
export const STATEMENT_TIMEOUT_SQLSTATE = '57014';

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const candidate of causesOf(error)) {
    const code = (candidate as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || UNAVAILABLE_ERRNOS.has(code))) return true;
    const message = (candidate as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

export function isStatementTimeout(error: unknown): boolean {
  return causesOf(error).some((candidate) => (candidate as { code?: unknown }).code === STATEMENT_TIMEOUT_SQLSTATE);
}

/** The error, TypeORM's driverError, `cause` chains and AggregateError members (a refused dual-stack connect). */
function causesOf(error: unknown, depth = 0): object[] {
  if (error === null || typeof error !== 'object' || depth > 4) return [];
  const nested = [
    (error as { driverError?: unknown }).driverError,
    (error as { cause?: unknown }).cause,
    ...(error instanceof AggregateError ? error.errors : []),
  ];
  return [error, ...nested.flatMap((inner) => causesOf(inner, depth + 1))];
}
