import { PostgresEventStore, withTransaction } from '@saydo/event-store';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { excludeFeeds } from '../projection/feed-lock';
import { appliedPosition, HeldRowsByProjection, ProjectionApplier } from '../projection/projection-applier';
import { HeldRows } from '../projection/held-rows';
import { ProjectionEvent, readProjectionEvents } from '../projection/projection-events';
import { ProjectedRow, RowProjection } from '../projection/row-projection';
import { measureProgress, RebuildProgress } from './rebuild-progress';
import { rebuildCheckpointName, shadowDataSource, shadowTableName } from './shadow-tables';
import { createDeferredIndexes, createShadowTable, indexesOf } from './shadow-indexes';
import { dropShadowKey, restoreShadowKey } from './shadow-keys';
import { copyOwnerAndGrants } from './table-privileges';

type AnyProjection = RowProjection<ProjectedRow>;

/**
 * Events per build transaction unless told otherwise. Large on purpose: a commitment assessed in
 * many batches is rewritten once per batch, so bigger batches write fewer row versions (10,000
 * events hold a few megabytes in memory).
 */
export const DEFAULT_REBUILD_BATCH_SIZE = 10_000;

/**
 * Rows per projection a build holds in memory (see HeldRows): a commitment assessed in many
 * batches is evolved in memory and written once, when the build ends or when more rows than this
 * wait to be written. Enough for the commitments of a million-event log (220,000 in the bench's
 * mix); a held row is about a kilobyte, so a build of such a log grows by a few hundred megabytes.
 */
export const DEFAULT_REBUILD_CACHED_ROWS = 250_000;

export interface ProjectionRebuildOptions {
  /** Events read and applied per transaction. */
  batchSize: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Rows per projection `build` holds in memory (default DEFAULT_REBUILD_CACHED_ROWS; 0: none, every batch writes its rows). */
  cachedRows?: number;
  /** Longest wait for the live tables' lock at the switch (readers hold it briefly). */
  switchLockTimeoutMs?: number;
}

