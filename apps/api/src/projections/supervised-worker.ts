/** A part of the event pipeline that runs inside the API process and can be stopped. */
export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * running: working. degraded: alive but its last round failed (the broker is down, say) and it
 * retries by itself. crashed: it stopped for good and waits for its restart. stopped: shut down.
 */
export type WorkerState = 'running' | 'degraded' | 'crashed' | 'stopped';

export interface WorkerStatus {
  name: string;
  state: WorkerState;
  /** ISO time the state began. */
  since: string;
  restarts: number;
  lastError?: string;
}

export interface SupervisionOptions {
  /** First wait before a restart; it doubles after each failed start, up to maxBackoffMs. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Injected so that a test can use fake timers deterministically. */
  clock?: { now(): Date };
}

/** Starts a worker; it calls `crashed` when it dies for good (kafkajs gave up, say). */
export type WorkerStarter = (crashed: (error: unknown) => void) => Promise<Stoppable>;

/**
 * Keeps one in-process worker running the way a process supervisor keeps a process: a crash is
 * reported (readiness fails while it lasts) and the worker is started again after a backoff that
 * doubles while starts keep failing. The first start is the caller's: its failure fails the boot.
 */
export class SupervisedWorker {
  private current: Stoppable | null = null;
  private status: WorkerStatus;
  private backoffMs: number;
  private timer: NodeJS.Timeout | null = null;
  private restarting: Promise<void> | null = null;
  private stopping = false;
  private generation = 0;

  constructor(
    readonly name: string,
    private readonly starter: WorkerStarter,
    private readonly options: SupervisionOptions,
  ) {
    this.backoffMs = options.initialBackoffMs;
    this.status = { name, state: 'stopped', since: this.now(), restarts: 0 };
  }

  get snapshot(): WorkerStatus {
    return { ...this.status };
  }

  async start(): Promise<void> {
    this.current = await this.starter(this.crashHandler(++this.generation));
    this.enter('running');
  }

  /** The worker is alive but its last round failed; it retries by itself. */
  degraded(error: unknown): void {
    if (this.status.state === 'running' || this.status.state === 'degraded') this.enter('degraded', describe(error));
  }

  /** A round succeeded: a degraded worker is running again. */
  recovered(): void {
    if (this.status.state === 'degraded') this.enter('running');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.restarting;
    const current = this.current;
    this.current = null;
    if (current) await current.stop();
    this.enter('stopped');
  }

  /** A crash report counts only for the incarnation that made it (an old one may report late). */
  private crashHandler(generation: number): (error: unknown) => void {
    return (error) => {
      if (this.stopping || generation !== this.generation || this.status.state === 'crashed') return;
      this.enter('crashed', describe(error));
      this.options.log('error', `${this.name} crashed, restarting in ${this.backoffMs} ms: ${describe(error)}`);
      this.scheduleRestart();
    };
  }

  private scheduleRestart(): void {
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.restarting = this.restart().finally(() => (this.restarting = null));
    }, wait);
  }

  private async restart(): Promise<void> {
    const old = this.current;
    this.current = null;
    await old?.stop().catch((error) => this.options.log('warn', `${this.name}: stopping the crashed instance failed: ${describe(error)}`));
    if (this.stopping) return;
    try {
      const next = await this.starter(this.crashHandler(++this.generation));
      if (this.stopping) {
        await next.stop();
        return;
      }
      this.current = next;
      this.status.restarts += 1;
      this.backoffMs = this.options.initialBackoffMs;
      this.enter('running');
      this.options.log('info', `${this.name} restarted (restart ${this.status.restarts})`);
    } catch (error) {
      this.status.lastError = describe(error);
      this.options.log('error', `${this.name} did not start again, next try in ${this.backoffMs} ms: ${describe(error)}`);
      this.scheduleRestart();
    }
  }

  private enter(state: WorkerState, lastError?: string): void {
    if (state !== this.status.state) this.status = { ...this.status, state, since: this.now() };
    if (lastError !== undefined) this.status.lastError = lastError;
  }

  private now(): string {
    return (this.options.clock?.now() ?? new Date()).toISOString();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
