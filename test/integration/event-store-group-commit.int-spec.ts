import fc from 'fast-check';
import {
  AppendedEvent,
  AppendOutcome,
  IdempotencyKeyReusedError,
  PostgresEventStore,
  verifyStoredChain,
  WrongExpectedVersionError,
} from '@saydo/event-store';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventOn } from '../support/new-events';

/**
 * Group commit: appends that arrive together share one transaction, yet each is answered as if it
 * had been appended alone, in arrival order (one store's appends commit in the order they were
 * called). The reference model below replays the same commands one by one and must predict every
 * answer; the log must stay dense, in per-stream order, chained and mirrored by the outbox.
 */
describe('event store: group commit', () => {
  let db: TestDatabase;
  /** Two groups in flight (APPEND_GROUPS_IN_FLIGHT=2, the harder case for order): the property test below runs on it. */
  let store: PostgresEventStore;
  let oneGroupAtATime: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, { maxCommands: 8, maxEvents: 12, maxGroupsInFlight: 2 });
    oneGroupAtATime = new PostgresEventStore(db.pool, { maxCommands: 8, maxEvents: 12, maxGroupsInFlight: 1 });
  });
  afterAll(() => db.drop());

  it('commits appends that arrive while another is in flight in one transaction, each with its own answer', async () => {
    const store = oneGroupAtATime;
    const held = await holdOutbox(db);
    const first = store.append([eventOn('g-first')], { principal: 'p', expectedVersions: new Map() });
    await waitUntil(async () => (await waitingOnLock(db, 'outbox')) > 0);
    const together = [
      store.append([eventOn('g-one')], { principal: 'p', expectedVersions: new Map([['g-one', 0]]) }),
      store.append([eventOn('g-two'), eventOn('g-one')], { principal: 'p', expectedVersions: new Map([['g-two', 0]]) }),
      store.append([eventOn('g-one')], { principal: 'p', expectedVersions: new Map([['g-one', 0]]) }),
    ];
    await held.release();
    await first;
    const [one, two, stale] = await Promise.allSettled(together);
    expect(one.status).toBe('fulfilled');
    expect(two.status).toBe('fulfilled');
    expect(stale).toEqual({ status: 'rejected', reason: new WrongExpectedVersionError('g-one', 0, 2) });
    const { rows } = await db.pool.query<{ tx: string; stream_id: string }>(`SELECT xmin::text AS tx, stream_id FROM events WHERE stream_id IN ('g-one', 'g-two')`);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.tx)).size).toBe(1);
  });

  it('given a group writing, the next one waits for the append lock inside PostgreSQL and commits after it, in arrival order', async () => {
    const held = await holdOutbox(db);
    const first = store.append([eventOn('p-first')], { principal: 'p', expectedVersions: new Map() });
    await waitUntil(async () => (await waitingOnLock(db, 'outbox')) > 0);
    // The first group holds the lock: the second asks for it at once and waits in PostgreSQL.
    const second = store.append([eventOn('p-second')], { principal: 'p', expectedVersions: new Map([['p-second', 0]]) });
    await waitUntil(async () => (await waitingOnAdvisoryLock(db)) > 0);
    // Both slots are taken: these two wait in Node and go together as the third group.
    const third = store.append([eventOn('p-third')], { principal: 'p', expectedVersions: new Map() });
    const fourth = store.append([eventOn('p-second')], { principal: 'p', expectedVersions: new Map([['p-second', 1]]) });
    await held.release();
    const positions = (await Promise.all([first, second, third, fourth])).map((outcome) => outcome.events[0].position);
    expect(positions).toEqual([positions[0], positions[0] + 1, positions[0] + 2, positions[0] + 3]);
    const { rows } = await db.pool.query<{ tx: string }>(`SELECT xmin::text AS tx FROM events WHERE position = ANY($1::bigint[]) ORDER BY position`, [positions]);
    expect(rows.map((r) => r.tx)).toEqual([rows[0].tx, rows[1].tx, rows[2].tx, rows[2].tx]);
    expect(new Set(rows.map((r) => r.tx)).size).toBe(3);
    expect((await verifyStoredChain(db.pool)).valid).toBe(true);
  });

  it('retries alone an append the database refuses inside a group, so the others still commit', async () => {
    const taken = eventOn('g-dup');
    await store.append([taken], { principal: 'p', expectedVersions: new Map() });
    const held = await holdOutbox(db);
    const first = store.append([eventOn('g-lead')], { principal: 'p', expectedVersions: new Map() });
    await waitUntil(async () => (await waitingOnLock(db, 'outbox')) > 0);
    const before = store.append([eventOn('g-before')], { principal: 'p', expectedVersions: new Map() });
    const duplicate = store.append([{ ...eventOn('g-dup-again'), eventId: taken.eventId }], { principal: 'p', expectedVersions: new Map() });
    const after = store.append([eventOn('g-after')], { principal: 'p', expectedVersions: new Map() });
    await held.release();
    await first;
    await expect(duplicate).rejects.toMatchObject({ code: '23505' });
    const [b, a] = await Promise.all([before, after]);
    expect(a.events[0].position).toBe(b.events[0].position + 1);
    expect(await store.readStream('g-dup-again')).toEqual([]);
    expect((await verifyStoredChain(db.pool)).valid).toBe(true);
  });

  it('stores text that needs escaping exactly as given, with a chain that verifies', async () => {
    const awkward = { quote: `it's "quoted"`, backslash: 'C:\\new\\table \\x41', dollars: '$$ $1 $tag$ $q0$ $q1$ $q', lines: 'a\nb\r\tc', unicode: 'Zoë 東京 🚀 \u2028', empty: '' };
    const event = eventOn(`g-awkward-'"\\`, 'Noted', awkward);
    const { events } = await store.append([event], { principal: `key:o'brien\\`, expectedVersions: new Map([[event.streamId, 0]]), idempotency: { key: `k'\\"`, requestHash: 'e'.repeat(64) } });
    const [stored] = await store.readStream(event.streamId);
    expect(stored).toMatchObject({ data: awkward, principal: `key:o'brien\\`, position: events[0].position, hash: events[0].hash });
    expect(await store.findIdempotentResult(`key:o'brien\\`, { key: `k'\\"`, requestHash: 'e'.repeat(64) })).toEqual(events);
    expect((await verifyStoredChain(db.pool)).valid).toBe(true);
  });

  let run = 0;
  /** Concurrent mixed commands against the reference model; the log dense, in stream order, mirrored by the outbox, chained. */
  async function mixedAppendsMatchOneByOne(target: PostgresEventStore): Promise<void> {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 1, maxLength: 24 }), async (commands) => {
        run += 1;
        const prefix = `r${run}-`;
        const head = await target.head();
        const settled = await Promise.allSettled(commands.map((command) => target.append(...toAppend(command, prefix))));
        const expected = referenceAnswers(commands, prefix, head.position);

        settled.forEach((result, i) => expectAnswer(result, expected[i], settled));
        const log = await target.readAll(head.position, 10_000);
        const appended = expected.flatMap((answer) => (answer.kind === 'appended' ? answer.events : []));
        expect(log.map((e) => e.position)).toEqual(appended.map((_, i) => head.position + i + 1));
        expect(log.map((e) => [e.streamId, e.streamVersion])).toEqual(appended.map((e) => [e.streamId, e.streamVersion]));
        const outbox = await db.pool.query('SELECT position FROM outbox WHERE position > $1 ORDER BY position', [head.position]);
        expect(outbox.rows.map((r) => Number(r.position))).toEqual(log.map((e) => e.position));
        const chain = await verifyStoredChain(db.pool, { from: Math.max(1, head.position) });
        expect(chain).toMatchObject({ valid: true, firstBreak: null });
      }),
      { numRuns: 30 },
    );
  }

  it('answers concurrent mixed appends as one-by-one appends would, and keeps the log dense, ordered and chained', async () => {
    await mixedAppendsMatchOneByOne(store);
  });

  it('does so too with one group at a time (the default)', async () => {
    await mixedAppendsMatchOneByOne(oneGroupAtATime);
  });
});

