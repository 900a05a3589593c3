import 'reflect-metadata';
import { kafkaSettings, startKafkaProjector } from '@saydo/messaging';
import { ConfigError, loadConfig, openDatabase, runService } from '@saydo/platform';

/** One member of the projector consumer group. Needs DATABASE_URL and KAFKA_BROKERS. */
runService('projector', async () => {
  const config = loadConfig();
  const settings = kafkaSettings(config);
  if (!settings || !config.DATABASE_URL) throw new ConfigError('Invalid configuration:\n  the projector needs DATABASE_URL and KAFKA_BROKERS');
  const dataSource = await openDatabase(config.DATABASE_URL, { applicationName: 'saydo-projector', poolSize: 4 });
  const log = (level: string, message: string) => process.stdout.write(`[projector] ${level}: ${message}\n`);
  const projector = await startKafkaProjector(settings, dataSource, log, (error) => {
    // kafkajs gave up: exit so the supervisor restarts us; PostgreSQL holds our progress.
    log('error', `consumer crashed: ${String(error)}`);
    process.exit(1);
  });
  return {
    async stop() {
      await projector.stop();
      await dataSource.destroy();
    },
  };
});
