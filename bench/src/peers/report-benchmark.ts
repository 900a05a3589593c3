import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { EVENT_COLUMNS } from '@saydo/event-store';
import { Pool } from 'pg';
import { round } from '../bench-result';
import { repositoryRoot } from '../results-file';
import { ServiceProcess } from '../service-process';
import { timed } from '../stopwatch';
import { PeerFigure, peerFigure } from './peer-figure';

export interface ReportBenchmarkOptions {
  url: string;
  pool: Pool;
  /** Sequential requests timed for the p50/p99. */
  sequential: number;
  readers: number;
  seconds: number;
  /** Stakeholders asked about, at most (those whose event count is nearest `eventsPerStakeholder`). */
  stakeholders: number;
  /** The report size the issue targets (events per stakeholder); BENCH_REPORT_EVENTS_PER_STAKEHOLDER, 500 by default. */
  eventsPerStakeholder?: number;
  apiPoolSize: number;
  /** When set, the API runs with node --cpu-prof and writes its profile here. */
  cpuProfileDir?: string;
  log: (message: string) => void;
}

const ADMIN_KEY = 'sdk_bench_admin_key_0123456789abcdef';
const EVENTS_PER_STAKEHOLDER = Number(process.env.BENCH_REPORT_EVENTS_PER_STAKEHOLDER ?? 500);
/** Stakeholders within this share of the target count as its shape; fewer than MIN_STAKEHOLDERS there and the nearest are taken. */
const SHAPE_BAND = 0.4;
const MIN_STAKEHOLDERS = 10;
/** The peer: the rows a report folds, located by the same timeline index, with no fold and no HTTP. */
const PEER_SQL = `SELECT ${EVENT_COLUMNS} FROM events WHERE position IN (SELECT position FROM rm_timeline_entries WHERE stakeholder_id = $1) ORDER BY position`;

/**
 * GET /v1/stakeholders/:id/report through the real API on the log the replay left (read models at
 * its head), for stakeholders of the issue's shape (about 500 events each), its kept folds warmed by
 * one untimed pass: one client in sequence (p50/p99), then `readers` concurrent connections
 * (autocannon) asking live, then the same readers each asking at an instant never asked before
 * (what the turn of the live judgement minute does to every answer at once: each kept fold judged
 * and serialised again). Beside it, raw pg reading the same rows.
 */
