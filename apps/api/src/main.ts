import 'reflect-metadata';
import { connectionLimitsOf, loadConfig, openDatabase, resolveDatabase, runService, startTracing } from '@saydo/platform';
import { createApp } from './create-app';
import { createRootLogger } from './logging/root-logger';

/** Validates configuration, brings up PostgreSQL (given or embedded), checks or migrates the schema, then serves. */
runService('saydo', async () => {
  const config = loadConfig();
  const logger = createRootLogger(config.LOG_LEVEL);
  const log = (message: string) => logger.info(message);
  // Before anything that makes spans; off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = startTracing('saydo-api', { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const database = await resolveDatabase(config, log);
  try {
    const dataSource = await openDatabase(database.url, { applicationName: 'saydo-api', migrate: config.MIGRATE_AT_BOOT, poolSize: config.DATABASE_POOL_SIZE, ...connectionLimitsOf(config) });
    const app = await createApp(config, dataSource, logger);
    await app.listen(config.PORT, config.HOST);
    log(`API on http://localhost:${config.PORT} (OpenAPI at /docs, health at /health)${config.KAFKA_BROKERS ? `, Kafka log ${config.KAFKA_TOPIC} on ${config.KAFKA_BROKERS}` : ''}`);
    return {
      stopTimeoutMs: config.STOP_TIMEOUT_MS,
      log,
      stopSteps: [
        // Nest stops the HTTP listener, then the pipeline (relay, projector) and the retention job.
        { name: 'the HTTP server and the event pipeline', stop: () => app.close() },
        { name: 'the database connections', stop: () => dataSource.destroy() },
        { name: 'the embedded PostgreSQL', stop: () => database.stop() },
        { name: 'the trace exporter', stop: () => tracing.shutdown() },
      ],
    };
  } catch (error) {
    // Do not leave an embedded server we started running behind a failed start.
    await database.stop().catch(() => undefined);
    throw error;
  }
});
