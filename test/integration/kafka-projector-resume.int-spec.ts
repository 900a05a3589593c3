import { NewEvent, PostgresEventStore } from '@saydo/event-store';
import { createKafka, ensureTopic, KafkaEventPublisher, KafkaProjector, KafkaSettings, OutboxRelay } from '@saydo/messaging';
import { ALL_PROJECTIONS, ProjectionApplier, readModelPosition } from '@saydo/read-models';
import { generateHistory } from '../support/history-generator';
import { isolatedKafkaSettings, testKafka } from '../support/kafka';
import { dumpReadModels, replayFromStore } from '../support/read-model-replay';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const names = ALL_PROJECTIONS.map((p) => p.name);
/** What a read-model database holds: the rows, and every feed's progress. */
const READ_MODEL_DATABASE = ['rm_stakeholders', 'rm_commitments', 'rm_commitment_links', 'rm_timeline_entries', 'projection_checkpoints', 'projection_positions_ahead', 'kafka_partition_checkpoints'];

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The projector resumes from PostgreSQL, whatever Kafka's committed offsets say: a chunk that
 * does not start at (or below) the partition checkpoint's next offset is never applied.
 */
describe('Kafka projector resumes from its PostgreSQL checkpoints, never from Kafka offsets ahead of them', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let settings: KafkaSettings;
  let publisher: KafkaEventPublisher;
  let relay: OutboxRelay;
  let projector: KafkaProjector | null = null;
  let history: Generator<NewEvent>;
  const appendAndPublish = async (count: number) => {
    for (let i = 0; i < count; i += 50) {
      const events = [];
      for (let j = 0; j < Math.min(50, count - i); j++) events.push(history.next().value!);
      await store.append(events, { principal: 'test', expectedVersions: new Map() });
    }
    await relay.publishPending();
    return (await store.head()).position;
  };
  const startProjector = async () => {
    projector = new KafkaProjector(createKafka(settings, 'projector'), settings, db.pool, new ProjectionApplier(db.dataSource, ALL_PROJECTIONS), {
      chunkSize: 40,
      onError: (error) => console.error('projector error', error),
    });
    await projector.start();
  };
  const caughtUp = (head: number) => waitFor(async () => (await readModelPosition(db.pool, names)) >= head, `read models at ${head}`);

  beforeEach(async () => {
    history = generateHistory(2000);
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    settings = isolatedKafkaSettings(3);
    const kafka = createKafka(settings, 'test');
    await ensureTopic(kafka, settings);
    publisher = new KafkaEventPublisher(kafka, settings.topic);
    await publisher.connect();
    relay = new OutboxRelay(db.pool, publisher, { batchSize: 100, pollIntervalMs: 100 });
  });

  afterEach(async () => {
    await projector?.stop();
    projector = null;
    await publisher.disconnect();
    await db.drop();
  });

  it('applies everything when the group committed offsets at the end of the topic and the checkpoint table is empty', async () => {
    // given a topic with events, and a group whose Kafka offsets say it has read all of them
    await appendAndPublish(300);
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(settings.topic);
      await admin.setOffsets({ groupId: settings.projectorGroup, topic: settings.topic, partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })) });
      const committed = await admin.fetchOffsets({ groupId: settings.projectorGroup, topics: [settings.topic] });
      expect(committed[0].partitions.map((p) => Number(p.offset)).reduce((a, b) => a + b, 0)).toBe(300);
    } finally {
      await admin.disconnect();
    }
    // when a projector joins on a read-model database that has applied nothing, and more events
    // come while its seek to the checkpoints is held up (the table locked): kafkajs fetches from
    // Kafka's committed offsets meanwhile, and both the seek and the first chunk wait on the lock
    const blocker = await db.pool.connect();
    let head: number;
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE kafka_partition_checkpoints IN ACCESS EXCLUSIVE MODE');
      await startProjector();
      head = await appendAndPublish(60);
      await waitFor(async () => {
        const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'kafka_partition_checkpoints'::regclass AND NOT granted`);
        return rows[0].n >= 2;
      }, 'the seek and a chunk waiting on the checkpoint table');
      await blocker.query('COMMIT');
    } finally {
      blocker.release();
    }
    // then it applied the events below Kafka's offsets too: the read models equal a replay
    await caughtUp(head);
    expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
    const { rows } = await db.pool.query('SELECT sum(next_offset)::int AS n FROM kafka_partition_checkpoints WHERE group_id = $1', [settings.projectorGroup]);
    expect(rows[0].n).toBe(360);
  });

  it('re-applies what a restored read-model database lost while the projector keeps running', async () => {
    // given a projector that applied everything up to time T, and a backup taken then
    await startProjector();
    const atBackup = await appendAndPublish(200);
    await caughtUp(atBackup);
    for (const table of READ_MODEL_DATABASE) await db.pool.query(`CREATE TABLE backup_${table} AS SELECT * FROM ${table}`);
    // and events applied after T
    const later = await appendAndPublish(200);
    await caughtUp(later);
    // when the read-model database is restored from the backup (the projector's fetch position stays ahead)
    await db.pool.query('BEGIN');
    for (const table of READ_MODEL_DATABASE) await db.pool.query(`DELETE FROM ${table}; INSERT INTO ${table} SELECT * FROM backup_${table}`);
    await db.pool.query('COMMIT');
    expect(await readModelPosition(db.pool, names)).toBe(atBackup);
    // and more events arrive
    const head = await appendAndPublish(60);
    // then the projector went back to its checkpoints: nothing between T and the restore is missing
    await caughtUp(head);
    expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
  });
});
