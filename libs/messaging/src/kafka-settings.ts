import { AppConfig } from '@saydo/platform';

/** Everything the Kafka side needs, read once from the validated configuration. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  topic: string;
  partitions: number;
  projectorGroup: string;
  /** Consumer session timeout; heartbeats go at a tenth of it. */
  sessionTimeoutMs?: number;
}

export function kafkaSettings(config: AppConfig): KafkaSettings | null {
  if (!config.KAFKA_BROKERS) return null;
  return {
    brokers: config.KAFKA_BROKERS.split(','),
    clientId: config.KAFKA_CLIENT_ID,
    topic: config.KAFKA_TOPIC,
    partitions: config.KAFKA_PARTITIONS,
    projectorGroup: config.KAFKA_PROJECTOR_GROUP,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
  };
}

/**
 * The topic keeps every event forever and is never compacted, so it can be replayed from the
 * beginning (a compacted topic would keep only the last event of each stream).
 */
export const TOPIC_CONFIG = [
  { name: 'retention.ms', value: '-1' },
  { name: 'retention.bytes', value: '-1' },
  { name: 'cleanup.policy', value: 'delete' },
] as const;
