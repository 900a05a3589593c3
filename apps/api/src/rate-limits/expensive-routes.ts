/** The expensive reads whose answers are published by permalink: they are charged only when they miss (`chargeReportRead`) and take a place in flight only when they fold (`enterFold`). */
export const FOLDING_ROUTES: ReadonlySet<string> = new Set([
  '/v1/stakeholders/:stakeholderId/report',
  '/v1/stakeholders/:stakeholderId/timeline',
  '/v1/topics/:topic/comparison',
  '/v1/commitments/:commitmentId',
]);

/**
 * The reads that fold or scan much of the log (Fastify route patterns): each costs what hundreds of
 * cheap requests cost, so a client gets a tighter budget for them on top of its general one.
 */
export const EXPENSIVE_ROUTES: ReadonlySet<string> = new Set([...FOLDING_ROUTES, '/v1/audit/verify', '/v1/audit/export']);

/** Probes and the metrics scrape must answer even when a client behind the prober's address exhausted its budget. */
export const isUnlimited = (route: string | undefined) => route !== undefined && (route === '/health' || route.startsWith('/health/') || route === '/metrics');
