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
  /** The largest event the API accepts (MAX_EVENT_BYTES); the topic and the relay are sized from it. */
  maxEventBytes?: number;
}

export const DEFAULT_MAX_EVENT_BYTES = 256 * 1024;

/**
 * What a stored event adds to the submitted fact in a Kafka record: ids, stream, version,
 * position, times, principal, the hash chain, and the CloudEvents headers (about 1 KiB today).
 */
export const EVENT_ENVELOPE_BYTES = 16 * 1024;

/**
 * The topic's max.message.bytes (the largest record batch the broker takes), and so the most a
 * relay request puts in one partition's batch: room for the largest event, and never below
 * Kafka's default (a bigger batch means fewer requests).
 */
export function topicMaxMessageBytes(settings: KafkaSettings): number {
  return Math.max(1024 * 1024, 2 * ((settings.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES) + EVENT_ENVELOPE_BYTES));
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
    maxEventBytes: config.MAX_EVENT_BYTES,
  };
}

/**
 * The topic keeps every event forever and is never compacted, so it can be replayed from the
 * beginning (a compacted topic would keep only the last event of each stream). max.message.bytes
 * is added from the settings (topicMaxMessageBytes).
 */
export const TOPIC_CONFIG = [
  { name: 'retention.ms', value: '-1' },
  { name: 'retention.bytes', value: '-1' },
  { name: 'cleanup.policy', value: 'delete' },
] as const;
