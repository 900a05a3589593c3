import { BenchResult } from './bench-result';

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
  const widths = HEADER.map((h, c) => Math.max(h.length, ...lines.map((line) => line[c].length)));
  const row = (cells: string[]) => `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [row(HEADER), rule, ...lines.map(row)].join('\n');
}
