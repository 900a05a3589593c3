import { PostgresEventStore } from '@saydo/event-store';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventOn } from '../support/new-events';

/**
 * A transaction that took a lower position can commit after one that took a higher position;
 * a reader that moved its cursor past the higher one would skip the lower one forever.
 * Here writer A is held mid-transaction (its events inserted, its outbox insert blocked by a
 * table lock we hold), while writer B starts later and must not become visible first.
 */
describe('event store: gap-safe reading of the global log', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('never shows a later commit before an earlier position, with two overlapping transactions', async () => {
    const blocker = await db.pool.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE outbox IN EXCLUSIVE MODE');

    const slowA = store.append([eventOn('slow-a')], { principal: 'a', expectedVersions: new Map() });
    await waitUntil(async () => (await waitingOnLock(db, 'outbox')) > 0);
    const fastB = store.append([eventOn('fast-b')], { principal: 'b', expectedVersions: new Map() });
    await new Promise((resolve) => setTimeout(resolve, 300));

    // B had all the time it needed; a reader must still see neither event.
    expect(await store.readAll(0, 100)).toEqual([]);

    await blocker.query('COMMIT');
    blocker.release();
    const [a, b] = await Promise.all([slowA, fastB]);

    expect(a.events[0].position).toBe(1);
    expect(b.events[0].position).toBe(2);
    expect((await store.readAll(0, 100)).map((e) => e.streamId)).toEqual(['slow-a', 'fast-b']);
  });

  it('a reader polling during many concurrent appends sees every position exactly once, in order', async () => {
    const seen: number[] = [];
    let cursor = (await store.head()).position;
    const start = cursor;
    let writing = true;
    const reader = (async () => {
      while (writing || cursor < (await store.head()).position) {
        const batch = await store.readAll(cursor, 50);
        for (const event of batch) seen.push(event.position);
        if (batch.length) cursor = batch[batch.length - 1].position;
      }
    })();
    await Promise.all(
      Array.from({ length: 8 }, (_, writer) =>
        (async () => {
          for (let i = 0; i < 15; i++) await store.append([eventOn(`w${writer}`), eventOn(`w${writer}-x`)], { principal: 'w', expectedVersions: new Map() });
        })(),
      ),
    );
    writing = false;
    await reader;
    expect(seen).toEqual(Array.from({ length: 8 * 15 * 2 }, (_, i) => start + i + 1));
  });
});

async function waitingOnLock(db: TestDatabase, table: string): Promise<number> {
  const { rows } = await db.pool.query(
    `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE NOT l.granted AND c.relname = $1`,
    [table],
  );
  return rows[0].n;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
