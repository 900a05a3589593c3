import { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, problemDocument, ProblemDetails } from './problem';

/**
 * Limits on the request line and headers, and the problems that answer them. These errors happen
 * where Nest's exception filter never runs (Node's HTTP parser, Fastify's router), so they are
 * written here in the same problem+json shape.
 */
export const REQUEST_LIMITS = {
  /** A route parameter longer than this is a 414: the longest id is a stream id ("stakeholder-" + an 80-character slug). */
  maxParamLength: 100,
  /** A request target (path and query) longer than this is a 414. */
  maxUrlLength: 8 * 1024,
  /** Request line and headers together; beyond it Node's parser gives up: 431. */
  maxHeaderBytes: 16 * 1024,
} as const;

const uriTooLong = (detail: string) => problemDocument('uri-too-long', 'The URI is too long', 414, detail);

/** Fastify's router refused the URL before routing: bad percent-encoding (400) or an over-long parameter (414). */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? uriTooLong(`a path segment is longer than ${REQUEST_LIMITS.maxParamLength} characters; no id is that long`)
      : error.code === 'FST_ERR_BAD_URL'
        ? problemDocument('malformed-url', 'The URL is malformed', 400, 'the path is not valid percent-encoded UTF-8')
        : problemDocument('internal-error', 'Internal error', 500, 'an unexpected error occurred; nothing was half-written');
  sendProblem(reply, { ...problem, instance: request.url });
}

/** onRequest hook: a request target longer than maxUrlLength is a 414, whatever route it names; a badly encoded query a 400. */
export function rejectLongUrls(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (request.url.length > REQUEST_LIMITS.maxUrlLength) {
    return sendProblem(reply, uriTooLong(`the request target has ${request.url.length} characters; at most ${REQUEST_LIMITS.maxUrlLength} are read`));
  }
  // Checked here too, not only by the router's maxParamLength: a wildcard route (the pages' 404)
  // would otherwise match an over-long segment and answer 404 instead of 414.
  const path = request.url.split('?', 1)[0];
  if (path.split('/').some((segment) => segment.length > REQUEST_LIMITS.maxParamLength)) {
    return sendProblem(reply, { ...uriTooLong(`a path segment is longer than ${REQUEST_LIMITS.maxParamLength} characters; no id is that long`), instance: request.url });
  }
  const query = request.url.indexOf('?');
  if (query >= 0 && !isWellEncoded(request.url.slice(query + 1))) {
    return sendProblem(reply, { ...problemDocument('malformed-url', 'The URL is malformed', 400, 'the query string is not valid percent-encoded UTF-8'), instance: request.url });
  }
  done();
}

/**
 * Fastify's query parser keeps a component it cannot decode as it was (`q=%ff` reads "%ff"),
 * where the path's router refuses it: the query gets the same 400.
 */
function isWellEncoded(query: string): boolean {
  if (!query.includes('%')) return true;
  try {
    for (const part of query.split(/[&=]/)) decodeURIComponent(part);
    return true;
  } catch {
    return false;
  }
}

/**
 * Node's HTTP parser refused the request (headers too large, malformed request line, timeout):
 * there is no request object, so the answer is written on the socket, then the socket closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problemDocument('headers-too-large', 'The request headers are too large', 431, `the request line and headers may take at most ${REQUEST_LIMITS.maxHeaderBytes} bytes`)
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problemDocument('request-timeout', 'The request took too long to arrive', 408, 'the request was not received in time')
        : problemDocument('malformed-request', 'The request could not be read', 400, 'the request is not valid HTTP/1.1');
  if (socket.writable) {
    const body = JSON.stringify(problem);
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  void reply.code(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