export interface RebuildTable {
  projection: string;
  live: string;
  shadow: string;
  /** The primary key's columns (rows of the two tables are compared by it). */
  key: string[];
  /** The projection never reads its rows: `build` loads its shadow table without the key (see shadow-keys.ts). */
  appendOnly: boolean;
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

/** The batch after `after`, being read while the one before it is written. */
interface BatchAhead {
  after: number;
  events: Promise<ProjectionEvent[] | null>;
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
  /** The same, for `build`: appends to the shadow tables whose key it dropped. */
  private readonly loadApplier: ProjectionApplier;
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
    this.loadApplier = new ProjectionApplier(shadowDataSource(dataSource), shadowProjections, { appendWithoutKeys: true });
    this.tables = projections.map((projection) => {
      const metadata = dataSource.getMetadata(projection.entity);
      const live = metadata.tableName;
      const appendOnly = Boolean(projection.writeOnce || projection.replacesRows);
      return { projection: projection.name, live, shadow: shadowTableName(live), key: metadata.primaryColumns.map((c) => c.databaseName), appendOnly };
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
        await createShadowTable(client, live, shadow);
        await copyOwnerAndGrants(client, live, shadow);
        await client.query(
          `INSERT INTO projection_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO UPDATE SET position = 0, updated_at = now()`,
          [name],
        );
      }
    });
    return this.position();
  }

  /**
   * Names these shadow tables (projection and table identity): a feed that keeps progress of its
   * own (a Kafka replay) keys it by this, so tables dropped and created again start over.
   */
  async shadowIdentity(): Promise<string> {
    const { rows } = await this.pool.query<{ oid: string | null }>(`SELECT to_regclass(s)::oid::text AS oid FROM unnest($1::text[]) WITH ORDINALITY AS t(s, i) ORDER BY i`, [
      this.tables.map((t) => t.shadow),
    ]);
    return this.tables.map((t, i) => `${t.projection}@${rows[i].oid ?? 'missing'}`).join(',');
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
    // Until createDeferredIndexes, rows of projections that never read them are plain appends.
    await withTransaction(this.pool, async (client) => {
      for (const { shadow } of this.tables.filter((t) => t.appendOnly)) await dropShadowKey(client, shadow);
    });
    let ahead: BatchAhead | null = null;
    // Only this call writes the shadow tables until it returns (the claim keeps other rebuilds out), so what it wrote is what they hold.
    const held = await this.heldRows();
    let finished = false;
    while (!finished && !shouldStop()) {
      const { position, applied, next } = await withTransaction(this.pool, (client) => this.applyBuildBatch(client, ahead, held));
      ahead = next;
      reached = position;
      finished = applied < this.options.batchSize;
      if (Date.now() - lastHeadRead > 1000) {
        head = (await this.store.head()).position;
        lastHeadRead = Date.now();
      }
      this.options.onProgress?.(measureProgress(startedAt, startPosition, reached, Math.max(head, reached)));
    }
    // A stopped build writes the rows it holds with their checkpoints, so the next run resumes where this one stopped.
    if (!finished && held.size > 0) {
      reached = await withTransaction(this.pool, async (client) => this.loadApplier.applyBatch(client, [], await this.loadApplier.lockCheckpoints(client), held, true));
    }
    if (finished) await this.createDeferredIndexes();
    // A stopped build leaves no read running on the pool its caller is about to close.
    await ahead?.events;
    return reached;
  }

  /**
   * Builds the keys `build` dropped (see shadow-keys.ts) and the indexes the shadow tables were
   * created without (see createShadowTable), once their rows are in; a no-op when they exist.
   * `build` ends with it, `switchOver` makes sure of it before taking any lock, and a feed that
   * fills the shadow tables itself calls it when done. Each table in a transaction of its own, all
   * at once: PostgreSQL sorts the timeline's key on one core while it builds the other tables'
   * indexes on another (one after the other, a million-event build waited seconds longer).
   */
  async createDeferredIndexes(): Promise<void> {
    const built = await Promise.allSettled(
      this.tables.map(({ live, shadow }) =>
        withTransaction(this.pool, async (client) => {
          await restoreShadowKey(client, live, shadow);
          await createDeferredIndexes(client, live, shadow);
        }),
      ),
    );
    // Every build has ended (none still holds a connection of the pool) before a failure is told.
    const failed = built.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * Gives the shadow tables back the keys an interrupted `build` dropped, so a feed that writes
   * them through `shadowApplier` (with its conflict handling) can resume into them.
   */
  async restoreKeys(): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      for (const { live, shadow } of this.tables) await restoreShadowKey(client, live, shadow);
    });
  }

  /**
   * HeldRows per projection that reads its rows (none with `cachedRows` 0), from its checkpoint;
   * one that starts on an empty table knows every row.
   */
  private async heldRows(): Promise<Map<string, HeldRows>> {
    const held = new Map<string, HeldRows>();
    const maxRows = this.options.cachedRows ?? DEFAULT_REBUILD_CACHED_ROWS;
    if (maxRows <= 0) return held;
    for (const { projection, shadow, appendOnly } of this.tables) {
      if (appendOnly) continue;
      const name = rebuildCheckpointName(projection);
      const { rows } = await this.pool.query<{ empty: boolean; position: string | null }>(
        `SELECT NOT EXISTS (SELECT 1 FROM ${shadow}) AS empty, (SELECT position FROM projection_checkpoints WHERE name = $1) AS position`,
        [name],
      );
      held.set(name, new HeldRows(maxRows, rows[0].empty, Number(rows[0].position ?? 0)));
    }
    return held;
  }

  /**
   * One batch of the build in one transaction; the last one (shorter than a batch) also writes
   * every held row. Its commit does not wait for the WAL flush: a batch lost to a crash is lost
   * with its checkpoint, so the rebuild resumes before it, and the switch's own (synchronous)
   * commit flushes every batch before it.
   */
  private async applyBuildBatch(
    client: PoolClient,
    ahead: BatchAhead | null,
    held: HeldRowsByProjection,
  ): Promise<{ position: number; applied: number; next: BatchAhead | null }> {
    // lockCheckpoints enters the feed transaction, which also stops waiting for the WAL flush.
    const checkpoints = await this.loadApplier.lockCheckpoints(client);
    const after = appliedPosition(checkpoints, held);
    const prefetched = ahead?.after === after ? await ahead.events : null;
    const events = prefetched ?? (await readProjectionEvents(client, after, this.options.batchSize));
    // The next batch is read on another connection while this one is written: PostgreSQL reads
    // the log and writes the rows side by side, and this process decodes one while the server
    // works on the other. It is used only if it starts where this batch leaves every projection.
    const last = events.length < this.options.batchSize;
    const next = last ? null : this.readAhead(events[events.length - 1].position);
    return { position: await this.loadApplier.applyBatch(client, events, checkpoints, held, last), applied: events.length, next };
  }

  /** The batch after `after`, read on a connection of the pool; null on failure (the batch is then read in its transaction). */
  private readAhead(after: number): BatchAhead {
    const events = (async () => {
      const client = await this.pool.connect();
      try {
        return await readProjectionEvents(client, after, this.options.batchSize);
      } finally {
        client.release();
      }
    })().catch(() => null);
    return { after, events };
  }

  private async applyNextBatch(client: PoolClient): Promise<{ position: number; applied: number }> {
    const checkpoints = await this.shadowApplier.lockCheckpoints(client);
    const events = await readProjectionEvents(client, Math.min(...checkpoints.values()), this.options.batchSize);
    return { position: await this.shadowApplier.applyBatch(client, events, checkpoints), applied: events.length };
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
    for (const { live, shadow, key } of this.tables) {
      // Key columns are NOT NULL, so a NULL first key column means "no such row on that side".
      const { rows } = await this.pool.query<{ only_live: number; only_rebuilt: number; changed: number }>(
        `SELECT count(*) FILTER (WHERE s.${key[0]} IS NULL)::int AS only_live,
                count(*) FILTER (WHERE l.${key[0]} IS NULL)::int AS only_rebuilt,
                count(*) FILTER (WHERE l.${key[0]} IS NOT NULL AND s.${key[0]} IS NOT NULL AND to_jsonb(l) IS DISTINCT FROM to_jsonb(s))::int AS changed
         FROM ${live} l FULL JOIN ${shadow} s ON ${key.map((column) => `s.${column} = l.${column}`).join(' AND ')}`,
      );
      result.push({ table: live, onlyLive: rows[0].only_live, onlyRebuilt: rows[0].only_rebuilt, changed: rows[0].changed });
    }
    return result;
  }

  /**
   * In one transaction: excludes the live feeds (the feed lock), locks the live checkpoints, applies the events the
   * shadow tables miss (unless `catchUpFromStore` is false: then they must already cover the head),
   * locks the live tables, renames live → `_old` and shadow → live, drops `_old`, gives the
   * indexes their old names, and sets the live checkpoints to the rebuilt position.
   */
  async switchOver(options: { catchUpFromStore?: boolean } = {}): Promise<SwitchResult> {
    const catchUpFromStore = options.catchUpFromStore ?? true;
    const liveNames = this.tables.map((t) => t.projection);
    await this.createDeferredIndexes();
    return withTransaction(this.pool, async (client) => {
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(this.options.switchLockTimeoutMs ?? 10_000))}`);
      // The feed lock first, as every feed takes it first (see feed-lock.ts): then the checkpoints
      // and the tables, with no feed transaction holding one and waiting for the other.
      await excludeFeeds(client);
      await client.query(`INSERT INTO projection_checkpoints (name, position) SELECT unnest($1::text[]), 0 ON CONFLICT (name) DO NOTHING`, [liveNames]);
      await client.query(`SELECT name FROM projection_checkpoints WHERE name = ANY($1::text[]) ORDER BY name FOR UPDATE`, [liveNames]);
      // Whatever a live feed applied (to the tables about to be dropped) committed before the feed
      // lock was granted, so it is at or below this head: the rebuilt tables must reach it. A Kafka
      // projector's partitions have moved past events the rebuilt tables would otherwise miss.
      const head = (await this.store.head()).position;
      const caughtUp = catchUpFromStore ? await this.catchUpTo(client, head) : 0;
      await this.shadowApplier.lockCheckpoints(client);
      const position = await this.position(client);
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

  /** Applies the store's events to the shadow tables until they reach `head`; returns how many. */
  private async catchUpTo(client: PoolClient, head: number): Promise<number> {
    let caughtUp = 0;
    for (;;) {
      const { position, applied } = await this.applyNextBatch(client);
      caughtUp += applied;
      if (position >= head || applied === 0) return caughtUp;
    }
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
