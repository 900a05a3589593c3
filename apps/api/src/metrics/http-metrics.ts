import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry } from 'prom-client';

/** Requests not matched by any route share one label, so a scan of random URLs cannot grow the series. */
const UNMATCHED_ROUTE = 'unmatched';
/** The pages' catch-all (PageNotFoundController) answers every other GET with a 404: unmatched too. */
const CATCH_ALL_ROUTE = '/*';

const routeLabelOf = (request: FastifyRequest) => {
  const route = request.routeOptions.url;
  return route === undefined || route === CATCH_ALL_ROUTE ? UNMATCHED_ROUTE : route;
};

/**
 * Requests by method, route pattern (`/v1/streams/:streamId`, never the raw URL) and status, with
 * their latency, counted when the answer is sent (Fastify's onResponse).
 */
export function countHttpRequests(fastify: FastifyInstance, registry: Registry): void {
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'saydo_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames, registers: [registry] });
  const seconds = new Histogram({
    name: 'saydo_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer, by method, route pattern and status',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // A callback hook, not an async one: no promise and no extra microtask on every request.
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const labels = { method: request.method, route: routeLabelOf(request), status: String(reply.statusCode) };
    requests.inc(labels);
    seconds.observe(labels, reply.elapsedTime / 1000);
    done();
  });
}
