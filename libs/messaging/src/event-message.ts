import { StoredEvent } from '@saydo/event-store';
import { IHeaders, KafkaMessage, Message } from 'kafkajs';

/**
 * Header names in one registry. The CloudEvents Kafka protocol binding, binary mode: `ce_*`
 * attributes as headers, the event as the value, `content-type` for datacontenttype; plus the
 * log position and the hash chain link, so any Kafka tool can read and check a message.
 */
export const EVENT_HEADERS = {
  specVersion: 'ce_specversion',
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  time: 'ce_time',
  subject: 'ce_subject',
  contentType: 'content-type',
  position: 'saydo_position',
  hash: 'saydo_hash',
  /**
   * The CloudEvents distributed tracing extension's `traceparent` attribute (binary mode: `ce_`
   * prefix): the W3C trace context of the relay's publish span, itself a child of the request
   * that recorded the event. Present only when tracing is on.
   */
  traceparent: 'ce_traceparent',
} as const;

export const CLOUDEVENTS_SOURCE = 'urn:saydo:event-store';

/** Key = stream id, so one stream's events land in one partition, in order. */
export function toKafkaMessage(event: StoredEvent): Message {
  return kafkaMessage(event, JSON.stringify(event));
}

/** The message of an event whose JSON (the value) is already written. */
export function kafkaMessage(event: Pick<StoredEvent, 'streamId' | 'eventId' | 'type' | 'recordedAt' | 'position' | 'hash'>, value: string): Message {
  return {
    key: event.streamId,
    value,
    headers: {
      [EVENT_HEADERS.specVersion]: '1.0',
      [EVENT_HEADERS.id]: event.eventId,
      [EVENT_HEADERS.type]: event.type,
      [EVENT_HEADERS.source]: CLOUDEVENTS_SOURCE,
      [EVENT_HEADERS.time]: event.recordedAt,
      [EVENT_HEADERS.subject]: event.streamId,
      [EVENT_HEADERS.contentType]: 'application/json',
      [EVENT_HEADERS.position]: String(event.position),
      [EVENT_HEADERS.hash]: event.hash,
    },
  };
}

/** The message with the trace context the consumer continues from (none when tracing is off). */
export function withTraceparent(message: Message, traceparent: string | undefined): Message {
  return traceparent ? { ...message, headers: { ...message.headers, [EVENT_HEADERS.traceparent]: traceparent } } : message;
}

export function fromKafkaMessage(message: KafkaMessage): StoredEvent {
  if (!message.value) throw new Error(`Kafka message at offset ${message.offset} has no value`);
  return JSON.parse(message.value.toString('utf8')) as StoredEvent;
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value[0]?.toString() : value.toString();
}
