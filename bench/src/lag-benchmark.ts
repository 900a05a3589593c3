import { PostgresEventStore } from '@saydo/event-store';
import { KafkaEventPublisher, KafkaProjector, OutboxRelay } from '@saydo/messaging';
import { AppConfig } from '@saydo/platform';
import { ALL_PROJECTIONS, ProjectionApplier, readModelPosition, StoreProjectionRunner } from '@saydo/read-models';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { BenchResult, latencySummary, LatencySummary, rate, round } from './bench-result';
import { benchKafka, createTopics, deleteTopics, isolatedSettings } from './bench-topics';
import { trackCheckouts } from './pool-checkouts';
import { runSteadyLoad, SteadyLoadResult } from './steady-load';
import { SaydoWorkload } from './saydo-workload';
import { timed } from './stopwatch';
import { VisibilityProbe } from './visibility-probe';
import { withTimeout } from './with-timeout';

export interface LagBenchmarkOptions {
  /** The bench database: its URL (each component gets a pool of its own, as separate processes would) and data source (entity metadata). */
  url: string;
  dataSource: DataSource;
  eventsPerSecond: number;
  seconds: number;
  batchSize: number;
  probeIntervalMs: number;
  principal: string;
  log: (message: string) => void;
}

/** The application's defaults (nothing read from the environment). */
const DEFAULTS = new AppConfig();
/** startKafkaProjector's chunk size (libs/messaging/src/pipeline.ts). */
const PROJECTOR_CHUNK_SIZE = 500;
const PROJECTION_NAMES = ALL_PROJECTIONS.map((p) => p.name);
const DRAIN_TIMEOUT_MS = 60_000;

