import 'reflect-metadata';
import { cpus } from 'node:os';
import { PostgresEventStore } from '@saydo/event-store';
import { AppConfig } from '@saydo/platform';
import { benchmarkAppend } from './append-benchmark';
import { BenchDatabase, createBenchDatabase } from './bench-database';
import { BenchResult, round } from './bench-result';
import { onInterrupt, wasInterrupted } from './interrupt';
import { BenchBroker, ensureBenchBroker } from './kafka-broker';
import { benchmarkEmbeddedLag, benchmarkKafkaLag, LagBenchmarkOptions } from './lag-benchmark';
import { createRawEventsTable, RAW_UNNEST_TABLE, RAW_VALUES_TABLE } from './raw-events-table';
import { benchmarkRelay } from './relay-benchmark';
import { benchmarkReplay } from './replay-benchmark';
import { benchmarkVerify } from './verify-benchmark';
import { writeResults } from './results-file';
import { resultsTable } from './results-table';
import { SaydoWorkload } from './saydo-workload';
import { timed } from './stopwatch';

/**
 * Sizes can be scaled down for a quick check (BENCH_REPLAY_EVENTS=5000 BENCH_APPEND_EVENTS=2000
 * BENCH_RELAY_EVENTS=5000 BENCH_LAG_SECONDS=5); BENCH_KAFKA=off skips the Kafka benchmarks (and the broker).
 */
const REPLAY_EVENTS = positiveInteger('BENCH_REPLAY_EVENTS', 1_000_000);
const APPEND_EVENTS = positiveInteger('BENCH_APPEND_EVENTS', 20_000);
const APPEND_BATCH_SIZES = [100, 1_000];
const KAFKA = process.env.BENCH_KAFKA !== 'off';
const RELAY_EVENTS = positiveInteger('BENCH_RELAY_EVENTS', 30_000);
const RELAY_ROUND_EVENTS = 5_000;
/** The application's default RELAY_BATCH_SIZE. */
const RELAY_BATCH_SIZE = positiveInteger('BENCH_RELAY_BATCH_SIZE', new AppConfig().RELAY_BATCH_SIZE);
const LAG_EVENTS_PER_SECOND = positiveInteger('BENCH_LAG_RATE', 500);
const LAG_SECONDS = positiveInteger('BENCH_LAG_SECONDS', 20);
/** 10 events every 20 ms at 500 events/s. */
const LAG_BATCH_SIZE = 10;
const LAG_PROBE_INTERVAL_MS = 5;
const PRINCIPAL = 'bench-api-key';

