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
} as const;

export const CLOUDEVENTS_SOURCE = 'urn:saydo:event-store';

/** Key = stream id, so one stream's events land in one partition, in order. */
export function toKafkaMessage(event: StoredEvent): Message {
  return {
    key: event.streamId,
    value: JSON.stringify(event),
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

export function fromKafkaMessage(message: KafkaMessage): StoredEvent {
  if (!message.value) throw new Error(`Kafka message at offset ${message.offset} has no value`);
  return JSON.parse(message.value.toString('utf8')) as StoredEvent;
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value[0]?.toString() : value.toString();
}
