import { PostgresEventStore, pruneRetained } from '@saydo/event-store';
import { eventOn } from '../support/new-events';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const DAY_MS = 24 * 60 * 60 * 1000;
const policy = { idempotencyKeyTtlMs: 30 * DAY_MS, outboxRetentionMs: 60 * 60 * 1000, batchSize: 2 };

describe('retention on real PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('deletes idempotency keys older than their period, in batches, and keeps the younger ones', async () => {
    // given five keys older than 30 days and two younger ones
    for (let i = 0; i < 7; i++) {
      await db.pool.query(`INSERT INTO idempotency_keys (principal, key, request_hash, result, created_at) VALUES ('api-key:k', $1, repeat('0', 64), '[]', now() - make_interval(days => $2))`, [
        `key-${i}`,
        i < 5 ? 31 : 29,
      ]);
    }
    // when the retention job runs (batches of 2)
    const result = await pruneRetained(db.pool, policy);
    // then the five old keys are gone: a replay with one of them is a new request
    expect(result.idempotencyKeys).toBe(5);
    const { rows } = await db.pool.query<{ key: string }>(`SELECT key FROM idempotency_keys ORDER BY key`);
    expect(rows.map((row) => row.key)).toEqual(['key-5', 'key-6']);
  });

  it('answers a replay within the period from the key, and treats a replay after the period as a new request', async () => {
    const store = new PostgresEventStore(db.pool);
    const idempotency = { key: 'expiring', requestHash: 'c'.repeat(64) };
    const options = { principal: 'api-key:k', expectedVersions: new Map(), idempotency };
    // given a request with a key, and its replay the next day
    const first = await store.append([eventOn('s-expiring')], options);
    await db.pool.query(`UPDATE idempotency_keys SET created_at = now() - interval '1 day' WHERE key = 'expiring'`);
    await pruneRetained(db.pool, policy);
    expect(await store.append([eventOn('s-expiring')], options)).toEqual({ replayed: true, events: first.events });
    // when the key is older than the period and the retention job ran
    await db.pool.query(`UPDATE idempotency_keys SET created_at = now() - interval '31 days' WHERE key = 'expiring'`);
    await pruneRetained(db.pool, policy);
    // then the same request is decided and appended again
    const again = await store.append([eventOn('s-expiring')], options);
    expect(again.replayed).toBe(false);
    expect(again.events[0].position).toBeGreaterThan(first.events[0].position);
  });

  it('deletes outbox rows published long enough ago, never unpublished or recently published ones', async () => {
    // given 9 events with their outbox rows: 1-5 published 2 hours ago, 6-7 a minute ago, 8-9 unpublished
    await db.pool.query(`DELETE FROM outbox`);
    await db.pool.query(`ALTER TABLE events DISABLE TRIGGER USER`);
    await db.pool.query(`DELETE FROM events`);
    await db.pool.query(`ALTER TABLE events ENABLE TRIGGER USER`);
    for (let position = 1; position <= 9; position++) {
      await db.pool.query(
        `INSERT INTO events (position, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, occurred_precision, occurred_from, occurred_until, recorded_at, principal, hash)
         VALUES ($1::bigint, 's-' || $1::text, 1, gen_random_uuid(), 'T', 1, '{}', '{}', '2026', 'year', now(), now(), now(), 'p', repeat('a', 64))`,
        [position],
      );
    }
    await db.pool.query(`INSERT INTO outbox (position, published_at) SELECT p, CASE WHEN p <= 5 THEN now() - interval '2 hours' WHEN p <= 7 THEN now() - interval '1 minute' END FROM generate_series(1, 9) p`);
    // when the retention job runs
    const result = await pruneRetained(db.pool, policy);
    // then only the rows published two hours ago are gone; the events all stay
    expect(result.outboxRows).toBe(5);
    const { rows } = await db.pool.query<{ position: string; published: boolean }>(`SELECT position, published_at IS NOT NULL AS published FROM outbox ORDER BY position`);
    expect(rows.map((row) => [Number(row.position), row.published])).toEqual([
      [6, true],
      [7, true],
      [8, false],
      [9, false],
    ]);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM events`)).rows[0].n).toBe(9);
    // and a second round finds nothing more
    expect(await pruneRetained(db.pool, policy)).toEqual({ idempotencyKeys: 0, outboxRows: 0 });
  });
});
