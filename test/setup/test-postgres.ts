import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../libs/platform/src/database/embedded-postgres';

/**
 * The PostgreSQL server for the test run: TEST_DATABASE_URL when given, else the machine's
 * server on 127.0.0.1:5432 (trust auth), else an embedded-postgres started for this run.
 * Returns a URL to its `postgres` database, used to create the per-file databases.
 */
export async function ensureTestPostgres(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => undefined };
  const machine = 'postgresql://postgres@127.0.0.1:5432/postgres';
  if (await answers(machine)) return { adminUrl: machine, stop: async () => undefined };
  process.stderr.write('[test] no PostgreSQL on 127.0.0.1:5432, starting embedded-postgres\n');
  const dir = await mkdtemp(join(tmpdir(), 'saydo-test-pg-'));
  const embedded = await startEmbeddedPostgres(dir, Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339), (message) => process.stderr.write(`[test] ${message}\n`));
  return { adminUrl: embedded.url.replace(/\/saydo$/, '/postgres'), stop: embedded.stop };
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
