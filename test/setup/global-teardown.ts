import { Client } from 'pg';
import { stopKafkaBroker } from '../infra/kafka/kafka-test-broker';

/** Drops the template and every per-file database of this run, and stops what setup started. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.SAYDO_TEST_PG_ADMIN_URL;
  const template = process.env.SAYDO_TEST_TEMPLATE;
  if (adminUrl && template) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`${template}_%`, template]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
  }
  const postgres = (globalThis as Record<string, unknown>).__saydoTestPostgres as { stop(): Promise<void> } | undefined;
  await postgres?.stop();
  if ((globalThis as Record<string, unknown>).__saydoTestKafkaStartedHere) await stopKafkaBroker();
}
