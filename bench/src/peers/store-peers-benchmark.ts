import { randomUUID } from 'node:crypto';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { requirePartialDate } from '@saydo/domain';
import { NewEvent, PostgresEventStore } from '@saydo/event-store';
import { Pool } from 'pg';
import { latencySummary } from '../bench-result';
import { timed } from '../stopwatch';
import { PeerFigure, peerFigure } from './peer-figure';

export interface StorePeersOptions {
  url: string;
  /** Single-event appends per scenario (split among the writers). */
  appends: number;
  /** 100-event appends in the batch scenario. */
  batchAppends: number;
  /** Reads of a 100-event stream. */
  reads: number;
  writers: number;
  principal: string;
  log: (message: string) => void;
}

/** About 1 KB of data per event, the same bytes for both stores. */
const TEXT = 'The board pledged to publish every deployment review and to refuse surveillance contracts. '.repeat(10).slice(0, 900);
const BATCH = 100;

interface Lane {
  name: string;
  append(streamId: string, count: number, expectedVersion: number): Promise<void>;
  read(streamId: string): Promise<number>;
  close(): Promise<void>;
}

function saydoLane(url: string, writers: number, principal: string): Lane {
  const pool = new Pool({ connectionString: url, max: writers + 1, application_name: 'saydo-bench-store' });
  const store = new PostgresEventStore(pool);
  return {
    name: 'Saydo PostgresEventStore',
    async append(streamId, count, expectedVersion) {
      await store.append(Array.from({ length: count }, (_, i) => saydoEvent(streamId, expectedVersion + i)), { principal, expectedVersions: new Map([[streamId, expectedVersion]]) });
    },
    async read(streamId) {
      return (await store.readStream(streamId)).length;
    },
    close: () => pool.end(),
  };
}

function emmettLane(url: string, writers: number): Lane {
  const pool = new Pool({ connectionString: url, max: writers + 1, application_name: 'saydo-bench-emmett' });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  return {
    name: 'emmett-postgresql 0.42 (appendToStream / readStream)',
    async append(streamId, count, expectedVersion) {
      const events = Array.from({ length: count }, (_, i) => ({ type: 'BenchEventRecorded', data: { text: TEXT, sequence: expectedVersion + i } }));
      await store.appendToStream(streamId, events, { expectedStreamVersion: expectedVersion === 0 ? STREAM_DOES_NOT_EXIST : BigInt(expectedVersion) });
    },
    async read(streamId) {
      return (await store.readStream(streamId)).events.length;
    },
    async close() {
      await store.close();
      await pool.end();
    },
  };
}

/** The floor: plain pg on a bare table (id, stream, ~1 KB jsonb), autocommit; a multi-row append is one INSERT ... SELECT FROM unnest. */
async function rawPgLane(url: string, writers: number): Promise<Lane> {
  const pool = new Pool({ connectionString: url, max: writers + 1, application_name: 'saydo-bench-raw' });
  await pool.query(`CREATE TABLE IF NOT EXISTS ${RAW_TABLE} (id bigserial PRIMARY KEY, stream_id text NOT NULL, data jsonb NOT NULL)`);
  await pool.query(`CREATE INDEX IF NOT EXISTS ${RAW_TABLE}_stream ON ${RAW_TABLE} (stream_id, id)`);
  return {
    name: 'raw pg (autocommit INSERT / indexed SELECT, no checks)',
    async append(streamId, count, expectedVersion) {
      if (count === 1) {
        await pool.query(`INSERT INTO ${RAW_TABLE} (stream_id, data) VALUES ($1, $2)`, [streamId, { text: TEXT, sequence: expectedVersion }]);
        return;
      }
      const data = Array.from({ length: count }, (_, i) => JSON.stringify({ text: TEXT, sequence: expectedVersion + i }));
      await pool.query(`INSERT INTO ${RAW_TABLE} (stream_id, data) SELECT $1, d FROM unnest($2::jsonb[]) AS d`, [streamId, data]);
    },
    async read(streamId) {
      return (await pool.query(`SELECT id, stream_id, data FROM ${RAW_TABLE} WHERE stream_id = $1 ORDER BY id`, [streamId])).rowCount ?? 0;
    },
    close: () => pool.end(),
  };
}

const RAW_TABLE = 'bench_raw_appends';

function saydoEvent(streamId: string, sequence: number): NewEvent {
  return {
    eventId: randomUUID(),
    streamId,
    type: 'BenchEventRecorded',
    schemaVersion: 1,
    data: { text: TEXT, sequence },
    metadata: { sources: [], subjects: [] },
    occurredAt: requirePartialDate('2025-04'),
  };
}

interface Measured {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** `writers` writers, each appending `perWriter` times `size` events to its own stream with exact expected versions. */
async function appendLoad(lane: Lane, writers: number, perWriter: number, size: number): Promise<Measured> {
  const latencies: number[] = [];
  const run = randomUUID().slice(0, 8);
  const total = await timed(() =>
    Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const streamId = `bench-${run}-${w}`;
        for (let i = 0; i < perWriter; i++) latencies.push((await timed(() => lane.append(streamId, size, i * size))).seconds);
      }),
    ),
  );
  const { p50Ms, p99Ms } = latencySummary(latencies);
  return { perSecond: (writers * perWriter) / total.seconds, p50Ms, p99Ms };
}

