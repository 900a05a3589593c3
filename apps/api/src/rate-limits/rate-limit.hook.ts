import { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerSecretOf, principalOf } from '../auth/request-principal';
import { Principal } from '../auth/principal';
import { PROBLEM_CONTENT_TYPE, problemDocument } from '../problems/problem';
import { ClientBudgets } from './client-budgets';
import { admitExpensiveRead, expensiveReadAdmission } from './expensive-read-admission';
import { EXPENSIVE_ROUTES, FOLDING_ROUTES, isUnlimited } from './expensive-routes';
import { ExpensiveReadsInFlight } from './expensive-reads-in-flight';

/**
 * Who a request is charged to: a writer's live API key (so writers behind one address, or beside
 * anonymous readers on it, keep their own budget), else the client address (`request.ip`, which
 * honours TRUST_PROXY). A key that does not authenticate is charged to the address: 401s never
 * spend a key's budget.
 */
async function clientOf(request: FastifyRequest, authenticate: (secret: string) => Promise<Principal | null>): Promise<string> {
  const secret = bearerSecretOf(request.headers);
  const principal = secret ? await principalOf(request, secret, authenticate) : null;
  return principal ? `key:${principal.keyId}` : `address:${request.ip}`;
}

/**
 * Charges every request (any route, /docs and unknown paths too; health probes excepted) before its
 * body is read, and answers 429 `rate-limited` with Retry-After once the client's budget is spent.
 * Expensive reads are admitted against their own budgets too (see `expensiveReadAdmission`).
 */
export function limitRequests(
  fastify: FastifyInstance,
  budgets: ClientBudgets,
  inFlight: ExpensiveReadsInFlight,
  authenticate: (secret: string) => Promise<Principal | null>,
): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (isUnlimited(route)) return;
    const client = await clientOf(request, authenticate);
    const refuse = (status: 429 | 503, slug: string, title: string, detail: string, retryAfter: number) =>
      reply
        .code(status)
        .header('Retry-After', String(retryAfter))
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send({ ...problemDocument(slug, title, status, detail, { retryAfterSeconds: retryAfter }), instance: request.url, requestId: request.id });
    const retryAfterSeconds = await budgets.charge(client);
    if (retryAfterSeconds !== null) return refuse(429, 'rate-limited', 'Too many requests', 'too many requests from this client; retry later', retryAfterSeconds);
    if (route === undefined || !EXPENSIVE_ROUTES.has(route)) return;
    const admission = expensiveReadAdmission(budgets, inFlight, client, reply);
    // Report routes admit their read themselves, once they know what it costs (an answer already
    // published costs no more than a cheap request; only a fold takes a place in flight); the
    // other expensive reads always scan.
    if (FOLDING_ROUTES.has(route)) {
      request.expensiveRead = admission;
      return;
    }
    const refusal = await admitExpensiveRead(admission);
    if (refusal) return refuse(refusal.status, refusal.slug, refusal.title, refusal.detail, refusal.retryAfterSeconds);
  });
}
