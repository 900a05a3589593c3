import { decideSubmissions, Submission } from '@saydo/domain';
import { NewEvent, PostgresEventStore, withTransaction } from '@saydo/event-store';
import { ALL_PROJECTIONS, ProjectionApplier, ProjectionRebuild, StoreProjectionRunner } from '@saydo/read-models';
import { sourceOf } from '../support/domain-events';
import { generateHistory } from '../support/history-generator';
import { dumpReadModels, replayFromStore } from '../support/read-model-replay';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * A rebuild loads the timeline and the commitment links (projections that never read their rows)
 * into shadow tables without their key, and builds the key at the end. Rows met twice in
 * different batches (a deal indexed under the same newcomer by two corrections, a link revised)
 * must end as a keyed table would have kept them: one row each, the latest.
 */

const SOURCE = sourceOf('Example News', '2026-03-02', 'Deal', 'a quote');
const fact = (type: string, data: Record<string, unknown>, occurredAt = '2026-02', sources = [SOURCE]): Submission => ({ type, data, occurredAt, sources });
const register = (id: string) => fact('StakeholderRegistered', { stakeholderId: id, name: id, kind: 'organization' }, '2015');
const deal = { actionId: 'deal', stakeholderId: 'acme', counterpartyIds: ['bank'], title: 'Deal', topics: ['energy'] };
const pledge = { commitmentId: 'acme-clean', stakeholderId: 'acme', text: 'Clean energy only', topics: ['energy'] };
const DEAL_ID = '00000000-0000-4000-8000-000000000005';

function history(): NewEvent[] {
  let counter = 0;
  const newEventId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
  const assessment = (relation: string, rationale: string) => ({ commitmentId: 'acme-clean', actionId: 'deal', relation, rationale });
  const submissions = [
    register('acme'), register('bank'), register('fund'), register('trust'), fact('ContractSigned', deal), fact('PledgeMade', pledge),
    fact('EventCorrected', { eventId: DEAL_ID, reason: 'The counterparty was the fund', data: { ...deal, counterpartyIds: ['fund'] } }, '2026-03-09', []),
    fact('AssessmentRecorded', assessment('fulfils', 'A clean deal'), '2026-03-09'),
    fact('EventCorrected', { eventId: DEAL_ID, reason: 'The fund and the trust', data: { ...deal, counterpartyIds: ['fund', 'trust'] } }, '2026-03-09', []),
    fact('AssessmentRevised', assessment('contradicts', 'The fund finances coal'), '2026-03-10'),
  ];
  return decideSubmissions(submissions, { loaded: new Map(), now: '2026-03-10T12:00:00.000Z', newEventId }).events.map((e) => ({
    eventId: e.eventId, streamId: e.streamId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: { sources: e.sources as never, subjects: e.subjects }, occurredAt: e.occurredAt,
  }));
}

