import { Admin, Kafka, logLevel, LogEntry } from 'kafkajs';
import { KafkaSettings, TOPIC_CONFIG } from './kafka-settings';

// kafkajs's logLevel is a plain object (no reverse mapping), so name the levels here.
const LEVEL_NAMES: Record<number, string> = { [logLevel.ERROR]: 'ERROR', [logLevel.WARN]: 'WARN', [logLevel.INFO]: 'INFO', [logLevel.DEBUG]: 'DEBUG' };

/** kafkajs stays behind this library: other code speaks of publishers and projectors, not of kafkajs. */
export function createKafka(settings: KafkaSettings, clientSuffix: string, log: (level: string, message: string) => void = () => undefined): Kafka {
  return new Kafka({
    clientId: `${settings.clientId}-${clientSuffix}`,
    brokers: settings.brokers,
    retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => log(LEVEL_NAMES[entry.level] ?? 'INFO', `${entry.namespace}: ${entry.log.message}${entry.log.error ? ` (${String(entry.log.error)})` : ''}`),
  });
}

/** Creates the topic explicitly (never by auto-creation), with its partitions and unlimited retention. */
export async function ensureTopic(kafka: Kafka, settings: KafkaSettings): Promise<void> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    if (!existing.includes(settings.topic)) {
      // The relay and the projector may both try at start-up; createTopics answers false (no throw) when it exists.
      await admin
        .createTopics({
          waitForLeaders: true,
          topics: [{ topic: settings.topic, numPartitions: settings.partitions, replicationFactor: -1, configEntries: TOPIC_CONFIG.map((entry) => ({ ...entry })) }],
        })
        .catch(async (error) => {
          if (!(await admin.listTopics()).includes(settings.topic)) throw error;
        });
    }
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [settings.topic] })).topics;
    if (metadata.partitions.length !== settings.partitions) {
      throw new Error(`topic ${settings.topic} has ${metadata.partitions.length} partitions, KAFKA_PARTITIONS says ${settings.partitions}: partitions are never changed silently`);
    }
  } finally {
    await admin.disconnect();
  }
}
