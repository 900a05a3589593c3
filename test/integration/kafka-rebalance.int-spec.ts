import { NewEvent, PostgresEventStore } from '@saydo/event-store';
import { createKafka, ensureTopic, KafkaSettings } from '@saydo/messaging';
import { ALL_PROJECTIONS } from '@saydo/read-models';
import { builtServiceMain, serviceEnv, SupervisedService } from '../support/child-service';
import { generateHistory } from '../support/history-generator';
import { isolatedKafkaSettings } from '../support/kafka';
import {
  appendPaced,
  auditTopic,
  chaosSeed,
  checkpointMismatches,
  describeState,
  drained,
  freezeInsideChunk,
  loggedAssignments,
  pipelineState,
  SeededRandom,
  splitsPartitions,
  waitUntil,
} from '../support/kafka-chaos';
import { dumpReadModels, replayFromStore } from '../support/read-model-replay';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { TopicMirror } from '../support/topic-mirror';

const names = ALL_PROJECTIONS.map((p) => p.name);
const ALL_PARTITIONS = [0, 1, 2, 3, 4, 5];

/** Replay a failing run's batch sizes and pauses with SAYDO_CHAOS_SEED=<seed>. */
const SEED = chaosSeed();

function historyOf(count: number): NewEvent[] {
  return [...generateHistory(count + count / 10)].slice(0, count);
}

const lastAssignment = (service: SupervisedService): number[] | undefined => loggedAssignments(service.current?.output() ?? '').at(-1);

/**
 * Several projector processes (the built app) in one consumer group: members join and leave
 * while events flow, Kafka moves partitions between them, and each member resumes a partition
 * from the PostgreSQL checkpoint another member left. The read models must not notice.
 */
