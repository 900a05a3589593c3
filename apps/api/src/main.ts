import 'reflect-metadata';
import { ConfigError, loadConfig, openDatabase, resolveDatabase } from '@saydo/platform';
import { createApp } from './create-app';

/** Validates configuration, brings up PostgreSQL (given or embedded), migrates, then serves. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string) => process.stdout.write(`[saydo] ${message}\n`);
  const database = await resolveDatabase(config, log);
  const dataSource = await openDatabase(database.url, { applicationName: 'saydo-api' });
  const app = await createApp(config, dataSource);
  await app.listen(config.PORT, config.HOST);
  log(`API on http://localhost:${config.PORT} (OpenAPI at /docs, health at /health)`);
  const shutdown = async () => {
    await app.close();
    await dataSource.destroy();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `saydo failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
