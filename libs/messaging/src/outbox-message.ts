import { EventRow } from '@saydo/event-store';
import { Message } from 'kafkajs';
import { kafkaMessage } from './event-message';

/** An unpublished event as the relay reads it: its Kafka message, ready to send. */
export interface OutboxMessage {
  position: number;
  recordedAt: string;
  message: Message;
  /** The trace context the event was recorded under, when traced. */
  traceparent: string | null;
}

/**
 * The next unpublished events after a position, with the columns of EVENT_COLUMNS except that
 * `data` and `metadata` come as the JSON text PostgreSQL stores (jsonb output), spliced into the
 * message as they are: the relay never parses them only to serialise them again.
 */
export const UNPUBLISHED_SQL = `
  SELECT e.position, e.stream_id, e.stream_version, e.event_id, e.type, e.schema_version, e.data::text AS data, e.metadata::text AS metadata,
         e.occurred_at, e.occurred_precision, e.occurred_from, e.occurred_until, e.recorded_at, e.principal, e.hash, o.traceparent
  FROM outbox o JOIN events e ON e.position = o.position
  WHERE o.published_at IS NULL AND o.position > $2 ORDER BY o.position LIMIT $1`;

export type UnpublishedRow = Omit<EventRow, 'data' | 'metadata'> & { data: string; metadata: string; traceparent: string | null };

/**
 * The same value as toKafkaMessage(toStoredEvent(row)) once parsed (same keys, same order, same
 * values: pg itself parses jsonb with JSON.parse of this very text), built without the round trip.
 */
export function toOutboxMessage(row: UnpublishedRow): OutboxMessage {
  const position = Number(row.position);
  const recordedAt = row.recorded_at.toISOString();
  const text = JSON.stringify;
  const value =
    `{"position":${position},"streamId":${text(row.stream_id)},"streamVersion":${row.stream_version},"eventId":${text(row.event_id)},` +
    `"type":${text(row.type)},"schemaVersion":${row.schema_version},"data":${row.data},"metadata":${row.metadata},` +
    `"occurredAt":${text(row.occurred_at)},"occurredPrecision":${text(row.occurred_precision)},"occurredFrom":${text(row.occurred_from.toISOString())},` +
    `"occurredUntil":${text(row.occurred_until.toISOString())},"recordedAt":${text(recordedAt)},"principal":${text(row.principal)},"hash":${text(row.hash)}}`;
  const message = kafkaMessage({ position, streamId: row.stream_id, eventId: row.event_id, type: row.type, recordedAt, hash: row.hash }, value);
  return { position, recordedAt, message, traceparent: row.traceparent };
}
