import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RetentionJob } from '@saydo/event-store';
import { AppConfig } from '@saydo/platform';
import { Pool } from 'pg';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Expired idempotency keys and long-published outbox rows are deleted periodically (README: Retention). */
@Module({})
export class RetentionModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private readonly job: RetentionJob;

  constructor(pool: Pool, @Inject(AppConfig) config: AppConfig) {
    const policy = { idempotencyKeyTtlMs: config.IDEMPOTENCY_KEY_TTL_DAYS * DAY_MS, outboxRetentionMs: config.OUTBOX_RETENTION_MINUTES * 60_000, batchSize: config.RETENTION_BATCH_SIZE };
    this.job = new RetentionJob(pool, policy, config.RETENTION_INTERVAL_MS, (outcome) => {
      if (outcome instanceof Error) this.logger.warn(`retention round failed, will retry: ${outcome.message}`);
      else if (outcome.idempotencyKeys + outcome.outboxRows > 0) this.logger.log(`deleted ${outcome.idempotencyKeys} expired idempotency key(s), ${outcome.outboxRows} published outbox row(s)`);
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }
}
