import { Admin, Kafka, logLevel, LogEntry } from 'kafkajs';
import { KafkaSettings, TOPIC_CONFIG } from './kafka-settings';

/** kafkajs stays behind this library: other code speaks of publishers and projectors, not of kafkajs. */
export function createKafka(settings: KafkaSettings, clientSuffix: string, log: (level: string, message: string) => void = () => undefined): Kafka {
  return new Kafka({
    clientId: `${settings.clientId}-${clientSuffix}`,
    brokers: settings.brokers,
    retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => log(logLevel[entry.level] ?? 'INFO', `${entry.namespace}: ${entry.log.message}`),
  });
}

/** Creates the topic explicitly (never by auto-creation), with its partitions and unlimited retention. */
export async function ensureTopic(kafka: Kafka, settings: KafkaSettings): Promise<void> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    if (!existing.includes(settings.topic)) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic: settings.topic, numPartitions: settings.partitions, replicationFactor: -1, configEntries: TOPIC_CONFIG.map((entry) => ({ ...entry })) }],
      });
    }
  } finally {
    await admin.disconnect();
  }
}
