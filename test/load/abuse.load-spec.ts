import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { openAiRedLine, registerDoD, registerOpenAi, S5 } from '../support/scenario';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

/**
 * The acceptance test of issue 9, points 7 and 8: 32 anonymous clients hammer the most expensive
 * public read (the report of a stakeholder with many events) while an authenticated writer writes
 * and a prober asks for health. The writer is counted by its key, the readers share their address's
 * budgets, so the readers are refused cheaply and the process stays responsive and small. Latency
 * is the acceptance criterion here (and the figures are printed); generous loops, no sleeps timed
 * against the server.
 */
const EVENTS = Number(process.env.ABUSE_EVENTS ?? 5_000);
const READERS = 32;
const WRITES = 100;
const PROBES = 100;

const contract = (i: number) => ({
  type: 'ContractSigned',
  data: { actionId: `openai-contract-${i}`, stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: `Contract ${i}`, topics: ['defence'] },
  occurredAt: '2026-02',
  sources: [S5],
});

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
/** The process's resident memory; 0 once it is gone (the test then fails on its exit, with its output). */
const rssBytesOf = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
  } catch {
    return 0;
  }
};

/**
 * The attackers run on a thread of their own: the probes below time the service, not a client event
 * loop shared with 32 request loops (a liveness prober and the readers of a viral story are never one
 * process). Plain JavaScript, evaluated by the worker; it answers the count of each status when told to stop.
 */
const ATTACKERS = `
const { parentPort, workerData } = require('node:worker_threads');
let attacking = true;
const statuses = {};
parentPort.on('message', () => (attacking = false));
Promise.all(Array.from({ length: workerData.readers }, async () => {
  while (attacking) {
    const status = await fetch(workerData.url).then(async (response) => (await response.arrayBuffer(), response.status), () => -1);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
})).then(() => parentPort.postMessage(statuses));
`;

function startAttackers(url: string, readers: number): { stop(): Promise<Record<string, number>> } {
  const worker = new Worker(ATTACKERS, { eval: true, workerData: { url, readers } });
  const counts = new Promise<Record<string, number>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      const statuses = await counts;
      await worker.terminate();
      return statuses;
    },
  };
}

/** The service's own event-loop delay (prom-client's, reset at each scrape) in ms: the server-side view of liveness. */
async function eventLoopDelayMs(baseUrl: string): Promise<{ p99: number; max: number }> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const gauge = (name: string) => Math.round(Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) * 1000);
  return { p99: gauge('nodejs_eventloop_lag_p99_seconds'), max: gauge('nodejs_eventloop_lag_max_seconds') };
}

