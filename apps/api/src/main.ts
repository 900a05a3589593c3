import 'reflect-metadata';
import { loadConfig, openDatabase, resolveDatabase, runService } from '@saydo/platform';
import { createApp } from './create-app';

/** Validates configuration, brings up PostgreSQL (given or embedded), migrates, then serves. */
runService('saydo', async () => {
  const config = loadConfig();
  const log = (message: string) => process.stdout.write(`[saydo] ${message}\n`);
  const database = await resolveDatabase(config, log);
  const dataSource = await openDatabase(database.url, { applicationName: 'saydo-api' });
  const app = await createApp(config, dataSource);
  await app.listen(config.PORT, config.HOST);
  log(`API on http://localhost:${config.PORT} (OpenAPI at /docs, health at /health)${config.KAFKA_BROKERS ? `, Kafka log ${config.KAFKA_TOPIC} on ${config.KAFKA_BROKERS}` : ''}`);
  return {
    async stop() {
      await app.close();
      await dataSource.destroy();
      await database.stop();
    },
  };
});