const STREAMS = ['a', 'b', 'c', 'd'];
const KEYS = ['k1', 'k2', 'k3'];

interface Command {
  events: string[];
  /** Expected versions, including streams only read; in the order the store checks them. */
  expectations: Array<[string, number]>;
  idempotency: { key: string; body: number } | null;
}

const commandArbitrary: fc.Arbitrary<Command> = fc.record({
  events: fc.array(fc.constantFrom(...STREAMS), { maxLength: 4 }),
  expectations: fc.uniqueArray(fc.tuple(fc.constantFrom(...STREAMS), fc.integer({ min: 0, max: 3 })), { maxLength: 3, selector: ([stream]) => stream }),
  idempotency: fc.option(fc.record({ key: fc.constantFrom(...KEYS), body: fc.integer({ min: 0, max: 1 }) }), { freq: 2 }),
});

function toAppend(command: Command, prefix: string): Parameters<PostgresEventStore['append']> {
  return [
    command.events.map((stream) => eventOn(prefix + stream)),
    {
      principal: 'prop',
      expectedVersions: new Map(command.expectations.map(([stream, version]) => [prefix + stream, version])),
      idempotency: command.idempotency ? { key: prefix + command.idempotency.key, requestHash: String(command.idempotency.body).repeat(64) } : undefined,
    },
  ];
}

