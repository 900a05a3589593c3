import { HttpException } from '@nestjs/common';

/** Base of every problem `type` URI; the slug after it is stable and documented. */
export const PROBLEM_BASE = 'https://saydo.dev/problems/';

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
    super({ type: PROBLEM_BASE + slug, title, status, detail, ...extensions }, status);
  }

  get problem(): ProblemDetails {
    return this.getResponse() as ProblemDetails;
  }
}

export const problems = {
  validation: (errors: FieldError[]) =>
    new ProblemException('validation-failed', 'The request is not valid', 400, `${errors.length} field(s) failed validation`, { errors }),
  unauthorized: (detail: string) => new ProblemException('unauthorized', 'Authentication required', 401, detail, {}, { 'WWW-Authenticate': 'Bearer' }),
  forbidden: (detail: string) => new ProblemException('forbidden', 'Not allowed for this key', 403, detail),
  notFound: (detail: string) => new ProblemException('not-found', 'Not found', 404, detail),
  readModelBehind: (position: number, reached: number, retryAfterSeconds: number) =>
    new ProblemException(
      'read-model-behind',
      'The read models have not reached that position yet',
      503,
      `waited for position ${position}; the read models are at ${reached}`,
      { waitForPosition: position, position: reached },
      { 'Retry-After': String(retryAfterSeconds) },
    ),
};
