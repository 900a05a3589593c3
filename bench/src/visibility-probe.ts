import { readModelPosition } from '@saydo/read-models';
import { Pool } from 'pg';

/**
 * Watches how far the read models are (readModelPosition: the lowest projection checkpoint, what
 * a read with waitForPosition waits on) on a connection of its own, every `intervalMs`. Each
 * committed event is registered with its commit time; its lag is the time of the first sample
 * whose position reached it (the sample's answer time, so the lag is rounded up by at most one
 * interval plus one query).
 */
export class VisibilityProbe {
  private readonly waiting: Array<{ position: number; committedAt: number }> = [];
  private head = 0;
  private visible = 0;
  private running = false;
  private loop: Promise<void> | null = null;
  private drained: (() => void) | null = null;
  readonly lagsSeconds: number[] = [];
  samples = 0;

  constructor(
    private readonly pool: Pool,
    private readonly projectionNames: readonly string[],
    private readonly intervalMs: number,
  ) {}

  async start(): Promise<void> {
    this.visible = await readModelPosition(this.pool, this.projectionNames);
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Records events [from, to] as committed at `committedAt` (performance.now() ms). */
  committed(from: number, to: number, committedAt: number): void {
    for (let position = from; position <= to; position += 1) {
      // A sample may already have seen it (it would have to be a very fast pipeline): lag ~0.
      if (position <= this.visible) this.lagsSeconds.push(Math.max(0, performance.now() - committedAt) / 1000);
      else this.waiting.push({ position, committedAt });
    }
  }

  get pending(): number {
    return this.waiting.length - this.head;
  }

  /** Clears the lags measured so far (after a warm-up). */
  reset(): void {
    this.lagsSeconds.length = 0;
  }

  /** Resolves when every registered event is visible; rejects after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.pending === 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.drained = null;
        reject(new Error(`${this.pending} events still not visible in the read models after ${timeoutMs} ms (read models at ${this.visible})`));
      }, timeoutMs);
      this.drained = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      const position = await readModelPosition(this.pool, this.projectionNames);
      const at = performance.now();
      this.samples += 1;
      this.visible = Math.max(this.visible, position);
      while (this.head < this.waiting.length && this.waiting[this.head].position <= this.visible) {
        this.lagsSeconds.push((at - this.waiting[this.head].committedAt) / 1000);
        this.head += 1;
      }
      if (this.pending === 0 && this.drained) {
        this.drained();
        this.drained = null;
      }
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
    }
  }
}
