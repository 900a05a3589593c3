/**
 * Proves kafkajs 2.2.4 works end to end against the real test broker (Apache Kafka 3.9.1, KRaft,
 * started by test/infra/kafka/kafka.sh): explicit topic creation with configs, idempotent keyed
 * producer with headers, consumer group read-back with per-key order, describeConfigs.
 */
import { randomUUID } from 'node:crypto';
import { Admin, ConfigResourceTypes, Consumer, Kafka, KafkaMessage, logLevel, Partitioners, Producer } from 'kafkajs';
import { ensureKafkaBroker, stopKafkaBroker, warmUpKafka } from '../infra/kafka/kafka-test-broker';

jest.setTimeout(120_000);

interface Received {
  partition: number;
  offset: string;
  key: string;
  seq: number;
  runId: string;
  value: string;
}

describe('Kafka test broker (kafkajs 2.2.4 against Apache Kafka 3.9.1)', () => {
  const runId = randomUUID().slice(0, 8);
  const topic = `saydo.test.kafka-broker.${runId}`;
  const groupId = `saydo-test-kafka-broker-${runId}`;
  const keys = Array.from({ length: 12 }, (_, i) => `stakeholder-${i}`);
  const perKey = 20;

  let startedHere = false;
  let kafka: Kafka;
  let admin: Admin | undefined;
  let producer: Producer | undefined;
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    const broker = await ensureKafkaBroker();
    startedHere = broker.startedHere;
    await warmUpKafka(broker.brokers);
    kafka = new Kafka({
      clientId: `saydo-test-${runId}`,
      brokers: broker.brokers.split(','),
      logLevel: logLevel.WARN,
    });
    admin = kafka.admin();
    await admin.connect();
  }, 180_000);

  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    if (admin) {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    }
    if (startedHere) await stopKafkaBroker();
  }, 60_000);

  it('creates a 6-partition topic with explicit configs and reads them back', async () => {
    // given / when
    const created = await admin!.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic,
          numPartitions: 6,
          replicationFactor: 1,
          configEntries: [
            { name: 'retention.ms', value: '-1' },
            { name: 'cleanup.policy', value: 'delete' },
          ],
        },
      ],
    });

    // then
    expect(created).toBe(true);
    const metadata = await admin!.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0].partitions).toHaveLength(6);
    const { resources } = await admin!.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms', 'cleanup.policy'] }],
    });
    const entries = Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]));
    expect(entries).toEqual({ 'retention.ms': '-1', 'cleanup.policy': 'delete' });
  });

  it('an idempotent producer writes keyed messages with headers; a consumer group reads all back in per-key order', async () => {
    // given: an idempotent producer (acks -1 is mandatory for it) and a consumer group
    producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();

    const received: Received[] = [];
    const total = keys.length * perKey;
    let crashed: Error | undefined;
    let allReceived!: () => void;
    const done = new Promise<void>((resolve) => (allReceived = resolve));

    consumer = kafka.consumer({ groupId, retry: { retries: 10 } });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      crashed = payload.error;
      allReceived(); // unblock the wait; the assertion below reports the crash
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        received.push(decode(partition, message));
        if (received.length >= total) allReceived();
      },
    });

    // when: sequential batches (bounded in-flight on one idempotent producer), keys interleaved
    for (let seq = 0; seq < perKey; seq++) {
      const [first] = await producer.send({
        topic,
        acks: -1,
        messages: keys.map((key) => ({
          key,
          value: JSON.stringify({ key, seq }),
          headers: { 'x-run-id': runId, 'x-seq': String(seq), 'x-key': key },
        })),
      });
      expect(first.errorCode).toBe(0);
    }

    // then
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      done,
      new Promise<void>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out: ${received.length}/${total} messages consumed`)), 60_000);
      }),
    ]).finally(() => clearTimeout(timer));
    expect(crashed).toBeUndefined();
    expect(received).toHaveLength(total);
    expect(new Set(received.map((r) => `${r.key}#${r.seq}`)).size).toBe(total); // no duplicates
    expect(received.every((r) => r.runId === runId)).toBe(true);

    for (const key of keys) {
      const mine = received.filter((r) => r.key === key);
      expect(mine.map((r) => r.seq)).toEqual(Array.from({ length: perKey }, (_, i) => i)); // in order
      expect(new Set(mine.map((r) => r.partition)).size).toBe(1); // a key sticks to one partition
    }
    // the default (murmur2) partitioner spreads 12 keys over more than one of the 6 partitions
    expect(new Set(received.map((r) => r.partition)).size).toBeGreaterThan(1);

    // offsets were committed for the group on the coordinator
    await consumer.stop();
    const committed = await admin!.fetchOffsets({ groupId, topics: [topic] });
    const committedTotal = committed[0].partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    expect(committedTotal).toBe(total);
  });
});

function decode(partition: number, message: KafkaMessage): Received {
  const header = (name: string): string => {
    const raw = message.headers?.[name];
    if (raw === undefined) throw new Error(`missing header ${name}`);
    return (Array.isArray(raw) ? raw[0] : raw)!.toString();
  };
  const value = message.value!.toString();
  const body = JSON.parse(value) as { key: string; seq: number };
  const key = message.key!.toString();
  if (body.key !== key || header('x-key') !== key || Number(header('x-seq')) !== body.seq) {
    throw new Error(`inconsistent message at ${partition}/${message.offset}: ${value}`);
  }
  return { partition, offset: message.offset, key, seq: body.seq, runId: header('x-run-id'), value };
}
