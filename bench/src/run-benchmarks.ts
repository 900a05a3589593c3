import 'reflect-metadata';
import { cpus } from 'node:os';
import { PostgresEventStore } from '@saydo/event-store';
import { AppConfig } from '@saydo/platform';
import { DEFAULT_REBUILD_BATCH_SIZE } from '@saydo/read-models';
import { benchmarkAppend } from './append-benchmark';
import { BenchDatabase, createBenchDatabase } from './bench-database';
import { BenchResult, round } from './bench-result';
import { onInterrupt, wasInterrupted } from './interrupt';
import { BenchBroker, ensureBenchBroker } from './kafka-broker';
import { benchmarkEmbeddedLag, benchmarkKafkaLag, LagBenchmarkOptions } from './lag-benchmark';
import { createRawEventsTable, RAW_UNNEST_TABLE, RAW_VALUES_TABLE } from './raw-events-table';
import { benchmarkProjector } from './projector-benchmark';
import { benchmarkRelay } from './relay-benchmark';
import { benchmarkReplay } from './replay-benchmark';
import { benchmarkVerify } from './verify-benchmark';
import { writeResults } from './results-file';
import { resultsTable } from './results-table';
import { SaydoWorkload } from './saydo-workload';
import { timed } from './stopwatch';
import { benchmarkHttp } from './peers/http-benchmark';
import { benchmarkReports } from './peers/report-benchmark';
import { issueTargets, targetsTable } from './issue-targets';
import { PeerFigure, peerFigure, peersTable } from './peers/peer-figure';
import { benchmarkStorePeers } from './peers/store-peers-benchmark';

/**
 * Full mode (the default) measures the 1M-event figures; quick mode (`npm run bench -- --quick` or
 * BENCH_MODE=quick) a small log and short loads. Any size can still be set alone (BENCH_REPLAY_EVENTS=5000
 * BENCH_APPEND_EVENTS=2000 BENCH_RELAY_EVENTS=5000 BENCH_LAG_SECONDS=5 BENCH_HTTP_SECONDS=10 ...);
 * BENCH_KAFKA=off skips the Kafka benchmarks (and the broker); BENCH_ONLY=store-peers,http,append,replay,reports,kafka picks
 * sections, BENCH_KAFKA_ONLY=relay,lag,projector the Kafka ones; BENCH_CPU_PROFILE=<dir> runs the API under node --cpu-prof and leaves its profile there.
 */
