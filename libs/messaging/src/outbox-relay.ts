import { EVENT_COLUMNS, EventRow, EVENTS_APPENDED_CHANNEL, StoredEvent, toStoredEvent, WakeSignal } from '@saydo/event-store';
import { Pool, PoolClient } from 'pg';
import { KafkaEventPublisher } from './kafka-event-publisher';

/** Only one relay publishes at a time; others stand by (a session advisory lock, released if the leader dies). */
const RELAY_LEADER_LOCK = 5_730_145_003;

export interface OutboxRelayOptions {
  batchSize: number;
  pollIntervalMs: number;
  onError?: (error: unknown) => void;
  onPublished?: (events: readonly StoredEvent[]) => void;
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

  constructor(
    private readonly pool: Pool,
    private readonly publisher: KafkaEventPublisher,
    private readonly options: OutboxRelayOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.loop;
    this.releaseLeader();
  }

  get isLeader(): boolean {
    return this.leader !== null;
  }

  /** Publishes everything unpublished, batch by batch; returns how many events were sent. */
  async publishPending(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.unpublished();
      if (batch.length === 0) return sent;
      await this.publisher.publish(batch);
      // Positions are dense, so a batch is one contiguous range.
      await this.pool.query('UPDATE outbox SET published_at = now() WHERE position BETWEEN $1 AND $2', [batch[0].position, batch[batch.length - 1].position]);
      this.options.onPublished?.(batch);
      sent += batch.length;
      if (batch.length < this.options.batchSize) return sent;
    }
  }

  private async unpublished(): Promise<StoredEvent[]> {
    const columns = EVENT_COLUMNS.split(',').map((column) => `e.${column.trim()}`).join(', ');
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${columns} FROM outbox o JOIN events e ON e.position = o.position
       WHERE o.published_at IS NULL ORDER BY o.position LIMIT $1`,
      [this.options.batchSize],
    );
    return rows.map(toStoredEvent);
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.signal.clear();
      try {
        if (await this.ensureLeadership()) await this.publishPending();
        // A stand-by waits for the poll to try for the lock again, whatever it hears.
        else this.signal.clear();
      } catch (error) {
        this.options.onError?.(error);
      }
      if (!this.running) break;
      await this.signal.sleep(this.options.pollIntervalMs);
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
