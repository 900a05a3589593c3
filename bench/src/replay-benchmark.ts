import { PostgresEventStore } from '@saydo/event-store';
import { ALL_PROJECTIONS, DEFAULT_REBUILD_CACHED_ROWS, ProjectionApplier, ProjectionRebuild, StoreProjectionRunner } from '@saydo/read-models';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { BenchResult, latencySummary, rate, round } from './bench-result';
import { scanLog } from './raw-log-scan';
import { readModelRowCounts, resetReadModels } from './read-models';
import { SaydoWorkload } from './saydo-workload';
import { timed } from './stopwatch';

const SCAN_RUNS = 3;

export interface ReplayBenchmarkOptions {
  events: number;
  batchSize: number;
  /** Events per transaction of the rebuild (the rebuild CLI's default). */
  rebuildBatchSize: number;
  principal: string;
}

/**
 * Fills the log through the store (1,000-event batches, generated on the fly to keep the process
 * small), empties the read models and checkpoints, then times a raw keyset scan of the whole log
 * (baseline, median of three), a full rebuild of ALL_PROJECTIONS (ProjectionRebuild: shadow
 * tables from position 0, then the switch, as `npm run rebuild -- all` does) and, on emptied read
 * models again, StoreProjectionRunner.catchUp() from position 0 to the head (the live feed
 * catching up; each once: a replay is long enough to average out the machine's noise).
 */
export async function benchmarkReplay(
  dataSource: DataSource,
  pool: Pool,
  store: PostgresEventStore,
  workload: SaydoWorkload,
  options: ReplayBenchmarkOptions,
): Promise<BenchResult[]> {
  const { events, batchSize, rebuildBatchSize, principal } = options;
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
  // The scan takes about a second, so one run is at the mercy of the machine: take the median of three.
  const scans: number[] = [];
  for (let run = 0; run < SCAN_RUNS; run += 1) {
    const scan = await timed(() => scanLog(pool, batchSize));
    if (scan.result.events !== events) throw new Error(`raw scan read ${scan.result.events} events, expected ${events}`);
    scans.push(scan.seconds);
  }
  const scanSeconds = [...scans].sort((a, b) => a - b)[Math.floor(SCAN_RUNS / 2)];

  const baseline = {
    description: `raw pg keyset scan of the whole log (SELECT * ... WHERE position > $1 ORDER BY position LIMIT ${batchSize}), median of ${SCAN_RUNS} runs`,
    seconds: scanSeconds,
    eventsPerSecond: rate(events, scanSeconds),
  };
  const scanNote = `raw scan runs: ${scans.map((seconds) => `${seconds.toFixed(2)} s`).join(', ')}`;

  const rebuild = new ProjectionRebuild(pool, dataSource, store, ALL_PROJECTIONS, { batchSize: rebuildBatchSize });
  const rebuilt = await timed(async () => {
    await rebuild.prepare(true);
    const built = await timed(() => rebuild.build());
    const switched = await timed(() => rebuild.switchOver());
    return { built, switched };
  });
  if (rebuilt.result.switched.result.position !== head.position) throw new Error(`the rebuild switched at ${rebuilt.result.switched.result.position}, expected ${head.position}`);
  const rebuiltRows = await readModelRowCounts(pool);

  await resetReadModels(pool);
  const applier = new ProjectionApplier(dataSource, ALL_PROJECTIONS);
  const runner = new StoreProjectionRunner(pool, store, applier, { batchSize, pollIntervalMs: 60_000 });
  const replay = await timed(() => runner.catchUp());
  if (replay.result !== head.position) throw new Error(`catchUp reached ${replay.result}, expected ${head.position}`);

  const readModelRows = await readModelRowCounts(pool);
  if (JSON.stringify(readModelRows) !== JSON.stringify(rebuiltRows)) throw new Error(`the rebuild wrote ${JSON.stringify(rebuiltRows)}, the replay ${JSON.stringify(readModelRows)}`);
  const emptyTables = Object.keys(readModelRows).filter((table) => readModelRows[table] === 0);
  const rowsNote = `rows written: ${Object.entries(readModelRows).map(([table, count]) => `${table} ${count.toLocaleString('en-US')}`).join(', ')}`;
  const emptyNote = emptyTables.length > 0 ? [`WARNING: the workload wrote nothing to ${emptyTables.join(', ')}; the replay does not exercise every projection`] : [];
  return [
    {
      benchmark: `full rebuild, ${ALL_PROJECTIONS.length} projections`,
      events,
      seconds: rebuilt.seconds,
      eventsPerSecond: rate(events, rebuilt.seconds),
      baseline,
      ratio: rebuilt.seconds / scanSeconds,
      details: {
        batchSize: rebuildBatchSize,
        heldRowsPerProjection: DEFAULT_REBUILD_CACHED_ROWS,
        buildSeconds: round(rebuilt.result.built.seconds, 3),
        switchSeconds: round(rebuilt.result.switched.seconds, 3),
        projections: applier.names,
        readModelRows: rebuiltRows,
      },
      notes: [
        `ProjectionRebuild into shadow tables from position 0 (${rebuildBatchSize.toLocaleString('en-US')} events per transaction, the rebuild CLI's default), then the switch: build ${rebuilt.result.built.seconds.toFixed(2)} s (commitments and stakeholders held in memory and written once at its end, the timeline and the links appended without their keys; keys and secondary indexes built at its end, one table per connection), switch ${rebuilt.result.switched.seconds.toFixed(2)} s`,
        scanNote,
      ],
    },
    {
      benchmark: `live catch-up replay, ${ALL_PROJECTIONS.length} projections`,
      events,
      seconds: replay.seconds,
      eventsPerSecond: rate(events, replay.seconds),
      baseline,
      ratio: replay.seconds / scanSeconds,
      details: {
        batchSize,
        scanRunsSeconds: scans.map((seconds) => round(seconds, 3)),
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
        `StoreProjectionRunner.catchUp() from position 0 on emptied read models (${batchSize.toLocaleString('en-US')} events per transaction, live tables with all their indexes)`,
        rowsNote,
        ...emptyNote,
        `setup (not in the ratio): loading the ${events.toLocaleString('en-US')}-event log through the store took ${load.seconds.toFixed(2)} s (${Math.round(rate(events, load.seconds)).toLocaleString('en-US')} events/s)`,
      ],
    },
  ];
}