function positiveInteger(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Progress goes to stderr (with the current RSS), so stdout carries only the results. */
function log(message: string): void {
  process.stderr.write(`[bench] ${message} (rss ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB)\n`);
}

async function main(): Promise<void> {
  const total = await timed(async () => {
    let db: BenchDatabase | null = null;
    let broker: BenchBroker | null = null;
    const cleanUp = async () => {
      await db?.drop();
      await broker?.stop();
    };
    const removeHandlers = onInterrupt(cleanUp);
    try {
      // The broker first: its JVM boots before, not during, the PostgreSQL benchmarks.
      if (KAFKA) {
        broker = await ensureBenchBroker(log);
        log(`Kafka broker ${broker.brokers.join(',')} (${broker.startedHere ? 'started by this run' : 'already running: left running'})`);
      }
      db = await createBenchDatabase();
      log(`database ${db.name} created and migrated (PostgreSQL ${db.serverVersion})`);
      const store = new PostgresEventStore(db.pool);
      const workload = new SaydoWorkload();

      // The replay needs a log of exactly REPLAY_EVENTS, so it runs first; the appends then land on a realistic, non-empty log.
      log(`appending ${REPLAY_EVENTS} events for the replay, then replaying them...`);
      const replay = await benchmarkReplay(db.dataSource, db.pool, store, workload, { events: REPLAY_EVENTS, batchSize: 1_000, principal: PRINCIPAL });
      log(`replay: ${replay.seconds.toFixed(2)} s`);
      log(`verifying the hash chain over ${REPLAY_EVENTS} events...`);
      const verify = await benchmarkVerify(db.pool, REPLAY_EVENTS);
      log(`verify: ${verify.seconds.toFixed(2)} s`);

      await createRawEventsTable(db.pool, RAW_UNNEST_TABLE);
      await createRawEventsTable(db.pool, RAW_VALUES_TABLE);
      const appends: BenchResult[] = [];
      for (const batchSize of APPEND_BATCH_SIZES) {
        log(`appending ${APPEND_EVENTS} events in batches of ${batchSize} (store, raw unnest INSERT, raw VALUES INSERT, interleaved)...`);
        appends.push(await benchmarkAppend(db.pool, store, workload, { batchSize, batches: Math.ceil(APPEND_EVENTS / batchSize), principal: PRINCIPAL }));
        log(`append ${batchSize}/batch: ${appends[appends.length - 1].seconds.toFixed(2)} s`);
      }
      const results = [...appends, replay, verify];
      if (broker) {
        log(`relaying ${RELAY_EVENTS} events to Kafka (OutboxRelay.publishPending and a raw kafkajs producer, ${RELAY_BATCH_SIZE}/batch)...`);
        const relay = await benchmarkRelay(db.pool, store, workload, {
          brokers: broker.brokers,
          events: RELAY_EVENTS,
          roundEvents: Math.min(RELAY_ROUND_EVENTS, RELAY_EVENTS),
          batchSize: RELAY_BATCH_SIZE,
          principal: PRINCIPAL,
          log,
        });
        log(`relay: ${relay.seconds.toFixed(2)} s`);
        const lagOptions: LagBenchmarkOptions = {
          url: db.url,
          dataSource: db.dataSource,
          eventsPerSecond: LAG_EVENTS_PER_SECOND,
          seconds: LAG_SECONDS,
          batchSize: LAG_BATCH_SIZE,
          probeIntervalMs: LAG_PROBE_INTERVAL_MS,
          principal: PRINCIPAL,
          log,
        };
        // Embedded first: it brings the read models to the log's head, where the Kafka projector's watermark starts.
        const embedded = await benchmarkEmbeddedLag(workload, lagOptions);
        log(`embedded lag: p50 ${embedded.lag?.p50Ms} ms, p99 ${embedded.lag?.p99Ms} ms`);
        const kafka = await benchmarkKafkaLag(workload, broker.brokers, embedded, lagOptions);
        log(`Kafka lag: p50 ${kafka.lag?.p50Ms} ms, p99 ${kafka.lag?.p99Ms} ms`);
        results.push(relay, embedded, kafka);
      }
      return { results, serverVersion: db.serverVersion, kafkaBrokers: broker?.brokers.join(',') ?? null };
    } finally {
      try {
        if (db) {
          await db.drop();
          log(`database ${db.name} dropped`);
        }
      } finally {
        if (broker?.startedHere) {
          await broker.stop();
          log('Kafka broker stopped');
        }
        removeHandlers();
      }
    }
  });

  const { results, serverVersion, kafkaBrokers } = total.result;
  const usage = process.resourceUsage();
  const peakRssMb = round(usage.maxRSS / 1024, 1);
  const table = resultsTable(results);
  process.stdout.write(`\n${table}\n\n`);
  process.stdout.write(`ratio = seconds / baseline seconds (how many times slower than the baseline doing the same work); for the lag rows, lag p50 / embedded lag p50.\n`);
  for (const r of results) {
    process.stdout.write(`\n${r.benchmark}\n  baseline: ${r.baseline?.description ?? 'none (this row is the comparison for the next one)'}\n`);
    for (const note of r.notes) process.stdout.write(`  ${note}\n`);
  }
  process.stdout.write('\n');
  process.stdout.write(`peak RSS (process.resourceUsage().maxRSS): ${peakRssMb} MB; whole run ${total.seconds.toFixed(1)} s\n`);

  const path = await writeResults({
    generatedAt: new Date().toISOString(),
    environment: { node: process.version, postgres: serverVersion, kafkaBrokers, cpus: cpus().length, platform: `${process.platform}-${process.arch}` },
    config: {
      replayEvents: REPLAY_EVENTS,
      appendEventsPerBatchSize: APPEND_EVENTS,
      appendBatchSizes: APPEND_BATCH_SIZES,
      kafka: KAFKA ? { relayEvents: RELAY_EVENTS, relayBatchSize: RELAY_BATCH_SIZE, lagEventsPerSecond: LAG_EVENTS_PER_SECOND, lagSeconds: LAG_SECONDS, lagBatchSize: LAG_BATCH_SIZE } : null,
    },
    results: results.map((r) => ({
      ...r,
      seconds: round(r.seconds, 3),
      eventsPerSecond: round(r.eventsPerSecond, 1),
      baseline: r.baseline && { ...r.baseline, seconds: round(r.baseline.seconds, 3), eventsPerSecond: round(r.baseline.eventsPerSecond, 1) },
      ratio: r.ratio === null ? null : round(r.ratio, 2),
    })),
    table,
    memory: { peakRssMb, heapUsedMbAtEnd: round(process.memoryUsage().heapUsed / 1024 / 1024, 1) },
    totalSeconds: round(total.seconds, 1),
  });
  process.stdout.write(`results written to ${path}\n`);
}

main().catch((error: unknown) => {
  if (wasInterrupted()) return;
  process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
