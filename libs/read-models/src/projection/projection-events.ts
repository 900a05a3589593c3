import { StoredEvent } from '@saydo/event-store';
import { PoolClient } from 'pg';

/**
 * What projections read of an event: a stored event without its stream, chain, principal and
 * sources. A StoredEvent is one (the Kafka feeds pass theirs as they come); the store feeds read
 * only these columns, which halves what a replay transfers and parses (sources are most of the
 * metadata) and skips the Date round trip of the timestamps.
 */
export type ProjectionEvent = Pick<StoredEvent, 'position' | 'eventId' | 'type' | 'data' | 'occurredAt' | 'occurredPrecision' | 'occurredFrom' | 'recordedAt'> & {
  metadata: Pick<StoredEvent['metadata'], 'subjects'>;
};

interface ProjectionEventRow {
  position: string;
  event_id: string;
  type: string;
  data: Record<string, unknown>;
  subjects: string[];
  occurred_at: string;
  occurred_precision: StoredEvent['occurredPrecision'];
  occurred_from: string;
  recorded_at: string;
}

/** The timestamp as `Date.prototype.toISOString` writes it (milliseconds, truncated as a Date truncates), so rows are the same whichever feed wrote them. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;

const COLUMNS = `position, event_id, type, data, metadata->'subjects' AS subjects, occurred_at, occurred_precision, ${iso('occurred_from')}, ${iso('recorded_at')}`;

/** The log after `after`, in order: the same rows, in the same order, as PostgresEventStore.readAll. */
export async function readProjectionEvents(client: PoolClient, after: number, limit: number): Promise<ProjectionEvent[]> {
  const { rows } = await client.query<ProjectionEventRow>(`SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`, [after, limit]);
  return rows.map(toProjectionEvent);
}

/** Events by id (in no particular order). */
export async function readProjectionEventsById(client: PoolClient, eventIds: readonly string[]): Promise<ProjectionEvent[]> {
  const { rows } = await client.query<ProjectionEventRow>(`SELECT ${COLUMNS} FROM events WHERE event_id = ANY($1::uuid[])`, [eventIds]);
  return rows.map(toProjectionEvent);
}

function toProjectionEvent(row: ProjectionEventRow): ProjectionEvent {
  return {
    position: Number(row.position),
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: { subjects: row.subjects },
    occurredAt: row.occurred_at,
    occurredPrecision: row.occurred_precision,
    occurredFrom: row.occurred_from,
    recordedAt: row.recorded_at,
  };
}
