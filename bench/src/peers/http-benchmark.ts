import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { round } from '../bench-result';
import { repositoryRoot } from '../results-file';
import { ServiceProcess } from '../service-process';
import { idSource, registrationCommand } from '../http-bodies';
import { PeerFigure, peerFigure } from './peer-figure';

export interface HttpBenchmarkOptions {
  url: string;
  pool: Pool;
  seconds: number;
  connections: number;
  bulkBatches: number;
  bulkBatchSize: number;
  /** The API's DATABASE_POOL_SIZE. */
  apiPoolSize: number;
  /** When set, the API runs with node --cpu-prof and writes its profile here. */
  cpuProfileDir?: string;
  log: (message: string) => void;
}

const BARE_TABLE = 'bench_bare_http';
const ADMIN_KEY = 'sdk_bench_admin_key_0123456789abcdef';

interface LoadResult {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  failed: number;
}

/**
 * The HTTP figures: the real API (built, its own process, embedded projector as deployed) under
 * autocannon at `connections` connections, one single-event command per request, beside a bare
 * Fastify route inserting the same body as one row under the same load; then bulk import through
 * POST /v1/event-batches from one client.
 */
export async function benchmarkHttp(options: HttpBenchmarkOptions): Promise<PeerFigure[]> {
  await options.pool.query(`CREATE TABLE IF NOT EXISTS ${BARE_TABLE} (id bigserial PRIMARY KEY, body jsonb NOT NULL)`);
  const root = repositoryRoot();
  const api = await ServiceProcess.start(
    'API',
    resolve(root, 'dist/apps/api/src/main.js'),
    { DATABASE_URL: options.url, SAYDO_ADMIN_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '1000000000', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: String(options.apiPoolSize) },
    { readyPath: '/health', nodeArgs: options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [] },
  );
  let single: LoadResult;
  let bulk: LoadResult;
  try {
    const nextId = idSource('http');
    await load(api.url, '/v1/events', 1, 2, () => registrationCommand(nextId())); // warm-up, untimed
    options.log(`API: ${options.connections} connections, one StakeholderRegistered per request, ${options.seconds} s...`);
    single = await load(api.url, '/v1/events', options.connections, options.seconds, () => registrationCommand(nextId()));
    options.log(`API: ${Math.round(single.perSecond)} commands/s, p99 ${single.p99Ms} ms, ${single.failed} failed`);
    options.log(`API: bulk import, ${options.bulkBatches} batches of ${options.bulkBatchSize} from one client...`);
    bulk = await load(api.url, '/v1/event-batches', 1, { amount: options.bulkBatches }, () => ({
      events: Array.from({ length: options.bulkBatchSize }, () => registrationCommand(nextId())),
    }));
    options.log(`API: bulk ${Math.round(bulk.perSecond * options.bulkBatchSize)} events/s, ${bulk.failed} failed`);
  } finally {
    await api.stop();
  }

  const bare = await ServiceProcess.start('bare Fastify', resolve(__dirname, 'bare-fastify-server.js'), { DATABASE_URL: options.url, TABLE: BARE_TABLE, POOL_SIZE: String(options.connections) }, { readyPath: '/health' });
  let peer: LoadResult;
  try {
    const nextId = idSource('bare');
    await load(bare.url, '/events', 1, 2, () => registrationCommand(nextId()));
    peer = await load(bare.url, '/events', options.connections, options.seconds, () => registrationCommand(nextId()));
    options.log(`bare Fastify: ${Math.round(peer.perSecond)} inserts/s, p99 ${peer.p99Ms} ms`);
  } finally {
    await bare.stop();
  }

  const failures = (r: LoadResult) => (r.failed ? [`${r.failed} requests failed (non-2xx or errors)`] : []);
  return [
    peerFigure({
      figure: `HTTP POST /v1/events, 1 event/command, ${options.connections} connections`,
      unit: 'commands/s',
      saydo: single.perSecond,
      saydoLatency: { p50Ms: single.p50Ms, p99Ms: single.p99Ms },
      peer: 'bare Fastify route, 1-row autocommit INSERT of the same body',
      peerValue: peer.perSecond,
      peerLatency: { p50Ms: peer.p50Ms, p99Ms: peer.p99Ms },
      target: '>= 3,000/s, p99 <= 25 ms',
      meets: ({ saydo, p99Ms }) => saydo >= 3000 && (p99Ms ?? Infinity) <= 25,
      notes: [...failures(single), ...failures(peer)],
    }),
    peerFigure({
      figure: `HTTP POST /v1/event-batches, ${options.bulkBatchSize}/batch, 1 client`,
      unit: 'events/s',
      saydo: bulk.perSecond * options.bulkBatchSize,
      saydoLatency: { p50Ms: bulk.p50Ms, p99Ms: bulk.p99Ms },
      peer: null,
      peerValue: null,
      target: '>= 25,000 events/s',
      meets: ({ saydo }) => saydo >= 25_000,
      notes: failures(bulk),
    }),
  ];
}

async function load(baseUrl: string, path: string, connections: number, length: number | { amount: number }, body: () => unknown): Promise<LoadResult> {
  const result = await autocannon({
    url: baseUrl + path,
    method: 'POST',
    connections,
    ...(typeof length === 'number' ? { duration: length } : { amount: length.amount }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(body()) }) }],
  });
  const ok = result['2xx'];
  return {
    perSecond: ok / result.duration,
    p50Ms: round(result.latency.p50),
    p99Ms: round(result.latency.p99),
    ok,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}
