import { actionDecider, AssessmentRelation, commitmentDecider, foldEvents, SaydoEvent } from '@saydo/domain';
import { AppendedEvent, NewEvent, PostgresEventStore, StoredEvent, withTransaction } from '@saydo/event-store';
import { ALL_PROJECTIONS, ProjectionApplier, readModelPosition, StoreProjectionRunner } from '@saydo/read-models';
import { Pool } from 'pg';
import { newDomainEvent, sourceOf } from '../support/domain-events';
import { dumpReadModels } from '../support/read-model-replay';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { stakeholderRegistered as stakeholderRegisteredEvent } from '../support/new-events';

/**
 * The read models on a real PostgreSQL, fed from the real store: what a small history projects to,
 * that a batch delivered twice changes nothing, that rows and checkpoints commit (or roll back)
 * together, that batch size does not matter, and that the started runner follows the log by itself.
 */

const PROJECTION_NAMES = ALL_PROJECTIONS.map((projection) => projection.name);

// ---------------------------------------------------------------------------------------------
// A small, realistic history: two stakeholders, two red lines and a pledge, two contracts, and
// the editors' assessments of the contracts against the red lines.
// ---------------------------------------------------------------------------------------------

const openai: SaydoEvent = { type: 'StakeholderRegistered', data: { stakeholderId: 'openai', name: 'OpenAI', kind: 'organization' } };
const usDod: SaydoEvent = {
  type: 'StakeholderRegistered',
  data: { stakeholderId: 'us-dod', name: 'U.S. Department of Defense', kind: 'government' },
};
const surveillanceRedLine: SaydoEvent = {
  type: 'RedLineStated',
  data: {
    commitmentId: 'openai-redline-surveillance',
    stakeholderId: 'openai',
    text: 'Our models will not be used for mass domestic surveillance.',
    topics: ['surveillance', 'defense'],
  },
};
const weaponsRedLine: SaydoEvent = {
  type: 'RedLineStated',
  data: {
    commitmentId: 'openai-redline-weapons',
    stakeholderId: 'openai',
    text: 'Our models will not be used to develop or direct weapons.',
    topics: ['weapons', 'defense'],
  },
};
const safeguardsPledge: SaydoEvent = {
  type: 'PledgeMade',
  data: {
    commitmentId: 'openai-pledge-safeguards-report',
    stakeholderId: 'openai',
    text: 'We will publish how our national-security work is safeguarded.',
    topics: ['transparency', 'defense'],
    dueBy: '2025-12',
  },
};
const prototypeContract: SaydoEvent = {
  type: 'ContractSigned',
  data: {
    actionId: 'openai-dod-prototype-2025',
    stakeholderId: 'openai',
    counterpartyIds: ['us-dod'],
    title: 'Prototype frontier AI capabilities for national security',
    topics: ['defense'],
  },
};
const classifiedContract: SaydoEvent = {
  type: 'ContractSigned',
  data: {
    actionId: 'openai-dod-classified-2026',
    stakeholderId: 'openai',
    counterpartyIds: ['us-dod'],
    title: 'Deployment of OpenAI models on classified networks',
    topics: ['defense', 'surveillance'],
  },
};

const POLICY = sourceOf('OpenAI', '2024-01-10', 'Usage policies', 'Don’t use our service to harm yourself or others');
const PROTOTYPE_NEWS = sourceOf('Example News', '2025-06-17', 'OpenAI wins defense contract', 'a one-year prototype contract');
const CLASSIFIED_NEWS = sourceOf('Example News', '2026-03-02', 'OpenAI agreement on classified networks', 'all lawful purposes');

function assessment(commitment: SaydoEvent, action: SaydoEvent, relation: AssessmentRelation, rationale: string): NewEvent {
  return newDomainEvent(
    { type: 'AssessmentRecorded', data: { commitmentId: commitment.data.commitmentId, actionId: action.data.actionId, relation, rationale } },
    { occurredAt: '2026-03-05', lookup: { commitment: foldEvents(commitmentDecider, [commitment]), action: foldEvents(actionDecider, [action]) } },
  );
}

