import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PostgresEventStore } from '@saydo/event-store';
import { kafkaSettings, Running, startKafkaProjector, startOutboxRelay } from '@saydo/messaging';
import { AppConfig } from '@saydo/platform';
import { ALL_PROJECTIONS, ProjectionApplier, StoreProjectionRunner } from '@saydo/read-models';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';

/**
 * What feeds the read models in this process. Without KAFKA_BROKERS (the embedded default): a
 * projector reading the store directly. With it: the outbox relay and a projector consumer-group
 * member in this process, unless RUN_OUTBOX_RELAY / RUN_PROJECTOR say they run elsewhere.
 */
@Module({})
export class EventPipelineModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventPipeline');
  private readonly running: Running[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const settings = kafkaSettings(this.config);
    const log = (level: 'info' | 'warn' | 'error', message: string) => this.logger[level === 'info' ? 'log' : level](message);
    if (!settings) {
      const runner = new StoreProjectionRunner(this.pool, this.store, new ProjectionApplier(this.dataSource, ALL_PROJECTIONS), {
        batchSize: this.config.PROJECTION_BATCH_SIZE,
        pollIntervalMs: this.config.PROJECTION_POLL_INTERVAL_MS,
        onError: (error) => this.logger.error(`projection batch failed, will retry: ${String(error)}`),
      });
      await runner.start();
      this.running.push(runner);
      return;
    }
    if (this.config.RUN_OUTBOX_RELAY) this.running.push(await startOutboxRelay(this.config, settings, this.dataSource, log));
    if (this.config.RUN_PROJECTOR) {
      this.running.push(await startKafkaProjector(settings, this.dataSource, log, (error) => this.logger.error(`projector crashed: ${String(error)}`)));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const part of this.running.reverse()) await part.stop();
  }
}
