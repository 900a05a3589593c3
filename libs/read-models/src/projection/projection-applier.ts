import { PoolClient, QueryResult } from 'pg';
import { textArrayLiteral } from '@saydo/event-store';
import { DataSource } from 'typeorm';
import { ProjectionEvent, readProjectionEventsById } from './projection-events';
import { RowCache } from './row-cache';
import { ProjectedRow, ReferencedEvents, RowProjection } from './row-projection';
import { ENTER_FEED_SQL } from './feed-lock';
import { RowProjectionTable } from './row-projection-table';

type AnyProjection = RowProjection<ProjectedRow>;

export interface ProjectionApplierOptions {
  /**
   * The tables of write-once and row-replacing projections have no key yet (a rebuild's load):
   * their rows are appended without conflict handling, and the rebuild removes duplicates
   * (keeping the highest `last_position`) when it builds the key. Checkpoints still move with the rows.
   */
  appendWithoutKeys?: boolean;
}

/** The one writer of the tables (a rebuild's build) keeps the rows it wrote, so later batches need not read them back. */
export type RowCaches = ReadonlyMap<string, RowCache>;


/**
 * Applies a batch of log events to every projection inside the caller's transaction, then moves
 * each projection's checkpoint to the batch's last position in that same transaction. A crash
 * before commit loses both; after commit, both are there. Rows skip events at or below their
 * `lastPosition`, so a batch delivered twice changes nothing.
 */
export class ProjectionApplier {
  private readonly tables = new Map<string, RowProjectionTable<ProjectedRow>>();

  constructor(
    dataSource: DataSource,
    readonly projections: readonly AnyProjection[],
    private readonly options: ProjectionApplierOptions = {},
  ) {
    for (const projection of projections) this.tables.set(projection.name, new RowProjectionTable(dataSource, projection.entity));
  }

  get names(): string[] {
    return this.projections.map((p) => p.name);
  }

  /**
   * Locks and returns each projection's checkpoint (created at 0 when missing), after the feed lock
   * (see feed-lock.ts): one round trip once they exist, the feed lock and the row locks sent
   * together in one simple-protocol query (which takes no parameters: the names go as a literal).
   */
  async lockCheckpoints(client: PoolClient): Promise<Map<string, number>> {
    const lock = `SELECT name, position FROM projection_checkpoints WHERE name = ANY(${client.escapeLiteral(textArrayLiteral(this.names))}::text[]) ORDER BY name FOR UPDATE`;
    const [, locked] = (await client.query(`${ENTER_FEED_SQL}; ${lock}`)) as unknown as [QueryResult, QueryResult<{ name: string; position: string }>];
    let rows = locked.rows;
    if (rows.length < this.names.length) {
      await client.query(`INSERT INTO projection_checkpoints (name, position) SELECT unnest($1::text[]), 0 ON CONFLICT (name) DO NOTHING`, [this.names]);
      ({ rows } = await client.query<{ name: string; position: string }>(lock));
    }
    return new Map(rows.map((row) => [row.name, Number(row.position)]));
  }

  /**
   * Applies events (in log order) past each projection's checkpoint; returns the new lowest checkpoint.
   * `locked`: the checkpoints the caller already locked in this transaction (to read the batch after them).
   */
  async applyBatch(client: PoolClient, events: readonly ProjectionEvent[], locked?: Map<string, number>, caches?: RowCaches): Promise<number> {
    const checkpoints = locked ?? (await this.lockCheckpoints(client));
    if (events.length === 0) return Math.min(...checkpoints.values());
    const last = events[events.length - 1].position;
    for (const projection of this.projections) {
      const checkpoint = checkpoints.get(projection.name) ?? 0;
      // Positions are dense (see PostgresEventStore), so a batch must start at or before checkpoint + 1.
      if (events[0].position > checkpoint + 1) {
        throw new Error(`projection ${projection.name} is at ${checkpoint}; a batch starting at ${events[0].position} would skip events`);
      }
      const pending = events.filter((event) => event.position > checkpoint && projection.handles.has(event.type));
      await this.applyToProjection(client, projection, pending, caches?.get(projection.name));
      if (last > checkpoint) checkpoints.set(projection.name, last);
    }
    await client.query(
      `UPDATE projection_checkpoints SET position = c.position, updated_at = now()
       FROM unnest($1::text[], $2::bigint[]) AS c(name, position) WHERE projection_checkpoints.name = c.name`,
      [[...checkpoints.keys()], [...checkpoints.values()]],
    );
    return Math.min(...checkpoints.values());
  }