/** The history in log order, labelled so that tests can find each event's position. */
function saydoHistory(): Array<[label: string, event: NewEvent]> {
  return [
    ['openai', newDomainEvent(openai, { occurredAt: '2015-12', sources: [POLICY] })],
    ['us-dod', newDomainEvent(usDod, { occurredAt: '1947-09' })],
    ['surveillance', newDomainEvent(surveillanceRedLine, { occurredAt: '2024-01', sources: [POLICY] })],
    ['weapons', newDomainEvent(weaponsRedLine, { occurredAt: '2024-01-10', sources: [POLICY] })],
    ['pledge', newDomainEvent(safeguardsPledge, { occurredAt: '2025-06', sources: [PROTOTYPE_NEWS] })],
    ['prototype', newDomainEvent(prototypeContract, { occurredAt: '2025-06-16', sources: [PROTOTYPE_NEWS] })],
    ['classified', newDomainEvent(classifiedContract, { occurredAt: '2026-02-27', sources: [CLASSIFIED_NEWS] })],
    ['weapons/prototype', assessment(weaponsRedLine, prototypeContract, 'strains', 'Prototypes for warfighting are close to weapons work.')],
    ['surveillance/classified', assessment(surveillanceRedLine, classifiedContract, 'strains', '"All lawful purposes" leaves room for surveillance.')],
    ['weapons/classified', assessment(weaponsRedLine, classifiedContract, 'contradicts', 'The agreement covers targeting support.')],
  ];
}

/** Appends the history one command at a time, as the API would; returns each event's appended record by label. */
async function appendHistory(store: PostgresEventStore): Promise<Map<string, AppendedEvent>> {
  const appended = new Map<string, AppendedEvent>();
  for (const [label, event] of saydoHistory()) {
    const principal = event.type === 'AssessmentRecorded' ? 'key:editor' : 'key:contributor';
    const { events } = await store.append([event], { principal, expectedVersions: new Map() });
    appended.set(label, events[0]);
  }
  return appended;
}

// ---------------------------------------------------------------------------------------------
// Helpers: the projection machinery, table dumps and transactions.
// ---------------------------------------------------------------------------------------------

function applierFor(db: TestDatabase): ProjectionApplier {
  return new ProjectionApplier(db.dataSource, ALL_PROJECTIONS);
}

function runnerFor(db: TestDatabase, store: PostgresEventStore, options: { batchSize: number; pollIntervalMs?: number; errors?: unknown[] }): StoreProjectionRunner {
  return new StoreProjectionRunner(db.pool, store, applierFor(db), {
    batchSize: options.batchSize,
    pollIntervalMs: options.pollIntervalMs ?? 60_000,
    onError: (error) => options.errors?.push(error),
  });
}


async function checkpoints(pool: Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ name: string; position: string }>('SELECT name, position FROM projection_checkpoints ORDER BY name');
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.position)]));
}

function allAt(position: number): Record<string, number> {
  return Object.fromEntries([...PROJECTION_NAMES].sort().map((name) => [name, position]));
}


async function applyInTransaction(db: TestDatabase, applier: ProjectionApplier, batch: readonly StoredEvent[]): Promise<number> {
  return withTransaction(db.pool, (client) => applier.applyBatch(client, batch));
}

/** Copies a log verbatim (positions, ids, recording times, hashes) into another database. */
async function copyLog(from: Pool, to: Pool): Promise<void> {
  const { rows } = await from.query<{ row: unknown }>('SELECT to_jsonb(e) AS row FROM events e ORDER BY position');
  await to.query('INSERT INTO events SELECT * FROM jsonb_populate_recordset(NULL::events, $1::jsonb)', [JSON.stringify(rows.map((r) => r.row))]);
}

async function dumpLog(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ row: string }>('SELECT to_jsonb(e)::text AS row FROM events e ORDER BY position');
  return rows.map((r) => r.row);
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting after ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ---------------------------------------------------------------------------------------------

