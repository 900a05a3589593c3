import { SpanKind } from '@opentelemetry/api';
import { inSpansPerTrace, StoredEvent, withTransactionOpenedBy } from '@saydo/event-store';
import { ProjectionApplier } from '@saydo/read-models';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { EVENT_HEADERS, fromKafkaMessage, headerText } from './event-message';
import { KafkaSettings } from './kafka-settings';
import { GroupCommit } from './group-commit';
import { lockPartitionCheckpoints, PartitionCheckpoint, readPartitionOffsets } from './partition-checkpoints';
import { advanceWatermark } from './projection-watermark';

export interface KafkaProjectorOptions {
  /** Messages of one partition per PostgreSQL transaction (the partitions of one fetch share it). */
  chunkSize: number;
  /**
   * Partitions applied at the same time, each in its own transaction (default: all the topic's).
   * A read is visible only once every lower position is applied, whatever its partition, so
   * applying the partitions of a fetch one after the other made each event wait for all of them.
   */
  partitionsConsumedConcurrently?: number;
  onError?: (error: unknown) => void;
  /** Called when the consumer crashed for good (the process should exit and be restarted). */
  onCrash?: (error: unknown) => void;
  log?: (message: string) => void;
  /** After each chunk committed: for lag metrics (broker high watermark minus next offset) and the watermark. */
  onChunkApplied?: (chunk: { partition: number; messages: number; nextOffset: number; highWatermark: number; watermark: number }) => void;
}

/**
 * A member of the projector consumer group. A chunk of each partition's messages (of the
 * partitions kafkajs hands over together) is applied to the read models, and those partitions'
 * checkpoints and the watermark move, in one PostgreSQL transaction: a crash before commit loses
 * all of it, after commit all of it is there. On every
 * join it seeks its partitions to the PostgreSQL checkpoints; messages below a checkpoint's
 * offset, and re-sent events at or below the partition's highest applied position, are skipped.
 * The join's seek races with kafkajs's first fetch (from Kafka's committed offset), so the
 * checkpoint is also checked on every chunk: a chunk that starts past it is never applied.
 */
