import { Span, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { contextFromTraceparent, saydoTracer, StoredEvent, traceparentOf } from '@saydo/event-store';
import { CompressionTypes, Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { toKafkaMessage, withTraceparent } from './event-message';

/** A stored event larger than the topic accepts: the operator must raise the limit (see MAX_EVENT_BYTES). */
export class EventTooLargeForTopicError extends Error {}

/** Framing Kafka adds per record (lengths, attributes, deltas: varints, a few bytes each) and per header, rounded up. */
const RECORD_OVERHEAD_BYTES = 32;
const HEADER_OVERHEAD_BYTES = 8;
/** A record batch's own header (61 bytes), rounded up, with room to spare. */
const BATCH_OVERHEAD_BYTES = 1024;

/** The bytes one message takes in a record batch, uncompressed. */
export function kafkaRecordBytes(message: Message): number {
  let bytes = RECORD_OVERHEAD_BYTES + byteLength(message.key) + byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) bytes += HEADER_OVERHEAD_BYTES + Buffer.byteLength(name) + byteLength(one as string | Buffer | null | undefined);
  }
  return bytes;
}

function byteLength(value: string | Buffer | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}

/**
 * Splits messages (of the given kafkaRecordBytes sizes), in order, into requests of at most
 * `maxBytes` each (a request holds at most that much for any one partition, so no record batch
 * exceeds the topic's max.message.bytes).
 */
export function splitByBytes(messages: readonly Message[], maxBytes: number, sizes: readonly number[] = messages.map(kafkaRecordBytes)): Message[][] {
  const requests: Message[][] = [];
  let current: Message[] = [];
  let bytes = BATCH_OVERHEAD_BYTES;
  for (const [index, message] of messages.entries()) {
    const size = sizes[index];
    if (current.length > 0 && bytes + size > maxBytes) {
      requests.push(current);
      current = [];
      bytes = BATCH_OVERHEAD_BYTES;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/**
 * Publishes log events to the topic with an idempotent producer (acks from all in-sync replicas,
 * one request in flight), so a retried send neither duplicates nor reorders within a partition.
 * Requests are split to stay under the topic's max.message.bytes: a relay batch of many large
 * events of one stream is sent in several requests, in order, instead of being refused forever.
 */
export class KafkaEventPublisher {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
    /** The topic's max.message.bytes (topicMaxMessageBytes). */
    private readonly maxRequestBytes = 1024 * 1024,
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

  /**
   * Resolves once the broker acknowledged every message. With the trace context each event was
   * recorded under (by position), the send is a `saydo.publish` span in each of those traces, and
   * each message carries its span's context to the consumers.
   */
  async publish(events: readonly StoredEvent[], traceparents: ReadonlyMap<number, string> = new Map()): Promise<void> {
    await this.publishMessages(
      events.map((event) => ({ position: event.position, message: toKafkaMessage(event) })),
      traceparents,
    );
  }

  /** publish() for messages already built (the relay builds them from the rows it reads). */
  async publishMessages(outgoing: readonly OutgoingMessage[], traceparents: ReadonlyMap<number, string> = new Map()): Promise<void> {
    if (outgoing.length === 0) return;
    if (traceparents.size === 0) return this.send(outgoing, outgoing.map(({ message }) => message));
    await publishInSpans(outgoing, traceparents, this.topic, (messages) => this.send(outgoing, messages));
  }

  /** Refuses any one message the topic would reject, then sends in requests the topic accepts, in order. */
  private async send(outgoing: readonly OutgoingMessage[], messages: Message[]): Promise<void> {
    const sizes = messages.map((message, index) => {
      const bytes = kafkaRecordBytes(message);
      if (bytes + BATCH_OVERHEAD_BYTES > this.maxRequestBytes) {
        throw new EventTooLargeForTopicError(
          `event at position ${outgoing[index].position} takes ${bytes + BATCH_OVERHEAD_BYTES} bytes in Kafka, over the topic's ${this.maxRequestBytes}: raise MAX_EVENT_BYTES (the topic follows) to publish it`,
        );
      }
      return bytes;
    });
    for (const request of splitByBytes(messages, this.maxRequestBytes, sizes)) {
      await this.producer.send({ topic: this.topic, acks: -1, compression: CompressionTypes.None, messages: request });
    }
  }
}

/** A message and the log position of the event it carries. */
export interface OutgoingMessage {
  position: number;
  message: Message;
}

/**
 * One PRODUCER span per trace the batch belongs to (a request's events share one), open for the
 * whole send; each message carries its span's context to the consumers.
 */
async function publishInSpans(outgoing: readonly OutgoingMessage[], traceparents: ReadonlyMap<number, string>, topic: string, send: (messages: Message[]) => Promise<void>): Promise<void> {
  const spans = new Map<string, Span>();
  for (const traceparent of new Set(traceparents.values())) {
    const attributes = { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.operation.type': 'send' };
    spans.set(traceparent, saydoTracer().startSpan('saydo.publish', { kind: SpanKind.PRODUCER, attributes }, contextFromTraceparent(traceparent)));
  }
  const messages = outgoing.map(({ position, message }) => {
    const span = spans.get(traceparents.get(position) ?? '');
    return withTraceparent(message, span && traceparentOf(span));
  });
  try {
    await send(messages);
  } catch (error) {
    for (const span of spans.values()) span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
    throw error;
  } finally {
    for (const span of spans.values()) span.end();
  }
}
