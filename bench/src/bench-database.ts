import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { openDatabase, poolOf } from '@saydo/platform';

export const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  name: string;
  url: string;
  dataSource: DataSource;
  pool: Pool;
  serverVersion: string;
  /** Closes the pool and drops the database; safe to call more than once. */
  drop(): Promise<void>;
}

/**
 * A fresh database for one benchmark run on the machine's PostgreSQL (`BENCH_DATABASE_URL` names
 * the admin connection), migrated with the application's own migrations. If anything after CREATE
 * DATABASE fails, the database is dropped before the error propagates.
 */
export async function createBenchDatabase(adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL): Promise<BenchDatabase> {
  const name = `saydo_bench_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await withAdmin(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  let dataSource: DataSource | null = null;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  try {
    dataSource = await openDatabase(url.toString(), { poolSize: 4, applicationName: 'saydo-bench' });
    const pool = poolOf(dataSource);
    const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
    return { name, url: url.toString(), dataSource, pool, serverVersion: rows[0].server_version, drop };
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: adminUrl, application_name: 'saydo-bench-admin' });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
