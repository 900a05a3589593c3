import { PostgresEventStore, withTransaction } from '@saydo/event-store';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { ProjectionApplier } from '../projection/projection-applier';
import { ProjectedRow, RowProjection } from '../projection/row-projection';
import { measureProgress, RebuildProgress } from './rebuild-progress';
import { rebuildCheckpointName, shadowDataSource, shadowTableName } from './shadow-tables';

type AnyProjection = RowProjection<ProjectedRow>;

export interface ProjectionRebuildOptions {
  /** Events read and applied per transaction. */
  batchSize: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Longest wait for the live tables' lock at the switch (readers hold it briefly). */
  switchLockTimeoutMs?: number;
}

export interface RebuildTable {
  projection: string;
  live: string;
  shadow: string;
}

export interface StatusChange {
  id: string;
  /** null: the row is missing on that side. */
  live: string | null;
  rebuilt: string | null;
}

export interface TableDifference {
  table: string;
  onlyLive: number;
  onlyRebuilt: number;
  changed: number;
}

export interface SwitchResult {
  position: number;
  /** Events applied inside the switch transaction (the catch-up). */
  caughtUp: number;
}

/** Thrown when the shadow tables do not cover the log head and may not catch up from the store. */
export class RebuildNotCoveredError extends Error {}

/**
 * Rebuilds projections from position 0 into shadow tables (`<table>_rebuild`, created LIKE the
 * live table) while the live tables keep serving. Each batch and the rebuild's own checkpoints
 * (`rebuild:<name>` in projection_checkpoints) commit in one transaction, so a killed rebuild
 * resumes where it stopped. `switchOver` then catches up the last events, and in the same
 * transaction swaps the tables and moves the live checkpoints to the rebuilt position.
 */
export class ProjectionRebuild {
  /** Applies to the shadow tables, with the `rebuild:<name>` checkpoints. */
  readonly shadowApplier: ProjectionApplier;
  readonly tables: RebuildTable[];

  constructor(
    private readonly pool: Pool,
    dataSource: DataSource,
    private readonly store: PostgresEventStore,
    readonly projections: readonly AnyProjection[],
    private readonly options: ProjectionRebuildOptions,
  ) {
    const shadowProjections = projections.map((projection) => ({ ...projection, name: rebuildCheckpointName(projection.name) }));
    this.shadowApplier = new ProjectionApplier(shadowDataSource(dataSource), shadowProjections);
    this.tables = projections.map((projection) => {
      const live = dataSource.getMetadata(projection.entity).tableName;
      return { projection: projection.name, live, shadow: shadowTableName(live) };
    });
  }

  private get rebuildNames(): string[] {
    return this.shadowApplier.names;
  }

  /**
   * Creates missing shadow tables with their checkpoints at 0, and resumes those that have both.
   * `fresh` drops earlier progress. Returns the position the rebuild resumes from.
   */
  async prepare(fresh = false): Promise<number> {
    await withTransaction(this.pool, async (client) => {
      for (const { projection, live, shadow } of this.tables) {
        const name = rebuildCheckpointName(projection);
        const { rows } = await client.query<{ exists: boolean; checkpoint: string | null }>(
          `SELECT to_regclass($1) IS NOT NULL AS exists, (SELECT position FROM projection_checkpoints WHERE name = $2) AS checkpoint`,
          [shadow, name],
        );
        if (!fresh && rows[0].exists && rows[0].checkpoint !== null) continue;
        await client.query(`DROP TABLE IF EXISTS ${shadow}`);
        await client.query(`CREATE TABLE ${shadow} (LIKE ${live} INCLUDING ALL)`);
        await client.query(
          `INSERT INTO projection_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO UPDATE SET position = 0, updated_at = now()`,
          [name],
        );
      }
    });
    return this.position();
  }

  /** The lowest rebuild checkpoint (0 when there is none). */
  async position(client: Pool | PoolClient = this.pool): Promise<number> {
    const { rows } = await client.query<{ position: string }>(`SELECT position FROM projection_checkpoints WHERE name = ANY($1::text[])`, [this.rebuildNames]);
    if (rows.length < this.rebuildNames.length) return 0;
    return Math.min(...rows.map((row) => Number(row.position)));
  }

  /**
   * Applies the log to the shadow tables, batch by batch, up to the head; returns the position
   * reached. `shouldStop` is asked before each batch (a stopped run resumes from its checkpoints).
   */
  async build(shouldStop: () => boolean = () => false): Promise<number> {
    const startPosition = await this.position();
    const startedAt = Date.now();
    let head = (await this.store.head()).position;
    let reached = startPosition;
    let lastHeadRead = startedAt;
    while (!shouldStop()) {
      const { position, applied } = await withTransaction(this.pool, (client) => this.applyNextBatch(client));
      reached = position;
      if (Date.now() - lastHeadRead > 1000) {
        head = (await this.store.head()).position;
        lastHeadRead = Date.now();
      }
      this.options.onProgress?.(measureProgress(startedAt, startPosition, reached, Math.max(head, reached)));
      if (applied < this.options.batchSize) break;
    }
    return reached;
  }

  private async applyNextBatch(client: PoolClient): Promise<{ position: number; applied: number }> {
    const checkpoints = await this.shadowApplier.lockCheckpoints(client);
    const events = await this.store.readAll(Math.min(...checkpoints.values()), this.options.batchSize);
    return { position: await this.shadowApplier.applyBatch(client, events), applied: events.length };
  }

