import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A server under HTTP load runs in a process of its own, as in production, so the load generator
 * (autocannon, in the bench's process) and the server do not share an event loop.
 */
export class ServiceProcess {
  private log = '';
  private constructor(
    readonly label: string,
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.log = (this.log + chunk).slice(-20_000)));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.log = (this.log + chunk).slice(-20_000)));
  }

  /** Starts `node [nodeArgs] main` with `env` on a free port and waits until `readyPath` answers 2xx. */
  static async start(label: string, main: string, env: Record<string, string>, options: { readyPath: string; nodeArgs?: string[] }): Promise<ServiceProcess> {
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm run bench does)`);
    const port = await freePort();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), main], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(label, child, `http://127.0.0.1:${port}`);
    await service.waitReady(options.readyPath);
    return service;
  }

  private async waitReady(path: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`${this.label} exited (${this.child.exitCode}) before it was ready:\n${this.log}`);
      const ok = await fetch(this.url + path).then((r) => r.ok, () => false);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`${this.label} not ready after ${timeoutMs} ms:\n${this.log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** SIGTERM, and wait for the exit (a --cpu-prof profile is written on a clean exit). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
