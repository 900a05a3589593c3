import { StoredEvent } from './stored-event';

/**
 * One multi-row INSERT for a whole batch: each column travels as one array parameter and
 * `unnest` zips them back into rows (a 1,000-event batch is one statement, not 1,000).
 */
export const INSERT_EVENTS_SQL = `
  INSERT INTO events (position, stream_id, stream_version, event_id, type, schema_version, data, metadata,
                      occurred_at, occurred_precision, occurred_from, occurred_until, recorded_at, principal, hash)
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[],
                       $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[], $14::text[], $15::text[])`;

export function insertEventsParameters(events: readonly StoredEvent[]): unknown[] {
  const column = <T>(pick: (event: StoredEvent) => T) => events.map(pick);
  return [
    column((e) => e.position),
    column((e) => e.streamId),
    column((e) => e.streamVersion),
    column((e) => e.eventId),
    column((e) => e.type),
    column((e) => e.schemaVersion),
    column((e) => JSON.stringify(e.data)),
    column((e) => JSON.stringify(e.metadata)),
    column((e) => e.occurredAt),
    column((e) => e.occurredPrecision),
    column((e) => e.occurredFrom),
    column((e) => e.occurredUntil),
    column((e) => e.recordedAt),
    column((e) => e.principal),
    column((e) => e.hash),
  ];
}

/** Outbox rows for a contiguous range of positions, in the same transaction as the events. */
export const INSERT_OUTBOX_SQL = `INSERT INTO outbox (position) SELECT generate_series($1::bigint, $2::bigint)`;