type Answer =
  | { kind: 'appended'; events: Array<{ streamId: string; streamVersion: number; position: number }> }
  | { kind: 'replayed'; of: number }
  | { kind: 'wrong-version'; error: WrongExpectedVersionError }
  | { kind: 'key-reused' };

/** The answers of the same commands appended strictly one after the other. */
function referenceAnswers(commands: readonly Command[], prefix: string, headPosition: number): Answer[] {
  const versions = new Map<string, number>();
  const keys = new Map<string, { body: number; index: number }>();
  let position = headPosition;
  return commands.map((command, index): Answer => {
    if (command.idempotency) {
      const earlier = keys.get(command.idempotency.key);
      if (earlier) return earlier.body === command.idempotency.body ? { kind: 'replayed', of: earlier.index } : { kind: 'key-reused' };
    }
    for (const [stream, version] of command.expectations) {
      const actual = versions.get(stream) ?? 0;
      if (actual !== version) return { kind: 'wrong-version', error: new WrongExpectedVersionError(prefix + stream, version, actual) };
    }
    const events = command.events.map((stream) => {
      versions.set(stream, (versions.get(stream) ?? 0) + 1);
      position += 1;
      return { streamId: prefix + stream, streamVersion: versions.get(stream)!, position };
    });
    if (command.idempotency) keys.set(command.idempotency.key, { body: command.idempotency.body, index });
    return { kind: 'appended', events };
  });
}

function expectAnswer(result: PromiseSettledResult<AppendOutcome>, expected: Answer, all: ReadonlyArray<PromiseSettledResult<AppendOutcome>>): void {
  const shape = (events: readonly AppendedEvent[]) => events.map(({ streamId, streamVersion, position }) => ({ streamId, streamVersion, position }));
  switch (expected.kind) {
    case 'appended':
      expect(result.status === 'fulfilled' && !result.value.replayed && shape(result.value.events)).toEqual(expected.events);
      return;
    case 'replayed':
      expect(result.status === 'fulfilled' && result.value).toEqual({ replayed: true, events: (all[expected.of] as PromiseFulfilledResult<AppendOutcome>).value.events });
      return;
    case 'wrong-version':
      expect(result).toEqual({ status: 'rejected', reason: expected.error });
      return;
    case 'key-reused':
      expect(result.status === 'rejected' && result.reason).toBeInstanceOf(IdempotencyKeyReusedError);
      return;
  }
}

/** Holds a lock that makes the next append's write wait, so the appends after it queue up behind it. */
async function holdOutbox(db: TestDatabase): Promise<{ release(): Promise<void> }> {
  const blocker = await db.pool.connect();
  await blocker.query('BEGIN');
  await blocker.query('LOCK TABLE outbox IN EXCLUSIVE MODE');
  return {
    async release() {
      await blocker.query('COMMIT');
      blocker.release();
    },
  };
}

async function waitingOnLock(db: TestDatabase, table: string): Promise<number> {
  const { rows } = await db.pool.query(
    `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE NOT l.granted AND c.relname = $1`,
    [table],
  );
  return rows[0].n;
}

async function waitingOnAdvisoryLock(db: TestDatabase): Promise<number> {
  const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
  return rows[0].n;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
