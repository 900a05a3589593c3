import { READ_MODEL_ENTITIES } from '@saydo/read-models';
import { AppConfig } from '../config/app-config';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { MIGRATIONS } from '../../../../migrations';
import { API_KEY_ENTITIES } from './api-key.entity';
import { guardPool } from './connection-guard';
import { prepareSchema } from './schema-migrations';

/**
 * One TypeORM data source per process. TypeORM owns entities, migrations and ordinary queries;
 * hot paths (append, projection batches) use its underlying pg Pool directly.
 * `synchronize` stays off: the schema changes only through migrations.
 */
export interface ConnectionOptions {
  poolSize?: number;
  applicationName?: string;
  /**
   * Session limits set when each connection opens (0 = none). Services keep the defaults; the
   * rebuild and migrate tools, whose statements legitimately run long, pass 0.
   */
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
  /** Longest wait for a connection (a new one, or a free one from the pool) before the query fails. */
  connectTimeoutMs?: number;
}

/** Without options, no session limit (tools, tests); services pass AppConfig's (connectionLimitsOf). */
const DEFAULT_CONNECTION_LIMITS = { statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0, connectTimeoutMs: 10_000 } as const;

export function createDataSource(url: string, options: ConnectionOptions = {}): DataSource {
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...definedOnly(options) };
  return new DataSource({
    type: 'postgres',
    url,
    entities: [...READ_MODEL_ENTITIES, ...API_KEY_ENTITIES],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'saydo',
      statement_timeout: limits.statementTimeoutMs,
      idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
      connectionTimeoutMillis: limits.connectTimeoutMs,
    },
  });
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * The pg Pool TypeORM opened, shared by the raw-SQL paths so a process keeps one pool; guarded so
 * that a connection dying under a checked-out client never crashes the process (connection-guard).
 */
export function poolOf(dataSource: DataSource): Pool {
  return guardPool((dataSource.driver as PostgresDriver).master as Pool);
}

export interface OpenDatabaseOptions extends ConnectionOptions {
  /** Apply pending migrations (true, the default), or refuse to open a schema behind the code (false). */
  migrate?: boolean;
}

/**
 * Initialises the data source and checks its schema against the code (the app's start-up decides
 * whether to migrate, not TypeORM): a schema newer than the code is always refused.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<DataSource> {
  // Migrations, and waiting for another process's, may outlast a service's statement_timeout: they get their own connections, without it.
  const schema = createDataSource(url, { ...options, poolSize: 2, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 });
  await schema.initialize();
  try {
    await prepareSchema(schema, options.migrate ?? true);
  } finally {
    await schema.destroy();
  }
  const dataSource = createDataSource(url, options);
  await dataSource.initialize();
  poolOf(dataSource);
  return dataSource;
}

/** The configured session limits, for a service's openDatabase. */
export function connectionLimitsOf(config: AppConfig): Pick<ConnectionOptions, 'statementTimeoutMs' | 'idleInTransactionTimeoutMs' | 'connectTimeoutMs'> {
  return {
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  };
}