async function readLoad(lane: Lane, reads: number): Promise<Measured> {
  const streamId = `bench-read-${randomUUID().slice(0, 8)}`;
  await lane.append(streamId, BATCH, 0);
  const latencies: number[] = [];
  const total = await timed(async () => {
    for (let i = 0; i < reads; i++) {
      const { seconds, result } = await timed(() => lane.read(streamId));
      if (result !== BATCH) throw new Error(`${lane.name} read ${result} events, expected ${BATCH}`);
      latencies.push(seconds);
    }
  });
  const { p50Ms, p99Ms } = latencySummary(latencies);
  return { perSecond: reads / total.seconds, p50Ms, p99Ms };
}

/**
 * Saydo's store beside emmett's PostgreSQL event store on the same database, same ~1 KB events,
 * same expected-version checks: single-event appends at 1 and `writers` writers, 100-event appends,
 * and reads of a 100-event stream. The lanes alternate which goes first from one scenario to the next.
 */
export async function benchmarkStorePeers(options: StorePeersOptions): Promise<PeerFigure[]> {
  const saydo = saydoLane(options.url, options.writers, options.principal);
  const emmett = emmettLane(options.url, options.writers);
  const raw = await rawPgLane(options.url, options.writers);
  try {
    await emmett.append(`bench-schema-${randomUUID()}`, 1, 0); // creates emmett's schema, untimed
    const pair = async (label: string, index: number, work: (lane: Lane) => Promise<Measured>) => {
      options.log(`store peers: ${label}...`);
      const order = index % 2 === 0 ? [saydo, emmett, raw] : [raw, emmett, saydo];
      const results = new Map<Lane, Measured>();
      for (const lane of order) results.set(lane, await work(lane));
      return { s: results.get(saydo)!, e: results.get(emmett)!, r: results.get(raw)! };
    };
    const perWriter = Math.max(1, Math.floor(options.appends / options.writers));
    const one = await pair('1 writer, 1 event/append', 0, (lane) => appendLoad(lane, 1, options.appends, 1));
    const many = await pair(`${options.writers} writers, 1 event/append`, 1, (lane) => appendLoad(lane, options.writers, perWriter, 1));
    const batch = await pair(`1 writer, ${BATCH} events/append`, 2, (lane) => appendLoad(lane, 1, options.batchAppends, BATCH));
    const manyBatch = await pair(`${options.writers} writers, ${BATCH} events/append`, 3, (lane) => appendLoad(lane, options.writers, Math.max(1, Math.floor(options.batchAppends / options.writers)), BATCH));
    const read = await pair(`read a ${BATCH}-event stream`, 4, (lane) => readLoad(lane, options.reads));
    type Trio = { s: Measured; e: Measured; r: Measured };
    const figures = (name: string, unit: PeerFigure['unit'], m: Trio, scale: number, target: string, atLeast: number) => [
      figure(name, unit, m, scale, target, atLeast),
      peerFigure({
        figure: name,
        unit,
        saydo: m.s.perSecond * scale,
        saydoLatency: { p50Ms: m.s.p50Ms, p99Ms: m.s.p99Ms },
        peer: raw.name,
        peerValue: m.r.perSecond * scale,
        peerLatency: { p50Ms: m.r.p50Ms, p99Ms: m.r.p99Ms },
        target: '(floor, no target)',
      }),
    ];
    const figure = (name: string, unit: PeerFigure['unit'], m: Trio, scale: number, target: string, atLeast: number) =>
      peerFigure({
        figure: name,
        unit,
        saydo: m.s.perSecond * scale,
        saydoLatency: { p50Ms: m.s.p50Ms, p99Ms: m.s.p99Ms },
        peer: emmett.name,
        peerValue: m.e.perSecond * scale,
        peerLatency: { p50Ms: m.e.p50Ms, p99Ms: m.e.p99Ms },
        target,
        meets: ({ ratio }) => (ratio ?? 0) >= atLeast,
      });
    return [
      ...figures('store: 1 writer, 1 event/append', 'appends/s', one, 1, '>= 1x emmett', 1),
      ...figures(`store: ${options.writers} writers, 1 event/append`, 'appends/s', many, 1, '>= 2x emmett', 2),
      ...figures(`store: 1 writer, ${BATCH} events/append`, 'events/s', batch, BATCH, '>= 1x emmett', 1),
      ...figures(`store: ${options.writers} writers, ${BATCH} events/append`, 'events/s', manyBatch, BATCH, '(none)', 0),
      ...figures(`store: read a ${BATCH}-event stream`, 'reads/s', read, 1, '(none)', 0),
    ].map((f) => (f.target === '(none)' ? { ...f, met: null } : f));
  } finally {
    await saydo.close();
    await emmett.close();
    await raw.close();
  }
}
