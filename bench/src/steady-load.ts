import { PostgresEventStore } from '@saydo/event-store';
import { SaydoWorkload } from './saydo-workload';

export interface SteadyLoadOptions {
  eventsPerSecond: number;
  seconds: number;
  batchSize: number;
  principal: string;
  /** Called after each commit with the positions it took and when append() returned (performance.now() ms). */
  onCommitted: (from: number, to: number, committedAt: number) => void;
}

export interface SteadyLoadResult {
  events: number;
  batches: number;
  seconds: number;
  /** How late the latest batch started against its schedule (the writer falling behind), in ms. */
  maxScheduleSlipMs: number;
  appendLatenciesSeconds: number[];
}

/**
 * Appends `batchSize`-event batches through the store on a fixed schedule (batch k is due at
 * start + k * batchSize / eventsPerSecond), one at a time, as a steady stream of API writes would.
 * A batch that comes due while the previous append still runs starts right after it.
 */
export async function runSteadyLoad(store: PostgresEventStore, workload: SaydoWorkload, options: SteadyLoadOptions): Promise<SteadyLoadResult> {
  const { eventsPerSecond, seconds, batchSize, principal, onCommitted } = options;
  const intervalMs = (1000 * batchSize) / eventsPerSecond;
  const batches = Math.round((eventsPerSecond * seconds) / batchSize);
  const appendLatenciesSeconds: number[] = [];
  let maxScheduleSlipMs = 0;
  let events = 0;
  const start = performance.now();
  for (let k = 0; k < batches; k += 1) {
    const due = start + k * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const batch = workload.nextBatch(batchSize);
    const began = performance.now();
    maxScheduleSlipMs = Math.max(maxScheduleSlipMs, began - due);
    const { events: appended } = await store.append(batch.events, { principal, expectedVersions: batch.expectedVersions });
    const committedAt = performance.now();
    appendLatenciesSeconds.push((committedAt - began) / 1000);
    onCommitted(appended[0].position, appended[appended.length - 1].position, committedAt);
    events += appended.length;
  }
  return { events, batches, seconds: (performance.now() - start) / 1000, maxScheduleSlipMs, appendLatenciesSeconds };
}
