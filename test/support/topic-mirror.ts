import { randomBytes } from 'node:crypto';
import { EVENT_HEADERS, headerText } from '@saydo/messaging';
import { Admin, Consumer } from 'kafkajs';
import { testKafka } from './kafka';

export interface MirroredMessage {
  partition: number;
  offset: number;
  key: string;
  position: number;
  eventId: string;
  hash: string;
  streamId: string;
}

/**
 * Every message of a topic, kept in memory as it arrives, by partition and offset: a reader of
 * its own (a throwaway group) that a test can ask "has everything up to the broker's high
 * watermarks arrived?" and then inspect offset by offset.
 */
export class TopicMirror {
  private readonly partitions = new Map<number, Map<number, MirroredMessage>>();
  /** Messages that could not be read as events (never expected: a test asserts this stays empty). */
  readonly unreadable: string[] = [];

  private constructor(
    readonly topic: string,
    private readonly consumer: Consumer,
    private readonly admin: Admin,
  ) {}

  static async start(topic: string): Promise<TopicMirror> {
    const kafka = testKafka();
    const consumer = kafka.consumer({ groupId: `mirror-${randomBytes(4).toString('hex')}`, maxWaitTimeInMs: 100 });
    const admin = kafka.admin();
    await admin.connect();
    const mirror = new TopicMirror(topic, consumer, admin);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const byOffset = mirror.partitions.get(batch.partition) ?? new Map<number, MirroredMessage>();
        mirror.partitions.set(batch.partition, byOffset);
        for (const message of batch.messages) {
          let event: { position: number; eventId: string; hash: string; streamId: string };
          try {
            event = JSON.parse(message.value!.toString('utf8'));
          } catch (error) {
            mirror.unreadable.push(`partition ${batch.partition} offset ${message.offset}: ${String(error)}`);
            continue;
          }
          if (Number(headerText(message.headers, EVENT_HEADERS.position)) !== event.position) {
            mirror.unreadable.push(`partition ${batch.partition} offset ${message.offset}: header ${EVENT_HEADERS.position} disagrees with the value`);
          }
          byOffset.set(Number(message.offset), {
            partition: batch.partition,
            offset: Number(message.offset),
            key: message.key!.toString('utf8'),
            position: event.position,
            eventId: event.eventId,
            hash: event.hash,
            streamId: event.streamId,
          });
        }
      },
    });
    return mirror;
  }

  /** The broker's high watermark (next offset) of every partition. */
  async highWatermarks(): Promise<Map<number, number>> {
    const offsets = await this.admin.fetchTopicOffsets(this.topic);
    return new Map(offsets.map((entry) => [entry.partition, Number(entry.high)]));
  }

  /** Waits until every offset below the high watermarks (read now) has arrived; false when the time is up. */
  async catchUp(timeoutMs = 10_000): Promise<Map<number, number> | null> {
    const highs = await this.highWatermarks();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const missing = [...highs].some(([partition, high]) => high > 0 && !this.partitions.get(partition)?.has(high - 1));
      if (!missing) return highs;
      if (Date.now() > deadline) return null;
      await new Promise((done) => setTimeout(done, 10));
    }
  }

  /** A partition's messages in offset order. */
  messagesOf(partition: number): MirroredMessage[] {
    return [...(this.partitions.get(partition)?.values() ?? [])].sort((a, b) => a.offset - b.offset);
  }

  all(): MirroredMessage[] {
    return [...this.partitions.keys()].sort((a, b) => a - b).flatMap((partition) => this.messagesOf(partition));
  }

  /** The highest log position seen in the topic so far (0 when empty). */
  maxPosition(): number {
    let max = 0;
    for (const byOffset of this.partitions.values()) for (const message of byOffset.values()) max = Math.max(max, message.position);
    return max;
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }
}
