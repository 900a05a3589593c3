import { PostgresEventStore } from '@saydo/event-store';
import { createKafka, ensureTopic, KafkaEventPublisher, KafkaSettings, OutboxRelay, replayTopic } from '@saydo/messaging';
import { ALL_PROJECTIONS, ProjectionApplier, ProjectionRebuild, RebuildNotCoveredError, RebuildProgress, StoreProjectionRunner } from '@saydo/read-models';
import { Pool } from 'pg';
import { generateHistory } from '../support/history-generator';
import { isolatedKafkaSettings } from '../support/kafka';
import { dumpReadModels, replayFromStore } from '../support/read-model-replay';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const TABLES = ['rm_stakeholders', 'rm_commitments', 'rm_commitment_links', 'rm_timeline_entries'];

/** Like dumpReadModels, but of the shadow tables, keyed by the live name. */
async function dumpShadowTables(pool: Pool): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of TABLES) {
    const { rows } = await pool.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table}_rebuild t ORDER BY 1`);
    dump[table] = rows.map((r) => r.row);
  }
  return dump;
}

describe('rebuilding read models without downtime', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let runner: StoreProjectionRunner;
  const appendHistory = async (count: number, batch = 100) => {
    const events = [...generateHistory(count)];
    for (let i = 0; i < events.length; i += batch) await store.append(events.slice(i, i + batch), { principal: 'test', expectedVersions: new Map() });
    return events.length;
  };
  const newRebuild = (batchSize = 500, onProgress?: (p: RebuildProgress) => void) =>
    new ProjectionRebuild(db.pool, db.dataSource, store, ALL_PROJECTIONS, { batchSize, onProgress });
  const shadowTablesLeft = async () =>
    (await db.pool.query(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE '%\\_rebuild' OR tablename LIKE '%\\_old'`)).rows[0].n;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    runner = new StoreProjectionRunner(db.pool, store, new ProjectionApplier(db.dataSource, ALL_PROJECTIONS), { batchSize: 500, pollIntervalMs: 60_000 });
    await appendHistory(3000);
    await runner.catchUp();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('rebuilds into shadow tables equal to the live ones, reports status changes, then switches atomically', async () => {
    const progress: RebuildProgress[] = [];
    const rebuild = newRebuild(500, (p) => progress.push(p));
    const shadowIndexes = async () =>
      (await db.pool.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'rm_commitments_rebuild'`)).rows.map((r) => r.indexdef.replace(/INDEX \S+ ON \S+/, 'INDEX ON')).sort();
    expect(await rebuild.prepare()).toBe(0);
    // only the primary key while the rows go in; the other indexes are built once at the end
    expect(await shadowIndexes()).toEqual(['CREATE UNIQUE INDEX ON USING btree (id)']);
    const head = (await store.head()).position;
    expect(await rebuild.build()).toBe(head);
    expect(await shadowIndexes()).toEqual(['CREATE INDEX ON USING btree (stakeholder_id)', 'CREATE INDEX ON USING gin (all_topics)', 'CREATE UNIQUE INDEX ON USING btree (id)'].sort());
    expect(progress.length).toBeGreaterThan(3);
    expect(progress[progress.length - 1]).toMatchObject({ position: head, head, applied: head, secondsLeft: 0 });
    expect(await dumpShadowTables(db.pool)).toEqual(await dumpReadModels(db.pool));
    expect((await rebuild.differences()).every((d) => d.onlyLive + d.onlyRebuilt + d.changed === 0)).toBe(true);

    // a live row built by an older status rule shows up for review before the switch
    await db.pool.query(`UPDATE rm_commitments SET status = 'old-rule' WHERE id = 'c-1'`);
    const rebuilt = (await db.pool.query(`SELECT status FROM rm_commitments_rebuild WHERE id = 'c-1'`)).rows[0].status;
    expect(await rebuild.statusChanges()).toEqual([{ id: 'c-1', live: 'old-rule', rebuilt }]);

    // events appended after the build are caught up inside the switch
    await appendHistory(40);
    const result = await rebuild.switchOver();
    const newHead = (await store.head()).position;
    expect(result).toEqual({ position: newHead, caughtUp: newHead - head });
    expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
    expect(await shadowTablesLeft()).toBe(0);
    const checkpoints = (await db.pool.query(`SELECT name, position::int AS position FROM projection_checkpoints ORDER BY name`)).rows;
    expect(checkpoints).toEqual(ALL_PROJECTIONS.map((p) => ({ name: p.name, position: newHead })).sort((a, b) => a.name.localeCompare(b.name)));
    // indexes keep their names, and the live feed goes on against the new tables
    const indexes = (await db.pool.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'rm_commitments' ORDER BY 1`)).rows.map((r) => r.indexname);
    expect(indexes).toEqual(['rm_commitments_all_topics', 'rm_commitments_pkey', 'rm_commitments_stakeholder']);
    await appendHistory(30);
    await runner.catchUp();
    expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
  });

  it('resumes a rebuild that was stopped in the middle from its own checkpoints', async () => {
    let batches = 0;
    const first = newRebuild(200);
    await first.prepare();
    const stoppedAt = await first.build(() => batches++ >= 5);
    expect(stoppedAt).toBe(1000);
    // shadow rows and checkpoints committed together: the rows stop at the checkpoint
    const maxRow = (await db.pool.query(`SELECT max(position)::int AS m FROM rm_timeline_entries_rebuild`)).rows[0].m;
    expect(maxRow).toBeLessThanOrEqual(1000);

    const second = newRebuild(200);
    expect(await second.prepare()).toBe(1000);
    const progress: RebuildProgress[] = [];
    const resumed = new ProjectionRebuild(db.pool, db.dataSource, store, ALL_PROJECTIONS, { batchSize: 200, onProgress: (p) => progress.push(p) });
    const head = (await store.head()).position;
    expect(await resumed.build()).toBe(head);
    expect(progress[0].position).toBe(1200);
    expect(progress[progress.length - 1].applied).toBe(head - 1000);
    expect(await dumpShadowTables(db.pool)).toEqual(await dumpReadModels(db.pool));
    await resumed.switchOver();
    expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
  });

  it('keeps the live tables readable and the live feed running while it rebuilds and switches', async () => {
    await runner.start();
    const rebuild = newRebuild(100);
    await rebuild.prepare(true);
    let reading = true;
    let reads = 0;
    const failures: unknown[] = [];
    const reader = (async () => {
      while (reading) {
        try {
          const { rows } = await db.pool.query(
            `SELECT (SELECT count(*)::int FROM rm_commitments WHERE stakeholder_id = 'org-0') AS c, (SELECT count(*)::int FROM rm_timeline_entries) AS t`,
          );
          expect(rows[0].t).toBeGreaterThan(0);
          reads++;
        } catch (error) {
          failures.push(error);
        }
      }
    })();
    const writer = (async () => {
      for (let i = 0; i < 5; i++) {
        await appendHistory(20);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      await rebuild.build();
      await writer;
      await rebuild.switchOver();
    } finally {
      reading = false;
      await reader;
      await runner.stop();
    }
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(10);
    await runner.catchUp();
    expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
  });

  describe('from Kafka', () => {
    let settings: KafkaSettings;
    let publisher: KafkaEventPublisher;
    let relay: OutboxRelay;
    beforeAll(async () => {
      settings = isolatedKafkaSettings();
      const kafka = createKafka(settings, 'test');
      await ensureTopic(kafka, settings);
      publisher = new KafkaEventPublisher(kafka, settings.topic);
      await publisher.connect();
      relay = new OutboxRelay(db.pool, publisher, { batchSize: 500, pollIntervalMs: 100 });
      await relay.publishPending();
    });
    afterAll(async () => {
      await publisher.disconnect();
    });

    it('rebuilds from the topic into tables equal to the rebuild from the store, and refuses to switch while the topic lags the store', async () => {
      await runner.catchUp();
      const fromStore = newRebuild(500);
      await fromStore.prepare(true);
      await fromStore.build();
      const storeRebuilt = await dumpShadowTables(db.pool);
      await fromStore.discard();

      const rebuild = newRebuild(500);
      await rebuild.prepare(true);
      const head = (await store.head()).position;
      const replay = await replayTopic(createKafka(settings, 'rebuild'), settings, db.pool, rebuild.shadowApplier, { chunkSize: 200 });
      expect(replay).toEqual({ messages: head, covered: head, maxPosition: head });
      expect(await dumpShadowTables(db.pool)).toEqual(storeRebuilt);
      expect(storeRebuilt).toEqual(await dumpReadModels(db.pool));

      // events not yet published: the topic does not cover the head, so no switch
      await rebuild.setPosition(replay.covered);
      await appendHistory(10);
      await runner.catchUp();
      await expect(rebuild.switchOver({ catchUpFromStore: false })).rejects.toThrow(RebuildNotCoveredError);
      await expect(rebuild.switchOver({ catchUpFromStore: false })).rejects.toThrow(/events are missing/);
      expect(await shadowTablesLeft()).toBe(TABLES.length);

      await relay.publishPending();
      const again = await replayTopic(createKafka(settings, 'rebuild'), settings, db.pool, rebuild.shadowApplier, { chunkSize: 200 });
      const newHead = (await store.head()).position;
      expect(again.covered).toBe(newHead);
      await rebuild.setPosition(again.covered);
      expect(await rebuild.switchOver({ catchUpFromStore: false })).toEqual({ position: newHead, caughtUp: 0 });
      expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
      expect(await shadowTablesLeft()).toBe(0);
    });
  });
});