describe('read-model projections on real PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  const cleanups: Array<() => Promise<unknown>> = [];

  async function freshDatabase(): Promise<TestDatabase> {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  }

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    for (const db of databases.splice(0)) await db.drop();
  });

  it('projects a history appended through the store into every read model, and moves every checkpoint to the head', async () => {
    // given a history appended through the store
    const db = await freshDatabase();
    const store = new PostgresEventStore(db.pool);
    const log = await appendHistory(store);
    const position = (label: string) => log.get(label)!.position;
    const head = await store.head();

    // when the runner catches up
    const reached = await runnerFor(db, store, { batchSize: 100 }).catchUp();

    // then the stakeholders are registered, with their precision
    const stakeholders = await db.pool.query(`SELECT id, name, kind, registered_at, registered_precision, last_position::int FROM rm_stakeholders ORDER BY id`);
    expect(stakeholders.rows).toEqual([
      { id: 'openai', name: 'OpenAI', kind: 'organization', registered_at: '2015-12', registered_precision: 'month', last_position: position('openai') },
      { id: 'us-dod', name: 'U.S. Department of Defense', kind: 'government', registered_at: '1947-09', registered_precision: 'month', last_position: position('us-dod') },
    ]);

    // and each commitment carries its assessments' relations and the status they give
    const commitments = await db.pool.query(
      `SELECT id, stakeholder_id, kind, topics, due_by, stated_at, stated_precision, stated_from, relations, status, last_position::int
         FROM rm_commitments ORDER BY id`,
    );
    expect(commitments.rows).toEqual([
      {
        id: 'openai-pledge-safeguards-report', stakeholder_id: 'openai', kind: 'pledge', topics: ['transparency', 'defense'], due_by: '2025-12',
        stated_at: '2025-06', stated_precision: 'month', stated_from: new Date('2025-06-01T00:00:00.000Z'),
        // never `overdue` in the table, although due by December 2025: the date is applied when a report is read
        relations: [], status: 'not_yet_rated', last_position: position('pledge'),
      },
      {
        id: 'openai-redline-surveillance', stakeholder_id: 'openai', kind: 'red_line', topics: ['surveillance', 'defense'], due_by: null,
        stated_at: '2024-01', stated_precision: 'month', stated_from: new Date('2024-01-01T00:00:00.000Z'),
        relations: ['strains'], status: 'under_strain', last_position: position('surveillance/classified'),
      },
      {
        id: 'openai-redline-weapons', stakeholder_id: 'openai', kind: 'red_line', topics: ['weapons', 'defense'], due_by: null,
        stated_at: '2024-01-10', stated_precision: 'day', stated_from: new Date('2024-01-10T00:00:00.000Z'),
        relations: ['strains', 'contradicts'], status: 'crossed', last_position: position('weapons/classified'),
      },
    ]);

    // and every assessment is a link from a commitment to an action
    const links = await db.pool.query(`SELECT id, commitment_id, action_id, relation, assessed_at, recorded_at, last_position::int FROM rm_commitment_links ORDER BY id`);
    expect(links.rows).toEqual(
      [
        ['openai-redline-surveillance', 'openai-dod-classified-2026', 'strains', 'surveillance/classified'],
        ['openai-redline-weapons', 'openai-dod-classified-2026', 'contradicts', 'weapons/classified'],
        ['openai-redline-weapons', 'openai-dod-prototype-2025', 'strains', 'weapons/prototype'],
      ].map(([commitmentId, actionId, relation, label]) => ({
        id: `${commitmentId}/${actionId}`, commitment_id: commitmentId, action_id: actionId, relation, assessed_at: '2026-03-05',
        recorded_at: new Date(log.get(label)!.recordedAt), last_position: position(label),
      })),
    );

    // and the timeline has one row per subject: contracts and assessments appear on both sides
    const timeline = await db.pool.query<{ stakeholder_id: string; entries: string[] }>(
      `SELECT t.stakeholder_id, array_agg(t.stakeholder_id || '@' || t.position || ' ' || e.type ORDER BY t.position) AS entries
       FROM rm_timeline_entries t JOIN events e USING (position) GROUP BY t.stakeholder_id ORDER BY t.stakeholder_id`,
    );
    const entry = (stakeholderId: string, label: string, type: string) => `${stakeholderId}@${position(label)} ${type}`;
    expect(timeline.rows).toEqual([
      {
        stakeholder_id: 'openai',
        entries: [
          entry('openai', 'openai', 'StakeholderRegistered'),
          entry('openai', 'surveillance', 'RedLineStated'),
          entry('openai', 'weapons', 'RedLineStated'),
          entry('openai', 'pledge', 'PledgeMade'),
          entry('openai', 'prototype', 'ContractSigned'),
          entry('openai', 'classified', 'ContractSigned'),
          entry('openai', 'weapons/prototype', 'AssessmentRecorded'),
          entry('openai', 'surveillance/classified', 'AssessmentRecorded'),
          entry('openai', 'weapons/classified', 'AssessmentRecorded'),
        ],
      },
      {
        stakeholder_id: 'us-dod',
        entries: [
          entry('us-dod', 'us-dod', 'StakeholderRegistered'),
          entry('us-dod', 'prototype', 'ContractSigned'),
          entry('us-dod', 'classified', 'ContractSigned'),
          entry('us-dod', 'weapons/prototype', 'AssessmentRecorded'),
          entry('us-dod', 'surveillance/classified', 'AssessmentRecorded'),
          entry('us-dod', 'weapons/classified', 'AssessmentRecorded'),
        ],
      },
    ]);
    const contractOnBothSides = await db.pool.query(
      `SELECT stakeholder_id, position::int FROM rm_timeline_entries WHERE position = $1 ORDER BY stakeholder_id`,
      [position('classified')],
    );
    // (an index only: reports fold the event itself from the log)
    expect(contractOnBothSides.rows).toEqual(
      ['openai', 'us-dod'].map((stakeholderId) => ({ stakeholder_id: stakeholderId, position: position('classified') })),
    );

    // and every projection's checkpoint is at the head of the log
    expect(reached).toBe(head.position);
    expect(await checkpoints(db.pool)).toEqual(allAt(head.position));
    expect(await readModelPosition(db.pool, PROJECTION_NAMES)).toBe(head.position);
  });

  describe('re-applying a batch', () => {
    let db: TestDatabase;
    let applier: ProjectionApplier;
    let facts: StoredEvent[];
    let judgements: StoredEvent[];
    let head: number;
    let lastFact: number;
    let projected: Record<string, string[]>;

    beforeEach(async () => {
      // given the history delivered in two batches, the facts and then the editors' judgements
      db = await freshDatabase();
      const store = new PostgresEventStore(db.pool);
      const log = await appendHistory(store);
      head = (await store.head()).position;
      lastFact = log.get('classified')!.position;
      facts = await store.readAll(0, lastFact);
      judgements = await store.readAll(lastFact, 100);
      expect(judgements.map((event) => event.type)).toEqual(['AssessmentRecorded', 'AssessmentRecorded', 'AssessmentRecorded']);
      applier = applierFor(db);
      await applyInTransaction(db, applier, facts);
      await applyInTransaction(db, applier, judgements);
      projected = await dumpReadModels(db.pool);
      expect(Object.values(projected).map((rows) => rows.length)).toEqual([2, 3, 3, 15]);
    });

    it('changes nothing when the same batch is delivered again', async () => {
      // when the last batch arrives a second time, in a new transaction
      const reached = await applyInTransaction(db, applier, judgements);

      // then every table is identical and the checkpoints stay at the head
      expect(await dumpReadModels(db.pool)).toEqual(projected);
      expect(reached).toBe(head);
      expect(await checkpoints(db.pool)).toEqual(allAt(head));
    });

    it('changes nothing when the checkpoints fell behind the rows: each row skips events at or below its last position', async () => {
      // when the checkpoints are rewound to before the last batch and it arrives again (only the rows' guards stand in the way)
      await db.pool.query('UPDATE projection_checkpoints SET position = $1', [lastFact]);
      await applyInTransaction(db, applier, judgements);

      // then every table is identical (the assessments were not counted twice) and the checkpoints are back at the head
      expect(await dumpReadModels(db.pool)).toEqual(projected);
      expect(await checkpoints(db.pool)).toEqual(allAt(head));

      // when the checkpoints are lost again and the whole log is delivered again, batch by batch and as one batch
      await db.pool.query('UPDATE projection_checkpoints SET position = 0');
      await applyInTransaction(db, applier, facts);
      await applyInTransaction(db, applier, judgements);
      await db.pool.query('UPDATE projection_checkpoints SET position = 0');
      await applyInTransaction(db, applier, [...facts, ...judgements]);

      // then still nothing changed
      expect(await dumpReadModels(db.pool)).toEqual(projected);
      expect(await checkpoints(db.pool)).toEqual(allAt(head));
    });
  });

  it('rolls back rows and checkpoints together when the transaction applying a batch fails', async () => {
    // given the facts applied and committed, the judgements not yet
    const db = await freshDatabase();
    const store = new PostgresEventStore(db.pool);
    const log = await appendHistory(store);
    const lastFact = log.get('classified')!.position;
    const applier = applierFor(db);
    await applyInTransaction(db, applier, await store.readAll(0, lastFact));
    const judgements = await store.readAll(lastFact, 100);
    const rowsBefore = await dumpReadModels(db.pool);
    expect(await checkpoints(db.pool)).toEqual(allAt(lastFact));

    // when the transaction applying the judgements fails after applyBatch, before COMMIT
    let seenInside: { status: string; checkpoint: number } | undefined;
    const attempt = withTransaction(db.pool, async (client) => {
      await applier.applyBatch(client, judgements);
      const { rows } = await client.query(
        `SELECT (SELECT status FROM rm_commitments WHERE id = 'openai-redline-weapons') AS status,
                (SELECT min(position)::int FROM projection_checkpoints) AS checkpoint`,
      );
      seenInside = rows[0];
      throw new Error('crash before commit');
    });
    await expect(attempt).rejects.toThrow('crash before commit');

    // then the batch had been applied inside the transaction ...
    expect(seenInside).toEqual({ status: 'crossed', checkpoint: log.get('weapons/classified')!.position });
    // ... and after the rollback neither the rows nor the checkpoints moved
    expect(await dumpReadModels(db.pool)).toEqual(rowsBefore);
    expect(await checkpoints(db.pool)).toEqual(allAt(lastFact));
    expect(await readModelPosition(db.pool, PROJECTION_NAMES)).toBe(lastFact);

    // and the runner later applies the same events once
    await runnerFor(db, store, { batchSize: 100 }).catchUp();
    const { rows } = await db.pool.query(`SELECT id, relations, status FROM rm_commitments WHERE kind = 'red_line' ORDER BY id`);
    expect(rows).toEqual([
      { id: 'openai-redline-surveillance', relations: ['strains'], status: 'under_strain' },
      { id: 'openai-redline-weapons', relations: ['strains', 'contradicts'], status: 'crossed' },
    ]);
  });

  it('produces exactly the same tables from a catch-up in batches of 2 as from one big batch', async () => {
    // given the same log, event for event, in two fresh databases
    const big = await freshDatabase();
    const small = await freshDatabase();
    const bigStore = new PostgresEventStore(big.pool);
    await appendHistory(bigStore);
    await copyLog(big.pool, small.pool);
    const smallStore = new PostgresEventStore(small.pool);
    expect(await dumpLog(small.pool)).toEqual(await dumpLog(big.pool));
    const head = (await bigStore.head()).position;

    // when one catches up in one batch and the other two events at a time
    expect(await runnerFor(big, bigStore, { batchSize: 1_000 }).catchUp()).toBe(head);
    expect(await runnerFor(small, smallStore, { batchSize: 2 }).catchUp()).toBe(head);

    // then every table is identical, row for row and byte for byte
    const fromOneBatch = await dumpReadModels(big.pool);
    expect(Object.values(fromOneBatch).map((rows) => rows.length)).toEqual([2, 3, 3, 15]);
    expect(await dumpReadModels(small.pool)).toEqual(fromOneBatch);
    expect(await checkpoints(small.pool)).toEqual(allAt(head));
    expect(await checkpoints(big.pool)).toEqual(allAt(head));
  });

  it('once started, follows appends of this process and of other processes without an explicit catch-up, and stops cleanly', async () => {
    // given a history, and a runner started with a poll far longer than the test waits (only wake-ups can help)
    const db = await freshDatabase();
    const store = new PostgresEventStore(db.pool);
    await appendHistory(store);
    const errors: unknown[] = [];
    const runner = runnerFor(db, store, { batchSize: 100, pollIntervalMs: 60_000, errors });
    await runner.start();
    cleanups.push(() => runner.stop());
    const reaches = (position: number) => async () => (await readModelPosition(db.pool, PROJECTION_NAMES)) >= position;
    await waitUntil('the catch-up on start', reaches((await store.head()).position));

    // when this process appends an event
    const anthropic: SaydoEvent = { type: 'StakeholderRegistered', data: { stakeholderId: 'anthropic', name: 'Anthropic', kind: 'organization' } };
    const registered = await store.append([newDomainEvent(anthropic, { occurredAt: '2021' })], { principal: 'key:contributor', expectedVersions: new Map() });

    // then the read models reach it
    await waitUntil('the in-process append', reaches(registered.events[0].position));
    expect((await db.pool.query(`SELECT id, registered_precision FROM rm_stakeholders WHERE id = 'anthropic'`)).rows).toEqual([
      { id: 'anthropic', registered_precision: 'year' },
    ]);

    // when another process (its own pool and store) appends an event: only NOTIFY can tell the runner
    const otherProcess = new Pool({ connectionString: db.url, max: 2 });
    cleanups.push(() => otherProcess.end());
    const refused: SaydoEvent = {
      type: 'ContractRefused',
      data: { actionId: 'anthropic-dod-refusal-2026', stakeholderId: 'anthropic', counterpartyIds: ['us-dod'], title: 'Refused unrestricted use', topics: ['defense'] },
    };
    const refusal = await new PostgresEventStore(otherProcess).append([newDomainEvent(refused, { occurredAt: '2026-02', sources: [CLASSIFIED_NEWS] })], {
      principal: 'key:contributor',
      expectedVersions: new Map(),
    });

    // then the read models reach it too
    await waitUntil('the append by another process', reaches(refusal.events[0].position));
    const refusalAt = refusal.events[0].position;
    expect((await db.pool.query(`SELECT stakeholder_id || '@' || position AS id FROM rm_timeline_entries WHERE position = $1 ORDER BY 1`, [refusalAt])).rows).toEqual([
      { id: `anthropic@${refusalAt}` },
      { id: `us-dod@${refusalAt}` },
    ]);

    // when the runner stops
    await runner.stop();

    // then it has released its listening connection, follows nothing more, and met no error
    expect(db.pool.totalCount - db.pool.idleCount).toBe(0);
    const deepmind: SaydoEvent = { type: 'StakeholderRegistered', data: { stakeholderId: 'google-deepmind', name: 'Google DeepMind', kind: 'organization' } };
    const afterStop = await store.append([newDomainEvent(deepmind, { occurredAt: '2023-04' })], { principal: 'key:contributor', expectedVersions: new Map() });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readModelPosition(db.pool, PROJECTION_NAMES)).toBe(afterStop.events[0].position - 1);
    expect(errors).toEqual([]);
  });
});

describe('projection applier: no silent skip', () => {
  it('refuses a batch that starts past a checkpoint + 1, and changes nothing', async () => {
    const db = await createTestDatabase();
    try {
      const store = new PostgresEventStore(db.pool);
      for (const id of ['a', 'b', 'c']) await store.append([stakeholderRegisteredEvent(id)], { principal: 'p', expectedVersions: new Map() });
      const applier = new ProjectionApplier(db.dataSource, ALL_PROJECTIONS);
      const client = await db.pool.connect();
      try {
        await client.query('BEGIN');
        await expect(applier.applyBatch(client, await store.readAll(1, 10))).rejects.toThrow(/would skip events/);
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
      expect((await db.pool.query('SELECT count(*)::int AS n FROM rm_stakeholders')).rows[0].n).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
