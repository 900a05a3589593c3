import { AppendedEvent, chainHash, GENESIS_HASH, PostgresEventStore, StoredEvent } from '@saydo/event-store';
import { Pool } from 'pg';
import { BenchResult, latencySummary, rate, round } from './bench-result';
import { insertRawUnnest, insertRawValues, storedRows } from './raw-events-table';
import { SaydoWorkload } from './saydo-workload';
import { timed } from './stopwatch';

export interface AppendBenchmarkOptions {
  batchSize: number;
  batches: number;
  principal: string;
}

type Lane = 'store' | 'unnest' | 'values';
const RAW_LANES: readonly Lane[] = ['unnest', 'values'];

/**
 * Appends `batches` batches through PostgresEventStore.append (advisory lock, version check, hash
 * chain, outbox, notify, one transaction each) and writes the very same rows (positions, versions,
 * hashes and recorded times as the store assigned them) into plain copies of the table with one
 * raw multi-row INSERT per batch: the store's unnest shape (the baseline) and INSERT ... VALUES.
 * The three lanes run batch by batch (store first, the raw two alternating), so the load of a shared machine and the
 * growth of the tables hit them alike. Workload generation and row rebuilding are never timed.
 */
export async function benchmarkAppend(pool: Pool, store: PostgresEventStore, workload: SaydoWorkload, options: AppendBenchmarkOptions): Promise<BenchResult> {
  const { batchSize, batches, principal } = options;
  const generated = workload.batches(batches, batchSize);
  const events = batchSize * batches;
  const latencies: Record<Lane, number[]> = { store: [], unnest: [], values: [] };
  const allRows: StoredEvent[][] = [];

  for (const [i, batch] of generated.entries()) {
    let appended: AppendedEvent[] = [];
    let rows: StoredEvent[] = [];
    const run: Record<Lane, () => Promise<void>> = {
      store: async () => {
        appended = (await store.append(batch.events, { principal, expectedVersions: batch.expectedVersions })).events;
      },
      unnest: () => insertRawUnnest(pool, rows),
      values: () => insertRawValues(pool, rows),
    };
    latencies.store.push((await timed(run.store)).seconds);
    rows = storedRows(batch.events, appended, principal);
    // The raw lanes need the rows the store assigned, so the store goes first; the other two alternate.
    for (const lane of i % 2 === 0 ? RAW_LANES : [...RAW_LANES].reverse()) latencies[lane].push((await timed(run[lane])).seconds);
    allRows.push(rows);
  }

  // How much of the store's time is the hash chain alone (canonical JSON + SHA-256, pure CPU).
  const hashing = await timed(async () => {
    let previous = GENESIS_HASH;
    for (const batchRows of allRows) for (const row of batchRows) previous = chainHash(previous, row);
    return previous;
  });

  const seconds = (lane: Lane) => latencies[lane].reduce((sum, s) => sum + s, 0);
  const perSecond = (lane: Lane) => Math.round(rate(events, seconds(lane))).toLocaleString('en-US');
  const p50p99 = (lane: Lane) => {
    const { p50Ms, p99Ms } = latencySummary(latencies[lane]);
    return `p50 ${p50Ms} ms, p99 ${p99Ms} ms`;
  };
  return {
    benchmark: `append, ${batchSize.toLocaleString('en-US')} events/batch`,
    events,
    seconds: seconds('store'),
    eventsPerSecond: rate(events, seconds('store')),
    baseline: {
      description: `raw pg multi-row INSERT ... SELECT FROM unnest (the store's statement, one per ${batchSize} rows, autocommit) of the same rows into a trigger-less copy of events`,
      seconds: seconds('unnest'),
      eventsPerSecond: rate(events, seconds('unnest')),
    },
    ratio: seconds('store') / seconds('unnest'),
    details: {
      batches,
      streamsPerBatch: round(generated.reduce((sum, batch) => sum + batch.expectedVersions.size, 0) / batches, 1),
      storeBatchLatency: latencySummary(latencies.store),
      baselineBatchLatency: latencySummary(latencies.unnest),
      insertValuesBaseline: {
        description: `raw pg INSERT ... VALUES (15 parameters per row, ${batchSize} rows per statement) of the same rows`,
        seconds: round(seconds('values'), 3),
        eventsPerSecond: round(rate(events, seconds('values')), 1),
        ratio: round(seconds('store') / seconds('values'), 2),
        batchLatency: latencySummary(latencies.values),
      },
      hashChainCpuSeconds: round(hashing.seconds, 3),
      hashChainShareOfStoreTime: round(hashing.seconds / seconds('store'), 3),
    },
    notes: [
      `per batch: store ${p50p99('store')}; raw unnest ${p50p99('unnest')}; raw VALUES ${p50p99('values')}`,
      `raw INSERT ... VALUES of the same rows: ${perSecond('values')} events/s (store/VALUES time ratio ${(seconds('store') / seconds('values')).toFixed(2)}x)`,
      `hash chain alone (canonicalize + SHA-256, CPU): ${hashing.seconds.toFixed(2)} s = ${Math.round((100 * hashing.seconds) / seconds('store'))}% of the store's time`,
    ],
  };
}
