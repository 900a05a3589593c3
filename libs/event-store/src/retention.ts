import { Pool } from 'pg';

export interface RetentionPolicy {
  /** Idempotency keys older than this are deleted: a replay after it is a new request. */
  idempotencyKeyTtlMs: number;
  /** Outbox rows published longer ago than this are deleted (the events themselves stay forever). */
  outboxRetentionMs: number;
  /** Rows per DELETE, so a large backlog never holds long locks or one huge transaction. */
  batchSize: number;
}

export interface RetentionResult {
  idempotencyKeys: number;
  outboxRows: number;
}

/**
 * Deletes what the store no longer needs, batch by batch until nothing is left: expired
 * idempotency keys and published outbox rows. Unpublished rows are never touched. Several
 * processes may run it at once: rows another one is deleting are skipped, not waited for.
 */
export async function pruneRetained(pool: Pool, policy: RetentionPolicy): Promise<RetentionResult> {
  const idempotencyKeys = await deleteInBatches(
    pool,
    `DELETE FROM idempotency_keys WHERE ctid IN (
       SELECT ctid FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1 / 1000.0)
       LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    policy.idempotencyKeyTtlMs,
    policy.batchSize,
  );
  const outboxRows = await deleteInBatches(
    pool,
    `DELETE FROM outbox WHERE position IN (
       SELECT position FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => $1 / 1000.0)
       LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    policy.outboxRetentionMs,
    policy.batchSize,
  );
  return { idempotencyKeys, outboxRows };
}

async function deleteInBatches(pool: Pool, sql: string, ageMs: number, batchSize: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const { rowCount } = await pool.query(sql, [ageMs, batchSize]);
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < batchSize) return deleted;
  }
}

/** Runs pruneRetained now and then every interval, until stopped (a stop waits for the round in progress). */
export class RetentionJob {
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    private readonly pool: Pool,
    private readonly policy: RetentionPolicy,
    private readonly intervalMs: number,
    private readonly report: (outcome: RetentionResult | Error) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.round = pruneRetained(this.pool, this.policy).then(this.report, (error: Error) => this.report(error));
      void this.round.then(() => {
        if (this.running) this.schedule(this.intervalMs);
      });
    }, delayMs);
    // Never the reason the process stays alive.
    this.timer.unref();
  }
}
