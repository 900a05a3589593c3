/** One line of the results table, and one entry of a results file under bench/results/. */
export interface BenchResult {
  benchmark: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** What the same work costs without the code under test; null for a row that is itself the comparison. */
  baseline: {
    description: string;
    seconds: number;
    eventsPerSecond: number;
  } | null;
  /** Time / baseline time: how many times slower than the baseline doing the same work (lag rows: lag p50 / baseline lag p50). */
  ratio: number | null;
  /** Commit-to-visible lag per event, for the end-to-end rows. */
  lag?: LatencySummary;
  details: Record<string, unknown>;
  /** Human-readable lines printed under the table (what else was measured, and how). */
  notes: string[];
}

export function rate(events: number, seconds: number): number {
  return seconds > 0 ? events / seconds : 0;
}

export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Median, 99th percentile and maximum of latencies given in seconds, in milliseconds. */
export function latencySummary(secondsPerBatch: readonly number[]): LatencySummary {
  const sorted = [...secondsPerBatch].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 1000;
  return { p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted[sorted.length - 1] * 1000) };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
