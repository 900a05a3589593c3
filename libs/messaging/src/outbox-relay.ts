import { BackoffPolicy, DEFAULT_RETRY_BACKOFF, EVENTS_APPENDED_CHANNEL, RetryBackoff, StoredEvent, WakeSignal } from '@saydo/event-store';
import { Pool, PoolClient } from 'pg';
import { KafkaEventPublisher } from './kafka-event-publisher';
import { OutboxMessage, toOutboxMessage, UNPUBLISHED_SQL, UnpublishedRow } from './outbox-message';
import { SendWatchdog } from './send-watchdog';

/** A send unacknowledged this long makes the relay degraded (the producer's own retries take about 30 s to give up). */
export const DEFAULT_STALL_AFTER_MS = 3000;

/** Only one relay publishes at a time; others stand by (a session advisory lock, released if the leader dies). */
const RELAY_LEADER_LOCK = 5_730_145_003;

export interface OutboxRelayOptions {
  batchSize: number;
  pollIntervalMs: number;
  onError?: (error: unknown) => void;
  onPublished?: (events: ReadonlyArray<Pick<StoredEvent, 'position' | 'recordedAt'>>) => void;
  /** After each round that ended without error, and when a stalled send is acknowledged at last (health: a relay that failed is healthy again). */
  onRound?: () => void;
  /**
   * A send the broker has not acknowledged for `stallAfterMs` (it is down, say): reported at once,
   * while the producer keeps retrying, rather than when its retries run out (half a minute later).
   */
  onStalled?: (error: Error) => void;
  stallAfterMs?: number;
  /** After a failed round: exponential, capped, jittered (default DEFAULT_RETRY_BACKOFF). */
  retryBackoff?: BackoffPolicy;
}

/**
 * Publishes every committed event to Kafka, in log order: reads unpublished outbox rows by
 * position (positions commit in order, so this read never skips one), sends them, and marks
 * them published only after the broker acknowledged them. A crash between the two re-sends
 * the batch; consumers recognise a re-sent event by its position.
 */
export class OutboxRelay {
  private running = false;
  private readonly signal = new WakeSignal();
  private leader: PoolClient | null = null;
  private loop: Promise<void> | null = null;
  private readonly onNotification = () => this.nudge();
  private readonly onLeaderError = (error: Error) => this.loseLeadership(error);
  private readonly backoff: RetryBackoff;
  private readonly watchdog: SendWatchdog;

  constructor(
    private readonly pool: Pool,
    private readonly publisher: KafkaEventPublisher,
    private readonly options: OutboxRelayOptions,
  ) {
    this.backoff = new RetryBackoff(options.retryBackoff ?? DEFAULT_RETRY_BACKOFF);
    this.watchdog = new SendWatchdog(options.stallAfterMs ?? DEFAULT_STALL_AFTER_MS, {
      stalled: (error) => options.onStalled?.(error),
      resumed: () => options.onRound?.(),
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.signal.interrupt();
    await this.loop;
    this.releaseLeader();
  }

  get isLeader(): boolean {
    return this.leader !== null;
  }

  /**
   * Publishes everything unpublished, batch by batch; returns how many events were sent. Only the
   * send waits on the broker: a full batch's successor is read while it is on its way, and a
   * batch is marked published while the next one is read and sent (a batch is still marked only
   * after the broker acknowledged it, the marks go in order, a crash re-sends, as before). After a
   * partial batch, what was committed while it was sent is read at once, without waiting for its
   * mark (an UPDATE and its fsync), so under a steady load an event waits for at most one send.
   */
  async publishPending(): Promise<number> {
    let sent = 0;
    let marking: Promise<void> = Promise.resolve();
    let pending = await this.unpublished(0);
    try {
      while (pending.batch.length > 0) {
        const { batch, traceparents } = pending;
        const last = batch[batch.length - 1].position;
        const [, prefetched] = await Promise.all([
          this.watchdog.watch(this.publisher.publishMessages(batch, traceparents)),
          batch.length >= this.options.batchSize ? this.unpublished(last) : Promise.resolve(null),
        ]);
        await marking;
        marking = this.markPublished(batch);
        sent += batch.length;
        pending = prefetched ?? (await this.unpublished(last));
      }
    } finally {
      await marking;
    }
    return sent;
  }

  private async markPublished(batch: readonly OutboxMessage[]): Promise<void> {
    // Positions are dense, so a batch is one contiguous range. The mark's commit does not wait for
    // its WAL flush (set_config local to the statement's own transaction, read at its commit): a
    // mark lost in a PostgreSQL crash only re-sends the batch, which consumers recognise by
    // position, as after a relay crash between send and mark.
    await this.pool.query(
      `WITH async AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true))
       UPDATE outbox SET published_at = now() FROM async WHERE position BETWEEN $1 AND $2`,
      [batch[0].position, batch[batch.length - 1].position],
    );
    this.options.onPublished?.(batch);
  }

  /** The next unpublished events after a position, as messages, with the trace context each was recorded under (when traced). */
  private async unpublished(after: number): Promise<{ batch: OutboxMessage[]; traceparents: Map<number, string> }> {
    const { rows } = await this.pool.query<UnpublishedRow>(UNPUBLISHED_SQL, [this.options.batchSize, after]);
    const batch = rows.map(toOutboxMessage);
    const traceparents = new Map<number, string>();
    for (const { position, traceparent } of batch) if (traceparent) traceparents.set(position, traceparent);
    return { batch, traceparents };
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.signal.clear();
      let retryIn: number | null = null;
      try {
        if (await this.ensureLeadership()) await this.publishPending();
        // A stand-by waits for the poll to try for the lock again, whatever it hears.
        else this.signal.clear();
        this.backoff.succeeded();
        this.options.onRound?.();
      } catch (error) {
        retryIn = this.backoff.failed();
        this.options.onError?.(error);
      }
      if (!this.running) break;
      await (retryIn === null ? this.signal.sleep(this.options.pollIntervalMs) : this.signal.backOff(retryIn));
    }
  }

  /** Takes the leader lock if free; the same connection LISTENs for appends. */
  private async ensureLeadership(): Promise<boolean> {
    if (this.leader) return true;
    const client = await this.pool.connect();
    client.on('error', this.onLeaderError);
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [RELAY_LEADER_LOCK]);
      if (!rows[0].locked) {
        client.off('error', this.onLeaderError);
        client.release();
        return false;
      }
      client.on('notification', this.onNotification);
      await client.query(`LISTEN ${EVENTS_APPENDED_CHANNEL}`);
      this.leader = client;
      return true;
    } catch (error) {
      client.off('error', this.onLeaderError);
      client.release(error as Error);
      throw error;
    }
  }

  private loseLeadership(error: Error): void {
    const leader = this.leader;
    this.leader = null;
    if (leader) {
      leader.off('notification', this.onNotification);
      leader.release(error);
    }
    this.options.onError?.(error);
  }

  private releaseLeader(): void {
    const leader = this.leader;
    this.leader = null;
    if (!leader) return;
    leader.off('notification', this.onNotification);
    leader.off('error', this.onLeaderError);
    // Closing the session releases the advisory lock and the LISTEN.
    leader.release(true);
  }

  private nudge(): void {
    this.signal.nudge();
  }
}
