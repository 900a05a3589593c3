import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

/** DATABASE_URL when given; otherwise the embedded default under SAYDO_DATA_DIR. */
export async function resolveDatabase(config: AppConfig, log: (message: string) => void): Promise<EmbeddedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => undefined };
  return startEmbeddedPostgres(config.SAYDO_DATA_DIR, config.EMBEDDED_PG_PORT, log);
}
