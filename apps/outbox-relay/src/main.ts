import 'reflect-metadata';
import { kafkaSettings, startOutboxRelay } from '@saydo/messaging';
import { ConfigError, loadConfig, openDatabase, runService } from '@saydo/platform';

/** The outbox relay on its own: publishes every committed event to Kafka. Needs DATABASE_URL and KAFKA_BROKERS. */
runService('outbox-relay', async () => {
  const config = loadConfig();
  const settings = kafkaSettings(config);
  if (!settings || !config.DATABASE_URL) throw new ConfigError('Invalid configuration:\n  the outbox relay needs DATABASE_URL and KAFKA_BROKERS');
  const dataSource = await openDatabase(config.DATABASE_URL, { applicationName: 'saydo-outbox-relay', poolSize: 4 });
  const relay = await startOutboxRelay(config, settings, dataSource, (level, message) => process.stdout.write(`[outbox-relay] ${level}: ${message}\n`));
  return {
    async stop() {
      await relay.stop();
      await dataSource.destroy();
    },
  };
});