describe('a rebuild appending to key-less shadow tables (real PostgreSQL)', () => {
  let db: TestDatabase;
  afterEach(async () => db?.drop());

  it('keeps one row per key, the latest, when rows arrive twice in different batches, and switches to tables equal to the live feed', async () => {
    // given a log whose corrections and revision land in later batches than the rows they repeat, projected live one event at a time
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const runner = new StoreProjectionRunner(db.pool, store, new ProjectionApplier(db.dataSource, ALL_PROJECTIONS), { batchSize: 1, pollIntervalMs: 60_000 });
    for (const event of history()) {
      await store.append([event], { principal: 'key:editor', expectedVersions: new Map() });
      await runner.catchUp();
    }
    const live = await dumpReadModels(db.pool);
    const head = (await store.head()).position;

    // when a rebuild with one event per batch is stopped before its end, then resumed
    const rebuild = new ProjectionRebuild(db.pool, db.dataSource, store, ALL_PROJECTIONS, { batchSize: 1 });
    await rebuild.prepare(true);
    let batches = 0;
    await rebuild.build(() => batches++ >= head);
    // then the key-less tables hold the repeated rows (so the removal of duplicates is what is tested)
    const copies = async (table: string, key: string) => (await db.pool.query(`SELECT count(*)::int - count(DISTINCT (${key}))::int AS n FROM ${table}`)).rows[0].n;
    expect(await copies('rm_timeline_entries_rebuild', 'stakeholder_id, position')).toBeGreaterThan(0);
    expect(await copies('rm_commitment_links_rebuild', 'id')).toBe(1);
    expect(await rebuild.build()).toBe(head);

    // and the keys are back, one row per key, the latest link, equal to the live tables
    expect(await copies('rm_timeline_entries_rebuild', 'stakeholder_id, position')).toBe(0);
    const keys = (await db.pool.query(`SELECT conrelid::regclass::text AS t FROM pg_constraint WHERE contype = 'p' AND conrelid::regclass::text LIKE '%\\_rebuild' ORDER BY 1`)).rows.map((r) => r.t);
    expect(keys).toEqual(['rm_commitment_links_rebuild', 'rm_commitments_rebuild', 'rm_stakeholders_rebuild', 'rm_timeline_entries_rebuild']);
    expect((await db.pool.query(`SELECT relation FROM rm_commitment_links_rebuild`)).rows).toEqual([{ relation: 'contradicts' }]);
    expect((await rebuild.differences()).every((d) => d.onlyLive + d.onlyRebuilt + d.changed === 0)).toBe(true);
    await rebuild.switchOver();
    expect(await dumpReadModels(db.pool)).toEqual(live);
    expect(live).toEqual(await replayFromStore(db.pool));
  });

  it('builds the same tables when the rows it keeps in memory are too few for the history', async () => {
    // given a history where commitments are assessed long after they were stated, projected live
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const events = [...generateHistory(600)];
    for (let i = 0; i < events.length; i += 100) await store.append(events.slice(i, i + 100), { principal: 'test', expectedVersions: new Map() });
    await new StoreProjectionRunner(db.pool, store, new ProjectionApplier(db.dataSource, ALL_PROJECTIONS), { batchSize: 100, pollIntervalMs: 60_000 }).catchUp();
    const live = await dumpReadModels(db.pool);

    // when a rebuild keeps at most three rows per projection (the others are read back from the table)
    const rebuild = new ProjectionRebuild(db.pool, db.dataSource, store, ALL_PROJECTIONS, { batchSize: 20, cachedRows: 3 });
    await rebuild.prepare(true);
    await rebuild.build();
    await rebuild.switchOver();

    // then the tables are those of the live feed
    expect(await dumpReadModels(db.pool)).toEqual(live);
  });

  it('gives the tables of an interrupted build their keys back for a feed that writes them with conflict handling (a Kafka replay)', async () => {
    // given a build stopped after one batch: the timeline and the links have no key
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    await store.append([...generateHistory(300)], { principal: 'test', expectedVersions: new Map() });
    const rebuild = new ProjectionRebuild(db.pool, db.dataSource, store, ALL_PROJECTIONS, { batchSize: 100 });
    await rebuild.prepare(true);
    let batches = 0;
    await rebuild.build(() => batches++ >= 1);
    const keyed = async () => (await db.pool.query(`SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'p' AND conrelid::regclass::text LIKE '%\\_rebuild'`)).rows[0].n;
    expect(await keyed()).toBe(2);

    // when the keys are restored and the whole log is applied again through the shadow applier (its first 100 events a second time)
    await rebuild.restoreKeys();
    expect(await keyed()).toBe(4);
    const events = await store.readAll(0, 1000);
    await withTransaction(db.pool, (client) => rebuild.shadowApplier.applyToRows(client, events));
    await rebuild.setPosition(events[events.length - 1].position);
    await rebuild.switchOver();

    // then the tables are those of one pass over the log
    expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
  });
});