  /** Sets every rebuild checkpoint (for feeds that applied rows themselves, e.g. a Kafka replay). */
  async setPosition(position: number): Promise<void> {
    await this.pool.query(`UPDATE projection_checkpoints SET position = $1, updated_at = now() WHERE name = ANY($2::text[])`, [position, this.rebuildNames]);
  }

  /** Commitments whose `status` differs between the live and the rebuilt table (empty when commitments are not rebuilt). */
  async statusChanges(): Promise<StatusChange[]> {
    const table = this.tables.find((t) => t.projection === 'commitments');
    if (!table) return [];
    const { rows } = await this.pool.query<StatusChange>(
      `SELECT coalesce(l.id, s.id) AS id, l.status AS live, s.status AS rebuilt
       FROM ${table.live} l FULL JOIN ${table.shadow} s ON s.id = l.id
       WHERE l.status IS DISTINCT FROM s.status ORDER BY 1`,
    );
    return rows;
  }

  /** Row counts that differ between each live and shadow table (all zero: identical). */
  async differences(): Promise<TableDifference[]> {
    const result: TableDifference[] = [];
    for (const { live, shadow } of this.tables) {
      const { rows } = await this.pool.query<{ only_live: number; only_rebuilt: number; changed: number }>(
        `SELECT count(*) FILTER (WHERE s.id IS NULL)::int AS only_live,
                count(*) FILTER (WHERE l.id IS NULL)::int AS only_rebuilt,
                count(*) FILTER (WHERE l.id IS NOT NULL AND s.id IS NOT NULL AND to_jsonb(l) IS DISTINCT FROM to_jsonb(s))::int AS changed
         FROM ${live} l FULL JOIN ${shadow} s ON s.id = l.id`,
      );
      result.push({ table: live, onlyLive: rows[0].only_live, onlyRebuilt: rows[0].only_rebuilt, changed: rows[0].changed });
    }
    return result;
  }

  /**
   * In one transaction: locks the live checkpoints (the live feed waits), applies the events the
   * shadow tables miss (unless `catchUpFromStore` is false: then they must already cover the head),
   * locks the live tables, renames live → `_old` and shadow → live, drops `_old`, gives the
   * indexes their old names, and sets the live checkpoints to the rebuilt position.
   */
  async switchOver(options: { catchUpFromStore?: boolean } = {}): Promise<SwitchResult> {
    const catchUpFromStore = options.catchUpFromStore ?? true;
    const liveNames = this.tables.map((t) => t.projection);
    return withTransaction(this.pool, async (client) => {
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(this.options.switchLockTimeoutMs ?? 10_000))}`);
      await client.query(`INSERT INTO projection_checkpoints (name, position) SELECT unnest($1::text[]), 0 ON CONFLICT (name) DO NOTHING`, [liveNames]);
      await client.query(`SELECT name FROM projection_checkpoints WHERE name = ANY($1::text[]) ORDER BY name FOR UPDATE`, [liveNames]);
      let caughtUp = 0;
      if (catchUpFromStore) {
        for (;;) {
          const { applied } = await this.applyNextBatch(client);
          caughtUp += applied;
          if (applied < this.options.batchSize) break;
        }
      }
      await this.shadowApplier.lockCheckpoints(client);
      const position = await this.position(client);
      const head = (await this.store.head()).position;
      if (position < head) {
        throw new RebuildNotCoveredError(
          `the rebuilt tables reach position ${position} but the log head is ${head}: ${head - position} events are missing, so the live tables were not switched`,
        );
      }
      await client.query(`LOCK TABLE ${this.tables.map((t) => t.live).join(', ')} IN ACCESS EXCLUSIVE MODE`);
      for (const { live, shadow } of this.tables) await this.swap(client, live, shadow);
      await client.query(`UPDATE projection_checkpoints SET position = $1, updated_at = now() WHERE name = ANY($2::text[])`, [position, liveNames]);
      await client.query(`DELETE FROM projection_checkpoints WHERE name = ANY($1::text[])`, [this.rebuildNames]);
      return { position, caughtUp };
    });
  }

  /** Drops the shadow tables and the rebuild checkpoints (after a dry run, say). */
  async discard(): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      for (const { shadow } of this.tables) await client.query(`DROP TABLE IF EXISTS ${shadow}`);
      await client.query(`DELETE FROM projection_checkpoints WHERE name = ANY($1::text[])`, [this.rebuildNames]);
    });
  }

  private async swap(client: PoolClient, live: string, shadow: string): Promise<void> {
    const liveIndexes = await indexesOf(client, live);
    await client.query(`ALTER TABLE ${live} RENAME TO ${live}_old`);
    await client.query(`ALTER TABLE ${shadow} RENAME TO ${live}`);
    await client.query(`DROP TABLE ${live}_old`);
    // LIKE ... INCLUDING ALL named the copied indexes after the shadow table: give them the live names back.
    const byDefinition = new Map(liveIndexes.map((index) => [index.definition, index.name]));
    for (const index of await indexesOf(client, live)) {
      const name = byDefinition.get(index.definition);
      if (name && name !== index.name) await client.query(`ALTER INDEX ${index.name} RENAME TO ${name}`);
    }
  }
}

async function indexesOf(client: PoolClient, table: string): Promise<Array<{ name: string; definition: string }>> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1`,
    [table],
  );
  // `CREATE UNIQUE INDEX rm_x_pkey ON public.rm_x USING btree (id)` -> `UNIQUE USING btree (id)`
  return rows.map((row) => ({ name: row.indexname, definition: row.indexdef.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, '$1') }));
}
