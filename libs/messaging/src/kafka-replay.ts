import { randomBytes } from 'node:crypto';
import { withTransaction } from '@saydo/event-store';
import { ProjectionApplier } from '@saydo/read-models';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { fromKafkaMessage } from './event-message';
import { KafkaSettings } from './kafka-settings';

export interface KafkaReplayOptions {
  /** Messages applied per PostgreSQL transaction. */
  chunkSize: number;
  onProgress?: (progress: { messages: number; target: number; covered: number }) => void;
  /** Longest wait for the whole replay. */
  timeoutMs?: number;
}

export interface KafkaReplayResult {
  messages: number;
  /** Every position from 1 up to here was seen. */
  covered: number;
  /** The highest position seen (above `covered`: positions are missing from the topic). */
  maxPosition: number;
}

/**
 * Reads the whole topic from the beginning with a fresh consumer group and applies every event
 * to the applier's rows (applyToRows: partitions interleave, rows skip what they already have);
 * done when every partition reached the high-water mark it had at the start. Says which prefix
 * of the log it covered, so the caller can tell whether the result may replace the live tables.
 */
export async function replayTopic(kafka: Kafka, settings: KafkaSettings, pool: Pool, applier: ProjectionApplier, options: KafkaReplayOptions): Promise<KafkaReplayResult> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `${settings.projectorGroup}-rebuild-${randomBytes(4).toString('hex')}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, sessionTimeout: 30_000, heartbeatInterval: 3_000 });
  try {
    const offsets = await admin.fetchTopicOffsets(settings.topic);
    const targets = new Map(offsets.map((o) => [o.partition, Number(o.high)]));
    const reached = new Map(offsets.map((o) => [o.partition, 0]));
    const target = [...targets.values()].reduce((a, b) => a + b, 0);
    const done = () => [...targets].every(([partition, high]) => (reached.get(partition) ?? 0) >= high);
    const coverage = new Coverage();
    let messages = 0;
    if (!done()) {
      await consumer.connect();
      await consumer.subscribe({ topics: [settings.topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Kafka replay timed out after ${messages} of ${target} messages`)), options.timeoutMs ?? 10 * 60_000);
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          if (!payload.restart) {
            clearTimeout(timer);
            reject(payload.error);
          }
        });
        consumer
          .run({
            autoCommit: false,
            eachBatchAutoResolve: false,
            eachBatch: async ({ batch, heartbeat, resolveOffset, isRunning, isStale }) => {
              for (let start = 0; start < batch.messages.length; start += options.chunkSize) {
                if (!isRunning() || isStale()) return;
                const chunk = batch.messages.slice(start, start + options.chunkSize);
                const events = chunk.map(fromKafkaMessage);
                await withTransaction(pool, (client) => applier.applyToRows(client, events));
                for (const event of events) coverage.add(event.position);
                messages += chunk.length;
                const last = Number(chunk[chunk.length - 1].offset);
                reached.set(batch.partition, Math.max(reached.get(batch.partition) ?? 0, last + 1));
                resolveOffset(String(last));
                await heartbeat();
                options.onProgress?.({ messages, target, covered: coverage.covered });
              }
              if (done()) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch((error) => {
            clearTimeout(timer);
            reject(error);
          });
      });
    }
    return { messages, covered: coverage.covered, maxPosition: coverage.max };
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
