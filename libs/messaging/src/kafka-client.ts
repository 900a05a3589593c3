import { Admin, ConfigResourceTypes, ConfigSource, Kafka, logLevel, LogEntry } from 'kafkajs';
import { KafkaSettings, TOPIC_CONFIG, topicMaxMessageBytes } from './kafka-settings';

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

/**
 * Creates the topic explicitly (never by auto-creation), with its partitions, unlimited retention
 * and a max.message.bytes that fits the largest event; an existing topic whose limit is lower is
 * raised (never lowered), so the relay is never refused a record the API accepted.
 */
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
          topics: [
            {
              topic: settings.topic,
              numPartitions: settings.partitions,
              replicationFactor: -1,
              configEntries: [...TOPIC_CONFIG.map((entry) => ({ ...entry })), { name: 'max.message.bytes', value: String(topicMaxMessageBytes(settings)) }],
            },
          ],
        })
        .catch(async (error) => {
          if (!(await admin.listTopics()).includes(settings.topic)) throw error;
        });
    }
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [settings.topic] })).topics;
    if (metadata.partitions.length !== settings.partitions) {
      throw new Error(`topic ${settings.topic} has ${metadata.partitions.length} partitions, KAFKA_PARTITIONS says ${settings.partitions}: partitions are never changed silently`);
    }
    await ensureMaxMessageBytes(admin, settings);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Raises the topic's max.message.bytes when it is below what the largest event needs. AlterConfigs
 * replaces a topic's whole dynamic configuration, so every entry set on the topic is sent again.
 */
async function ensureMaxMessageBytes(admin: Admin, settings: KafkaSettings): Promise<void> {
  const needed = topicMaxMessageBytes(settings);
  const described = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: settings.topic }] });
  const entries = described.resources[0].configEntries;
  const current = Number(entries.find((entry) => entry.configName === 'max.message.bytes')?.configValue ?? 0);
  if (current >= needed) return;
  const kept = entries.filter((entry) => entry.configSource === ConfigSource.TOPIC_CONFIG && entry.configName !== 'max.message.bytes');
  await admin.alterConfigs({
    validateOnly: false,
    resources: [
      {
        type: ConfigResourceTypes.TOPIC,
        name: settings.topic,
        configEntries: [...kept.map((entry) => ({ name: entry.configName, value: entry.configValue })), { name: 'max.message.bytes', value: String(needed) }],
      },
    ],
  });
}
