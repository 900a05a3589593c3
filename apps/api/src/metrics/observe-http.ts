import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { tracingIsOn } from '@saydo/platform';
import { Registry } from 'prom-client';
import { traceHttpRequests } from '../tracing/http-spans';
import { countHttpRequests } from './http-metrics';
import { METRICS_REGISTRY } from './metrics.tokens';

/**
 * The Fastify hooks that measure (metrics) and trace (spans) every request. The span hooks only
 * when this process exports traces (started before the app is built): off, they cost about 3% of
 * a write's CPU to make no-op spans.
 */
export function observeHttp(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  if (tracingIsOn()) traceHttpRequests(fastify);
  countHttpRequests(fastify, app.get<Registry>(METRICS_REGISTRY));
}
