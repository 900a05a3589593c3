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
 * A timestamptz as the text Date.prototype.toISOString() gives for the Date `pg` would parse from
 * it, whatever the session's time zone: UTC, milliseconds truncated (as `pg` truncates the
 * microseconds), four-digit years from 0000 (1 BC) to 9999 and signed six-digit years outside
 * them (an occurredAt of "9999" ends at +010000-01-01). PostgreSQL counts BC years without a
 * year 0, JavaScript with one: 1 BC is 0000, 2 BC -000001.
 */
export function isoTimestampSql(column: string): string {
  const utc = `(${column} AT TIME ZONE 'UTC')`;
  const year = `(CASE WHEN extract(year FROM ${utc}) < 0 THEN extract(year FROM ${utc}) + 1 ELSE extract(year FROM ${utc}) END)::int`;
  const extendedYear = `(CASE WHEN ${year} < 0 THEN '-' ELSE '+' END || lpad(abs(${year})::text, 6, '0'))`;
  return (
    `CASE WHEN ${column} >= '0001-01-01 00:00:00Z' AND ${column} < '10000-01-01 00:00:00Z' THEN to_char(${utc}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ` +
    `WHEN ${year} = 0 THEN to_char(${utc}, '"0000"-MM-DD"T"HH24:MI:SS.MS"Z"') ` +
    `ELSE ${extendedYear} || to_char(${utc}, '-MM-DD"T"HH24:MI:SS.MS"Z"') END`
  );
}

/** A text column as JSON.stringify writes it (PostgreSQL escapes exactly the characters JSON.stringify escapes, the same way). */
const json = (column: string) => `to_json(${column})::text`;

/**
 * The next unpublished events after a position, each with its Kafka value written by PostgreSQL:
 * the JSON toKafkaMessage(toStoredEvent(row)) writes, keys in the same order, `data` and
 * `metadata` spliced in as the jsonb text the store keeps (values that parse the same), dates as
 * toISOString() text. The relay's own CPU is its bottleneck (a raw producer sending the same
 * messages is faster), so it reads the message in the shape it sends: no Date parsing, no string
 * building, just the few columns the key and headers need beside the value. One concat(), not a
 * chain of ||: each || would copy the whole text so far (a kilobyte, some thirty times per row).
 */
export const UNPUBLISHED_SQL = `
  SELECT e.position, e.stream_id, e.event_id, e.type, e.hash, o.traceparent, d.recorded_at,
    concat('{"position":', e.position, ',"streamId":', ${json('e.stream_id')}, ',"streamVersion":', e.stream_version,
      ',"eventId":', ${json('e.event_id')}, ',"type":', ${json('e.type')}, ',"schemaVersion":', e.schema_version,
      ',"data":', e.data::text, ',"metadata":', e.metadata::text, ',"occurredAt":', ${json('e.occurred_at')},
      ',"occurredPrecision":', ${json('e.occurred_precision')}, ',"occurredFrom":"', d.occurred_from, '","occurredUntil":"', d.occurred_until,
      '","recordedAt":"', d.recorded_at, '","principal":', ${json('e.principal')}, ',"hash":', ${json('e.hash')}, '}') AS value
  FROM outbox o JOIN events e ON e.position = o.position
  CROSS JOIN LATERAL (SELECT ${isoTimestampSql('e.occurred_from')} AS occurred_from, ${isoTimestampSql('e.occurred_until')} AS occurred_until,
    ${isoTimestampSql('e.recorded_at')} AS recorded_at) d
  WHERE o.published_at IS NULL AND o.position > $2 ORDER BY o.position LIMIT $1`;

/** A row of UNPUBLISHED_SQL (`position` is a bigint: text). */
export interface UnpublishedRow {
  position: string;
  stream_id: string;
  event_id: string;
  type: string;
  hash: string;
  traceparent: string | null;
  recorded_at: string;
  value: string;
}

/** The message of a row of UNPUBLISHED_SQL: the same as toKafkaMessage(toStoredEvent(row)), its value parsing to the same event. */
export function toOutboxMessage(row: UnpublishedRow): OutboxMessage {
  const position = Number(row.position);
  const recordedAt = row.recorded_at;
  const message = kafkaMessage({ position, streamId: row.stream_id, eventId: row.event_id, type: row.type, recordedAt, hash: row.hash }, row.value);
  return { position, recordedAt, message, traceparent: row.traceparent };
}
