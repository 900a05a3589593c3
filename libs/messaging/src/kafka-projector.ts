import { withTransaction } from '@saydo/event-store';
import { ProjectionApplier } from '@saydo/read-models';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { fromKafkaMessage } from './event-message';
import { KafkaSettings } from './kafka-settings';
import { lockPartitionCheckpoint, readPartitionOffsets, savePartitionCheckpoint } from './partition-checkpoints';
import { advanceWatermark } from './projection-watermark';

export interface KafkaProjectorOptions {
  /** Messages applied per PostgreSQL transaction. */
  chunkSize: number;
  onError?: (error: unknown) => void;
  /** Called when the consumer crashed for good (the process should exit and be restarted). */
  onCrash?: (error: unknown) => void;
  log?: (message: string) => void;
}

/**
 * A member of the projector consumer group. Each chunk of a partition's messages is applied to
 * the read models, and the partition's checkpoint and the watermark move, in one PostgreSQL
 * transaction: a crash before commit loses all of it, after commit all of it is there. On every
 * join it seeks its partitions to the PostgreSQL checkpoints; messages below a checkpoint's
 * offset, and re-sent events at or below the partition's highest applied position, are skipped.
 */
export class KafkaProjector {
  private readonly consumer: Consumer;

  constructor(
    kafka: Kafka,
    private readonly settings: KafkaSettings,
    private readonly pool: Pool,
    private readonly applier: ProjectionApplier,
    private readonly options: KafkaProjectorOptions,
  ) {
    const sessionTimeout = settings.sessionTimeoutMs ?? 10_000;
    this.consumer = kafka.consumer({ groupId: settings.projectorGroup, allowAutoTopicCreation: false, sessionTimeout, heartbeatInterval: Math.floor(sessionTimeout / 10) });
  }

  async start(): Promise<void> {
    const { consumer, settings } = this;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      void this.seekToCheckpoints(payload.memberAssignment[settings.topic] ?? []).catch((error) => this.options.onError?.(error));
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.options.onCrash?.(payload.error);
      else this.options.onError?.(payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [settings.topic], fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, partitionsConsumedConcurrently: 1, eachBatch: (payload) => this.applyBatch(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async seekToCheckpoints(partitions: number[]): Promise<void> {
    const offsets = await readPartitionOffsets(this.pool, this.settings.projectorGroup, this.settings.topic);
    for (const partition of partitions) this.consumer.seek({ topic: this.settings.topic, partition, offset: String(offsets.get(partition) ?? 0) });
    this.options.log?.(`assigned partitions [${partitions.join(', ')}], resuming from PostgreSQL checkpoints`);
  }

  private async applyBatch({ batch, heartbeat, isRunning, isStale, resolveOffset }: EachBatchPayload): Promise<void> {
    for (let start = 0; start < batch.messages.length; start += this.options.chunkSize) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + this.options.chunkSize);
      const nextOffset = await this.applyChunk(batch.partition, chunk);
      resolveOffset(String(nextOffset - 1));
      // Informational only (lag tools): never ahead of PostgreSQL, which is what we resume from.
      await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(nextOffset) }]);
      await heartbeat();
    }
  }

  private async applyChunk(partition: number, messages: EachBatchPayload['batch']['messages']): Promise<number> {
    const { projectorGroup, topic } = this.settings;
    return withTransaction(this.pool, async (client) => {
      const checkpoint = await lockPartitionCheckpoint(client, projectorGroup, topic, partition);
      const unseen = messages.filter((message) => Number(message.offset) >= checkpoint.nextOffset);
      const fresh = unseen.map(fromKafkaMessage).filter((event) => event.position > checkpoint.maxPosition);
      // Rows of different partitions never overlap (a row is fed by one stream), so only the
      // watermark, taken last, serialises the group's members.
      await this.applier.applyToRows(client, fresh);
      const checkpoints = await this.applier.lockCheckpoints(client);
      const watermark = Math.min(...checkpoints.values());
      await advanceWatermark(client, watermark, fresh.map((event) => event.position), this.applier.names);
      const lastOffset = Number(messages[messages.length - 1].offset);
      await savePartitionCheckpoint(client, projectorGroup, topic, partition, {
        nextOffset: Math.max(checkpoint.nextOffset, lastOffset + 1),
        maxPosition: Math.max(checkpoint.maxPosition, ...fresh.map((event) => event.position)),
      });
      return Math.max(checkpoint.nextOffset, lastOffset + 1);
    });
  }
}
