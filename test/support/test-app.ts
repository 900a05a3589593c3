import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTestDatabase, TestDatabase } from './test-database';
import { freePort } from './free-port';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';
const MAIN = resolve(__dirname, '../../dist/apps/api/src/main.js');

export interface InjectOptions {
  method?: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface TestResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface TestApp {
  baseUrl: string;
  db: TestDatabase;
  process: ChildProcess;
  /** Logs the server printed, for failure messages. */
  output(): string;
  /** What it wrote to stdout (its log lines) and to stderr, apart. */
  stdout(): string;
  stderr(): string;
  /** Sends a signal and waits for the exit. */
  signal(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  inject(options: InjectOptions | string): Promise<TestResponse>;
  close(): Promise<void>;
}

/**
 * The built API (`npm run build`) as a real child process on a real port, on a fresh real
 * database: requests cross a socket, exactly as a client's would.
 */
export async function startTestApp(env: Record<string, string> = {}, options: { nodeArgs?: string[] } = {}): Promise<TestApp> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` before the end-to-end tests (npm test does)`);
  const db = await createTestDatabase();
  const port = await freePort();
  let output = '';
  let stdout = '';
  let stderr = '';
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), MAIN], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      SAYDO_ADMIN_KEY: ADMIN_KEY,
      LOG_LEVEL: 'warn',
      READ_WAIT_TIMEOUT_MS: '3000',
      // Tests share one address and read many reports; the rate-limit tests set their own budgets.
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
      EXPENSIVE_READS_IN_FLIGHT: '1000',
      EXPENSIVE_READS_PER_CLIENT: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => {
    output += chunk;
    stdout += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    // A server that did not come up must not outlive the test (it kept jest from exiting) nor keep its database.
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    await db.drop().catch(() => undefined);
    throw error;
  }

  const inject = async (options: InjectOptions | string): Promise<TestResponse> => {
    const { method = 'GET', url, payload, headers = {} } = typeof options === 'string' ? { url: options } : options;
    const response = await fetch(baseUrl + url, {
      method,
      headers: payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: payload === undefined ? undefined : typeof payload === 'string' ? payload : payload instanceof Uint8Array ? new Blob([new Uint8Array(payload)]) : JSON.stringify(payload),
    });
    const body = await response.text();
    return { statusCode: response.status, headers: Object.fromEntries(response.headers), body, json: () => JSON.parse(body) };
  };

  return {
    baseUrl,
    db,
    process: child,
    output: () => output,
    stdout: () => stdout,
    stderr: () => stderr,
    async signal(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    inject,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      await db.drop();
    },
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not become healthy in 30 s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

