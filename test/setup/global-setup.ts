import { register } from 'tsconfig-paths';
import { compilerOptions } from '../../tsconfig.json';

// Global setup runs outside jest's module mapper: resolve the @saydo/* aliases like tsc does.
register({ baseUrl: `${__dirname}/../..`, paths: compilerOptions.paths });

import { Client } from 'pg';
import { ensureKafkaBroker, warmUpKafka } from '../infra/kafka/kafka-test-broker';
import { databaseUrl, ensureTestPostgres } from './test-postgres';

/**
 * One real PostgreSQL for the run, and a template database migrated once with the real
 * migrations; each test file clones it (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
 */
export default async function globalSetup(): Promise<void> {
  const postgres = await ensureTestPostgres();
  const template = `saydo_test_tpl_${process.pid}`;
  const admin = new Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const { openDatabase } = await import('../../libs/platform/src/database/data-source');
  const dataSource = await openDatabase(databaseUrl(postgres.adminUrl, template));
  await dataSource.destroy();

  // A real Kafka broker for the Kafka suites: KAFKA_BROKERS when given, else the project's
  // KRaft broker (test/infra/kafka). If it cannot start, the run fails here: never skipped.
  const kafka = await ensureKafkaBroker();
  await warmUpKafka(kafka.brokers);
  process.env.SAYDO_TEST_KAFKA_BROKERS = kafka.brokers;
  (globalThis as Record<string, unknown>).__saydoTestKafkaStartedHere = kafka.startedHere;

  process.env.SAYDO_TEST_PG_ADMIN_URL = postgres.adminUrl;
  process.env.SAYDO_TEST_TEMPLATE = template;
  (globalThis as Record<string, unknown>).__saydoTestPostgres = postgres;
}
