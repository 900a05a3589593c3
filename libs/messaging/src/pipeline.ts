import { DEFAULT_RETRY_BACKOFF } from '@saydo/event-store';
import { AppConfig, poolOf } from '@saydo/platform';
import { ALL_PROJECTIONS, ProjectionApplier } from '@saydo/read-models';
import { DataSource } from 'typeorm';
import { createKafka, ensureTopic } from './kafka-client';
import { KafkaEventPublisher } from './kafka-event-publisher';
import { KafkaSettings, topicMaxMessageBytes } from './kafka-settings';
import { KafkaProjector, KafkaProjectorOptions } from './kafka-projector';
import { OutboxRelay, OutboxRelayOptions } from './outbox-relay';

export interface Running {
  stop(): Promise<void>;
}

export type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

/** The outbox relay on this process's database, publishing to the configured topic. */
/**
 * What a supervisor hears of the relay's rounds (a failed one: the broker is down, say; a successful
 * one), and what the metrics hear of each published batch.
 */
export interface RelayHooks {
  onError?: (error: unknown) => void;
  onRound?: () => void;
  onPublished?: OutboxRelayOptions['onPublished'];
}

export async function startOutboxRelay(config: AppConfig, settings: KafkaSettings, dataSource: DataSource, log: Log, hooks: RelayHooks = {}): Promise<Running & { relay: OutboxRelay }> {
  const kafka = createKafka(settings, 'relay', (level, message) => log(level === 'ERROR' ? 'error' : 'warn', message));
  await ensureTopic(kafka, settings);
  const publisher = new KafkaEventPublisher(kafka, settings.topic, topicMaxMessageBytes(settings));
  await publisher.connect();
  const relay = new OutboxRelay(poolOf(dataSource), publisher, {
    batchSize: config.RELAY_BATCH_SIZE,
    pollIntervalMs: config.RELAY_POLL_INTERVAL_MS,
    retryBackoff: { initialMs: DEFAULT_RETRY_BACKOFF.initialMs, maxMs: config.RETRY_MAX_BACKOFF_MS },
    stallAfterMs: config.RELAY_STALL_MS,
    onError: (error) => {
      log('error', `outbox relay: ${String(error)}`);
      hooks.onError?.(error);
    },
    // Degraded as soon as the broker stops acknowledging, not when the producer's retries run out.
    onStalled: (error) => {
      log('warn', `outbox relay: ${error.message}`);
      hooks.onError?.(error);
    },
    onRound: hooks.onRound,
    onPublished: hooks.onPublished,
  });
  relay.start();
  log('info', `outbox relay publishing to ${settings.topic} on ${settings.brokers.join(',')}`);
  return {
    relay,
    async stop() {
      await relay.stop();
      await publisher.disconnect();
    },
  };
}

/** A projector consumer-group member on this process's database. */
export async function startKafkaProjector(
  settings: KafkaSettings,
  dataSource: DataSource,
  log: Log,
  onCrash: (error: unknown) => void,
  onChunkApplied?: KafkaProjectorOptions['onChunkApplied'],
): Promise<Running> {
  const kafka = createKafka(settings, 'projector', (level, message) => log(level === 'ERROR' ? 'error' : 'warn', message));
  await ensureTopic(kafka, settings);
  const projector = new KafkaProjector(kafka, settings, poolOf(dataSource), new ProjectionApplier(dataSource, ALL_PROJECTIONS), {
    chunkSize: 500,
    onError: (error) => log('error', `projector: ${String(error)}`),
    onCrash,
    log: (message) => log('info', `projector: ${message}`),
    onChunkApplied,
  });
  await projector.start();
  log('info', `projector consuming ${settings.topic} as group ${settings.projectorGroup}`);
  return { stop: () => projector.stop() };
}
