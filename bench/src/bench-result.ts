/** One line of the results table, and one entry of bench/results/latest.json. */
export interface BenchResult {
  benchmark: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  baseline: {
    description: string;
    seconds: number;
    eventsPerSecond: number;
  };
  /** Store time / baseline time: how many times slower than the raw SQL doing the same rows. */
  ratio: number;
  details: Record<string, unknown>;
  /** Human-readable lines printed under the table (what else was measured, and how). */
  notes: string[];
}

export function rate(events: number, seconds: number): number {
  return seconds > 0 ? events / seconds : 0;
}

/** Median and 99th percentile of per-batch latencies, in milliseconds. */
export function latencySummary(secondsPerBatch: readonly number[]): { p50Ms: number; p99Ms: number; maxMs: number } {
  const sorted = [...secondsPerBatch].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 1000;
  return { p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted[sorted.length - 1] * 1000) };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
