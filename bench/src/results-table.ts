import { BenchResult } from './bench-result';

const HEADER = ['benchmark', 'events', 'seconds', 'events/s', 'baseline events/s', 'ratio'];

/** A Markdown table: one line per benchmark, the ratio being how many times slower than its baseline. */
export function resultsTable(results: readonly BenchResult[]): string {
  const lines = results.map((r) => [
    r.benchmark,
    r.events.toLocaleString('en-US'),
    r.seconds.toFixed(2),
    Math.round(r.eventsPerSecond).toLocaleString('en-US'),
    Math.round(r.baseline.eventsPerSecond).toLocaleString('en-US'),
    `${r.ratio.toFixed(2)}x`,
  ]);
  const widths = HEADER.map((h, c) => Math.max(h.length, ...lines.map((line) => line[c].length)));
  const row = (cells: string[]) => `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [row(HEADER), rule, ...lines.map(row)].join('\n');
}
