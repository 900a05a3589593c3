import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, poolOf } from '@saydo/platform';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  pool: Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.SAYDO_TEST_PG_ADMIN_URL!;
  const template = process.env.SAYDO_TEST_TEMPLATE!;
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = createDataSource(url.toString(), { poolSize: 8, applicationName: 'saydo-test' });
  await dataSource.initialize();
  return {
    url: url.toString(),
    dataSource,
    pool: poolOf(dataSource),
    async drop() {
      await dataSource.destroy();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
