import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appendMetrics, createMetricsRegistry, logGauges, projectorMetrics, relayMetrics, reportCacheMetrics } from '@saydo/platform';
import Fastify from 'fastify';
import { countHttpRequests } from './http-metrics';

/** Every series the dashboard queries is one the processes export (a renamed metric would leave a panel silently empty). */
describe('ops/grafana/saydo.json', () => {
  const dashboard = JSON.parse(readFileSync(resolve(__dirname, '../../../../ops/grafana/saydo.json'), 'utf8'));
  const expressions: string[] = dashboard.panels.flatMap((panel: { targets?: Array<{ expr: string }> }) => (panel.targets ?? []).map((target) => target.expr));

  it('reads only metrics that the API, relay and projector register', async () => {
    const registry = createMetricsRegistry('test');
    appendMetrics(registry);
    logGauges(registry, { query: () => Promise.reject(new Error('not scraped in this test')) });
    relayMetrics(registry);
    projectorMetrics(registry);
    reportCacheMetrics(registry);
    const fastify = Fastify();
    countHttpRequests(fastify, registry);
    await fastify.close();
    const known = new Set<string>();
    for (const metric of await registry.getMetricsAsJSON()) {
      known.add(metric.name);
      if (String(metric.type) === 'histogram') ['_bucket', '_sum', '_count'].forEach((suffix) => known.add(metric.name + suffix));
    }
    const used = new Set(expressions.flatMap((expr) => expr.match(/\b(saydo|process|nodejs)_[a-z0-9_]+/g) ?? []));
    expect(used.size).toBeGreaterThan(15);
    expect([...used].filter((name) => !known.has(name))).toEqual([]);
  });
});
