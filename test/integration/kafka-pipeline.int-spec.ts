import { PostgresEventStore } from '@saydo/event-store';
import { createKafka, ensureTopic, EVENT_HEADERS, KafkaEventPublisher, KafkaProjector, KafkaSettings, OutboxRelay } from '@saydo/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { ALL_PROJECTIONS, ProjectionApplier, readModelPosition } from '@saydo/read-models';
import { generateHistory } from '../support/history-generator';
import { isolatedKafkaSettings, readTopic } from '../support/kafka';
import { dumpReadModels, replayFromStore } from '../support/read-model-replay';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const names = ALL_PROJECTIONS.map((p) => p.name);

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Store → outbox relay → real Kafka topic → projector consumer group → read models. */
describe('Kafka as the event log', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let settings: KafkaSettings;
  let publisher: KafkaEventPublisher;
  let relay: OutboxRelay;
  const appendHistory = async (count: number, batch = 50) => {
    const events = [...generateHistory(count)];
    for (let i = 0; i < events.length; i += batch) await store.append(events.slice(i, i + batch), { principal: 'test', expectedVersions: new Map() });
    return events.length;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    settings = isolatedKafkaSettings();
    const kafka = createKafka(settings, 'test');
    await ensureTopic(kafka, settings);
    publisher = new KafkaEventPublisher(kafka, settings.topic);
    await publisher.connect();
    relay = new OutboxRelay(db.pool, publisher, { batchSize: 100, pollIntervalMs: 100 });
  });
  afterAll(async () => {
    await publisher.disconnect();
    await db.drop();
  });

  it('publishes every committed event once, keyed by stream, in stream order, with CloudEvents headers, and marks it published', async () => {
    const count = await appendHistory(300);
    expect(await relay.publishPending()).toBe(count);
    const messages = await readTopic(settings.topic, count);
    expect(messages).toHaveLength(count);

    const first = messages.find((m) => m.headers[EVENT_HEADERS.position] === '1')!;
    const event = (await store.readAll(0, 1))[0];
    expect(first.key).toBe(event.streamId);
    expect(first.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: event.eventId,
      ce_type: event.type,
      ce_source: 'urn:saydo:event-store',
      ce_time: event.recordedAt,
      ce_subject: event.streamId,
      'content-type': 'application/json',
      saydo_position: '1',
      saydo_hash: event.hash,
    });
    expect(JSON.parse(first.value)).toEqual(event);

    // one stream never spans partitions, and its versions arrive in order
    const byStream = new Map<string, Array<{ partition: number; version: number }>>();
    for (const m of messages) {
      const value = JSON.parse(m.value);
      byStream.set(m.key, [...(byStream.get(m.key) ?? []), { partition: m.partition, version: value.streamVersion }]);
    }
    for (const deliveries of byStream.values()) {
      expect(new Set(deliveries.map((d) => d.partition)).size).toBe(1);
      expect(deliveries.map((d) => d.version)).toEqual([...deliveries.map((d) => d.version)].sort((a, b) => a - b));
    }
    expect(new Set(messages.map((m) => m.partition)).size).toBeGreaterThan(1);
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    expect(rows[0].n).toBe(0);
  });

  it('keeps rows unpublished when the broker does not acknowledge them', async () => {
    const impatient = new Kafka({ clientId: 'broken', brokers: settings.brokers, retry: { retries: 1, initialRetryTime: 100 }, logLevel: logLevel.NOTHING });
    const broken = new KafkaEventPublisher(impatient, 'saydo.topic.that.does.not.exist');
    await broken.connect();
    const added = await appendHistory(5);
    const stuck = new OutboxRelay(db.pool, broken, { batchSize: 100, pollIntervalMs: 100 });
    await expect(stuck.publishPending()).rejects.toThrow();
    await broken.disconnect();
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    expect(rows[0].n).toBe(added);
    await relay.publishPending();
  });

  it('projects the topic into read models equal to a replay from the store, and a re-sent event changes nothing', async () => {
    const projector = new KafkaProjector(createKafka(settings, 'projector'), settings, db.pool, new ProjectionApplier(db.dataSource, ALL_PROJECTIONS), {
      chunkSize: 100,
      onError: (error) => console.error('projector error', error),
    });
    await projector.start();
    try {
      const head = (await store.head()).position;
      await waitFor(async () => (await readModelPosition(db.pool, names)) >= head);
      const projected = await dumpReadModels(db.pool);
      expect(projected).toEqual(await replayFromStore(db.pool));

      // when the relay re-sends a range (a crash between the broker's ack and marking the rows)
      await db.pool.query('UPDATE outbox SET published_at = NULL WHERE position BETWEEN 10 AND 120');
      await relay.publishPending();
      await appendHistory(20);
      await relay.publishPending();
      const newHead = (await store.head()).position;
      await waitFor(async () => (await readModelPosition(db.pool, names)) >= newHead);

      // then nothing was applied twice
      expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
      const ahead = await db.pool.query('SELECT count(*)::int AS n FROM projection_positions_ahead');
      expect(ahead.rows[0].n).toBe(0);
    } finally {
      await projector.stop();
    }
  });
});
