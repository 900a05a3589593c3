import { READ_MODEL_ENTITIES } from '@saydo/read-models';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { MIGRATIONS } from '../../../../migrations';
import { API_KEY_ENTITIES } from './api-key.entity';

/**
 * One TypeORM data source per process. TypeORM owns entities, migrations and ordinary queries;
 * hot paths (append, projection batches) use its underlying pg Pool directly.
 * `synchronize` stays off: the schema changes only through migrations.
 */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [...READ_MODEL_ENTITIES, ...API_KEY_ENTITIES],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: options.poolSize ?? 10, application_name: options.applicationName ?? 'saydo' },
  });
}

/** The pg Pool TypeORM opened, shared by the raw-SQL paths so a process keeps one pool. */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}

/** Initialises the data source and applies pending migrations (the app's start-up decides, not TypeORM). */
export async function openDatabase(url: string, options: { poolSize?: number; applicationName?: string } = {}): Promise<DataSource> {
  const dataSource = createDataSource(url, options);
  await dataSource.initialize();
  // API, relay and projector may start together: one migrates, the others wait and find nothing to do.
  const lock = await poolOf(dataSource).connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    lock.release();
  }
  return dataSource;
}

const MIGRATION_LOCK = 5_730_145_000;
