import 'reflect-metadata';
import { cpus } from 'node:os';
import { PostgresEventStore } from '@saydo/event-store';
import { benchmarkAppend } from './append-benchmark';
import { createBenchDatabase } from './bench-database';
import { BenchResult, round } from './bench-result';
import { onInterrupt, wasInterrupted } from './interrupt';
import { createRawEventsTable, RAW_UNNEST_TABLE, RAW_VALUES_TABLE } from './raw-events-table';
import { benchmarkReplay } from './replay-benchmark';
import { writeResults } from './results-file';
import { resultsTable } from './results-table';
import { SaydoWorkload } from './saydo-workload';
import { timed } from './stopwatch';

/** Sizes can be scaled down for a quick check (BENCH_REPLAY_EVENTS=5000 BENCH_APPEND_EVENTS=2000). */
const REPLAY_EVENTS = positiveInteger('BENCH_REPLAY_EVENTS', 100_000);
const APPEND_EVENTS = positiveInteger('BENCH_APPEND_EVENTS', 20_000);
const APPEND_BATCH_SIZES = [100, 1_000];
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
    const db = await createBenchDatabase();
    const removeHandlers = onInterrupt(db.drop);
    log(`database ${db.name} created and migrated (PostgreSQL ${db.serverVersion})`);
    try {
      const store = new PostgresEventStore(db.pool);
      const workload = new SaydoWorkload();

      // The replay needs a log of exactly REPLAY_EVENTS, so it runs first; the appends then land on a realistic, non-empty log.
      log(`appending ${REPLAY_EVENTS} events for the replay, then replaying them...`);
      const replay = await benchmarkReplay(db.dataSource, db.pool, store, workload, { events: REPLAY_EVENTS, batchSize: 1_000, principal: PRINCIPAL });
      log(`replay: ${replay.seconds.toFixed(2)} s`);

      await createRawEventsTable(db.pool, RAW_UNNEST_TABLE);
      await createRawEventsTable(db.pool, RAW_VALUES_TABLE);
      const appends: BenchResult[] = [];
      for (const batchSize of APPEND_BATCH_SIZES) {
        log(`appending ${APPEND_EVENTS} events in batches of ${batchSize} (store, raw unnest INSERT, raw VALUES INSERT, interleaved)...`);
        appends.push(await benchmarkAppend(db.pool, store, workload, { batchSize, batches: Math.ceil(APPEND_EVENTS / batchSize), principal: PRINCIPAL }));
        log(`append ${batchSize}/batch: ${appends[appends.length - 1].seconds.toFixed(2)} s`);
      }
      return { results: [...appends, replay], serverVersion: db.serverVersion };
    } finally {
      await db.drop();
      removeHandlers();
      log(`database ${db.name} dropped`);
    }
  });

  const { results, serverVersion } = total.result;
  const usage = process.resourceUsage();
  const peakRssMb = round(usage.maxRSS / 1024, 1);
  const table = resultsTable(results);
  process.stdout.write(`\n${table}\n\n`);
  process.stdout.write(`ratio = store seconds / baseline seconds (how many times slower than the raw SQL doing the same rows).\n`);
  for (const r of results) {
    process.stdout.write(`\n${r.benchmark}\n  baseline: ${r.baseline.description}\n`);
    for (const note of r.notes) process.stdout.write(`  ${note}\n`);
  }
  process.stdout.write('\n');
  process.stdout.write(`peak RSS (process.resourceUsage().maxRSS): ${peakRssMb} MB; whole run ${total.seconds.toFixed(1)} s\n`);

  const path = await writeResults({
    generatedAt: new Date().toISOString(),
    environment: { node: process.version, postgres: serverVersion, cpus: cpus().length, platform: `${process.platform}-${process.arch}` },
    config: { replayEvents: REPLAY_EVENTS, appendEventsPerBatchSize: APPEND_EVENTS, appendBatchSizes: APPEND_BATCH_SIZES },
    results: results.map((r) => ({
      ...r,
      seconds: round(r.seconds, 3),
      eventsPerSecond: round(r.eventsPerSecond, 1),
      baseline: { ...r.baseline, seconds: round(r.baseline.seconds, 3), eventsPerSecond: round(r.baseline.eventsPerSecond, 1) },
      ratio: round(r.ratio, 2),
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
