import { PostgresEventStore } from '@saydo/event-store';
import { fromKafkaMessage, KafkaEventPublisher, KafkaProjector, KafkaProjectorOptions } from '@saydo/messaging';
import { ALL_PROJECTIONS, ProjectionApplier, readModelPosition, StoreProjectionRunner } from '@saydo/read-models';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { BenchResult, rate, round } from './bench-result';
import { benchKafka, createTopics, deleteTopics, isolatedSettings } from './bench-topics';
import { trackCheckouts } from './pool-checkouts';
import { SaydoWorkload } from './saydo-workload';
import { timed } from './stopwatch';
import { withTimeout } from './with-timeout';

export interface ProjectorBenchmarkOptions {
  url: string;
  pool: Pool;
  dataSource: DataSource;
  brokers: string[];
  events: number;
  principal: string;
  log: (message: string) => void;
}

const PROJECTION_NAMES = ALL_PROJECTIONS.map((p) => p.name);
const TIMEOUT_MS = 180_000;

/**
 * Projector throughput: `events` events are appended through the store and published to a fresh
 * 6-partition topic (untimed), then a KafkaProjector with a fresh group (one member, its own pool of
 * 4, as apps/projector runs) applies the whole topic to the read models; timed from its group join to
 * the watermark reaching the log's head. The peer is a raw kafkajs consumer reading the same topic
 * with a fresh group and parsing every message (no PostgreSQL), timed the same way: what reading the
 * topic alone costs.
 */
export async function benchmarkProjector(store: PostgresEventStore, workload: SaydoWorkload, options: ProjectorBenchmarkOptions): Promise<BenchResult> {
  const { pool, log, events } = options;
  const settings = isolatedSettings(options.brokers, 'projector');
  const admin = benchKafka(settings, 'bench-admin', log);
  await createTopics(admin, [settings]);
  const projectorPool = new Pool({ connectionString: options.url, max: 4, application_name: 'saydo-bench-projector' });
  const transactions = trackCheckouts(projectorPool);
  const rawGroup = `${settings.projectorGroup}-raw`;
  try {
    await pool.query('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
    // The watermark starts at the read models' position: bring them to the head first (untimed).
    const runner = new StoreProjectionRunner(pool, store, new ProjectionApplier(options.dataSource, ALL_PROJECTIONS), { batchSize: 1_000, pollIntervalMs: 60_000 });
    await runner.catchUp();
    const from = (await store.head()).position;
    const reached = await readModelPosition(pool, PROJECTION_NAMES);
    if (reached !== from) throw new Error(`read models at ${reached}, log at ${from}: the projector's watermark would wait for a gap forever`);
    const setup = await timed(async () => {
      const publisher = new KafkaEventPublisher(benchKafka(settings, 'bench-publisher', log), settings.topic);
      await publisher.connect();
      try {
        for (let appended = 0; appended < events; appended += 1_000) {
          const batch = workload.nextBatch(Math.min(1_000, events - appended));
          const { events: appendedEvents } = await store.append(batch.events, { principal: options.principal, expectedVersions: batch.expectedVersions });
          await publisher.publish(await store.readAll(appendedEvents[0].position - 1, appendedEvents.length));
        }
      } finally {
        await publisher.disconnect();
      }
      await pool.query('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
    });
    const head = (await store.head()).position;
    log(`projector: ${events} events appended and published in ${setup.seconds.toFixed(1)} s (setup); applying them with a fresh KafkaProjector...`);

    const raw = await rawRead(benchKafka(settings, 'bench-raw-consumer', log), settings.topic, rawGroup, events);
    log(`projector peer (raw consumer): ${raw.toFixed(2)} s`);

    const projected = await project(benchKafka(settings, 'bench-projector', log), settings, projectorPool, options.dataSource, head, {
      onError: (error) => log(`projector error: ${String(error)}`),
      onCrash: (error) => log(`projector crashed: ${String(error)}`),
    }, () => transactions.reset());
    const held = transactions.heldSeconds;
    return {
      benchmark: `Kafka projector, ${settings.partitions} partitions, one member`,
      events,
      seconds: projected,
      eventsPerSecond: rate(events, projected),
      baseline: {
        description: `raw kafkajs consumer (fresh group, eachBatch, JSON.parse of every message, no PostgreSQL) reading the same ${settings.partitions}-partition topic, timed from its group join`,
        seconds: raw,
        eventsPerSecond: rate(events, raw),
      },
      ratio: projected / raw,
      details: { partitions: settings.partitions, transactions: held.length, eventsPerTransaction: round(events / Math.max(1, held.length), 1), setupSeconds: round(setup.seconds, 2) },
      notes: [
        `timed from the group join to the watermark at the log's head (${head}); ${held.length} transactions, ${round(events / Math.max(1, held.length), 1)} events each; target >= 20,000 events/s`,
      ],
    };
  } finally {
    await deleteTopics(admin, [settings.topic], [settings.projectorGroup, rawGroup]).catch((error) => log(`could not delete the projector topic: ${String(error)}`));
    await projectorPool.end();
  }
}

/** Seconds from the projector's group join until the watermark reaches `head`. */
async function project(
  kafka: Kafka,
  settings: ReturnType<typeof isolatedSettings>,
  pool: Pool,
  dataSource: DataSource,
  head: number,
  hooks: Pick<KafkaProjectorOptions, 'onError' | 'onCrash'>,
  onJoined: () => void,
): Promise<number> {
  let joinedAt = 0;
  let finished: (at: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finished = resolve));
  const projector = new KafkaProjector(kafka, settings, pool, new ProjectionApplier(dataSource, ALL_PROJECTIONS), {
    chunkSize: 500,
    ...hooks,
    log: (message) => {
      if (message.startsWith('assigned partitions') && joinedAt === 0) {
        joinedAt = performance.now();
        onJoined();
      }
    },
    onChunkApplied: ({ watermark }) => {
      if (watermark >= head) finished(performance.now());
    },
  });
  await projector.start();
  try {
    const end = await withTimeout(done, TIMEOUT_MS, 'the projector did not reach the head');
    return (end - joinedAt) / 1000;
  } finally {
    await projector.stop();
  }
}

/** Seconds from a raw consumer's group join until it has read and parsed `count` messages. */
async function rawRead(kafka: Kafka, topic: string, groupId: string, count: number): Promise<number> {
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  let joinedAt = 0;
  let read = 0;
  let finished: (at: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finished = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => (joinedAt = joinedAt || performance.now()));
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) fromKafkaMessage(message);
      read += batch.messages.length;
      if (read >= count) finished(performance.now());
    },
  });
  try {
    const end = await withTimeout(done, TIMEOUT_MS, 'the raw consumer did not read the topic');
    return (end - joinedAt) / 1000;
  } finally {
    await consumer.disconnect();
  }
}
