/** A Markdown table with padded columns; `numeric` columns are right-aligned (and marked so in the rule). */
export function markdownTable(header: readonly string[], lines: readonly string[][], numeric: (column: number) => boolean = () => false): string {
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((line) => line[c].length)));
  const row = (cells: readonly string[]) => `| ${cells.map((cell, c) => (numeric(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (numeric(c) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [row(header), rule, ...lines.map(row)].join('\n');
}
