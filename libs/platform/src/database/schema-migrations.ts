import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations';
import { ConfigError } from '../config/app-config';

/** API, relay, projector and `npm run migrate` may start together: one migrates, the others wait and find nothing to do. */
const MIGRATION_LOCK = 5_730_145_000;
const MIGRATIONS_TABLE = 'schema_migrations';

export interface SchemaState {
  /** Migrations of this code not yet applied to the database, in order. */
  pending: string[];
  /** Migrations applied to the database that this code does not know: the schema is newer than the code. */
  unknown: string[];
}

// Both are deployment mistakes the operator fixes, reported like a bad variable: a message, no stack.

/** The schema is newer than this code: running would risk writing what a newer version reads differently. */
export class SchemaNewerThanCodeError extends ConfigError {
  constructor(readonly unknown: string[]) {
    super(`the database schema is newer than this code: it has migration(s) this version does not know (${unknown.join(', ')}); run the newer version, or point DATABASE_URL elsewhere`);
    this.name = 'SchemaNewerThanCodeError';
  }
}

/** Migrations are pending and this process was told not to apply them. */
export class SchemaBehindCodeError extends ConfigError {
  constructor(readonly pending: string[]) {
    super(`the database schema is behind this code: ${pending.length} migration(s) pending (${pending.join(', ')}); run \`npm run migrate\`, or start with MIGRATE_AT_BOOT=true`);
    this.name = 'SchemaBehindCodeError';
  }
}

export function knownMigrationNames(): string[] {
  return MIGRATIONS.map((migration) => new migration().name ?? migration.name);
}

/** What the database has applied, compared with what this code ships. */
export async function schemaState(dataSource: DataSource): Promise<SchemaState> {
  const { exists } = (await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [MIGRATIONS_TABLE]))[0] as { exists: boolean };
  const applied: string[] = exists ? ((await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`)) as Array<{ name: string }>).map((row) => row.name) : [];
  const known = knownMigrationNames();
  return { pending: known.filter((name) => !applied.includes(name)), unknown: applied.filter((name) => !known.includes(name)) };
}

/** Applies the pending migrations in one transaction, under the migration lock; returns their names. */
export async function applyMigrations(dataSource: DataSource): Promise<string[]> {
  return withMigrationLock(dataSource, async () => {
    const state = await schemaState(dataSource);
    if (state.unknown.length > 0) throw new SchemaNewerThanCodeError(state.unknown);
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  });
}

/**
 * What a service does with the schema at start: refuse a schema newer than the code; apply the
 * pending migrations when told to, else refuse to run on a schema behind the code.
 */
export async function prepareSchema(dataSource: DataSource, migrateAtBoot: boolean): Promise<void> {
  if (migrateAtBoot) {
    await applyMigrations(dataSource);
    return;
  }
  const state = await schemaState(dataSource);
  if (state.unknown.length > 0) throw new SchemaNewerThanCodeError(state.unknown);
  if (state.pending.length > 0) throw new SchemaBehindCodeError(state.pending);
}

async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
