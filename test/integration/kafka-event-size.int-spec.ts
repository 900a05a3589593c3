import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@saydo/event-store';
import { createKafka, DEFAULT_MAX_EVENT_BYTES, ensureTopic, KafkaEventPublisher, KafkaSettings, OutboxRelay, topicMaxMessageBytes } from '@saydo/messaging';
import { ConfigResourceTypes } from 'kafkajs';
import { isolatedKafkaSettings, readTopic, testKafka } from '../support/kafka';
import { eventOn } from '../support/new-events';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** An event whose data is `bytes` of JSON, give or take the envelope: as big as the API accepts. */
function nearLimitEvent(streamId: string, bytes: number) {
  return { ...eventOn(streamId, 'Noted', { text: 'x'.repeat(bytes - 200) }), eventId: randomUUID() };
}

async function topicConfig(topic: string): Promise<Map<string, string>> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const described = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] });
    return new Map(described.resources[0].configEntries.map((entry) => [entry.configName, entry.configValue]));
  } finally {
    await admin.disconnect();
  }
}

/** One size for an event from the API to the topic: the relay is never refused a record or a request. */
describe('event sizes through the real broker', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('creates the topic with a max.message.bytes that fits the largest event, and raises it on an existing topic, keeping its other settings', async () => {
    const fresh = isolatedKafkaSettings(2);
    await ensureTopic(createKafka(fresh, 'test'), fresh);
    expect(Number((await topicConfig(fresh.topic)).get('max.message.bytes'))).toBe(topicMaxMessageBytes(fresh));
    expect(topicMaxMessageBytes(fresh)).toBeGreaterThan(2 * DEFAULT_MAX_EVENT_BYTES);

    const existing: KafkaSettings = { ...isolatedKafkaSettings(2), maxEventBytes: 1024 * 1024 };
    const admin = testKafka().admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic: existing.topic, numPartitions: 2, configEntries: [{ name: 'max.message.bytes', value: '100000' }, { name: 'retention.ms', value: '-1' }, { name: 'min.compaction.lag.ms', value: '1234' }] }],
      });
    } finally {
      await admin.disconnect();
    }
    await ensureTopic(createKafka(existing, 'test'), existing);
    const config = await topicConfig(existing.topic);
    expect(Number(config.get('max.message.bytes'))).toBe(topicMaxMessageBytes(existing));
    expect(config.get('retention.ms')).toBe('-1');
    expect(config.get('min.compaction.lag.ms')).toBe('1234');
  });

  it('publishes a relay batch of many near-limit events of one stream, in order, in requests the broker accepts', async () => {
    const settings = isolatedKafkaSettings(3);
    const kafka = createKafka(settings, 'test');
    await ensureTopic(kafka, settings);
    const publisher = new KafkaEventPublisher(kafka, settings.topic, topicMaxMessageBytes(settings));
    await publisher.connect();
    try {
      // 12 events of about MAX_EVENT_BYTES on one stream: 3 MB for one partition, three times the broker's default
      const streamId = `stream-${randomUUID()}`;
      for (let i = 0; i < 12; i++) await store.append([nearLimitEvent(streamId, DEFAULT_MAX_EVENT_BYTES)], { principal: 'test', expectedVersions: new Map() });
      await store.append([eventOn(`other-${randomUUID()}`), eventOn(`other-${randomUUID()}`)], { principal: 'test', expectedVersions: new Map() });
      const relay = new OutboxRelay(db.pool, publisher, { batchSize: 500, pollIntervalMs: 100 });
      expect(await relay.publishPending()).toBe(14);

      const messages = await readTopic(settings.topic, 14, 60_000);
      const ofStream = messages.filter((m) => m.key === streamId);
      expect(ofStream.map((m) => JSON.parse(m.value).streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(Math.min(...ofStream.map((m) => m.value.length))).toBeGreaterThan(DEFAULT_MAX_EVENT_BYTES - 200);
      const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
      expect(rows[0].n).toBe(0);
    } finally {
      await publisher.disconnect();
    }
  });
});