const MODE = process.argv.includes('--quick') || process.env.BENCH_MODE === 'quick' ? 'quick' : 'full';
const QUICK = MODE === 'quick';
const ONLY = new Set((process.env.BENCH_ONLY ?? 'replay,reports,append,kafka,store-peers,http').split(',').map((s) => s.trim()));
const REPLAY_EVENTS = positiveInteger('BENCH_REPLAY_EVENTS', QUICK ? 20_000 : 1_000_000);
const APPEND_EVENTS = positiveInteger('BENCH_APPEND_EVENTS', QUICK ? 2_000 : 20_000);
const APPEND_BATCH_SIZES = [100, 1_000];
const KAFKA = process.env.BENCH_KAFKA !== 'off' && ONLY.has('kafka');
const RELAY_EVENTS = positiveInteger('BENCH_RELAY_EVENTS', QUICK ? 5_000 : 30_000);
const RELAY_ROUND_EVENTS = 5_000;
const KAFKA_ONLY = new Set((process.env.BENCH_KAFKA_ONLY ?? 'relay,lag,projector').split(',').map((s) => s.trim()));
const PROJECTOR_EVENTS = positiveInteger('BENCH_PROJECTOR_EVENTS', QUICK ? 20_000 : 100_000);
/** The application's default RELAY_BATCH_SIZE. */
const RELAY_BATCH_SIZE = positiveInteger('BENCH_RELAY_BATCH_SIZE', new AppConfig().RELAY_BATCH_SIZE);
/** The issue's steady load for commit-to-visible lag (target p99 <= 100 ms). */
const LAG_EVENTS_PER_SECOND = positiveInteger('BENCH_LAG_RATE', 1_000);
const LAG_SECONDS = positiveInteger('BENCH_LAG_SECONDS', QUICK ? 5 : 20);
const HTTP_SECONDS = positiveInteger('BENCH_HTTP_SECONDS', QUICK ? 10 : 30);
const HTTP_CONNECTIONS = positiveInteger('BENCH_HTTP_CONNECTIONS', 32);
/** The API's pool (DATABASE_POOL_SIZE); the bare route's pool has one connection per load connection. */
const API_POOL_SIZE = positiveInteger('BENCH_API_POOL_SIZE', new AppConfig().DATABASE_POOL_SIZE);
const BULK_BATCHES = positiveInteger('BENCH_BULK_BATCHES', QUICK ? 20 : 100);
const BULK_BATCH_SIZE = 1_000;
const STORE_APPENDS = positiveInteger('BENCH_STORE_APPENDS', QUICK ? 2_000 : 10_000);
const STORE_BATCH_APPENDS = positiveInteger('BENCH_STORE_BATCH_APPENDS', QUICK ? 64 : 320);
const STORE_READS = positiveInteger('BENCH_STORE_READS', QUICK ? 500 : 2_000);
const STORE_WRITERS = 32;
const REPORT_SEQUENTIAL = positiveInteger('BENCH_REPORT_SEQUENTIAL', QUICK ? 500 : 2_000);
const REPORT_READERS = 16;
const REPORT_STAKEHOLDERS = positiveInteger('BENCH_REPORT_STAKEHOLDERS', 200);
/** 10 events every 10 ms at 1,000 events/s. */
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

      const results: BenchResult[] = [];
      const peers: PeerFigure[] = [];
      // The replay needs a log of exactly REPLAY_EVENTS, so it runs first; the appends then land on a realistic, non-empty log.
      if (ONLY.has('replay')) {
        log(`appending ${REPLAY_EVENTS} events for the replay, then replaying them...`);
        const replays = await benchmarkReplay(db.dataSource, db.pool, store, workload, {
          events: REPLAY_EVENTS,
          batchSize: 1_000,
          rebuildBatchSize: DEFAULT_REBUILD_BATCH_SIZE,
          principal: PRINCIPAL,
        });
        for (const replay of replays) log(`${replay.benchmark}: ${replay.seconds.toFixed(2)} s`);
        log(`verifying the hash chain over ${REPLAY_EVENTS} events...`);
        const verify = await benchmarkVerify(db.pool, REPLAY_EVENTS);
        log(`verify: ${verify.seconds.toFixed(2)} s`);
        results.push(...replays, verify);
      }
      // Reports read the replayed log (read models at its head), before the appends change it.
      if (ONLY.has('reports') && ONLY.has('replay')) {
        peers.push(
          ...(await benchmarkReports({
            url: db.url,
            pool: db.pool,
            sequential: REPORT_SEQUENTIAL,
            readers: REPORT_READERS,
            seconds: HTTP_SECONDS,
            stakeholders: REPORT_STAKEHOLDERS,
            apiPoolSize: API_POOL_SIZE,
            cpuProfileDir: process.env.BENCH_CPU_PROFILE || undefined,
            log,
          })),
        );
      } else if (ONLY.has('reports')) {
        log('reports: skipped (they read the log the replay section builds)');
      }

      if (ONLY.has('append')) {
        await createRawEventsTable(db.pool, RAW_UNNEST_TABLE);
        await createRawEventsTable(db.pool, RAW_VALUES_TABLE);
        for (const batchSize of APPEND_BATCH_SIZES) {
          log(`appending ${APPEND_EVENTS} events in batches of ${batchSize} (store, raw unnest INSERT, raw VALUES INSERT, interleaved)...`);
          const append = await benchmarkAppend(db.pool, store, workload, { batchSize, batches: Math.ceil(APPEND_EVENTS / batchSize), principal: PRINCIPAL });
          log(`append ${batchSize}/batch: ${append.seconds.toFixed(2)} s`);
          results.push(append);
          if (batchSize === 1_000) peers.push(multiRowInsertPeer(append));
        }
      }

      if (ONLY.has('store-peers')) {
        peers.push(...(await benchmarkStorePeers({ url: db.url, appends: STORE_APPENDS, batchAppends: STORE_BATCH_APPENDS, reads: STORE_READS, writers: STORE_WRITERS, principal: PRINCIPAL, log })));
      }
      if (ONLY.has('http')) {
        peers.push(
          ...(await benchmarkHttp({
            url: db.url,
            pool: db.pool,
            seconds: HTTP_SECONDS,
            connections: HTTP_CONNECTIONS,
            apiPoolSize: API_POOL_SIZE,
            bulkBatches: BULK_BATCHES,
            bulkBatchSize: BULK_BATCH_SIZE,
            cpuProfileDir: process.env.BENCH_CPU_PROFILE || undefined,
            log,
          })),
        );
      }
      if (broker && KAFKA_ONLY.has('relay')) {
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
        results.push(relay);
      }
      if (broker && KAFKA_ONLY.has('lag')) {
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
        results.push(embedded, kafka);
      }
      if (broker && KAFKA_ONLY.has('projector')) {
        log(`projector throughput: ${PROJECTOR_EVENTS} events through a fresh KafkaProjector...`);
        const projector = await benchmarkProjector(store, workload, { url: db.url, pool: db.pool, dataSource: db.dataSource, brokers: broker.brokers, events: PROJECTOR_EVENTS, principal: PRINCIPAL, log });
        log(`projector: ${projector.eventsPerSecond.toFixed(0)} events/s`);
        results.push(projector);
      }
      return { results, peers, serverVersion: db.serverVersion, kafkaBrokers: broker?.brokers.join(',') ?? null };
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

  const { results, peers, serverVersion, kafkaBrokers } = total.result;
  const usage = process.resourceUsage();
  const peakRssMb = round(usage.maxRSS / 1024, 1);
  const table = resultsTable(results);
  process.stdout.write(`\n${table}\n\n`);
  process.stdout.write(`ratio = seconds / baseline seconds (how many times slower than the baseline doing the same work); for the lag rows, lag p50 / embedded lag p50.\n`);
  for (const r of results) {
    process.stdout.write(`\n${r.benchmark}\n  baseline: ${r.baseline?.description ?? 'none (this row is the comparison for the next one)'}\n`);
    for (const note of r.notes) process.stdout.write(`  ${note}\n`);
  }
  const peerTable = peersTable(peers);
  if (peers.length > 0) {
    process.stdout.write(`\nSaydo beside its peers (same run, same database; Saydo/peer above 1 means Saydo is faster):\n\n${peerTable}\n`);
    for (const f of peers) for (const note of f.notes) process.stdout.write(`  ${f.figure}: ${note}\n`);
  }
  const targets = issueTargets({ results, peers });
  const targetTable = targetsTable(targets);
  process.stdout.write(`\nThe issue's targets (attained: the share of the target this run reached):\n\n${targetTable}\n`);
  process.stdout.write('\n');
  process.stdout.write(`peak RSS (process.resourceUsage().maxRSS): ${peakRssMb} MB; whole run ${total.seconds.toFixed(1)} s\n`);

  const path = await writeResults({
    generatedAt: new Date().toISOString(),
    environment: { node: process.version, postgres: serverVersion, kafkaBrokers, cpus: cpus().length, platform: `${process.platform}-${process.arch}` },
    mode: MODE,
    config: {
      sections: [...ONLY],
      peers: ONLY.has('store-peers') || ONLY.has('http') ? { httpSeconds: HTTP_SECONDS, httpConnections: HTTP_CONNECTIONS, apiPoolSize: API_POOL_SIZE, bulkBatches: BULK_BATCHES, bulkBatchSize: BULK_BATCH_SIZE, storeAppends: STORE_APPENDS, storeBatchAppends: STORE_BATCH_APPENDS, storeReads: STORE_READS, storeWriters: STORE_WRITERS } : null,
      replayEvents: REPLAY_EVENTS,
      appendEventsPerBatchSize: APPEND_EVENTS,
      appendBatchSizes: APPEND_BATCH_SIZES,
      kafka: KAFKA ? { sections: [...KAFKA_ONLY], projectorEvents: PROJECTOR_EVENTS, relayEvents: RELAY_EVENTS, relayBatchSize: RELAY_BATCH_SIZE, lagEventsPerSecond: LAG_EVENTS_PER_SECOND, lagSeconds: LAG_SECONDS, lagBatchSize: LAG_BATCH_SIZE } : null,
    },
    results: results.map((r) => ({
      ...r,
      seconds: round(r.seconds, 3),
      eventsPerSecond: round(r.eventsPerSecond, 1),
      baseline: r.baseline && { ...r.baseline, seconds: round(r.baseline.seconds, 3), eventsPerSecond: round(r.baseline.eventsPerSecond, 1) },
      ratio: r.ratio === null ? null : round(r.ratio, 2),
    })),
    table,
    peers: peers.map((f) => ({ ...f, saydo: round(f.saydo, 1), peerValue: f.peerValue === null ? null : round(f.peerValue, 1), ratio: f.ratio === null ? null : round(f.ratio, 2) })),
    peersTable: peerTable,
    targets: targets.map((t) => ({ ...t, attained: t.attained === null ? null : round(t.attained, 2) })),
    targetsTable: targetTable,
    memory: { peakRssMb, heapUsedMbAtEnd: round(process.memoryUsage().heapUsed / 1024 / 1024, 1) },
    totalSeconds: round(total.seconds, 1),
  }, MODE);
  process.stdout.write(`results written to ${path}\n`);
}

/** The store's 1,000-event appends beside the raw multi-row INSERT of the same rows (the append benchmark's baseline). */
function multiRowInsertPeer(append: BenchResult): PeerFigure {
  return peerFigure({
    figure: 'store: 1,000 events/append (Saydo workload)',
    unit: 'events/s',
    saydo: append.eventsPerSecond,
    peer: 'raw pg multi-row INSERT ... unnest of the same rows',
    peerValue: append.baseline?.eventsPerSecond ?? null,
    target: '>= 0.7x raw multi-row INSERT',
    meets: ({ ratio }) => (ratio ?? 0) >= 0.7,
  });
}

main().catch((error: unknown) => {
  if (wasInterrupted()) return;
  process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
