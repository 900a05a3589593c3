import { StoredEvent } from '@saydo/event-store';
import { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { ProjectedRow, RowProjection } from './row-projection';
import { RowProjectionTable } from './row-projection-table';

type AnyProjection = RowProjection<ProjectedRow>;

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
  ) {
    for (const projection of projections) this.tables.set(projection.name, new RowProjectionTable(dataSource, projection.entity));
  }

  get names(): string[] {
    return this.projections.map((p) => p.name);
  }

  /** Locks and returns each projection's checkpoint (created at 0 when missing). */
  async lockCheckpoints(client: PoolClient): Promise<Map<string, number>> {
    await client.query(`INSERT INTO projection_checkpoints (name, position) SELECT unnest($1::text[]), 0 ON CONFLICT (name) DO NOTHING`, [this.names]);
    const { rows } = await client.query<{ name: string; position: string }>(
      `SELECT name, position FROM projection_checkpoints WHERE name = ANY($1::text[]) ORDER BY name FOR UPDATE`,
      [this.names],
    );
    return new Map(rows.map((row) => [row.name, Number(row.position)]));
  }

  /** Applies events (in log order) past each projection's checkpoint; returns the new lowest checkpoint. */
  async applyBatch(client: PoolClient, events: readonly StoredEvent[]): Promise<number> {
    const checkpoints = await this.lockCheckpoints(client);
    if (events.length === 0) return Math.min(...checkpoints.values());
    const last = events[events.length - 1].position;
    for (const projection of this.projections) {
      const checkpoint = checkpoints.get(projection.name) ?? 0;
      // Positions are dense (see PostgresEventStore), so a batch must start at or before checkpoint + 1.
      if (events[0].position > checkpoint + 1) {
        throw new Error(`projection ${projection.name} is at ${checkpoint}; a batch starting at ${events[0].position} would skip events`);
      }
      const pending = events.filter((event) => event.position > checkpoint && projection.handles.has(event.type));
      await this.applyToProjection(client, projection, pending);
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
   */
  async applyToRows(client: PoolClient, events: readonly StoredEvent[]): Promise<void> {
    for (const projection of this.projections) {
      await this.applyToProjection(client, projection, events.filter((event) => projection.handles.has(event.type)));
    }
  }

  private async applyToProjection(client: PoolClient, projection: AnyProjection, events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const table = this.tables.get(projection.name)!;
    const rowIds = [...new Set(events.flatMap((event) => projection.rowIdsOf(event)))];
    const rows = await table.load(client, rowIds);
    const existing = new Set(rows.keys());
    const touched = new Set<string>();
    const current = new Map<string, ProjectedRow | null>(rows);
    for (const event of events) {
      for (const rowId of projection.rowIdsOf(event)) {
        const row = current.get(rowId) ?? null;
        if (row && row.lastPosition >= event.position) continue;
        const next = projection.evolve(row, event, rowId);
        current.set(rowId, next ? { ...next, lastPosition: event.position } : null);
        touched.add(rowId);
      }
    }
    const upserts = [...touched].map((id) => current.get(id)).filter((row): row is ProjectedRow => row !== null && row !== undefined);
    const deletes = [...touched].filter((id) => current.get(id) === null && existing.has(id));
    await table.upsert(client, upserts);
    await table.delete(client, deletes);
  }
}
