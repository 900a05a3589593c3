import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PostgresEventStore } from '@saydo/event-store';
import { AppConfig } from '@saydo/platform';
import { ALL_PROJECTIONS, ProjectionApplier, StoreProjectionRunner } from '@saydo/read-models';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';

/** The embedded default: projectors in this process, reading the store directly. */
@Module({})
export class InProcessProjectionsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private runner: StoreProjectionRunner | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.runner = new StoreProjectionRunner(this.pool, this.store, new ProjectionApplier(this.dataSource, ALL_PROJECTIONS), {
      batchSize: this.config.PROJECTION_BATCH_SIZE,
      pollIntervalMs: this.config.PROJECTION_POLL_INTERVAL_MS,
      onError: (error) => this.logger.error(`projection batch failed, will retry: ${String(error)}`),
    });
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }
}
