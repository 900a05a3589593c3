import 'reflect-metadata';
import { kafkaSettings, startKafkaProjector } from '@saydo/messaging';
import { ConfigError, connectionLimitsOf, createMetricsRegistry, loadConfig, logGauges, openDatabase, poolOf, projectorMetrics, runService, serveMetrics, startTracing } from '@saydo/platform';

/** One member of the projector consumer group. Needs DATABASE_URL and KAFKA_BROKERS. */
runService('projector', async () => {
  const config = loadConfig();
  const settings = kafkaSettings(config);
  if (!settings || !config.DATABASE_URL) throw new ConfigError('Invalid configuration:\n  the projector needs DATABASE_URL and KAFKA_BROKERS');
  const tracing = startTracing('saydo-projector', { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const dataSource = await openDatabase(config.DATABASE_URL, { applicationName: 'saydo-projector', poolSize: 4, migrate: config.MIGRATE_AT_BOOT, ...connectionLimitsOf(config) });
  const log = (level: string, message: string) => process.stdout.write(`[projector] ${level}: ${message}\n`);
  const registry = createMetricsRegistry('saydo-projector');
  logGauges(registry, poolOf(dataSource));
  const applied = projectorMetrics(registry);
  const onCrash = (error: unknown) => {
    // kafkajs gave up: exit so the supervisor restarts us; PostgreSQL holds our progress.
    log('error', `consumer crashed: ${String(error)}`);
    process.exit(1);
  };
  const projector = await startKafkaProjector(settings, dataSource, log, onCrash, (chunk) => applied.chunkApplied(chunk));
  const metrics = config.METRICS_PORT === undefined ? null : await serveMetrics(registry, config.METRICS_PORT, config.HOST);
  if (metrics) log('info', `metrics on http://localhost:${metrics.port}/metrics`);
  return {
    stopTimeoutMs: config.STOP_TIMEOUT_MS,
    stopSteps: [
      { name: 'the metrics listener', stop: async () => metrics?.close() },
      { name: 'the Kafka consumer', stop: () => projector.stop() },
      { name: 'the database connections', stop: () => dataSource.destroy() },
      { name: 'the trace exporter', stop: () => tracing.shutdown() },
    ],
  };
});
