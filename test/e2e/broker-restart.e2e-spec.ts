import { randomBytes } from 'node:crypto';
import { pause, startWriteLoad } from '../support/fault-load';
import { OwnKafka } from '../support/own-kafka';
import { dumpReadModels, replayFromStore } from '../support/read-model-replay';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

const WRITERS = 4;
/** The relay calls a send stalled after RELAY_STALL_MS (default 3 s); the rest is the machine's noise and the probe's pace. */
const DEGRADED_WITHIN_MS = 10_000;

interface Readiness {
  status: number;
  relay?: { state: string; lastError?: string };
  projector?: { state: string };
  lag?: number;
}

/**
 * The broker restarts (issue 9, point 2): a Kafka broker of the test's own is SIGKILLed mid-stream
 * and started again on its data. While it is down, writes are still accepted (the outbox grows)
 * and readiness reports the relay degraded within seconds (not when the producer's half-minute of
 * retries runs out), not the API dead; afterwards the relay publishes the
 * backlog, the projector catches up, and the read models equal a replay from the store.
 */
describe('the Kafka broker killed and restarted under write load', () => {
  let kafka: OwnKafka;
  let t: TestApp;
  let editorKey: string;

  beforeAll(async () => {
    kafka = await OwnKafka.create();
    const suffix = randomBytes(4).toString('hex');
    t = await startTestApp({
      KAFKA_BROKERS: kafka.brokers,
      KAFKA_TOPIC: `saydo.restart.${suffix}`,
      KAFKA_PARTITIONS: '2',
      KAFKA_PROJECTOR_GROUP: `saydo-restart-${suffix}`,
      KAFKA_CLIENT_ID: `saydo-restart-${suffix}`,
      RATE_LIMIT_PER_MINUTE: '10000000',
      WORKER_RESTART_MAX_BACKOFF_MS: '2000',
      // Readiness also fails once the read models fall this far behind; here only the relay's own state is under test.
      READY_MAX_LAG_EVENTS: '100000000',
    });
    editorKey = (await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'desk', role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json().key;
  }, 400_000);
  afterAll(async () => {
    await t?.close();
    await kafka?.destroy();
  });

  const readiness = async (): Promise<Readiness> => {
    const response = await t.inject('/health/ready');
    const body = response.json();
    return { status: response.statusCode, relay: body.details?.relay, projector: body.details?.projector, lag: body.details?.log?.lag };
  };
  const unpublished = async () => Number((await t.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL')).rows[0].n);
  const until = async <T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<{ value: T; ms: number }> => {
    const since = Date.now();
    for (;;) {
      const value = await probe();
      if (done(value)) return { value, ms: Date.now() - since };
      if (Date.now() - since > timeoutMs) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
      await pause(200);
    }
  };

  it('accepts writes while the broker is down, says the relay is degraded, and resumes by itself', async () => {
    const load = startWriteLoad(t, editorKey, WRITERS, 'broker');
    let tallies;
    const figures: Record<string, unknown> = {};
    try {
      await load.progress(30, 60_000);
      await until('the read models follow through Kafka', readiness, (r) => r.status === 200 && r.lag === 0, 120_000).catch(() => undefined);
      kafka.crash();
      const degraded = await until('readiness names the relay degraded', readiness, (r) => r.relay?.state === 'degraded', DEGRADED_WITHIN_MS);
      figures.msUntilRelayDegraded = degraded.ms;
      figures.relayLastError = degraded.value.relay?.lastError;
      expect(degraded.value.status).toBe(200);
      // Writes keep being acknowledged with the broker down, and wait in the outbox.
      await load.progress(30, 60_000);
      figures.outboxWhileDown = await unpublished();
      expect(figures.outboxWhileDown).toBeGreaterThan(0);
      expect((await t.inject('/health/live')).statusCode).toBe(200);

      await kafka.restart();
      const resumed = await until('everything resumes', async () => ({ ...(await readiness()), unpublished: await unpublished() }), (r) => r.status === 200 && r.relay?.state === 'running' && r.unpublished === 0, 180_000);
      figures.msUntilRelayResumedAfterRestart = resumed.ms;
      await load.progress(20, 60_000);
    } finally {
      tallies = await load.stop();
    }
    process.stdout.write(`broker-restart figures: ${JSON.stringify({ ...figures, acknowledged: tallies.flatMap((tally) => tally.acknowledged).length, retried503: tallies.reduce((sum, tally) => sum + tally.retried503, 0) })}\n`);
    expect(tallies.flatMap((tally) => tally.unexpected)).toEqual([]);
    // No write was refused because of the broker.
    expect(tallies.reduce((sum, tally) => sum + tally.retried503, 0)).toBe(0);
    expect(t.process.exitCode).toBeNull();

    const caughtUp = await until('the projector catches up', readiness, (r) => r.status === 200 && r.lag === 0 && r.projector?.state === 'running', 180_000);
    process.stdout.write(`broker-restart catch-up after the load stopped: ${caughtUp.ms} ms\n`);
    const acknowledged = tallies.flatMap((tally) => tally.acknowledged);
    const { rows } = await t.db.pool.query<{ id: string; n: string }>(`SELECT data->>'stakeholderId' AS id, count(*) AS n FROM events WHERE type = 'StakeholderRegistered' GROUP BY 1`);
    const counts = new Map(rows.map((row) => [row.id, Number(row.n)]));
    expect(acknowledged.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(await dumpReadModels(t.db.pool)).toEqual(await replayFromStore(t.db.pool));
  }, 900_000);
});
