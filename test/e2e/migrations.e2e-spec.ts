import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { knownMigrationNames } from '@saydo/platform';

const MIGRATE = resolve(__dirname, '../../dist/apps/migrate-cli/src/main.js');
const API = resolve(__dirname, '../../dist/apps/api/src/main.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built entry point to its end (asynchronously: the jest worker keeps serving its timers). */
function run(main: string, env: Record<string, string>, args: string[] = []): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [main, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('exit', (status) => done({ status, stdout, stderr }));
  });
}

async function admin<T>(work: (client: Client) => Promise<T>, database?: string): Promise<T> {
  const url = new URL(process.env.SAYDO_TEST_PG_ADMIN_URL!);
  if (database) url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('migrations as a command', () => {
  const name = `saydo_migrate_${randomBytes(4).toString('hex')}`;
  let env: Record<string, string>;

  beforeAll(async () => {
    await admin((client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(process.env.SAYDO_TEST_PG_ADMIN_URL!);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
  });
  afterAll(() => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

  it('--check on an empty database lists every migration as pending and exits 1, changing nothing', async () => {
    const check = await run(MIGRATE, env, ['--check']);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe(`${knownMigrationNames().length} pending migration(s):\n${knownMigrationNames().map((m) => `  ${m}\n`).join('')}`);
    expect(await admin((client) => client.query(`SELECT to_regclass('events') AS t`), name)).toMatchObject({ rows: [{ t: null }] });
  });

  it('a service told not to migrate refuses to start on a schema behind the code, naming the command', async () => {
    const api = await run(API, { ...env, MIGRATE_AT_BOOT: 'false', PORT: '0' });
    expect(api.status).toBe(1);
    expect(api.stderr).toMatch(/schema is behind this code: \d+ migration\(s\) pending .*run `npm run migrate`/);
  });

  it('applies them, then --check exits 0', async () => {
    const migrate = await run(MIGRATE, env);
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toContain(`applied ${knownMigrationNames().length} migration(s):`);
    expect(await run(MIGRATE, env)).toMatchObject({ status: 0, stdout: 'schema up to date: nothing to apply\n' });
    expect(await run(MIGRATE, env, ['--check'])).toMatchObject({ status: 0, stdout: 'schema up to date: no pending migration\n' });
  });

  it('services and the command refuse a schema newer than the code (a migration the code does not know)', async () => {
    await admin((client) => client.query(`INSERT INTO schema_migrations (timestamp, name) VALUES (9999999999999, 'FromTheFuture9999999999999')`), name);
    const api = await run(API, { ...env, PORT: '0' });
    expect(api.status).toBe(1);
    expect(api.stderr).toMatch(/^the database schema is newer than this code: .*FromTheFuture9999999999999/);
    const check = await run(MIGRATE, env, ['--check']);
    expect(check.status).toBe(3);
    expect(check.stderr).toContain('FromTheFuture9999999999999');
  });

  it('--help says what it does', async () => {
    expect(await run(MIGRATE, env, ['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('--check') });
  });
});
