import { markdownTable } from '../markdown-table';

/** One figure of Saydo beside its peer, measured in the same run on the same database. */
export interface PeerFigure {
  figure: string;
  unit: 'commands/s' | 'events/s' | 'appends/s' | 'reads/s' | 'rows/s';
  saydo: number;
  saydoLatency?: { p50Ms: number; p99Ms: number };
  peer: string | null;
  peerValue: number | null;
  peerLatency?: { p50Ms: number; p99Ms: number };
  /** Saydo / peer (higher is better for Saydo); null without a peer. */
  ratio: number | null;
  target: string;
  met: boolean | null;
  notes: string[];
}

export function peerFigure(input: Omit<PeerFigure, 'ratio' | 'met' | 'notes'> & { notes?: string[]; meets?: (f: { saydo: number; ratio: number | null; p99Ms?: number }) => boolean }): PeerFigure {
  const ratio = input.peerValue ? input.saydo / input.peerValue : null;
  const { meets, ...rest } = input;
  return {
    ...rest,
    notes: input.notes ?? [],
    ratio,
    met: meets ? meets({ saydo: input.saydo, ratio, p99Ms: input.saydoLatency?.p99Ms }) : null,
  };
}

const HEADER = ['figure', 'Saydo', 'p50/p99 ms', 'peer', 'peer value', 'peer p50/p99 ms', 'Saydo/peer', 'target', 'met'];

/** A Markdown table: each figure, its peer and the ratio (Saydo / peer: above 1 Saydo is faster). */
export function peersTable(figures: readonly PeerFigure[]): string {
  const n = (value: number | null) => (value === null ? '-' : Math.round(value).toLocaleString('en-US'));
  const lat = (l?: { p50Ms: number; p99Ms: number }) => (l ? `${l.p50Ms.toFixed(1)} / ${l.p99Ms.toFixed(1)}` : '-');
  const lines = figures.map((f) => [
    f.figure,
    `${n(f.saydo)} ${f.unit}`,
    lat(f.saydoLatency),
    f.peer ?? '-',
    f.peerValue === null ? '-' : `${n(f.peerValue)} ${f.unit}`,
    lat(f.peerLatency),
    f.ratio === null ? '-' : `${f.ratio.toFixed(2)}x`,
    f.target,
    f.met === null ? '-' : f.met ? 'yes' : 'NO',
  ]);
  return markdownTable(HEADER, lines);
}
