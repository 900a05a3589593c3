import { StoredEvent } from '@saydo/event-store';
import { CompressionTypes, Kafka, Partitioners, Producer } from 'kafkajs';
import { toKafkaMessage } from './event-message';

/**
 * Publishes log events to the topic with an idempotent producer (acks from all in-sync replicas,
 * one request in flight), so a retried send neither duplicates nor reorders within a partition.
 */
export class KafkaEventPublisher {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /** Resolves once the broker acknowledged every message. */
  async publish(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.producer.send({ topic: this.topic, acks: -1, compression: CompressionTypes.None, messages: events.map(toKafkaMessage) });
  }
}
