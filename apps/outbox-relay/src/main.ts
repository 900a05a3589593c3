import 'reflect-metadata';
import { kafkaSettings, startOutboxRelay } from '@saydo/messaging';
import { ConfigError, connectionLimitsOf, createMetricsRegistry, loadConfig, logGauges, openDatabase, poolOf, relayMetrics, runService, serveMetrics, startTracing } from '@saydo/platform';

/** The outbox relay on its own: publishes every committed event to Kafka. Needs DATABASE_URL and KAFKA_BROKERS. */
runService('outbox-relay', async () => {
  const config = loadConfig();
  const settings = kafkaSettings(config);
  if (!settings || !config.DATABASE_URL) throw new ConfigError('Invalid configuration:\n  the outbox relay needs DATABASE_URL and KAFKA_BROKERS');
  const log = (level: string, message: string) => process.stdout.write(`[outbox-relay] ${level}: ${message}\n`);
  const tracing = startTracing('saydo-outbox-relay', { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const dataSource = await openDatabase(config.DATABASE_URL, { applicationName: 'saydo-outbox-relay', poolSize: 4, migrate: config.MIGRATE_AT_BOOT, ...connectionLimitsOf(config) });
  const registry = createMetricsRegistry('saydo-outbox-relay');
  logGauges(registry, poolOf(dataSource));
  const published = relayMetrics(registry);
  const relay = await startOutboxRelay(config, settings, dataSource, log, { onPublished: (events) => published.published(events) });
  const metrics = config.METRICS_PORT === undefined ? null : await serveMetrics(registry, config.METRICS_PORT, config.HOST);
  if (metrics) log('info', `metrics on http://localhost:${metrics.port}/metrics`);
  return {
    stopTimeoutMs: config.STOP_TIMEOUT_MS,
    stopSteps: [
      { name: 'the metrics listener', stop: async () => metrics?.close() },
      { name: 'the relay and its Kafka producer', stop: () => relay.stop() },
      { name: 'the database connections', stop: () => dataSource.destroy() },
      { name: 'the trace exporter', stop: () => tracing.shutdown() },
    ],
  };
});
