import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DemoStateFile } from './demo-state';
import { SaydoClient, sleep } from './saydo-client';

/** The repository root (this file runs from demo/dist/demo/). */
export const REPO_ROOT = resolve(__dirname, '../../..');
const API_MAIN = join(REPO_ROOT, 'dist/apps/api/src/main.js');

export interface EmbeddedSettings {
  dataDir: string;
  port: number;
  /** Not 54329, the default of `npm start`, so both can run side by side. */
  pgPort: number;
}

export function embeddedSettings(env: NodeJS.ProcessEnv = process.env): EmbeddedSettings {
  return {
    dataDir: resolve(REPO_ROOT, env.DEMO_DATA_DIR ?? '.data/demo'),
    port: Number(env.DEMO_PORT ?? 3100),
    pgPort: Number(env.DEMO_PG_PORT ?? 54331),
  };
}

/** True when the process runs and is a Saydo API (a pid can be reused by another program). */
export function isOurApi(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync(cmdline) || readFileSync(cmdline, 'utf8').includes('dist/apps/api/src/main.js');
}

/**
 * Builds the API and starts it on the embedded PostgreSQL, detached so that it keeps running
 * after the demo exits. Its output goes to a log file in the data directory.
 */
export async function startEmbedded(settings: EmbeddedSettings, stateFile: DemoStateFile, adminKeyFromEnv?: string): Promise<SaydoClient> {
  const state = stateFile.read();
  const adminKey = adminKeyFromEnv ?? state.adminKey ?? `sdk_demo_${randomBytes(24).toString('base64url')}`;
  if (existsSync(join(settings.dataDir, 'pg')) && !state.adminKey && !adminKeyFromEnv) {
    throw new Error(`${settings.dataDir} holds a database but the demo does not know its admin key: set SAYDO_ADMIN_KEY, or delete ${settings.dataDir} to start afresh`);
  }

  console.log('Building the API (npm run build)...');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');

  mkdirSync(settings.dataDir, { recursive: true });
  const log = join(settings.dataDir, 'saydo.log');
  const out = openSync(log, 'a');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SAYDO_DATA_DIR: settings.dataDir,
    PORT: String(settings.port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(settings.pgPort),
    SAYDO_ADMIN_KEY: adminKey,
  };
  // The embedded default: no external database, no Kafka.
  delete env.DATABASE_URL;
  delete env.KAFKA_BROKERS;
  const child = spawn(process.execPath, [API_MAIN], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.unref();

  const url = `http://127.0.0.1:${settings.port}`;
  stateFile.update((s) => {
    s.adminKey = adminKey;
    s.embedded = { pid: child.pid!, url, port: settings.port, pgPort: settings.pgPort, log, startedAt: new Date().toISOString() };
  });
  console.log(`Starting Saydo on ${url} (embedded PostgreSQL on port ${settings.pgPort}, data in ${settings.dataDir}, log ${log})...`);

  const client = new SaydoClient(url);
  const deadline = Date.now() + 120_000;
  while (!(await client.isUp())) {
    if (child.exitCode !== null || !isOurApi(child.pid!)) {
      stateFile.update((s) => delete s.embedded);
      throw new Error(`the API stopped while starting; the end of ${log}:\n${tail(log)}`);
    }
    if (Date.now() > deadline) throw new Error(`the API did not answer /health within 2 minutes; see ${log}`);
    await sleep(500);
  }
  return client;
}

/** Stops the instance the demo started (and only that one), waiting for it to exit. */
export async function stopEmbedded(stateFile: DemoStateFile): Promise<string> {
  const embedded = stateFile.read().embedded;
  if (!embedded) return 'No embedded instance started by the demo is recorded.';
  if (!isOurApi(embedded.pid)) {
    stateFile.update((s) => delete s.embedded);
    return `The embedded instance (pid ${embedded.pid}) is no longer running.`;
  }
  process.kill(embedded.pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (isOurApi(embedded.pid) && Date.now() < deadline) await sleep(200);
  if (isOurApi(embedded.pid)) return `pid ${embedded.pid} did not stop within 30 s; see ${embedded.log}`;
  stateFile.update((s) => delete s.embedded);
  return `Stopped the embedded instance (pid ${embedded.pid}).`;
}

function tail(file: string, lines = 20): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';
}
