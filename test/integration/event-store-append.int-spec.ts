import fc from 'fast-check';
import { chainHash, GENESIS_HASH, IdempotencyKeyReusedError, PostgresEventStore, verifyStoredChain, WrongExpectedVersionError } from '@saydo/event-store';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventOn, stakeholderRegistered } from '../support/new-events';

describe('event store: append on real PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const principal = 'key:test';

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('assigns dense global positions and per-stream versions, and writes one outbox row per event', async () => {
    const before = await store.head();
    const result = await store.append([eventOn('s-a'), eventOn('s-b'), eventOn('s-a')], { principal, expectedVersions: new Map([['s-a', 0], ['s-b', 0]]) });
    expect(result.events.map((e) => e.position)).toEqual([before.position + 1, before.position + 2, before.position + 3]);
    expect(result.events.map((e) => [e.streamId, e.streamVersion])).toEqual([['s-a', 1], ['s-b', 1], ['s-a', 2]]);
    const outbox = await db.pool.query('SELECT position FROM outbox WHERE position > $1 ORDER BY position', [before.position]);
    expect(outbox.rows.map((r) => Number(r.position))).toEqual(result.events.map((e) => e.position));
  });

  it('refuses a stale expected version with the current one, and writes nothing from the batch', async () => {
    await store.append([eventOn('s-c')], { principal, expectedVersions: new Map([['s-c', 0]]) });
    const head = await store.head();
    const attempt = store.append([eventOn('s-d'), eventOn('s-c')], { principal, expectedVersions: new Map([['s-d', 0], ['s-c', 0]]) });
    await expect(attempt).rejects.toEqual(new WrongExpectedVersionError('s-c', 0, 1));
    expect(await store.head()).toEqual(head);
    expect(await store.readStream('s-d')).toEqual([]);
  });

  it('lets exactly one of two concurrent writers with the same expected version win', async () => {
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => store.append([eventOn('s-race')], { principal, expectedVersions: new Map([['s-race', 0]]) })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([
      expect.any(WrongExpectedVersionError),
      expect.any(WrongExpectedVersionError),
    ]);
    expect(await store.readStream('s-race')).toHaveLength(1);
  });

  it('returns the original result for a repeated idempotency key with the same request, and refuses another request', async () => {
    const idempotency = { key: 'req-1', requestHash: 'a'.repeat(64) };
    const first = await store.append([stakeholderRegistered('idem')], { principal, expectedVersions: new Map(), idempotency });
    const second = await store.append([stakeholderRegistered('idem')], { principal, expectedVersions: new Map(), idempotency });
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ replayed: true, events: first.events });
    expect(await store.readStream('stakeholder-idem')).toHaveLength(1);
    await expect(store.append([stakeholderRegistered('idem')], { principal, expectedVersions: new Map(), idempotency: { ...idempotency, requestHash: 'b'.repeat(64) } })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
  });

  it('appends once when the same idempotent request arrives twice at the same time', async () => {
    const idempotency = { key: 'req-parallel', requestHash: 'c'.repeat(64) };
    const [a, b] = await Promise.all([0, 1].map(() => store.append([eventOn('s-parallel')], { principal, expectedVersions: new Map(), idempotency })));
    expect(a.events).toEqual(b.events);
    expect(await store.readStream('s-parallel')).toHaveLength(1);
  });

  it('chains every event to the previous one with SHA-256, from the genesis hash', async () => {
    const log = await store.readAll(0, 10_000);
    let previous = GENESIS_HASH;
    for (const event of log) {
      expect(event.hash).toBe(chainHash(previous, event));
      previous = event.hash;
    }
    expect(log.length).toBeGreaterThan(5);
  });

  it('stores every field as sent, whatever characters stream ids, types, principals and data hold, and the chain verifies', async () => {
    // PostgreSQL text holds no NUL; the rest (quotes, backslashes, braces, commas, NULL, dollar tags, any plane) must come back unchanged.
    const text = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).map((s) => s.replace(/\u0000/g, '') || 'x'), fc.constantFrom('"', '\\', '{a,b}', 'NULL', '$q0$', "it's", '\\"'));
    const data = fc.dictionary(text, fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v).replace(/\\u0000/g, ''))));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ stream: text, type: text, data }), { minLength: 1, maxLength: 6 }), text, async (drawn, who) => {
        const events = drawn.map((d) => ({ ...eventOn(`prop-${d.stream}`, d.type, d.data), metadata: { sources: [{ quote: d.type }], subjects: [d.stream] } }));
        const streams = [...new Set(events.map((e) => e.streamId))];
        const versions = await store.readStreams(streams);
        const result = await store.append(events, { principal: who, expectedVersions: new Map(streams.map((id) => [id, versions.get(id)!.length])) });
        const stored = await store.readAll(result.events[0].position - 1, events.length);
        expect(stored.map((e) => ({ streamId: e.streamId, type: e.type, data: e.data, metadata: e.metadata, principal: e.principal, eventId: e.eventId, hash: e.hash }))).toEqual(
          events.map((e, i) => ({ streamId: e.streamId, type: e.type, data: e.data, metadata: e.metadata, principal: who, eventId: e.eventId, hash: result.events[i].hash })),
        );
      }),
      { numRuns: 60 },
    );
    expect((await verifyStoredChain(db.pool)).valid).toBe(true);
  });

  it('keeps events immutable: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    await expect(db.pool.query(`UPDATE events SET type = 'Forged' WHERE position = 1`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query(`DELETE FROM events WHERE position = 1`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query(`TRUNCATE events CASCADE`)).rejects.toThrow(/append-only/);
  });
});
