import { BackoffPolicy, DEFAULT_RETRY_BACKOFF, EVENTS_APPENDED_CHANNEL, inSpansPerTrace, PostgresEventStore, readTraceparents, RetryBackoff, WakeSignal, withTransaction } from '@saydo/event-store';
import { Pool, PoolClient } from 'pg';
import { ProjectionApplier } from './projection-applier';
import { readProjectionEvents } from './projection-events';

export interface StoreProjectionRunnerOptions {
  batchSize: number;
  /** Fallback poll when no notification arrives (another process appended and LISTEN dropped, say). */
  pollIntervalMs: number;
  onError?: (error: unknown) => void;
  /** Tracing is on: look up the trace context of each batch's events (one more query per batch). */
  traced?: boolean;
  /** After a failed round: exponential, capped, jittered (default DEFAULT_RETRY_BACKOFF). */
  retryBackoff?: BackoffPolicy;
}

/**
 * Feeds the projections straight from the store (the embedded default): reads the log after the
 * lowest checkpoint in batches and applies each batch in one transaction with its checkpoints.
 * Wakes on appends in this process, on NOTIFY from other processes, and on a slow poll; after a
 * failed round it backs off (exponentially, with jitter) whatever appends say.
 */
export class StoreProjectionRunner {
  private running = false;
  private readonly signal = new WakeSignal();
  private readonly onNotification = () => this.nudge();
  private readonly onListenerError = (error: Error) => this.dropListener(error);
  private listener: PoolClient | null = null;
  private loop: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly backoff: RetryBackoff;

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly applier: ProjectionApplier,
    private readonly options: StoreProjectionRunnerOptions,
  ) {
    this.backoff = new RetryBackoff(options.retryBackoff ?? DEFAULT_RETRY_BACKOFF);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.store.onAppended(() => this.nudge());
    await this.listen().catch((error) => this.options.onError?.(error));
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.signal.interrupt();
    await this.loop;
    const listener = this.listener;
    this.listener = null;
    if (listener) {
      await listener.query(`UNLISTEN ${EVENTS_APPENDED_CHANNEL}`).catch(() => undefined);
      listener.off('notification', this.onNotification);
      listener.off('error', this.onListenerError);
      listener.release();
    }
  }

  /** LISTEN on a dedicated connection; if it drops, the slow poll covers until the next loop re-listens. */
  private async listen(): Promise<void> {
    if (this.listener || !this.running) return;
    const client = await this.pool.connect();
    client.on('error', this.onListenerError);
    client.on('notification', this.onNotification);
    try {
      await client.query(`LISTEN ${EVENTS_APPENDED_CHANNEL}`);
    } catch (error) {
      client.off('notification', this.onNotification);
      client.off('error', this.onListenerError);
      client.release(error as Error);
      throw error;
    }
    if (!this.running) {
      client.off('notification', this.onNotification);
      client.off('error', this.onListenerError);
      client.release();
      return;
    }
    this.listener = client;
  }

  private dropListener(error: Error): void {
    const listener = this.listener;
    this.listener = null;
    if (listener) {
      listener.off('notification', this.onNotification);
      listener.release(error);
    }
    this.options.onError?.(error);
  }

  /** Applies everything committed so far; returns the position reached. */
  async catchUp(): Promise<number> {
    for (;;) {
      const { reached, applied } = await this.applyNextBatch();
      if (applied < this.options.batchSize) return reached;
    }
  }

  private applyNextBatch(): Promise<{ reached: number; applied: number }> {
    return withTransaction(this.pool, async (client) => {
      const checkpoints = await this.applier.lockCheckpoints(client);
      const after = Math.min(...checkpoints.values());
      const events = await readProjectionEvents(client, after, this.options.batchSize);
      // Each request's events are applied inside a `saydo.project` span of its trace (none when untraced).
      const traceparents = this.options.traced && events.length > 0 ? (await readTraceparents(client, after, events[events.length - 1].position)).values() : [];
      const reached = await inSpansPerTrace('saydo.project', traceparents, () => this.applier.applyBatch(client, events, checkpoints));
      return { reached, applied: events.length };
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.signal.clear();
      let retryIn: number | null = null;
      try {
        await this.listen();
        await this.catchUp();
        this.backoff.succeeded();
      } catch (error) {
        retryIn = this.backoff.failed();
        this.options.onError?.(error);
      }
      if (!this.running) break;
      await (retryIn === null ? this.signal.sleep(this.options.pollIntervalMs) : this.signal.backOff(retryIn));
    }
  }

  private nudge(): void {
    this.signal.nudge();
  }
}
