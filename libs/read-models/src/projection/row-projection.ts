import { StoredEvent } from '@saydo/event-store';

/** Every read-model row knows the last log position applied to it; that makes re-application a no-op. */
export interface ProjectedRow {
  id: string;
  lastPosition: number;
}

/**
 * A projection is `evolve(row | null, event) -> row | null` plus the event types it handles;
 * SQL stays in RowProjectionTable. Invariant: each row is fed by events of a single stream,
 * so the order inside one stream (kept by the log and by a Kafka partition alike) is all it needs.
 */
export interface RowProjection<Row extends ProjectedRow> {
  /** Stable name: the key of its checkpoint. */
  readonly name: string;
  readonly entity: new () => Row;
  readonly handles: ReadonlySet<string>;
  /** Ids of the rows an event changes. */
  rowIdsOf(event: StoredEvent): string[];
  /** The row after the event; null deletes it. */
  evolve(row: Row | null, event: StoredEvent, rowId: string): Row | null;
}

/** Helper so projections list their event types once, typed. */
export function handledTypes(...types: string[]): ReadonlySet<string> {
  return new Set(types);
}
