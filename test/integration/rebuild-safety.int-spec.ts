import { randomBytes } from 'node:crypto';
import { NewEvent, PostgresEventStore } from '@saydo/event-store';
import { createKafka, ensureTopic, KafkaEventPublisher, KafkaProjector, KafkaSettings, OutboxRelay, replayTopic } from '@saydo/messaging';
import { ALL_PROJECTIONS, ProjectionApplier, ProjectionRebuild, readModelPosition, RebuildAlreadyRunningError, RebuildClaim } from '@saydo/read-models';
import { Client } from 'pg';
import { generateHistory } from '../support/history-generator';
import { isolatedKafkaSettings } from '../support/kafka';
import { dumpReadModels, replayFromStore } from '../support/read-model-replay';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const names = ALL_PROJECTIONS.map((p) => p.name);
const TABLES = ['rm_stakeholders', 'rm_commitments', 'rm_commitment_links', 'rm_timeline_entries'];

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: process.env.SAYDO_TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Rebuilds beside the live Kafka feed: one lock order, tables that keep their grants, one rebuild at a time, resumable replays. */
describe('rebuilds beside the live Kafka projector', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let settings: KafkaSettings;
  let publisher: KafkaEventPublisher;
  let relay: OutboxRelay;
  let history: Generator<NewEvent>;
  const roles: string[] = [];
  const append = async (count: number) => {
    const events: NewEvent[] = [];
    for (let i = 0; i < count; i++) events.push(history.next().value!);
    await store.append(events, { principal: 'test', expectedVersions: new Map() });
  };
  const newRebuild = () => new ProjectionRebuild(db.pool, db.dataSource, store, ALL_PROJECTIONS, { batchSize: 300, switchLockTimeoutMs: 30_000 });

  beforeAll(async () => {
    history = generateHistory(20_000);
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    settings = isolatedKafkaSettings(3);
    const kafka = createKafka(settings, 'test');
    await ensureTopic(kafka, settings);
    publisher = new KafkaEventPublisher(kafka, settings.topic);
    await publisher.connect();
    relay = new OutboxRelay(db.pool, publisher, { batchSize: 200, pollIntervalMs: 50 });
    for (let i = 0; i < 10; i++) await append(100);
    await relay.publishPending();
  });
  afterAll(async () => {
    await publisher.disconnect();
    await db.drop();
    await withAdmin(async (admin) => {
      for (const role of roles) await admin.query(`DROP ROLE IF EXISTS ${role}`);
    });
  });

  it('switches three times while two projector members apply a steady write load: no deadlock, nothing lost', async () => {
    const errors: unknown[] = [];
    const members = [1, 2].map(
      () => new KafkaProjector(createKafka(settings, 'projector'), settings, db.pool, new ProjectionApplier(db.dataSource, ALL_PROJECTIONS), { chunkSize: 15, onError: (error) => errors.push(error) }),
    );
    relay.start();
    let writing = true;
    let writer: Promise<void> = Promise.resolve();
    const switched: number[] = [];
    try {
      for (const member of members) await member.start();
      writer = (async () => {
        while (writing) {
          await append(10);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      await waitFor(async () => (await readModelPosition(db.pool, names)) > 500, 'the projector applying');
      for (let round = 0; round < 3; round++) {
        const rebuild = newRebuild();
        await rebuild.prepare(true);
        await rebuild.build();
        switched.push((await rebuild.switchOver()).position);
      }
      writing = false;
      await writer;
      const head = (await store.head()).position;
      await waitFor(async () => (await readModelPosition(db.pool, names)) >= head, `read models at ${head}`);
    } finally {
      writing = false;
      await writer.catch(() => undefined);
      await relay.stop();
      for (const member of members) await member.stop();
    }
    expect(switched).toHaveLength(3);
    expect(errors.map(String)).toEqual([]);
    expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
  });

  it('gives the switched tables the live tables\' owner and grants', async () => {
    const suffix = randomBytes(4).toString('hex');
    const reader = `saydo_reader_${suffix}`;
    const owner = `saydo_owner_${suffix}`;
    roles.push(reader, owner);
    await db.pool.query(`CREATE ROLE ${reader} NOLOGIN`);
    await db.pool.query(`CREATE ROLE ${owner} NOLOGIN`);
    await db.pool.query(`GRANT SELECT ON rm_commitments, rm_timeline_entries TO ${reader}`);
    await db.pool.query(`GRANT SELECT, UPDATE ON rm_commitment_links TO ${reader} WITH GRANT OPTION`);
    await db.pool.query(`ALTER TABLE rm_stakeholders OWNER TO ${owner}`);
    const privileges = async () =>
      (
        await db.pool.query<{ t: string; owner: string; acl: string | null }>(
          `SELECT c.relname AS t, pg_get_userbyid(c.relowner) AS owner, c.relacl::text AS acl FROM pg_class c WHERE c.relname = ANY($1::text[]) ORDER BY 1`,
          [TABLES],
        )
      ).rows;
    const before = await privileges();

    const rebuild = newRebuild();
    await rebuild.prepare(true);
    await rebuild.build();
    await rebuild.switchOver();

    expect(await privileges()).toEqual(before);
    const can = async (table: string, privilege: string) =>
      (await db.pool.query(`SELECT has_table_privilege($1, $2, $3) AS ok`, [reader, table, privilege])).rows[0].ok;
    expect(await can('rm_commitments', 'SELECT')).toBe(true);
    expect(await can('rm_commitments', 'INSERT')).toBe(false);
    expect(await can('rm_commitment_links', 'UPDATE WITH GRANT OPTION')).toBe(true);
    expect(before.find((row) => row.t === 'rm_stakeholders')!.owner).toBe(owner);
    expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
  });

  it('refuses a second rebuild of a projection while one runs, with a message that says so', async () => {
    const first = await RebuildClaim.take(db.pool, ['commitments', 'actions']);
    try {
      await expect(RebuildClaim.take(db.pool, ['commitments'])).rejects.toThrow(RebuildAlreadyRunningError);
      await expect(RebuildClaim.take(db.pool, ['stakeholders', 'actions'])).rejects.toThrow(/a rebuild of actions \(PostgreSQL backend \d+, saydo-test\) is already running/);
      // another projection is free, and a refused attempt kept nothing locked
      const other = await RebuildClaim.take(db.pool, ['stakeholders']);
      await other.release();
    } finally {
      await first.release();
    }
    const again = await RebuildClaim.take(db.pool, ['commitments', 'actions']);
    await again.release();
  });

  it('resumes a stopped replay from the topic without applying again what it applied, and ends at the high-water marks', async () => {
    await relay.publishPending();
    const rebuild = newRebuild();
    await rebuild.prepare(true);
    const resumeKey = await rebuild.shadowIdentity();
    let applied = 0;
    const counting = Object.create(rebuild.shadowApplier) as ProjectionApplier;
    counting.applyToRows = (client, events) => {
      applied += events.length;
      return rebuild.shadowApplier.applyToRows(client, events);
    };
    let chunks = 0;
    const stopped = await replayTopic(createKafka(settings, 'rebuild'), settings, db.pool, counting, { chunkSize: 100, resumeKey, shouldStop: () => chunks++ >= 6 });
    expect(stopped.interrupted).toBe(true);
    const firstRun = applied;
    expect(firstRun).toBeGreaterThan(0);

    const head = (await store.head()).position;
    const finished = await replayTopic(createKafka(settings, 'rebuild'), settings, db.pool, counting, { chunkSize: 100, resumeKey });
    expect(finished).toEqual({ messages: head, covered: head, maxPosition: head });
    expect(applied).toBe(head);
    await rebuild.setPosition(finished.covered);
    expect((await rebuild.differences()).every((d) => d.onlyLive + d.onlyRebuilt + d.changed === 0)).toBe(true);
    await rebuild.discard();
  });
});