describe('abuse: anonymous readers hammering the most expensive read', () => {
  let t: TestApp;
  let writerKey: string;
  beforeAll(async () => {
    // The shipped defaults, not the tests' generous ones.
    // ABUSE_CPU_PROFILE=<dir>: the API writes a V8 CPU profile there when it stops (where its time goes under the attack).
    const profile = process.env.ABUSE_CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.ABUSE_CPU_PROFILE] : [];
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1200', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '60', EXPENSIVE_READS_IN_FLIGHT: '2', EXPENSIVE_READS_PER_CLIENT: '1' }, { nodeArgs: profile });
    const keyOf = async (name: string) =>
      (await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name, role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json().key;
    const importer = await keyOf('import');
    writerKey = await keyOf('desk');
    const events = [registerOpenAi, registerDoD, openAiRedLine, ...Array.from({ length: EVENTS }, (_, i) => contract(i))];
    for (let i = 0; i < events.length; i += 1000) {
      const batch = await t.inject({ method: 'POST', url: '/v1/event-batches', payload: { events: events.slice(i, i + 1000) }, headers: { authorization: `Bearer ${importer}` } });
      expect(batch.statusCode).toBe(201);
    }
    let status = 503;
    for (let attempt = 0; attempt < 60 && status === 503; attempt++) status = (await t.inject(`/v1/stakeholders/openai/timeline?waitForPosition=${events.length}&limit=1`)).statusCode;
    expect(status).toBe(200);
  }, 300_000);
  afterAll(() => t.close());

  it('keeps the writer p99 under 250 ms, /health/live under 100 ms and the process under 512 MB', async () => {
    const timed = async (request: () => Promise<Response>) => {
      const started = performance.now();
      const status = await request().then(
        async (response) => (await response.arrayBuffer(), response.status),
        () => -1,
      );
      return { status, ms: performance.now() - started };
    };
    // Peers on this machine, measured in this run: the same probes before the attack (quiet).
    const quiet = { ready: [] as number[], live: [] as number[] };
    for (let i = 0; i < PROBES / 4; i++) {
      quiet.ready.push((await timed(() => fetch(`${t.baseUrl}/health`))).ms);
      quiet.live.push((await timed(() => fetch(`${t.baseUrl}/health/live`))).ms);
    }
    await eventLoopDelayMs(t.baseUrl); // resets the service's delay histogram: the next scrape covers the attack alone
    const attackers = startAttackers(`${t.baseUrl}/v1/stakeholders/openai/report`, READERS);
    let maxRss = rssBytesOf(t.process.pid!);
    const rssSampler = setInterval(() => (maxRss = Math.max(maxRss, rssBytesOf(t.process.pid!))), 100);

    const writes: Array<{ status: number; ms: number }> = [];
    const probes: Array<{ status: number; ms: number }> = [];
    // /health/live touches nothing but the event loop: beside /health (ready, three database reads), it
    // says whether a slow probe waits for the database or for the process (and the machine).
    const liveProbes: Array<{ status: number; ms: number }> = [];
    const writer = (async () => {
      for (let i = 0; i < WRITES; i++) {
        const body = JSON.stringify({ type: 'StakeholderRegistered', data: { stakeholderId: `newcomer-${i}`, name: `Newcomer ${i}`, kind: 'organization' }, occurredAt: '2026', sources: [S5] });
        writes.push(await timed(() => fetch(`${t.baseUrl}/v1/events`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${writerKey}` } })));
      }
    })();
    const prober = (async () => {
      for (let i = 0; i < PROBES; i++) probes.push(await timed(() => fetch(`${t.baseUrl}/health`)));
    })();
    const liveProber = (async () => {
      for (let i = 0; i < PROBES; i++) liveProbes.push(await timed(() => fetch(`${t.baseUrl}/health/live`)));
    })();
    await Promise.all([writer, prober, liveProber]);
    const serverLoop = await eventLoopDelayMs(t.baseUrl);
    const readerStatuses = await attackers.stop();
    clearInterval(rssSampler);

    const figures = {
      events: EVENTS,
      readers: READERS,
      readerAnswers: readerStatuses,
      writerP50Ms: Math.round(percentile(writes.map((w) => w.ms), 50)),
      writerP99Ms: Math.round(percentile(writes.map((w) => w.ms), 99)),
      healthP50Ms: Math.round(percentile(probes.map((p) => p.ms), 50)),
      healthP99Ms: Math.round(percentile(probes.map((p) => p.ms), 99)),
      healthMaxMs: Math.round(Math.max(...probes.map((p) => p.ms))),
      liveP50Ms: Math.round(percentile(liveProbes.map((p) => p.ms), 50)),
      liveP99Ms: Math.round(percentile(liveProbes.map((p) => p.ms), 99)),
      quietHealthP50Ms: Math.round(percentile(quiet.ready, 50)),
      quietLiveP50Ms: Math.round(percentile(quiet.live, 50)),
      serverEventLoopDelayP99Ms: serverLoop.p99,
      serverEventLoopDelayMaxMs: serverLoop.max,
      maxRssMB: Math.round(maxRss / 2 ** 20),
    };
    console.log(`abuse figures: ${JSON.stringify(figures)}`);
    expect({ exitCode: t.process.exitCode, output: t.process.exitCode === null ? '' : t.output().slice(-3000) }).toEqual({ exitCode: null, output: '' });
    expect(writes.every((w) => w.status === 201)).toBe(true);
    expect(probes.every((p) => p.status === 200)).toBe(true);
    expect(readerStatuses['429']).toBeGreaterThan(0);
    expect(figures.writerP99Ms).toBeLessThan(250);
    // The bound is on liveness (the process answers); readiness also reads the database.
    expect(figures.liveP99Ms).toBeLessThan(100);
    expect(figures.maxRssMB).toBeLessThan(512);
  }, 300_000);
});
