import { Global, Module } from '@nestjs/common';
import { appendMetrics, createMetricsRegistry, logGauges, projectorMetrics, relayMetrics, reportCacheMetrics } from '@saydo/platform';
import { Pool } from 'pg';
import { Registry } from 'prom-client';
import { MetricsHttpController } from './metrics.http.controller';
import { APPEND_OBSERVER, METRICS_REGISTRY, PIPELINE_OBSERVERS, REPORT_CACHE_OBSERVER } from './metrics.tokens';

export interface PipelineObservers {
  relay: ReturnType<typeof relayMetrics>;
  projector: ReturnType<typeof projectorMetrics>;
}

/**
 * The API process's metrics, served at GET /metrics: default process metrics, HTTP (create-app
 * registers the hook), the store's appends, the log gauges read on scrape, the relay and projector
 * when they run here, and report cache lookups through REPORT_CACHE_OBSERVER.
 */
@Global()
@Module({
  controllers: [MetricsHttpController],
  providers: [
    { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry('saydo-api') },
    { provide: APPEND_OBSERVER, useFactory: (registry: Registry) => appendMetrics(registry), inject: [METRICS_REGISTRY] },
    { provide: REPORT_CACHE_OBSERVER, useFactory: (registry: Registry) => reportCacheMetrics(registry), inject: [METRICS_REGISTRY] },
    {
      provide: PIPELINE_OBSERVERS,
      useFactory: (registry: Registry): PipelineObservers => ({ relay: relayMetrics(registry), projector: projectorMetrics(registry) }),
      inject: [METRICS_REGISTRY],
    },
    {
      provide: 'LOG_GAUGES',
      useFactory: (registry: Registry, pool: Pool) => logGauges(registry, pool),
      inject: [METRICS_REGISTRY, Pool],
    },
  ],
  exports: [METRICS_REGISTRY, APPEND_OBSERVER, REPORT_CACHE_OBSERVER, PIPELINE_OBSERVERS],
})
export class MetricsModule {}
