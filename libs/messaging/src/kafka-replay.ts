import { randomBytes } from 'node:crypto';
import { withTransaction } from '@saydo/event-store';
import { enterFeedTransaction, ProjectionApplier } from '@saydo/read-models';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { fromKafkaMessage } from './event-message';
import { KafkaSettings } from './kafka-settings';
import { lockPartitionCheckpoint, readPartitionOffsets, savePartitionCheckpoint } from './partition-checkpoints';

export interface KafkaReplayOptions {
  /** Messages applied per PostgreSQL transaction. */
  chunkSize: number;
  onProgress?: (progress: { messages: number; target: number; covered: number }) => void;
  /** Asked before each chunk: true stops the replay after the chunk in progress (a later replay resumes). */
  shouldStop?: () => boolean;
  /** Longest wait without a single message while partitions are still short of their high-water marks. */
  stallTimeoutMs?: number;
  /**
   * Names what is being rebuilt (the shadow tables' identity: recreated tables get a new key, so
   * progress kept for dropped tables is never trusted). With it, each chunk commits with its
   * partition's progress and a later replay under the same key resumes; without it, every
   * replay applies the whole topic.
   */
  resumeKey?: string;
}

export interface KafkaReplayResult {
  messages: number;
  /** Every position from 1 up to here was seen. */
  covered: number;
  /** The highest position seen (above `covered`: positions are missing from the topic). */
  maxPosition: number;
  /** Present when `shouldStop` stopped the replay before the high-water marks. */
  interrupted?: true;
}

/** Where a replay under `resumeKey` keeps its per-partition progress in kafka_partition_checkpoints. */
export function replayProgressGroup(settings: KafkaSettings, resumeKey: string): string {
  return `${settings.projectorGroup}/replay/${resumeKey}`;
}

/** Forgets a replay's progress (its shadow tables were switched in or dropped). */
export async function clearReplayProgress(pool: Pool, settings: KafkaSettings, resumeKey: string): Promise<void> {
  await pool.query('DELETE FROM kafka_partition_checkpoints WHERE group_id = $1 AND topic = $2', [replayProgressGroup(settings, resumeKey), settings.topic]);
}

/**
 * Reads the whole topic from the beginning with a fresh consumer group and applies every event
 * to the applier's rows (applyToRows: partitions interleave, rows skip what they already have).
 * With a `resumeKey`, each chunk commits with its partition's progress (kafka_partition_checkpoints,
 * group `replayProgressGroup`), so a stopped or killed replay resumes: messages below that progress
 * are read again (to know which positions the topic covers) but not applied again. Ends when
 * every partition reached the high-water mark it had at the start, however long that takes;
 * fails only when no message at all arrives for `stallTimeoutMs`. Says which prefix of the log
 * it covered, so the caller can tell whether the result may replace the live tables.
 */
export async function replayTopic(kafka: Kafka, settings: KafkaSettings, pool: Pool, applier: ProjectionApplier, options: KafkaReplayOptions): Promise<KafkaReplayResult> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `${settings.projectorGroup}-rebuild-${randomBytes(4).toString('hex')}`;
  const progressGroup = options.resumeKey === undefined ? null : replayProgressGroup(settings, options.resumeKey);
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, sessionTimeout: 30_000, heartbeatInterval: 3_000 });
  const stallTimeoutMs = options.stallTimeoutMs ?? 60_000;
  try {
    const offsets = await admin.fetchTopicOffsets(settings.topic);
    const targets = new Map(offsets.map((o) => [o.partition, Number(o.high)]));
    const reached = new Map(offsets.map((o) => [o.partition, 0]));
    const appliedBelow = progressGroup === null ? new Map<number, number>() : await readPartitionOffsets(pool, progressGroup, settings.topic);
    const target = [...targets.values()].reduce((a, b) => a + b, 0);
    const done = () => [...targets].every(([partition, high]) => (reached.get(partition) ?? 0) >= high);
    const coverage = new Coverage();
    let messages = 0;
    let interrupted = false;
    if (!done()) {
      await consumer.connect();
      await consumer.subscribe({ topics: [settings.topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        let stall: NodeJS.Timeout | undefined;
        const finish = (error?: unknown) => {
          clearTimeout(stall);
          if (error) reject(error);
          else resolve();
        };
        const watch = () => {
          clearTimeout(stall);
          stall = setTimeout(
            () => finish(new Error(`Kafka replay made no progress for ${stallTimeoutMs} ms, at ${messages} of ${target} messages (a later run resumes)`)),
            stallTimeoutMs,
          );
        };
        watch();
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          if (!payload.restart) finish(payload.error);
        });
        consumer
          .run({
            autoCommit: false,
            eachBatchAutoResolve: false,
            eachBatch: async ({ batch, heartbeat, resolveOffset, isRunning, isStale }) => {
              for (let start = 0; start < batch.messages.length; start += options.chunkSize) {
                if (!isRunning() || isStale() || interrupted) return;
                if (options.shouldStop?.()) {
                  interrupted = true;
                  finish();
                  return;
                }
                const chunk = batch.messages.slice(start, start + options.chunkSize);
                const events = chunk.map(fromKafkaMessage);
                const from = appliedBelow.get(batch.partition) ?? 0;
                const pending = events.filter((_, index) => Number(chunk[index].offset) >= from);
                const last = Number(chunk[chunk.length - 1].offset);
                if (pending.length > 0) {
                  await withTransaction(pool, async (client) => {
                    await enterFeedTransaction(client);
                    await applier.applyToRows(client, pending);
                    if (progressGroup === null) return;
                    const checkpoint = await lockPartitionCheckpoint(client, progressGroup, settings.topic, batch.partition);
                    await savePartitionCheckpoint(client, progressGroup, settings.topic, batch.partition, {
                      nextOffset: Math.max(checkpoint.nextOffset, last + 1),
                      maxPosition: Math.max(checkpoint.maxPosition, ...pending.map((event) => event.position)),
                    });
                  });
                  appliedBelow.set(batch.partition, Math.max(from, last + 1));
                }
                for (const event of events) coverage.add(event.position);
                messages += chunk.length;
                reached.set(batch.partition, Math.max(reached.get(batch.partition) ?? 0, last + 1));
                resolveOffset(String(last));
                watch();
                await heartbeat();
                options.onProgress?.({ messages, target, covered: coverage.covered });
              }
              if (done()) finish();
            },
          })
          .catch((error) => finish(error));
      });
    }
    return { messages, covered: coverage.covered, maxPosition: coverage.max, ...(interrupted ? { interrupted: true as const } : {}) };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

/** The contiguous prefix 1..covered of the positions seen so far. */
class Coverage {
  covered = 0;
  max = 0;
  private readonly ahead = new Set<number>();

  add(position: number): void {
    this.max = Math.max(this.max, position);
    if (position <= this.covered) return;
    this.ahead.add(position);
    while (this.ahead.delete(this.covered + 1)) this.covered++;
  }
}
