import { BenchResult } from './bench-result';
import { markdownTable } from './markdown-table';

const HEADER = ['benchmark', 'events', 'seconds', 'events/s', 'baseline events/s', 'ratio', 'lag p50 ms', 'lag p99 ms', 'lag max ms'];
const NONE = '-';

/**
 * A Markdown table: one line per benchmark, the ratio being how many times slower than its
 * baseline; the lag columns are filled for the end-to-end (commit-to-visible) rows only.
 */
export function resultsTable(results: readonly BenchResult[]): string {
  const ms = (value: number | undefined) => (value === undefined ? NONE : value.toFixed(1));
  const lines = results.map((r) => [
    r.benchmark,
    r.events.toLocaleString('en-US'),
    r.seconds.toFixed(2),
    Math.round(r.eventsPerSecond).toLocaleString('en-US'),
    r.baseline ? Math.round(r.baseline.eventsPerSecond).toLocaleString('en-US') : NONE,
    r.ratio === null ? NONE : `${r.ratio.toFixed(2)}x`,
    ms(r.lag?.p50Ms),
    ms(r.lag?.p99Ms),
    ms(r.lag?.maxMs),
  ]);
  return markdownTable(HEADER, lines, (column) => column > 0);
}
