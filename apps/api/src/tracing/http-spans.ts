import { context, propagation, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { saydoTracer } from '@saydo/event-store';
import { FastifyInstance, FastifyRequest } from 'fastify';

const SPAN = Symbol('saydo.httpSpan');
type TracedRequest = FastifyRequest & { [SPAN]?: Span };

/**
 * One SERVER span per request, continuing the caller's W3C `traceparent` when it sends one. The
 * handler runs with the span active (preHandler: after the body is parsed, so the parser's
 * callbacks cannot lose the context), so the decision and the append become its children. The
 * span is named by the route pattern once the answer is sent. No-ops when tracing is off.
 */
export function traceHttpRequests(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request: TracedRequest, _reply, done) => {
    const parent = propagation.extract(context.active(), request.headers);
    request[SPAN] = saydoTracer().startSpan(`HTTP ${request.method}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': request.url.split('?')[0] } }, parent);
    done();
  });
  fastify.addHook('preHandler', (request: TracedRequest, _reply, done) => {
    const span = request[SPAN];
    if (!span) return done();
    context.with(trace.setSpan(context.active(), span), done);
  });
  fastify.addHook('onRequestAbort', (request: TracedRequest, done) => {
    // The client went away: no answer will be sent, so onResponse will not end the span.
    request[SPAN]?.setStatus({ code: SpanStatusCode.ERROR, message: 'request aborted by the client' });
    request[SPAN]?.end();
    request[SPAN] = undefined;
    done();
  });
  fastify.addHook('onResponse', (request: TracedRequest, reply, done) => {
    const span = request[SPAN];
    if (span) {
      const route = request.routeOptions.url;
      if (route) span.updateName(`${request.method} ${route}`);
      span.setAttributes({ 'http.route': route ?? '', 'http.response.status_code': reply.statusCode, 'saydo.request_id': String(request.id) });
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });
}
