import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One registry per process (never prom-client's global one, so tests that build several apps in
 * one process do not collide): default process metrics, every series labelled with the service.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
