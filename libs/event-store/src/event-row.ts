import { DatePrecision } from '@saydo/domain';
import { StoredEvent } from './stored-event';

/** Columns of the `events` table, in the order the SELECTs of this library name them. */
export const EVENT_COLUMNS = `position, stream_id, stream_version, event_id, type, schema_version, data, metadata,
  occurred_at, occurred_precision, occurred_from, occurred_until, recorded_at, principal, hash`;

export interface EventRow {
  position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: StoredEvent['metadata'];
  occurred_at: string;
  occurred_precision: DatePrecision;
  occurred_from: Date;
  occurred_until: Date;
  recorded_at: Date;
  principal: string;
  hash: string;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    position: Number(row.position),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    occurredPrecision: row.occurred_precision,
    occurredFrom: row.occurred_from.toISOString(),
    occurredUntil: row.occurred_until.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    principal: row.principal,
    hash: row.hash,
  };
}