export class KafkaProjector {
  private readonly consumer: Consumer;
  /** The chunks of the partitions of one fetch, applied in one transaction. */
  private readonly chunks = new GroupCommit<PartitionChunk, ChunkOutcome>((chunks) => this.applyChunks(chunks));

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
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? settings.partitions,
      eachBatch: (payload) => this.applyBatch(payload),
    });
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
    let nextOffset: number | null = null;
    for (let start = 0; start < batch.messages.length; start += this.options.chunkSize) {
      if (!isRunning() || isStale()) break;
      const chunk = batch.messages.slice(start, start + this.options.chunkSize);
      const outcome = await this.chunks.submit({ partition: batch.partition, messages: chunk });
      if ('gapFrom' in outcome) {
        // kafkajs fetched from somewhere past the checkpoint (its committed offset, say, ahead of a
        // restored database): nothing was applied; fetch again from the checkpoint. The seek makes
        // the rest of this batch stale.
        this.options.log?.(`partition ${batch.partition}: a chunk starts at offset ${chunk[0].offset} but the checkpoint resumes at ${outcome.gapFrom}; seeking back`);
        this.consumer.seek({ topic: batch.topic, partition: batch.partition, offset: String(outcome.gapFrom) });
        return;
      }
      nextOffset = outcome.nextOffset;
      this.options.onChunkApplied?.({ partition: batch.partition, messages: chunk.length, nextOffset, highWatermark: Number(batch.highWatermark), watermark: outcome.watermark });
      resolveOffset(String(nextOffset - 1));
      await heartbeat();
    }
    // Informational only (lag tools): never ahead of PostgreSQL, which is what we resume from. Once
    // per batch and not waited for: a broker round trip per chunk held up the next chunk's apply.
    if (nextOffset !== null) {
      this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(nextOffset) }]).catch((error) => this.options.onError?.(error));
    }
  }

  /**
   * Applies the chunks of several partitions (those of one fetch, see GroupCommit) in one
   * transaction. A chunk that starts at or below its partition checkpoint's next offset is applied
   * (messages below it are skipped); one starting above it would skip the offsets between, so it is
   * refused whole, and its caller seeks back to `gapFrom`; the other chunks are applied all the same.
   */
  private async applyChunks(chunks: readonly PartitionChunk[]): Promise<ChunkOutcome[]> {
    const messages = chunks.reduce((sum, chunk) => sum + chunk.messages.length, 0);
    if (chunks.length < 2 || messages <= this.options.chunkSize) return this.applyInOneTransaction(chunks);
    // A large group (catching up): transactions side by side, a share of the partitions each, so
    // PostgreSQL applies rows on several connections; they meet only at the watermark, taken last.
    const parts = Math.min(chunks.length, PARALLEL_TRANSACTIONS);
    const size = Math.ceil(chunks.length / parts);
    const shares = Array.from({ length: parts }, (_, i) => chunks.slice(i * size, (i + 1) * size)).filter((share) => share.length > 0);
    return (await Promise.all(shares.map((share) => this.applyInOneTransaction(share)))).flat();
  }

  private async applyInOneTransaction(chunks: readonly PartitionChunk[]): Promise<ChunkOutcome[]> {
    const { projectorGroup, topic } = this.settings;
    const traceparents = chunks.flatMap((chunk) => chunk.messages.map((message) => headerText(message.headers, EVENT_HEADERS.traceparent)));
    const partitions = chunks.map((chunk) => chunk.partition);
    const attributes = { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.destination.partition.id': [...new Set(partitions)].join(',') };
    const work = () =>
      withTransactionOpenedBy(this.pool, async (client) => {
        // Opens the transaction and enters the feed (its lock first) in the same round trip.
        const checkpoints = await lockPartitionCheckpoints(client, projectorGroup, topic, partitions, { begin: true });
        const moved = new Map<number, PartitionCheckpoint>();
        const fresh: StoredEvent[] = [];
        const outcomes = chunks.map(({ partition, messages }): { nextOffset: number } | { gapFrom: number } => {
          const checkpoint = checkpoints.get(partition)!;
          if (Number(messages[0].offset) > checkpoint.nextOffset) return { gapFrom: checkpoint.nextOffset };
          const unseen = messages.filter((message) => Number(message.offset) >= checkpoint.nextOffset);
          const events = unseen.map(fromKafkaMessage).filter((event) => event.position > checkpoint.maxPosition);
          fresh.push(...events);
          const next = {
            nextOffset: Math.max(checkpoint.nextOffset, Number(messages[messages.length - 1].offset) + 1),
            maxPosition: events.reduce((max, event) => Math.max(max, event.position), checkpoint.maxPosition),
          };
          checkpoints.set(partition, next);
          moved.set(partition, next);
          return { nextOffset: next.nextOffset };
        });
        // Rows of different partitions never overlap (a row is fed by one stream), so the
        // partitions' events may be applied together; in log order, each stream's stay in order.
        fresh.sort((a, b) => a.position - b.position);
        await this.applier.applyToRows(client, fresh);
        // Only the watermark, taken last, serialises the group's members.
        const projectionCheckpoints = await this.applier.lockCheckpoints(client);
        const watermark = await advanceWatermark(client, Math.min(...projectionCheckpoints.values()), fresh.map((event) => event.position), this.applier.names, {
          groupId: projectorGroup,
          topic,
          checkpoints: moved,
        });
        return outcomes.map((outcome) => ('gapFrom' in outcome ? outcome : { ...outcome, watermark }));
      });
    return inSpansPerTrace('saydo.project', traceparents, work, { kind: SpanKind.CONSUMER, attributes });
  }
}

/** Transactions one large group is applied in, side by side (apps/projector's pool has 4 connections). */
const PARALLEL_TRANSACTIONS = 3;

interface PartitionChunk {
  partition: number;
  messages: EachBatchPayload['batch']['messages'];
}

type ChunkOutcome = { nextOffset: number; watermark: number } | { gapFrom: number };
