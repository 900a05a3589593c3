import { PoolClient, QueryResult } from 'pg';
import { textArrayLiteral } from '@saydo/event-store';
import { DataSource } from 'typeorm';
import { ProjectionEvent, readProjectionEventsById } from './projection-events';
import { HeldRows } from './held-rows';
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

/**
 * Per projection name: rows the one writer of the tables (a rebuild's build) holds in memory and
 * writes back later (see HeldRows). Such a projection is applied from its held position, not its
 * checkpoint, which moves when its rows are written.
 */
export type HeldRowsByProjection = ReadonlyMap<string, HeldRows>;

/** Rows per statement when held rows are written back: one statement's array literals stay a few megabytes. */
const HELD_ROWS_PER_WRITE = 5_000;

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
   * Applies events (in log order) past each projection's checkpoint (or held position); returns the
   * new lowest of them. `locked`: the checkpoints the caller already locked in this transaction (to
   * read the batch after them). `held`: rows kept in memory instead of written (see HeldRows); they
   * are written, and their checkpoints moved, when too many wait or when `writeHeld` says so.
   */
  async applyBatch(
    client: PoolClient,
    events: readonly ProjectionEvent[],
    locked?: Map<string, number>,
    held?: HeldRowsByProjection,
    writeHeld = false,
  ): Promise<number> {
    const checkpoints = locked ?? (await this.lockCheckpoints(client));
    const last = events.length > 0 ? events[events.length - 1].position : 0;
    for (const projection of events.length > 0 ? this.projections : []) {
      const rows = held?.get(projection.name);
      const checkpoint = rows ? rows.position : (checkpoints.get(projection.name) ?? 0);
      // Positions are dense (see PostgresEventStore), so a batch must start at or before checkpoint + 1.
      if (events[0].position > checkpoint + 1) {
        throw new Error(`projection ${projection.name} is at ${checkpoint}; a batch starting at ${events[0].position} would skip events`);
      }
      const pending = events.filter((event) => event.position > checkpoint && projection.handles.has(event.type));
      await this.applyToProjection(client, projection, pending, rows);
      if (last <= checkpoint) continue;
      if (rows) rows.position = last;
      else checkpoints.set(projection.name, last);
    }
    const written = await this.writeHeldRows(client, held, writeHeld);
    for (const [name, position] of written) checkpoints.set(name, position);
    if (events.length > 0 || written.size > 0) {
      await client.query(
        `UPDATE projection_checkpoints SET position = c.position, updated_at = now()
         FROM unnest($1::text[], $2::bigint[]) AS c(name, position) WHERE projection_checkpoints.name = c.name`,
        [[...checkpoints.keys()], [...checkpoints.values()]],
      );
    }
    return appliedPosition(checkpoints, held);
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

  /** `held`: rows this writer holds (see HeldRows), read instead of the table and changed in memory only. */
  private async applyToProjection(client: PoolClient, projection: AnyProjection, events: readonly ProjectionEvent[], held?: HeldRows): Promise<void> {
    if (events.length === 0) return;
    const table = this.tables.get(projection.name)!;
    const referenced = await this.loadReferenced(client, projection, events);
    if (projection.writeOnce || projection.replacesRows) {
      const rows = withoutReading(projection, events, referenced, !this.options.appendWithoutKeys);
      if (this.options.appendWithoutKeys) return table.append(client, rows);
      return projection.writeOnce ? table.insertOnce(client, rows) : table.replace(client, rows);
    }
    const rowIds = [...new Set(events.flatMap((event) => projection.rowIdsOf(event, referenced)))];
    const rows = await table.load(client, held ? held.unknown(rowIds) : rowIds);
    for (const id of held ? rowIds : []) {
      const row = rows.has(id) ? undefined : held!.get(id);
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
    if (held) {
      for (const id of touched) held.hold(id, current.get(id) ?? null);
      return;
    }
    const upserts = [...touched].map((id) => current.get(id)).filter((row): row is ProjectedRow => row !== null && row !== undefined);
    const deletes = [...touched].filter((id) => current.get(id) === null && existing.has(id));
    await table.upsert(client, upserts);
    await table.delete(client, deletes);
  }

  /** Writes the held rows that wait (every holder's with `all`, else full holders'); returns the positions the written tables now reflect. */
  private async writeHeldRows(client: PoolClient, held: HeldRowsByProjection | undefined, all: boolean): Promise<Map<string, number>> {
    const written = new Map<string, number>();
    for (const [name, rows] of held ?? []) {
      if (!all && !rows.full) continue;
      const table = this.tables.get(name)!;
      const { upserts, deletes } = rows.takeDirty();
      for (let i = 0; i < upserts.length; i += HELD_ROWS_PER_WRITE) await table.upsert(client, upserts.slice(i, i + HELD_ROWS_PER_WRITE));
      await table.delete(client, deletes);
      written.set(name, rows.position);
    }
    return written;
  }

  /** The earlier events the batch points at, from the store (always committed before the events pointing at them). */
  private async loadReferenced(client: PoolClient, projection: AnyProjection, events: readonly ProjectionEvent[]): Promise<ReferencedEvents> {
    const ids = [...new Set(events.flatMap((event) => projection.referencedEventIds?.(event) ?? []))];
    if (ids.length === 0) return new Map();
    return new Map((await readProjectionEventsById(client, ids)).map((event) => [event.eventId, event]));
  }
}

/** The lowest position applied: a held projection's held position, any other's checkpoint. */
export function appliedPosition(checkpoints: ReadonlyMap<string, number>, held?: HeldRowsByProjection): number {
  return Math.min(...[...checkpoints].map(([name, checkpoint]) => held?.get(name)?.position ?? checkpoint));
}

/**
 * The rows a projection that never reads its rows derives from the events, each with the last
 * position that touched it. `keyed`: one per id, a write-once row keeping its first version and a
 * replaced row its latest. Otherwise (a table loaded without its key) every version, in log
 * order: building the key keeps the latest (see shadow-keys.ts), and a batch spares a map of ids.
 */
function withoutReading(projection: AnyProjection, events: readonly ProjectionEvent[], referenced: ReferencedEvents, keyed: boolean): ProjectedRow[] {
  const versions: ProjectedRow[] = [];
  const rows = new Map<string, ProjectedRow>();
  for (const event of events) {
    for (const rowId of projection.rowIdsOf(event, referenced)) {
      const row = projection.evolve(null, event, rowId, referenced);
      if (!row) continue;
      const kept = keyed && projection.writeOnce ? (rows.get(rowId) ?? row) : row;
      const version = kept.lastPosition === event.position ? kept : { ...kept, lastPosition: event.position };
      if (keyed) rows.set(rowId, version);
      else versions.push(version);
    }
  }
  return keyed ? [...rows.values()] : versions;
}
