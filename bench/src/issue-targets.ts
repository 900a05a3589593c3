import { BenchResult } from './bench-result';
import { markdownTable } from './markdown-table';
import { PeerFigure } from './peers/peer-figure';

/**
 * The performance issue's targets, each checked against this run's figures: what was measured,
 * how much of the target that is (`attained`: 1 or more is met; for a latency or a duration, the
 * target over the measurement), so a figure that falls short says by how much. Figures are found
 * by the names their benchmarks give them (a prefix, and for peer rows the peer); a target whose
 * figure this run did not measure (a section left out) says so instead of passing.
 */
export interface TargetCheck {
  target: string;
  measured: string;
  attained: number | null;
}

interface Figures {
  results: readonly BenchResult[];
  peers: readonly PeerFigure[];
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');

function peer({ peers }: Figures, figure: string, peerName?: string): PeerFigure | undefined {
  return peers.find((f) => f.figure.startsWith(figure) && (!peerName || (f.peer ?? '').includes(peerName)));
}

function result({ results }: Figures, benchmark: string): BenchResult | undefined {
  return results.find((r) => r.benchmark.startsWith(benchmark));
}

/** Saydo over its peer, at least `times`. */
function peerRatio(target: string, f: PeerFigure | undefined, times: number): TargetCheck {
  if (!f || f.ratio === null) return { target, measured: 'not measured in this run', attained: null };
  return { target, measured: `${n(f.saydo)} ${f.unit} vs ${n(f.peerValue!)} (${f.ratio.toFixed(2)}x)`, attained: f.ratio / times };
}

/** A rate of at least `rate`, and where given a p99 of at most `p99Ms`. */
function rateAndP99(target: string, f: PeerFigure | undefined, rate: number | null, p99Ms: number | null): TargetCheck {
  if (!f) return { target, measured: 'not measured in this run', attained: null };
  const p99 = f.saydoLatency?.p99Ms;
  const parts = [rate === null ? Infinity : f.saydo / rate, p99Ms === null || p99 === undefined ? Infinity : p99Ms / Math.max(p99, 1e-9)];
  const measured = [rate === null ? null : `${n(f.saydo)} ${f.unit}`, p99 === undefined ? null : `p99 ${p99.toFixed(1)} ms`].filter(Boolean).join(', ');
  return { target, measured, attained: Math.min(...parts) };
}

export function issueTargets(figures: Figures): TargetCheck[] {
  const rebuild = result(figures, 'full rebuild');
  const relay = result(figures, 'outbox relay to Kafka');
  const lag = result(figures, 'end-to-end lag, Kafka');
  const projector = result(figures, 'Kafka projector');
  return [
    rateAndP99('1. HTTP single-event commands, 32 connections: >= 3,000/s, p99 <= 25 ms', peer(figures, 'HTTP POST /v1/events'), 3000, 25),
    peerRatio('1. store, 32 writers, 1 event/append: >= 2x emmett', peer(figures, 'store: 32 writers, 1 event/append', 'emmett'), 2),
    peerRatio('1. store, 1 writer, 1 event/append: >= 1x emmett', peer(figures, 'store: 1 writer, 1 event/append', 'emmett'), 1),
    peerRatio('1. store, 1 writer, 100 events/append: >= 1x emmett', peer(figures, 'store: 1 writer, 100 events/append', 'emmett'), 1),
    rateAndP99('2. bulk import, 1,000/batch, 1 client: >= 25,000 events/s', peer(figures, 'HTTP POST /v1/event-batches'), 25_000, null),
    peerRatio('2. store, 1,000 events/append: >= 0.7x raw multi-row INSERT', peer(figures, 'store: 1,000 events/append'), 0.7),
    rebuild
      ? {
          target: '3. rebuild into all projections: >= 50,000 events/s (1M in <= 20 s), >= 0.5x the raw keyset scan',
          measured: `${n(rebuild.eventsPerSecond)} events/s (${n(rebuild.events)} in ${rebuild.seconds.toFixed(1)} s), scan ${n(rebuild.baseline?.eventsPerSecond ?? 0)} events/s`,
          attained: Math.min(rebuild.eventsPerSecond / 50_000, rebuild.baseline ? rebuild.eventsPerSecond / (0.5 * rebuild.baseline.eventsPerSecond) : Infinity),
        }
      : { target: '3. rebuild into all projections: >= 50,000 events/s', measured: 'not measured in this run', attained: null },
    rateAndP99('4. report, 1 client in sequence: p99 <= 10 ms', peer(figures, 'HTTP GET report, 1 client'), null, 10),
    rateAndP99('4. report, 16 readers: >= 1,500 reports/s', peer(figures, 'HTTP GET report, 16 readers'), 1500, null),
    projector
      ? { target: '5. Kafka projector, 6 partitions: >= 20,000 events/s', measured: `${n(projector.eventsPerSecond)} events/s`, attained: projector.eventsPerSecond / 20_000 }
      : { target: '5. Kafka projector, 6 partitions: >= 20,000 events/s', measured: 'not measured in this run', attained: null },
    lag?.lag
      ? { target: '5. Kafka commit-to-visible at 1,000 events/s: p99 <= 100 ms', measured: `p50 ${lag.lag.p50Ms.toFixed(1)} / p99 ${lag.lag.p99Ms.toFixed(1)} ms`, attained: 100 / Math.max(lag.lag.p99Ms, 1e-9) }
      : { target: '5. Kafka commit-to-visible at 1,000 events/s: p99 <= 100 ms', measured: 'not measured in this run', attained: null },
    relay?.baseline
      ? {
          target: '5. relay: >= 0.7x a raw kafkajs producer',
          measured: `${n(relay.eventsPerSecond)} vs ${n(relay.baseline.eventsPerSecond)} events/s (${(relay.eventsPerSecond / relay.baseline.eventsPerSecond).toFixed(2)}x)`,
          attained: relay.eventsPerSecond / relay.baseline.eventsPerSecond / 0.7,
        }
      : { target: '5. relay: >= 0.7x a raw kafkajs producer', measured: 'not measured in this run', attained: null },
  ];
}

/** A Markdown table of the checks: met, or short by how much (the share of the target attained). */
export function targetsTable(checks: readonly TargetCheck[]): string {
  const verdict = (attained: number | null) => (attained === null ? '-' : attained >= 1 ? 'yes' : `NO (${Math.round(attained * 100)}% of target)`);
  const lines = checks.map((c) => [c.target, c.measured, verdict(c.attained)]);
  return markdownTable(['target (issue 10)', 'measured (this run)', 'met'], lines);
}