describe('Kafka projector group rebalancing', () => {
  let db: TestDatabase;
  let settings: KafkaSettings;
  let mirror: TopicMirror;
  let store: PostgresEventStore;
  let services: SupervisedService[] = [];
  let log: string[] = [];
  let origin = 0;
  const note = (line: string) => log.push(`${((Date.now() - origin) / 1000).toFixed(1).padStart(5)} s  ${line}`);
  const env = () => serviceEnv(db.url, settings, { RELAY_BATCH_SIZE: '100', RELAY_POLL_INTERVAL_MS: '200' });
  const service = (label: string, app: 'outbox-relay' | 'projector') => {
    const supervised = new SupervisedService(label, app, env(), origin);
    services.push(supervised);
    supervised.start();
    return supervised;
  };
  const state = () => pipelineState(db.pool, settings, mirror, names);

  beforeAll(() => {
    builtServiceMain('outbox-relay');
    builtServiceMain('projector');
  });

  beforeEach(async () => {
    origin = Date.now();
    log = [`seed ${SEED} (replay with SAYDO_CHAOS_SEED=${SEED})`];
    services = [];
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    settings = isolatedKafkaSettings(ALL_PARTITIONS.length);
    await ensureTopic(createKafka(settings, 'test-admin'), settings);
    mirror = await TopicMirror.start(settings.topic);
  });

  afterEach(async () => {
    await Promise.all(services.map((s) => s.killAll()));
    await mirror.stop();
    await db.drop();
  });

  /** Waits until everything is published, projected and consumed, stops every process cleanly, then compares with a replay. */
  async function expectReadModelsOfTheWholeLog(eventCount: number): Promise<void> {
    const drainMs = await waitUntil('the pipeline drains', async () => drained(await state()), 60_000, async () => describeState(await state()));
    note(`drained (${(drainMs / 1000).toFixed(1)} s of waiting)`);
    for (const running of services.filter((s) => s.running)) expect({ service: running.label, exit: await running.stop() }).toEqual({ service: running.label, exit: { code: 0, signal: null } });

    const final = await state();
    expect(final.head).toBe(eventCount);
    expect(final.readModelPosition).toBe(final.head);
    expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
    expect(final.positionsAhead).toBe(0);
    expect(await mirror.catchUp(10_000)).not.toBeNull();
    const audit = await auditTopic(db.pool, mirror);
    expect(audit.violations).toEqual([]);
    expect(audit.messages).toBeGreaterThanOrEqual(eventCount);
    expect(checkpointMismatches(final, audit)).toEqual([]);
    note(`topic: ${audit.messages} messages for ${audit.events} events; unexpected exits: ${services.map((s) => `${s.label} ${s.unexpectedExits.length}`).join(', ')}`);
  }

  async function reportOnFailure(name: string, test: () => Promise<void>): Promise<void> {
    try {
      await test();
      console.log(`${name}\n${log.join('\n')}`);
    } catch (error) {
      console.log(`${name} FAILED\n${log.join('\n')}\n\n${services.map((s) => s.output()).join('\n\n')}`);
      throw error;
    }
  }

  /**
   * A owns everything; B joins after a third of the events; after 60 % of them A is caught inside a
   * chunk's transaction and gets `signal`. B must end up with every partition and resume A's from
   * the PostgreSQL checkpoints (A's open chunk rolled back or committed, never half).
   */
  async function joinThenLeave(signal: 'SIGTERM' | 'SIGKILL', handoverWithinMs: number): Promise<void> {
    const plan = new SeededRandom(SEED);
    const jitter = new SeededRandom(SEED ^ 0x5bd1e995);

    // given: the relay and projector A, which owns every partition
    service('relay', 'outbox-relay');
    const a = service('projector-A', 'projector');
    await a.current!.waitForOutput(/assigned partitions \[0, 1, 2, 3, 4, 5\]/, 30_000);
    note('A owns every partition');

    // when: 1,000 events are appended over ~12 s ...
    const events = historyOf(1_000);
    const appending = appendPaced(store, events, { random: plan, minBatch: 20, maxBatch: 50, durationMs: 12_000 });
    let appendsDone = false;
    void appending.done.finally(() => {
      appendsDone = true;
      note(`appended ${appending.progress.appended} events in ${appending.progress.batches} batches`);
    });

    // ... projector B starts after a third of them: the group rebalances and A and B share the partitions
    await waitUntil('a third of the events appended', async () => appending.progress.appended >= events.length / 3, 30_000);
    const b = service('projector-B', 'projector');
    note(`B started after ${appending.progress.appended} events`);
    await waitUntil(
      'A and B share the partitions',
      async () => splitsPartitions([lastAssignment(a) ?? [], lastAssignment(b) ?? []], ALL_PARTITIONS.length),
      30_000,
      () => `A: ${JSON.stringify(loggedAssignments(a.current!.output()))}, B: ${JSON.stringify(loggedAssignments(b.current!.output()))}`,
    );
    note(`rebalanced: A ${JSON.stringify(lastAssignment(a))}, B ${JSON.stringify(lastAssignment(b))}`);

    // ... and once A and B have shared the work for a while (after 60 % of the events), A gets the
    // signal while it is inside a chunk's transaction
    await waitUntil('60 % of the events appended', async () => appending.progress.appended >= 0.6 * events.length, 30_000);
    const caught = await freezeInsideChunk(db.pool, a.current!, appending.progress, jitter, 200, () => appendsDone);
    note(`A gets ${signal} ${caught ?? 'outside a chunk transaction (not caught inside one)'} after ${appending.progress.appended} events`);
    const signalledAt = Date.now();
    const exit = signal === 'SIGTERM' ? await a.stop(20_000) : await a.kill('SIGKILL', caught ?? 'outside a chunk transaction');
    expect(exit).toEqual(signal === 'SIGTERM' ? { code: 0, signal: null } : { code: null, signal: 'SIGKILL' });
    note(`A exited after ${Date.now() - signalledAt} ms`);

    // then: B takes every partition (after a SIGTERM A leaves the group at once; after a SIGKILL
    // the coordinator waits for A's 30 s session to expire)
    const handoverMs = await waitUntil(
      'B owns every partition',
      async () => JSON.stringify(lastAssignment(b)) === JSON.stringify(ALL_PARTITIONS),
      handoverWithinMs,
      () => `B: ${JSON.stringify(loggedAssignments(b.current!.output()))}`,
    );
    note(`B owns every partition ${handoverMs} ms after A exited`);
    await appending.done;

    // and the read models are those of the whole log: nothing lost or applied twice across the handovers
    await expectReadModelsOfTheWholeLog(events.length);
    const aAssignments = loggedAssignments(a.incarnations[0].output());
    expect(aAssignments[0]).toEqual(ALL_PARTITIONS);
    expect(aAssignments.length).toBeGreaterThanOrEqual(2);
    expect(a.unexpectedExits).toEqual([]);
  }

  it(`hands partitions over when a second projector joins and the first gets SIGTERM mid-batch, losing and doubling nothing (seed ${SEED})`, () =>
    reportOnFailure('kafka-rebalance: join, then SIGTERM', () => joinThenLeave('SIGTERM', 25_000)), 180_000);

  it(`hands partitions over when a second projector joins and the first is SIGKILLed mid-batch, losing and doubling nothing (seed ${SEED})`, () =>
    reportOnFailure('kafka-rebalance: join, then SIGKILL', () => joinThenLeave('SIGKILL', 50_000)), 180_000);

  it(`two projectors from the start share the partitions and give the read models one pass over the log gives (seed ${SEED})`, () =>
    reportOnFailure('kafka-rebalance: two from the start', async () => {
      const plan = new SeededRandom(SEED);

      // given: the relay and two projectors started together in one group
      service('relay', 'outbox-relay');
      const a = service('projector-A', 'projector');
      const b = service('projector-B', 'projector');
      await waitUntil(
        'A and B share the partitions',
        async () => splitsPartitions([lastAssignment(a) ?? [], lastAssignment(b) ?? []], ALL_PARTITIONS.length),
        45_000,
        () => `A: ${JSON.stringify(loggedAssignments(a.current!.output()))}, B: ${JSON.stringify(loggedAssignments(b.current!.output()))}`,
      );
      note(`A ${JSON.stringify(lastAssignment(a))}, B ${JSON.stringify(lastAssignment(b))}`);

      // when: 1,000 events are appended over ~8 s
      const events = historyOf(1_000);
      const appending = appendPaced(store, events, { random: plan, minBatch: 20, maxBatch: 50, durationMs: 8_000 });
      await appending.done;
      note(`appended ${appending.progress.appended} events in ${appending.progress.batches} batches`);

      // then: the read models equal a single pass over the store, and both members still split the partitions
      const aFinal = lastAssignment(a);
      const bFinal = lastAssignment(b);
      await expectReadModelsOfTheWholeLog(events.length);
      expect(splitsPartitions([aFinal ?? [], bFinal ?? []], ALL_PARTITIONS.length)).toBe(true);
    }), 120_000);
});
