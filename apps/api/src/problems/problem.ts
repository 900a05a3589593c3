import { HttpException } from '@nestjs/common';

/** Base of every problem `type` URI; the slug after it is stable and documented. */
export const PROBLEM_BASE = 'https://saydo.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface FieldError {
  /** Path of the failing field in the request, e.g. `events[2].data.text`. */
  field: string;
  message: string;
}

/** RFC 9457 problem details, plus our extension members. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** An HTTP error that carries its problem document; thrown by pipes, guards and handlers. */
export class ProblemException extends HttpException {
  constructor(
    readonly slug: string,
    title: string,
    status: number,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(problemDocument(slug, title, status, detail, extensions), status);
  }

  get problem(): ProblemDetails {
    return this.getResponse() as ProblemDetails;
  }
}

export function problemDocument(slug: string, title: string, status: number, detail: string, extensions: Record<string, unknown> = {}): ProblemDetails {
  return { type: PROBLEM_BASE + slug, title, status, detail, ...extensions };
}

export const problems = {
  validation: (errors: FieldError[]) =>
    new ProblemException('validation-failed', 'The request is not valid', 400, `${errors.length} field(s) failed validation`, { errors }),
  unauthorized: (detail: string) => new ProblemException('unauthorized', 'Authentication required', 401, detail, {}, { 'WWW-Authenticate': 'Bearer' }),
  forbidden: (detail: string) => new ProblemException('forbidden', 'Not allowed for this key', 403, detail),
  notFound: (detail: string) => new ProblemException('not-found', 'Not found', 404, detail),
  malformedJson: (detail: string) => new ProblemException('malformed-json', 'The body is not valid JSON', 400, detail),
  nestingTooDeep: (maxDepth: number) =>
    new ProblemException('nesting-too-deep', 'The body nests too deeply', 400, `JSON may nest at most ${maxDepth} levels of objects and arrays`, { maxDepth }),
  eventTooLarge: (oversized: Array<{ field: string; bytes: number }>, maxEventBytes: number) =>
    new ProblemException(
      'event-too-large',
      'An event is too large',
      413,
      `${oversized.length} event(s) over the limit of ${maxEventBytes} bytes of JSON per event; nothing was written`,
      { maxEventBytes, errors: oversized.map(({ field, bytes }) => ({ field: field || 'body', message: `the event takes ${bytes} bytes of JSON, the limit is ${maxEventBytes}`, bytes })) },
    ),
  readModelBehind: (position: number, reached: number, retryAfterSeconds: number) =>
    new ProblemException(
      'read-model-behind',
      'The read models have not reached that position yet',
      503,
      `waited for position ${position}; the read models are at ${reached}`,
      { waitForPosition: position, position: reached },
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  databaseUnavailable: (retryAfterSeconds: number) =>
    new ProblemException(
      'database-unavailable',
      'The database cannot be reached right now',
      503,
      'the connection to PostgreSQL failed or was lost; a write that got this answer was not recorded unless its retry (same Idempotency-Key) says so; retry later',
      {},
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  databaseTimeout: (retryAfterSeconds: number) =>
    new ProblemException(
      'database-timeout',
      'The database took too long to answer',
      503,
      'a statement ran past the configured statement_timeout and was cancelled; nothing was half-written, retry later',
      {},
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  writeContention: (attempts: number, retryAfterSeconds: number) =>
    new ProblemException(
      'write-contention',
      'Other writers keep changing the same records',
      503,
      `the facts were decided again ${attempts} times on fresh state and other writes got in first each time; nothing was written, send the request again`,
      { attempts },
      { 'Retry-After': String(retryAfterSeconds) },
    ),
};
