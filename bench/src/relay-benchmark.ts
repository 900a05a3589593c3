import { PostgresEventStore } from '@saydo/event-store';
import { KafkaEventPublisher, OutboxRelay, OutgoingMessage, toKafkaMessage } from '@saydo/messaging';
import { CompressionTypes, Message, Partitioners, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { BenchResult, latencySummary, rate, round } from './bench-result';
import { benchKafka, createTopics, deleteTopics, isolatedSettings, topicMessageCount } from './bench-topics';
import { SaydoWorkload } from './saydo-workload';
import { timed } from './stopwatch';

export interface RelayBenchmarkOptions {
  brokers: string[];
  events: number;
  /** Events appended (untimed) and then relayed by both lanes per round; the lanes alternate who goes first. */
  roundEvents: number;
  /** OutboxRelay batchSize, and the raw producer's messages per send. */
  batchSize: number;
  principal: string;
  log: (message: string) => void;
}

/** KafkaEventPublisher, timing how long the relay waits in publishMessages() (send + acks). */
class TimedPublisher extends KafkaEventPublisher {
  seconds = 0;

  override async publishMessages(outgoing: readonly OutgoingMessage[], traceparents?: ReadonlyMap<number, string>): Promise<void> {
    const run = await timed(() => super.publishMessages(outgoing, traceparents));
    this.seconds += run.seconds;
  }
}

/**
 * Outbox relay throughput, store to Kafka acknowledgement: round by round, `roundEvents` events
 * are appended through the store (untimed), then OutboxRelay.publishPending() relays them
 * (outbox read joined to events, KafkaEventPublisher.send with acks from all replicas, outbox rows
 * marked published) into one fresh topic, and a raw kafkajs producer with the same settings
 * (idempotent, acks -1, one request in flight, default partitioner, no compression) sends the very
 * same messages (toKafkaMessage, built untimed) in the same batches into another fresh topic with
 * the same partitions. Both topics are counted at the end and deleted.
 */
export async function benchmarkRelay(pool: Pool, store: PostgresEventStore, workload: SaydoWorkload, options: RelayBenchmarkOptions): Promise<BenchResult> {
  const { brokers, events, roundEvents, batchSize, principal, log } = options;
  const relaySettings = isolatedSettings(brokers, 'relay');
  const rawSettings = isolatedSettings(brokers, 'raw');
  const admin = benchKafka(relaySettings, 'bench-admin', log);
  await createTopics(admin, [relaySettings, rawSettings]);

  // Only this benchmark's events are relayed: everything appended before counts as published.
  await pool.query('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
  await pool.query('VACUUM ANALYZE outbox');

  const publisher = new TimedPublisher(benchKafka(relaySettings, 'bench-relay', log), relaySettings.topic);
  const relayBatchEnds: number[] = [];
  const relay = new OutboxRelay(pool, publisher, { batchSize, pollIntervalMs: 60_000, onPublished: () => relayBatchEnds.push(performance.now()) });
  const producer: Producer = benchKafka(rawSettings, 'bench-raw', log).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await publisher.connect();
  await producer.connect();

  const relayBatchLatencies: number[] = [];
  const rawBatchLatencies: number[] = [];
  let relaySeconds = 0;
  let rawSeconds = 0;
  // This process's CPU while each lane runs (the broker's and PostgreSQL's are not counted).
  let relayCpuSeconds = 0;
  let rawCpuSeconds = 0;
  let messageBuildSeconds = 0;
  let payloadBytes = 0;
  let appendSeconds = 0;
  let rounds = 0;
  try {
    for (let done = 0; done < events; done += roundEvents) {
      const size = Math.min(roundEvents, events - done);
      const head = (await store.head()).position;
      appendSeconds += (
        await timed(async () => {
          for (let appended = 0; appended < size; appended += 1_000) {
            const batch = workload.nextBatch(Math.min(1_000, size - appended));
            await store.append(batch.events, { principal, expectedVersions: batch.expectedVersions });
          }
        })
      ).seconds;

      // The raw lane sends exactly what the relay sends: the same rows, in the relay's batches.
      const stored = await store.readAll(head, size);
      const build = await timed(async () => chunk(stored, batchSize).map((batch) => batch.map(toKafkaMessage)));
      messageBuildSeconds += build.seconds;
      const batches: Message[][] = build.result;
      payloadBytes += batches.flat().reduce((sum, m) => sum + Buffer.byteLength(m.value as string) + Buffer.byteLength(m.key as string), 0);

      const lanes = {
        relay: async () => {
          relayBatchEnds.length = 0;
          const start = performance.now();
          const cpu = process.cpuUsage();
          const run = await timed(() => relay.publishPending());
          relayCpuSeconds += cpuSecondsSince(cpu);
          if (run.result !== size) throw new Error(`the relay published ${run.result} events, expected ${size}`);
          relaySeconds += run.seconds;
          relayBatchEnds.forEach((end, i) => relayBatchLatencies.push((end - (i === 0 ? start : relayBatchEnds[i - 1])) / 1000));
        },
        raw: async () => {
          const cpu = process.cpuUsage();
          for (const messages of batches) {
            const send = await timed(() => producer.send({ topic: rawSettings.topic, acks: -1, compression: CompressionTypes.None, messages }));
            rawBatchLatencies.push(send.seconds);
            rawSeconds += send.seconds;
          }
          rawCpuSeconds += cpuSecondsSince(cpu);
        },
      };
      for (const lane of rounds % 2 === 0 ? (['relay', 'raw'] as const) : (['raw', 'relay'] as const)) await lanes[lane]();
      rounds += 1;
      log(`relay round ${rounds}: ${done + size}/${events} events`);
    }

    const [relayed, raw] = [await topicMessageCount(admin, relaySettings.topic), await topicMessageCount(admin, rawSettings.topic)];
    if (relayed.total !== events || raw.total !== events) throw new Error(`topics hold ${relayed.total} (relay) and ${raw.total} (raw) messages, expected ${events}`);
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    if (rows[0].n !== 0) throw new Error(`${rows[0].n} outbox rows still unpublished`);

    const sendSeconds = publisher.seconds;
    const postgresSeconds = relaySeconds - sendSeconds;
    const relayP = latencySummary(relayBatchLatencies);
    const rawP = latencySummary(rawBatchLatencies);
    return {
      benchmark: `outbox relay to Kafka, ${batchSize}/batch`,
      events,
      seconds: relaySeconds,
      eventsPerSecond: rate(events, relaySeconds),
      baseline: {
        description: `raw kafkajs idempotent producer (acks -1, maxInFlightRequests 1, default partitioner, no compression) sending the same toKafkaMessage messages in the same ${batchSize}-message batches to a fresh ${relaySettings.partitions}-partition topic`,
        seconds: rawSeconds,
        eventsPerSecond: rate(events, rawSeconds),
      },
      ratio: relaySeconds / rawSeconds,
      details: {
        batchSize,
        partitions: relaySettings.partitions,
        rounds,
        roundEvents,
        meanMessageBytes: round(payloadBytes / events, 1),
        relayBatchLatency: relayP,
        rawBatchLatency: rawP,
        relaySecondsInPublish: round(sendSeconds, 3),
        relaySecondsInPostgres: round(postgresSeconds, 3),
        relayCpuSeconds: round(relayCpuSeconds, 3),
        rawCpuSeconds: round(rawCpuSeconds, 3),
        messageBuildCpuSeconds: round(messageBuildSeconds, 3),
        messagesPerPartition: relayed.perPartition,
        setup: { note: 'untimed: events appended through the store in 1,000-event batches before each round', seconds: round(appendSeconds, 2) },
      },
      notes: [
        `per batch: relay cycle (read outbox, send, mark published) p50 ${relayP.p50Ms} ms, p99 ${relayP.p99Ms} ms; raw send p50 ${rawP.p50Ms} ms, p99 ${rawP.p99Ms} ms`,
        `relay time split: ${sendSeconds.toFixed(2)} s in KafkaEventPublisher.publishMessages (send + acks), ${postgresSeconds.toFixed(2)} s in PostgreSQL (outbox read and message building + UPDATE published_at)`,
        `this process's CPU: relay lane ${relayCpuSeconds.toFixed(2)} s, raw lane ${rawCpuSeconds.toFixed(2)} s`,
        `building the messages (toKafkaMessage, ${Math.round(payloadBytes / events)} bytes/event) alone: ${messageBuildSeconds.toFixed(2)} s CPU, not in the raw lane's time`,
        `${rounds} rounds of ${roundEvents.toLocaleString('en-US')} events, lanes alternating first; messages per partition ${relayed.perPartition.join('/')}`,
      ],
    };
  } finally {
    await producer.disconnect().catch(() => undefined);
    await publisher.disconnect().catch(() => undefined);
    await deleteTopics(admin, [relaySettings.topic, rawSettings.topic]).catch((error) => log(`could not delete the relay topics: ${String(error)}`));
  }
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
