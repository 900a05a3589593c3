import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@saydo/domain';
import { IdempotencyKeyReusedError, WrongExpectedVersionError } from '@saydo/event-store';
import { isDatabaseUnavailable, isStatementTimeout } from '@saydo/platform';
import { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemDocument, ProblemDetails, ProblemException, problems } from './problem';

/** Seconds a client is asked to wait after the database was unreachable: a restart or a dropped connection heals in about that. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * Every error leaves as `application/problem+json` (RFC 9457) with a stable `type`.
 * Domain rules answer 409 (conflict with history) or 422 (can never succeed as written).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, headers } = this.toProblem(exception);
    if (problem.status === 503) this.logger.warn(`${problem.type}: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    reply
      .status(problem.status)
      .headers(headers)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      // requestId: the same id as the X-Request-Id header and the request's log line.
      .send({ ...problem, instance: request.url, requestId: request.id });
  }

  private toProblem(exception: unknown): { problem: ProblemDetails; headers: Record<string, string> } {
    if (exception instanceof ProblemException) return { problem: exception.problem, headers: exception.headers };
    if (exception instanceof DomainError) {
      const status = exception.kind === 'conflict' ? 409 : 422;
      return { problem: this.problem(exception.code, exception.kind === 'conflict' ? 'Conflicts with the recorded history' : 'Breaks a rule of the record', status, exception.message, exception.details), headers: {} };
    }
    if (exception instanceof WrongExpectedVersionError) {
      const { streamId, expectedVersion, currentVersion } = exception;
      return { problem: this.problem('wrong-expected-version', 'The stream has moved on', 409, exception.message, { streamId, expectedVersion, currentVersion }), headers: {} };
    }
    if (exception instanceof IdempotencyKeyReusedError) {
      return { problem: this.problem('idempotency-key-reused', 'Idempotency key already used for another request', 422, exception.message), headers: {} };
    }
    // The connection failed or was lost (a restart, pg_terminate_backend): not the request's fault, and retryable.
    if (isDatabaseUnavailable(exception)) {
      const { problem, headers } = problems.databaseUnavailable(DATABASE_RETRY_AFTER_SECONDS);
      return { problem, headers };
    }
    if (isStatementTimeout(exception)) {
      const { problem, headers } = problems.databaseTimeout(DATABASE_RETRY_AFTER_SECONDS);
      return { problem, headers };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { problem: this.problem(slugForStatus(status), exception.message, status, exception.message), headers: {} };
    }
    const status = statusOfFrameworkError(exception);
    if (status) {
      const message = exception instanceof Error ? exception.message : 'bad request';
      return { problem: this.problem(status === 413 ? 'payload-too-large' : 'malformed-request', 'The request could not be read', status, message), headers: {} };
    }
    return { problem: this.problem('internal-error', 'Internal error', 500, 'an unexpected error occurred; nothing was half-written'), headers: {} };
  }

  private problem(slug: string, title: string, status: number, detail: string, extensions: Record<string, unknown> = {}): ProblemDetails {
    return problemDocument(slug, title, status, detail, extensions);
  }
}

/** Fastify's own errors (unparsable JSON, body too large, wrong content type) carry a 4xx statusCode. */
function statusOfFrameworkError(exception: unknown): number | null {
  const status = (exception as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

function slugForStatus(status: number): string {
  const slugs: Record<number, string> = { 400: 'bad-request', 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 405: 'method-not-allowed', 413: 'payload-too-large', 415: 'unsupported-media-type' };
  return slugs[status] ?? (status >= 500 ? 'internal-error' : 'http-error');
}
