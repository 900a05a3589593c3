import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { KafkaSettings } from '@saydo/messaging';

/** The long-lived services built by `npm run build` that run beside the API in Kafka mode. */
export type ServiceApp = 'outbox-relay' | 'projector';

export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The built entry point of a service; fails with a clear message when the build is missing or unfinished. */
export function builtServiceMain(app: ServiceApp): string {
  const main = resolve(__dirname, `../../dist/apps/${app}/src/main.js`);
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` before the Kafka process tests (npm test does)`);
  if (/require\("@saydo\//.test(readFileSync(main, 'utf8'))) {
    throw new Error(`${main} still requires @saydo/* aliases (tsc-alias did not run): run \`npm run build\` again`);
  }
  return main;
}

/** The environment a relay or projector process needs for a test database and an isolated topic/group. */
export function serviceEnv(databaseUrl: string, settings: KafkaSettings, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: settings.brokers.join(','),
    KAFKA_TOPIC: settings.topic,
    KAFKA_PARTITIONS: String(settings.partitions),
    KAFKA_PROJECTOR_GROUP: settings.projectorGroup,
    KAFKA_CLIENT_ID: settings.clientId,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/**
 * One run of a built service as a real child process: its output is captured (for failure
 * messages and for what it logged), and it can be frozen (SIGSTOP), thawed, killed or stopped.
 */
export class ChildService {
  readonly process: ChildProcess;
  readonly exited: Promise<ServiceExit>;
  readonly startedAt = Date.now();
  private log = '';
  private exit: ServiceExit | null = null;

  constructor(
    readonly label: string,
    app: ServiceApp,
    env: Record<string, string>,
  ) {
    this.process = spawn(process.execPath, [builtServiceMain(app)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.process.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.log += chunk));
    this.process.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.log += chunk));
    this.exited = new Promise((done) =>
      this.process.once('exit', (code, signal) => {
        this.exit = { code, signal };
        done(this.exit);
      }),
    );
  }

  get pid(): number {
    return this.process.pid!;
  }

  get running(): boolean {
    return this.exit === null;
  }

  get exitStatus(): ServiceExit | null {
    return this.exit;
  }

  output(): string {
    return this.log;
  }

  /** Lines of its output matching a pattern, in order. */
  lines(pattern: RegExp): string[] {
    return this.log.split('\n').filter((line) => pattern.test(line));
  }

  /** Waits for a line matching the pattern; throws with the output when it exits or the time is up. */
  async waitForOutput(pattern: RegExp, timeoutMs: number, from = 0): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.log.slice(from).split('\n').find((candidate) => pattern.test(candidate));
      if (line !== undefined) return line;
      if (!this.running) throw new Error(`${this.label} exited (${describeExit(this.exit!)}) before printing ${pattern}:\n${this.log}`);
      if (Date.now() > deadline) throw new Error(`${this.label} did not print ${pattern} within ${timeoutMs} ms:\n${this.log}`);
      await sleep(50);
    }
  }

  /**
   * The local ports of its TCP connections (Linux /proc): pg_stat_activity.client_port tells
   * which PostgreSQL sessions are this process's, even when several processes share an application name.
   */
  localTcpPorts(): Set<number> {
    const inodes = new Set<string>();
    try {
      for (const fd of readdirSync(`/proc/${this.pid}/fd`)) {
        try {
          const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${this.pid}/fd/${fd}`));
          if (socket) inodes.add(socket[1]);
        } catch {
          // the descriptor closed meanwhile
        }
      }
    } catch {
      return new Set();
    }
    const ports = new Set<number>();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      if (!existsSync(table)) continue;
      for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
        const columns = line.trim().split(/\s+/);
        if (columns.length > 9 && inodes.has(columns[9])) ports.add(parseInt(columns[1].split(':')[1], 16));
      }
    }
    return ports;
  }

  /** SIGSTOP: the process stops exactly where it is (mid-transaction, mid-send), its sockets stay open. */
  freeze(): boolean {
    return this.running && this.process.kill('SIGSTOP');
  }

  thaw(): boolean {
    return this.running && this.process.kill('SIGCONT');
  }

  /** Sends the signal (SIGCONT too, so a frozen process acts on it) and waits for the exit. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<ServiceExit> {
    if (this.running) {
      this.process.kill(signal);
      if (signal !== 'SIGKILL') this.thaw();
    }
    return this.exited;
  }

  /** SIGTERM (a graceful stop), then SIGKILL if it has not exited in time. */
  async stop(timeoutMs = 20_000): Promise<ServiceExit> {
    if (!this.running) return this.exited;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((done) => (timer = setTimeout(() => done('late'), timeoutMs)));
    const outcome = await Promise.race([this.kill('SIGTERM'), late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      this.log += `\n[test] ${this.label} did not stop within ${timeoutMs} ms after SIGTERM: SIGKILL\n`;
      return this.kill('SIGKILL');
    }
    return outcome;
  }
}

export interface SupervisedKill {
  at: number;
  signal: NodeJS.Signals;
  /** What the process was doing when it was killed (as observed by the test). */
  state: string;
  incarnation: number;
}

/**
 * A service role kept running the way a process supervisor would: a new process after every
 * kill, and after an exit nobody asked for (counted, so a test can report it).
 */
export class SupervisedService {
  readonly incarnations: ChildService[] = [];
  readonly kills: SupervisedKill[] = [];
  readonly unexpectedExits: Array<ServiceExit & { incarnation: number; output: string }> = [];
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly label: string,
    private readonly app: ServiceApp,
    private readonly env: Record<string, string>,
    private readonly origin = Date.now(),
  ) {}

  get current(): ChildService | undefined {
    return this.incarnations[this.incarnations.length - 1];
  }

  get running(): boolean {
    return this.current?.running ?? false;
  }

  start(): ChildService {
    if (this.running) return this.current!;
    const incarnation = this.incarnations.length;
    const child = new ChildService(`${this.label}#${incarnation}`, this.app, this.env);
    this.incarnations.push(child);
    void child.exited.then((exit) => {
      if (this.stopping || this.kills.some((kill) => kill.incarnation === incarnation)) return;
      // Nobody killed it: a supervisor restarts it (the projector exits for good when kafkajs gives up).
      this.unexpectedExits.push({ ...exit, incarnation, output: child.output() });
      if (this.current === child) this.restartTimer = setTimeout(() => this.start(), 500);
    });
    return child;
  }

  /** Records and sends a kill to the current process; it does not restart (see restart). */
  async kill(signal: NodeJS.Signals, state: string): Promise<ServiceExit | null> {
    const child = this.current;
    if (!child?.running) return null;
    this.kills.push({ at: Date.now() - this.origin, signal, state, incarnation: this.incarnations.length - 1 });
    return child.kill(signal);
  }

  /** Ensures a process runs (e.g. after the last kill), without waiting for it to be ready. */
  ensureRunning(): ChildService {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    return this.start();
  }

  /** Stops the current process gracefully; returns how it exited. */
  async stop(timeoutMs = 20_000): Promise<ServiceExit | null> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.current;
    return child?.running ? child.stop(timeoutMs) : null;
  }

  /** Last resort in afterAll: no process of this role may outlive the test. */
  async killAll(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await Promise.all(this.incarnations.filter((child) => child.running).map((child) => child.kill('SIGKILL')));
  }

  /** Every incarnation's output, each under a header, for failure messages. */
  output(tailChars = 6_000): string {
    return this.incarnations.map((child) => `--- ${child.label} (${child.running ? 'running' : describeExit(child.exitStatus!)})\n${child.output().slice(-tailChars)}`).join('\n');
  }
}

export function describeExit(exit: ServiceExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