  /**
   * Applies events to every projection's rows without touching checkpoints: for feeds (Kafka
   * partitions) that keep their own progress. Rows still skip events at or below `lastPosition`.
   * The caller's transaction has entered the feed already (enterFeedTransaction, first thing: a
   * Kafka projector takes it with its partition locks, in the same round trip).
   */
  async applyToRows(client: PoolClient, events: readonly ProjectionEvent[]): Promise<void> {
    for (const projection of this.projections) {
      await this.applyToProjection(client, projection, events.filter((event) => projection.handles.has(event.type)));
    }
  }

  /**
   * `cache`: rows this writer wrote earlier (see RowCache), read instead of the table; it learns
   * this batch's rows before the transaction commits, so its owner drops it if the transaction fails.
   */
  private async applyToProjection(client: PoolClient, projection: AnyProjection, events: readonly ProjectionEvent[], cache?: RowCache): Promise<void> {
    if (events.length === 0) return;
    const table = this.tables.get(projection.name)!;
    const referenced = await this.loadReferenced(client, projection, events);
    if (projection.writeOnce || projection.replacesRows) {
      const rows = withoutReading(projection, events, referenced);
      if (this.options.appendWithoutKeys) return table.append(client, rows);
      return projection.writeOnce ? table.insertOnce(client, rows) : table.replace(client, rows);
    }
    const rowIds = [...new Set(events.flatMap((event) => projection.rowIdsOf(event, referenced)))];
    const rows = await table.load(client, cache ? cache.unknown(rowIds) : rowIds);
    for (const id of cache ? rowIds : []) {
      const row = rows.has(id) ? undefined : cache!.get(id);
      if (row) rows.set(id, row);
    }
    const existing = new Set(rows.keys());
    const touched = new Set<string>();
    const current = new Map<string, ProjectedRow | null>(rows);
    for (const event of events) {
      for (const rowId of projection.rowIdsOf(event, referenced)) {
        const row = current.get(rowId) ?? null;
        if (row && row.lastPosition >= event.position) continue;
        const next = projection.evolve(row, event, rowId, referenced);
        current.set(rowId, next ? { ...next, lastPosition: event.position } : null);
        touched.add(rowId);
      }
    }
    const upserts = [...touched].map((id) => current.get(id)).filter((row): row is ProjectedRow => row !== null && row !== undefined);
    const deletes = [...touched].filter((id) => current.get(id) === null && existing.has(id));
    await table.upsert(client, upserts);
    await table.delete(client, deletes);
    if (cache) for (const id of touched) cache.remember(id, current.get(id) ?? null);
  }

  /** The earlier events the batch points at, from the store (always committed before the events pointing at them). */
  private async loadReferenced(client: PoolClient, projection: AnyProjection, events: readonly ProjectionEvent[]): Promise<ReferencedEvents> {
    const ids = [...new Set(events.flatMap((event) => projection.referencedEventIds?.(event) ?? []))];
    if (ids.length === 0) return new Map();
    return new Map((await readProjectionEventsById(client, ids)).map((event) => [event.eventId, event]));
  }
}

/**
 * The rows a projection that never reads its rows derives from the events, one per id, each with
 * the last position that touched it: a write-once row keeps its first version, a replaced row
 * its latest.
 */
function withoutReading(projection: AnyProjection, events: readonly ProjectionEvent[], referenced: ReferencedEvents): ProjectedRow[] {
  const rows = new Map<string, ProjectedRow>();
  for (const event of events) {
    for (const rowId of projection.rowIdsOf(event, referenced)) {
      const row = projection.evolve(null, event, rowId, referenced);
      if (!row) continue;
      const kept = projection.writeOnce ? (rows.get(rowId) ?? row) : row;
      rows.set(rowId, kept.lastPosition === event.position ? kept : { ...kept, lastPosition: event.position });
    }
  }
  return [...rows.values()];
}
