import { PostgresEventStore } from '@saydo/event-store';
import { ALL_PROJECTIONS, ProjectionApplier, StoreProjectionRunner } from '@saydo/read-models';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { BenchResult, latencySummary, rate, round } from './bench-result';
import { scanLog } from './raw-log-scan';
import { readModelRowCounts, resetReadModels } from './read-models';
import { SaydoWorkload } from './saydo-workload';
import { timed } from './stopwatch';

export interface ReplayBenchmarkOptions {
  events: number;
  batchSize: number;
  principal: string;
}

/**
 * Fills the log through the store (1,000-event batches, generated on the fly to keep the process
 * small), empties the read models and checkpoints, then times a raw keyset scan of the whole log
 * (baseline) and StoreProjectionRunner.catchUp() from position 0 to the head with ALL_PROJECTIONS.
 */
export async function benchmarkReplay(
  dataSource: DataSource,
  pool: Pool,
  store: PostgresEventStore,
  workload: SaydoWorkload,
  options: ReplayBenchmarkOptions,
): Promise<BenchResult> {
  const { events, batchSize, principal } = options;
  const loadLatencies: number[] = [];
  const load = await timed(async () => {
    for (let appended = 0; appended < events; appended += batchSize) {
      const batch = workload.nextBatch(Math.min(batchSize, events - appended));
      loadLatencies.push((await timed(() => store.append(batch.events, { principal, expectedVersions: batch.expectedVersions }))).seconds);
    }
  });
  const head = await store.head();
  if (head.position !== events) throw new Error(`log head is ${head.position}, expected ${events}`);
  await pool.query('VACUUM ANALYZE events');

  await resetReadModels(pool);
  const scan = await timed(() => scanLog(pool, batchSize));
  if (scan.result.events !== events) throw new Error(`raw scan read ${scan.result.events} events, expected ${events}`);

  const applier = new ProjectionApplier(dataSource, ALL_PROJECTIONS);
  const runner = new StoreProjectionRunner(pool, store, applier, { batchSize, pollIntervalMs: 60_000 });
  const replay = await timed(() => runner.catchUp());
  if (replay.result !== head.position) throw new Error(`catchUp reached ${replay.result}, expected ${head.position}`);

  const readModelRows = await readModelRowCounts(pool);
  return {
    benchmark: `projection replay, ${ALL_PROJECTIONS.length} projections`,
    events,
    seconds: replay.seconds,
    eventsPerSecond: rate(events, replay.seconds),
    baseline: {
      description: `raw pg keyset scan of the whole log (SELECT * ... WHERE position > $1 ORDER BY position LIMIT ${batchSize})`,
      seconds: scan.seconds,
      eventsPerSecond: rate(events, scan.seconds),
    },
    ratio: replay.seconds / scan.seconds,
    details: {
      batchSize,
      projections: applier.names,
      eventMix: { ...workload.counts },
      readModelRows,
      logLoad: {
        note: `setup, not part of the ratio: ${events} events appended through the store in ${batchSize}-event batches`,
        seconds: round(load.seconds),
        eventsPerSecond: round(rate(events, load.seconds)),
        batchLatency: latencySummary(loadLatencies),
      },
    },
    notes: [
      `rows written: ${Object.entries(readModelRows).map(([table, count]) => `${table} ${count.toLocaleString('en-US')}`).join(', ')}`,
      `setup (not in the ratio): loading the ${events.toLocaleString('en-US')}-event log through the store took ${load.seconds.toFixed(2)} s (${Math.round(rate(events, load.seconds)).toLocaleString('en-US')} events/s)`,
    ],
  };
}