interface Pipeline {
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface LagRun {
  load: SteadyLoadResult;
  lag: LatencySummary;
  lagsSeconds: number[];
  probeSamples: number;
  drainSeconds: number;
}

function pool(url: string, applicationName: string, max: number): Pool {
  return new Pool({ connectionString: url, max, application_name: applicationName });
}

/**
 * Commit-to-visible lag through the embedded pipeline: StoreProjectionRunner on the API's pool,
 * nudged by the store in-process (the default without KAFKA_BROKERS). The read models are first
 * brought up to the log's head (untimed setup).
 */
export async function benchmarkEmbeddedLag(workload: SaydoWorkload, options: LagBenchmarkOptions): Promise<BenchResult> {
  const apiPool = pool(options.url, 'saydo-bench-api', 10);
  try {
    const store = new PostgresEventStore(apiPool);
    const runner = new StoreProjectionRunner(apiPool, store, new ProjectionApplier(options.dataSource, ALL_PROJECTIONS), {
      batchSize: DEFAULTS.PROJECTION_BATCH_SIZE,
      pollIntervalMs: DEFAULTS.PROJECTION_POLL_INTERVAL_MS,
      onError: (error) => options.log(`projection runner error: ${String(error)}`),
    });
    const catchUp = await timed(() => runner.catchUp());
    options.log(`read models caught up to ${catchUp.result} in ${catchUp.seconds.toFixed(1)} s (setup); measuring the embedded lag...`);
    const run = await measureLag(store, workload, { start: () => runner.start(), stop: () => runner.stop() }, options);
    return lagResult(`end-to-end lag, embedded (StoreProjectionRunner)`, run, options, null, {
      pipeline: `StoreProjectionRunner (batchSize ${DEFAULTS.PROJECTION_BATCH_SIZE}, poll ${DEFAULTS.PROJECTION_POLL_INTERVAL_MS} ms) on the writer's pool, woken in-process by the store`,
      setupCatchUpSeconds: round(catchUp.seconds, 2),
    });
  } finally {
    await apiPool.end();
  }
}

/**
 * Commit-to-visible lag through Kafka: appends on the API's pool; an OutboxRelay (own pool, woken by
 * NOTIFY, the app's batch size and poll interval) publishing to a fresh 6-partition topic; a
 * KafkaProjector consumer-group member (own pool, chunks of 500) applying it. All in this process,
 * each with the pool size of its app. `embedded` is the comparison row (same load, same probe).
 */
export async function benchmarkKafkaLag(workload: SaydoWorkload, brokers: string[], embedded: BenchResult, options: LagBenchmarkOptions): Promise<BenchResult> {
  const { log } = options;
  const settings = isolatedSettings(brokers, 'lag');
  const admin = benchKafka(settings, 'bench-admin', log);
  await createTopics(admin, [settings]);
  const apiPool = pool(options.url, 'saydo-bench-api', 10);
  const relayPool = pool(options.url, 'saydo-bench-outbox-relay', 4);
  const projectorPool = pool(options.url, 'saydo-bench-projector', 4);
  // KafkaProjector takes one client per chunk of one partition (one transaction each).
  const projectorTransactions = trackCheckouts(projectorPool);
  try {
    // The read models are at the head (the embedded run left them there); the topic carries only new events.
    await apiPool.query('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
    const head = (await new PostgresEventStore(apiPool).head()).position;
    const reached = await readModelPosition(apiPool, PROJECTION_NAMES);
    if (reached !== head) throw new Error(`read models at ${reached}, log at ${head}: the Kafka projector's watermark would wait for a gap forever`);

    const store = new PostgresEventStore(apiPool);
    // First half of the lag: commit to the broker's acknowledgement (onPublished runs right after the rows are marked published).
    const committedAt = new Map<number, number>();
    const publishLags: number[] = [];
    const publisher = new KafkaEventPublisher(benchKafka(settings, 'bench-relay', log), settings.topic);
    const relay = new OutboxRelay(relayPool, publisher, {
      batchSize: DEFAULTS.RELAY_BATCH_SIZE,
      pollIntervalMs: DEFAULTS.RELAY_POLL_INTERVAL_MS,
      onError: (error) => log(`outbox relay error: ${String(error)}`),
      onPublished: (events) => {
        const now = performance.now();
        for (const event of events) {
          const at = committedAt.get(event.position);
          if (at !== undefined) publishLags.push((now - at) / 1000);
        }
      },
    });
    let assigned: () => void = () => undefined;
    const assignment = new Promise<void>((resolve) => (assigned = resolve));
    const projector = new KafkaProjector(benchKafka(settings, 'bench-projector', log), settings, projectorPool, new ProjectionApplier(options.dataSource, ALL_PROJECTIONS), {
      chunkSize: PROJECTOR_CHUNK_SIZE,
      onError: (error) => log(`projector error: ${String(error)}`),
      onCrash: (error) => log(`projector crashed: ${String(error)}`),
      log: (message) => {
        if (message.startsWith('assigned partitions')) assigned();
      },
    });
    const pipeline: Pipeline = {
      async start() {
        await publisher.connect();
        relay.start();
        await projector.start();
        await withTimeout(assignment, 60_000, 'the projector was not assigned its partitions');
      },
      async stop() {
        await relay.stop();
        await publisher.disconnect();
        await projector.stop();
      },
    };
    log('measuring the Kafka lag (relay + projector)...');
    const run = await measureLag(store, workload, pipeline, {
      ...options,
      onCommitted: (from, to, at) => {
        for (let position = from; position <= to; position += 1) committedAt.set(position, at);
      },
      onMeasuring: () => {
        publishLags.length = 0;
        projectorTransactions.reset();
      },
    });
    const published = latencySummary(publishLags);
    const transactions = projectorTransactions.heldSeconds.length;
    const transactionTime = latencySummary(projectorTransactions.heldSeconds);
    const transactionSeconds = projectorTransactions.heldSeconds.reduce((sum, s) => sum + s, 0);
    const ratio = embedded.lag ? run.lag.p50Ms / embedded.lag.p50Ms : null;
    const baseline = embedded.lag
      ? {
          description: `the same load and probe with the store-fed StoreProjectionRunner (embedded mode; row above): lag p50 ${embedded.lag.p50Ms} ms, p99 ${embedded.lag.p99Ms} ms, max ${embedded.lag.maxMs} ms; ratio = Kafka p50 lag / embedded p50 lag`,
          seconds: embedded.seconds,
          eventsPerSecond: embedded.eventsPerSecond,
        }
      : null;
    return lagResult(`end-to-end lag, Kafka (relay + projector)`, run, options, baseline, {
      pipeline: `OutboxRelay (batchSize ${DEFAULTS.RELAY_BATCH_SIZE}, poll ${DEFAULTS.RELAY_POLL_INTERVAL_MS} ms, NOTIFY) -> ${settings.partitions}-partition topic -> KafkaProjector (chunkSize ${PROJECTOR_CHUNK_SIZE}), each on a pool of its own`,
      partitions: settings.partitions,
      ratioP99: embedded.lag ? round(run.lag.p99Ms / embedded.lag.p99Ms, 2) : null,
      commitToKafkaAck: published,
      projectorTransactions: { count: transactions, eventsPerTransaction: round(run.load.events / transactions, 2), held: transactionTime, busyShare: round(transactionSeconds / run.load.seconds, 3) },
    }, ratio, [
      `of which commit to Kafka acknowledgement (relay woken by NOTIFY, outbox read, send, rows marked published): p50 ${published.p50Ms} ms, p99 ${published.p99Ms} ms, max ${published.maxMs} ms; the rest is the projector (fetch, apply per partition, watermark)`,
      `projector: ${transactions.toLocaleString('en-US')} transactions (one per partition chunk, ${round(run.load.events / transactions, 2)} events each), held p50 ${transactionTime.p50Ms} ms, p99 ${transactionTime.p99Ms} ms; in a transaction ${Math.round((100 * transactionSeconds) / run.load.seconds)}% of the time`,
    ]);
  } finally {
    await deleteTopics(admin, [settings.topic], [settings.projectorGroup]).catch((error) => log(`could not delete the lag topic: ${String(error)}`));
    await Promise.all([apiPool.end(), relayPool.end(), projectorPool.end()]);
  }
}

/** Starts the pipeline, lets one batch through (warm-up, not counted), runs the steady load, waits for the last event to be visible. */
interface MeasureOptions extends LagBenchmarkOptions {
  /** Also told of every commit (warm-up included). */
  onCommitted?: (from: number, to: number, committedAt: number) => void;
  /** Called when the warm-up is over and the measured load starts. */
  onMeasuring?: () => void;
}

async function measureLag(store: PostgresEventStore, workload: SaydoWorkload, pipeline: Pipeline, options: MeasureOptions): Promise<LagRun> {
  const probePool = pool(options.url, 'saydo-bench-probe', 1);
  const probe = new VisibilityProbe(probePool, PROJECTION_NAMES, options.probeIntervalMs);
  const committed = (from: number, to: number, at: number) => {
    options.onCommitted?.(from, to, at);
    probe.committed(from, to, at);
  };
  try {
    await pipeline.start();
    await probe.start();
    const warmUp = workload.nextBatch(options.batchSize);
    const { events } = await store.append(warmUp.events, { principal: options.principal, expectedVersions: warmUp.expectedVersions });
    committed(events[0].position, events[events.length - 1].position, performance.now());
    await probe.drain(DRAIN_TIMEOUT_MS);
    probe.reset();
    options.onMeasuring?.();

    const load = await runSteadyLoad(store, workload, { ...options, onCommitted: committed });
    const drain = await timed(() => probe.drain(DRAIN_TIMEOUT_MS));
    await probe.stop();
    const lagsSeconds = [...probe.lagsSeconds];
    if (lagsSeconds.length !== load.events) throw new Error(`measured ${lagsSeconds.length} lags for ${load.events} events`);
    return { load, lag: latencySummary(lagsSeconds), lagsSeconds, probeSamples: probe.samples, drainSeconds: drain.seconds };
  } finally {
    await probe.stop().catch(() => undefined);
    await pipeline.stop();
    await probePool.end();
  }
}

function lagResult(
  benchmark: string,
  run: LagRun,
  options: LagBenchmarkOptions,
  baseline: BenchResult['baseline'],
  details: Record<string, unknown>,
  ratio: number | null = null,
  extraNotes: string[] = [],
): BenchResult {
  const { load, lag } = run;
  const mean = run.lagsSeconds.reduce((sum, s) => sum + s, 0) / run.lagsSeconds.length;
  const append = latencySummary(load.appendLatenciesSeconds);
  const p90 = [...run.lagsSeconds].sort((a, b) => a - b)[Math.floor(0.9 * run.lagsSeconds.length)] * 1000;
  return {
    benchmark: `${benchmark}, ${options.eventsPerSecond} events/s`,
    events: load.events,
    seconds: load.seconds,
    eventsPerSecond: rate(load.events, load.seconds),
    baseline,
    ratio,
    lag,
    details: {
      ...details,
      targetEventsPerSecond: options.eventsPerSecond,
      batchSize: options.batchSize,
      batches: load.batches,
      lagMeanMs: round(mean * 1000),
      lagP90Ms: round(p90),
      appendLatency: append,
      maxScheduleSlipMs: round(load.maxScheduleSlipMs),
      probeIntervalMs: options.probeIntervalMs,
      probeSamples: run.probeSamples,
      drainAfterLoadSeconds: round(run.drainSeconds, 3),
    },
    notes: [
      `lag per event = first probe answer with readModelPosition >= its position, minus the moment store.append() returned; p50 ${lag.p50Ms} ms, p90 ${round(p90)} ms, p99 ${lag.p99Ms} ms, max ${lag.maxMs} ms, mean ${round(mean * 1000)} ms`,
      ...extraNotes,
      `load: ${load.batches} batches of ${options.batchSize} every ${round((1000 * options.batchSize) / options.eventsPerSecond, 1)} ms; append p50 ${append.p50Ms} ms, p99 ${append.p99Ms} ms; worst schedule slip ${round(load.maxScheduleSlipMs)} ms`,
      `probe: every ${options.probeIntervalMs} ms on its own connection (${run.probeSamples} samples); the last event was visible ${Math.round(run.drainSeconds * 1000)} ms after the load ended`,
      `pipeline: ${String(details.pipeline)}`,
    ],
  };
}
