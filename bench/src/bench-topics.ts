import { createKafka, ensureTopic, KafkaSettings } from '@saydo/messaging';
import { Kafka } from 'kafkajs';

export const BENCH_PARTITIONS = 6;

/** Settings with a topic and consumer group of their own, so no run (and no test) sees another's messages. */
export function isolatedSettings(brokers: string[], label: string, partitions = BENCH_PARTITIONS): KafkaSettings {
  const suffix = `${label}-${process.pid}-${Date.now().toString(36)}`;
  return { brokers, clientId: `saydo-bench-${label}`, topic: `saydo.bench.${suffix}`, partitions, projectorGroup: `saydo-bench-projector-${suffix}` };
}

/** kafkajs WARN/ERROR lines go to the bench's progress stream (stderr). */
export function benchKafka(settings: KafkaSettings, suffix: string, log: (message: string) => void): Kafka {
  return createKafka(settings, suffix, (level, message) => log(`kafka ${suffix} ${level}: ${message}`));
}

/** Creates the topics the application's way (ensureTopic: explicit, N partitions, unlimited retention). */
export async function createTopics(kafka: Kafka, settings: readonly KafkaSettings[]): Promise<void> {
  for (const s of settings) await ensureTopic(kafka, s);
}

/** Messages in a topic: the sum of its partitions' high watermarks (the topics start empty). */
export async function topicMessageCount(kafka: Kafka, topic: string): Promise<{ total: number; perPartition: number[] }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const perPartition = offsets.sort((a, b) => a.partition - b.partition).map((o) => Number(o.high) - Number(o.low));
    return { total: perPartition.reduce((sum, n) => sum + n, 0), perPartition };
  } finally {
    await admin.disconnect();
  }
}

/** Deletes the run's topics (and their consumer group, if any), so a reused broker does not fill up. */
export async function deleteTopics(kafka: Kafka, topics: readonly string[], groups: readonly string[] = []): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (groups.length > 0) await admin.deleteGroups([...groups]).catch(() => undefined);
    if (topics.length > 0) await admin.deleteTopics({ topics: [...topics] });
  } finally {
    await admin.disconnect();
  }
}
