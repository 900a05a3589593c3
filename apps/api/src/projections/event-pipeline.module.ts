import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DEFAULT_RETRY_BACKOFF, PostgresEventStore } from '@saydo/event-store';
import { kafkaSettings, startKafkaProjector, startOutboxRelay } from '@saydo/messaging';
import { AppConfig, tracingIsOn } from '@saydo/platform';
import { ALL_PROJECTIONS, ProjectionApplier, StoreProjectionRunner } from '@saydo/read-models';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PipelineObservers } from '../metrics/metrics.module';
import { PIPELINE_OBSERVERS } from '../metrics/metrics.tokens';
import { PipelineWorkers } from './pipeline-workers';
import { SupervisedWorker, SupervisionOptions } from './supervised-worker';

const FIRST_RESTART_BACKOFF_MS = 500;

/**
 * What feeds the read models in this process. Without KAFKA_BROKERS (the embedded default): a
 * projector reading the store directly. With it: the outbox relay and a projector consumer-group
 * member in this process, unless RUN_OUTBOX_RELAY / RUN_PROJECTOR say they run elsewhere.
 * Each runs supervised: a crash is visible in /health/ready and followed by a restart with backoff.
 */
@Module({ providers: [PipelineWorkers], exports: [PipelineWorkers] })
export class EventPipelineModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventPipeline');

  constructor(
    private readonly dataSource: DataSource,
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly workers: PipelineWorkers,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(PIPELINE_OBSERVERS) private readonly observers: PipelineObservers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const settings = kafkaSettings(this.config);
    const log = (level: 'info' | 'warn' | 'error', message: string) => this.logger[level === 'info' ? 'log' : level](message);
    const supervision: SupervisionOptions = { initialBackoffMs: FIRST_RESTART_BACKOFF_MS, maxBackoffMs: this.config.WORKER_RESTART_MAX_BACKOFF_MS, log };
    if (!settings) {
      await this.run(
        new SupervisedWorker(
          'projector',
          async () => {
            // Its loop outlives every failed batch (a lost connection included) and retries on the next poll.
            const runner = new StoreProjectionRunner(this.pool, this.store, new ProjectionApplier(this.dataSource, ALL_PROJECTIONS), {
              batchSize: this.config.PROJECTION_BATCH_SIZE,
              pollIntervalMs: this.config.PROJECTION_POLL_INTERVAL_MS,
              retryBackoff: { initialMs: DEFAULT_RETRY_BACKOFF.initialMs, maxMs: this.config.RETRY_MAX_BACKOFF_MS },
              onError: (error) => this.logger.error(`projection batch failed, will retry: ${String(error)}`),
              traced: tracingIsOn(),
            });
            await runner.start();
            return runner;
          },
          supervision,
        ),
      );
      return;
    }
    if (this.config.RUN_OUTBOX_RELAY) {
      const relay: SupervisedWorker = new SupervisedWorker(
        'relay',
        () =>
          startOutboxRelay(this.config, settings, this.dataSource, log, {
            onError: (error) => relay.degraded(error),
            onRound: () => relay.recovered(),
            onPublished: (events) => this.observers.relay.published(events),
          }),
        supervision,
      );
      await this.run(relay);
    }
    if (this.config.RUN_PROJECTOR) {
      await this.run(
        new SupervisedWorker('projector', (crashed) => startKafkaProjector(settings, this.dataSource, log, crashed, (chunk) => this.observers.projector.chunkApplied(chunk)), supervision),
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.workers.stopAll();
  }

  private async run(worker: SupervisedWorker): Promise<void> {
    await worker.start();
    this.workers.add(worker);
  }
}