export async function benchmarkReports(options: ReportBenchmarkOptions): Promise<PeerFigure[]> {
  const target = options.eventsPerStakeholder ?? EVENTS_PER_STAKEHOLDER;
  const nearest = async (band: number) =>
    (
      await options.pool.query<{ stakeholder_id: string; events: string }>(
        `SELECT stakeholder_id, count(*) AS events FROM rm_timeline_entries GROUP BY stakeholder_id
         HAVING count(*) BETWEEN $2::int * (1 - $3::float) AND $2::int * (1 + $3::float) ORDER BY abs(count(*) - $2::int), stakeholder_id LIMIT $1`,
        [options.stakeholders, target, band],
      )
    ).rows;
  let rows = await nearest(SHAPE_BAND);
  if (rows.length < MIN_STAKEHOLDERS) rows = await nearest(Number.MAX_SAFE_INTEGER);
  // The log as a running service has it: vacuumed and analysed. A log loaded in minutes leaves
  // autovacuum minutes of catching up, which would otherwise land in (and dominate) the p99.
  await options.pool.query('VACUUM (ANALYZE)');
  const ids = rows.map((row) => row.stakeholder_id);
  const eventsEach = rows.map((row) => Number(row.events));
  const meanEvents = Math.round(eventsEach.reduce((a, b) => a + b, 0) / Math.max(1, eventsEach.length));
  const api = await ServiceProcess.start(
    'API',
    resolve(repositoryRoot(), 'dist/apps/api/src/main.js'),
    // The bench's readers share one key where the public would be many clients: the per-client
    // budgets are lifted, the process-wide bound on folds in flight stays the default.
    {
      DATABASE_URL: options.url, SAYDO_ADMIN_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '1000000000', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000000', EXPENSIVE_READS_PER_CLIENT: '1000',
      LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: String(options.apiPoolSize),
    },
    { readyPath: '/health', nodeArgs: options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [] },
  );
  const path = (id: string) => `/v1/stakeholders/${encodeURIComponent(id)}/report`;
  let sequential: number[];
  let concurrent: { perSecond: number; p50Ms: number; p99Ms: number; failed: number };
  let newInstants: { perSecond: number; p50Ms: number; p99Ms: number; failed: number };
  try {
    options.log(`reports: warming ${ids.length} stakeholders' folds (${meanEvents} events each on average)...`);
    for (const id of ids) await get(api.url + path(id));
    sequential = [];
    for (let n = 0; n < options.sequential; n += 1) sequential.push((await timed(() => get(api.url + path(ids[n % ids.length])))).seconds);
    options.log(`reports: ${options.readers} readers for ${options.seconds} s...`);
    let next = 0;
    concurrent = await load(api.url, options, () => path(ids[next++ % ids.length]));
    options.log(`reports: ${options.readers} readers for ${options.seconds} s, each request at a new judgement instant...`);
    let instant = Date.UTC(2030, 0, 1);
    newInstants = await load(api.url, options, () => `${path(ids[next++ % ids.length])}?date=${new Date((instant += 1000)).toISOString()}`);
  } finally {
    await api.stop();
  }

  const peerSequential: number[] = [];
  for (let n = 0; n < options.sequential; n += 1) peerSequential.push((await timed(() => options.pool.query(PEER_SQL, [ids[n % ids.length]]))).seconds);
  const peerConcurrent = await concurrentQueries(options.url, options.readers, options.seconds, ids);

  const latency = (seconds: number[]) => {
    const sorted = [...seconds].sort((a, b) => a - b);
    const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 1000);
    return { p50Ms: at(0.5), p99Ms: at(0.99) };
  };
  const seq = latency(sequential);
  const notes = [`${ids.length} stakeholders, ${meanEvents} events each on average (nearest to the target ${target}: BENCH_REPORT_EVENTS_PER_STAKEHOLDER); folds warm`];
  return [
    peerFigure({
      figure: `HTTP GET report, 1 client in sequence`,
      unit: 'reads/s',
      saydo: sequential.length / sequential.reduce((a, b) => a + b, 0),
      saydoLatency: seq,
      peer: 'raw pg SELECT of the rows the report folds (timeline index), 1 client',
      peerValue: peerSequential.length / peerSequential.reduce((a, b) => a + b, 0),
      peerLatency: latency(peerSequential),
      target: 'p99 <= 10 ms',
      meets: ({ p99Ms }) => (p99Ms ?? Infinity) <= 10,
      notes,
    }),
    peerFigure({
      figure: `HTTP GET report, ${options.readers} readers`,
      unit: 'reads/s',
      saydo: concurrent.perSecond,
      saydoLatency: { p50Ms: concurrent.p50Ms, p99Ms: concurrent.p99Ms },
      peer: `raw pg SELECT of the same rows, ${options.readers} clients`,
      peerValue: peerConcurrent,
      target: '>= 1,500 reports/s',
      meets: ({ saydo }) => saydo >= 1500,
      notes: concurrent.failed ? [`${concurrent.failed} requests failed`] : [],
    }),
    peerFigure({
      figure: `HTTP GET report at a new instant each, ${options.readers} readers`,
      unit: 'reads/s',
      saydo: newInstants.perSecond,
      saydoLatency: { p50Ms: newInstants.p50Ms, p99Ms: newInstants.p99Ms },
      peer: `raw pg SELECT of the same rows, ${options.readers} clients`,
      peerValue: peerConcurrent,
      target: 'none refused (the live minute turning)',
      meets: () => newInstants.failed === 0,
      notes: [`every answer missed the published ones (kept folds judged and serialised again)${newInstants.failed ? `; ${newInstants.failed} requests failed` : ''}`],
    }),
  ];
}

/** `readers` connections for `seconds`, each request's path from `nextPath`. */
async function load(url: string, options: ReportBenchmarkOptions, nextPath: () => string) {
  const result = await autocannon({
    url,
    connections: options.readers,
    duration: options.seconds,
    headers: { authorization: `Bearer ${ADMIN_KEY}` },
    requests: [{ setupRequest: (request) => ({ ...request, method: 'GET', path: nextPath() }) }],
  });
  return { perSecond: result['2xx'] / result.duration, p50Ms: round(result.latency.p50), p99Ms: round(result.latency.p99), failed: result.non2xx + result.errors + result.timeouts };
}

async function get(url: string): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
}

async function concurrentQueries(url: string, clients: number, seconds: number, ids: readonly string[]): Promise<number> {
  const pool = new Pool({ connectionString: url, max: clients });
  try {
    let done = 0;
    let next = 0;
    const until = Date.now() + seconds * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < until) {
          await pool.query(PEER_SQL, [ids[next++ % ids.length]]);
          done += 1;
        }
      }),
    );
    return done / ((Date.now() - started) / 1000);
  } finally {
    await pool.end();
  }
}
