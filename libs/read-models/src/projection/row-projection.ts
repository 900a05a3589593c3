import { ProjectionEvent } from './projection-events';

/** Every read-model row knows the last log position applied to it; that makes re-application a no-op. */
export interface ProjectedRow {
  id: string;
  lastPosition: number;
}

/** Earlier events that events of a batch point at by id (the target of a correction), loaded by the applier. */
export type ReferencedEvents = ReadonlyMap<string, ProjectionEvent>;

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
  /**
   * Rows are written once and never change (an index): `evolve` is called with no row, the
   * applier writes without reading first, and a row met again only has its `lastPosition` moved.
   */
  readonly writeOnce?: boolean;
  /**
   * `evolve` never reads the row it is given and never deletes: the latest event about a row
   * replaces it whole. The applier then writes without reading first (the row with the higher
   * `lastPosition` wins), and a rebuild may append such rows to a table without its key.
   */
  readonly replacesRows?: boolean;
  /** Ids of earlier events this event points at and the projection needs (a correction's target). */
  referencedEventIds?(event: ProjectionEvent): string[];
  /** Ids of the rows an event changes. */
  rowIdsOf(event: ProjectionEvent, referenced: ReferencedEvents): string[];
  /** The row after the event; null deletes it. */
  evolve(row: Row | null, event: ProjectionEvent, rowId: string, referenced: ReferencedEvents): Row | null;
}

/** Helper so projections list their event types once, typed. */
export function handledTypes(...types: string[]): ReadonlySet<string> {
  return new Set(types);
}
