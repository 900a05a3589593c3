import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { FastifyInstance, FastifyReply, FastifyRequest, LogController } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A client's id is kept when it is a plausible token (no spaces, no control characters, not huge). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** Fastify's genReqId: the client's `X-Request-Id` when sane, else a fresh UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Every answer carries its request id, so a client can quote it and find the log line. */
export function echoRequestId(fastify: FastifyInstance): void {
  // A callback hook, not an async one: no promise and no extra microtask on every request.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
}

/**
 * Fastify's request logging, one line per request instead of two: when it is answered, with
 * method, route pattern (lines group by route), URL, status, latency, the principal when the
 * request was authenticated, and (from the request's logger) the request id.
 */
export class OneLinePerRequest extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(): void {
    // The completed line says everything; an "incoming" line would double the volume.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const latencyMs = Math.round(reply.elapsedTime * 10) / 10;
    const line = { method: request.method, route: request.routeOptions.url ?? null, url: request.url, status, latencyMs, principal: principalIdOf(request) };
    const text = `${request.method} ${request.url} ${status} ${latencyMs} ms`;
    if (error || status >= 500) request.log.error({ ...line, ...(error ? { err: error } : {}) }, text);
    else request.log.info(line, text);
  }
}

/** Set by the API key guard on authenticated requests. */
function principalIdOf(request: FastifyRequest): string | null {
  const principal = (request as FastifyRequest & { principal?: { keyId?: string } }).principal;
  return principal?.keyId ? `api-key:${principal.keyId}` : null;
}
