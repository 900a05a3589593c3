import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { resolve } from 'node:path';
import { createTestDatabase, TestDatabase } from './test-database';

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
  inject(options: InjectOptions | string): Promise<TestResponse>;
  close(): Promise<void>;
}

/**
 * The built API (`npm run build`) as a real child process on a real port, on a fresh real
 * database: requests cross a socket, exactly as a client's would.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` before the end-to-end tests (npm test does)`);
  const db = await createTestDatabase();
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      SAYDO_ADMIN_KEY: ADMIN_KEY,
      LOG_LEVEL: 'warn',
      READ_WAIT_TIMEOUT_MS: '3000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => output);

  const inject = async (options: InjectOptions | string): Promise<TestResponse> => {
    const { method = 'GET', url, payload, headers = {} } = typeof options === 'string' ? { url: options } : options;
    const response = await fetch(baseUrl + url, {
      method,
      headers: payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: payload === undefined ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    const body = await response.text();
    return { statusCode: response.status, headers: Object.fromEntries(response.headers), body, json: () => JSON.parse(body) };
  };

  return {
    baseUrl,
    db,
    process: child,
    output: () => output,
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
