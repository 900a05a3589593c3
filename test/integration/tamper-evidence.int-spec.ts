import { chainHash, GENESIS_HASH, ImportRefusedError, importLog, PostgresEventStore, StoredEvent, verifyStoredChain } from '@saydo/event-store';
import { generateHistory } from '../support/history-generator';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Tampering directly in SQL, around the append-only trigger (as a database owner could):
 * every kind of alteration is found, at the first position it breaks.
 */
describe('tamper evidence of the hash chain', () => {
  let db: TestDatabase;
  const tamper = async (sql: string, params: unknown[] = []) => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica'); // triggers off, for this transaction only
      await client.query(sql, params);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };

  beforeEach(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const events = [...generateHistory(60)];
    for (let i = 0; i < events.length; i += 10) await store.append(events.slice(i, i + 10), { principal: 'p', expectedVersions: new Map() });
  });
  afterEach(() => db.drop());

  it('finds an untouched log valid, and gives its head hash', async () => {
    const head = await new PostgresEventStore(db.pool).head();
    expect(await verifyStoredChain(db.pool)).toMatchObject({ valid: true, from: 1, to: head.position, checked: head.position, headHash: head.hash, firstBreak: null });
  });

  it('finds an edited event at its position', async () => {
    await tamper(`UPDATE events SET data = jsonb_set(data, '{title}', '"Forged"') WHERE position = 17`);
    expect((await verifyStoredChain(db.pool)).firstBreak).toMatchObject({ position: 17, reason: 'hash-mismatch' });
  });

  it('finds an edited date or principal, not only data', async () => {
    await tamper(`UPDATE events SET principal = 'someone-else' WHERE position = 9`);
    expect((await verifyStoredChain(db.pool)).firstBreak).toMatchObject({ position: 9, reason: 'hash-mismatch' });
  });

  it('finds a deleted event as a hole', async () => {
    await tamper(`DELETE FROM outbox WHERE position = 23`);
    await tamper(`DELETE FROM events WHERE position = 23`);
    expect((await verifyStoredChain(db.pool)).firstBreak).toEqual({ position: 23, reason: 'missing-position', found: 24 });
  });

  it('finds two events swapped', async () => {
    await tamper(`UPDATE events SET position = 1000000 WHERE position = 30;
                  UPDATE events SET position = 30 WHERE position = 31;
                  UPDATE events SET position = 31 WHERE position = 1000000;`);
    expect((await verifyStoredChain(db.pool)).firstBreak).toMatchObject({ position: 30, reason: 'hash-mismatch' });
  });

  it('verifies a range from a position, trusting the stored link before it', async () => {
    await tamper(`UPDATE events SET data = '{}'::jsonb WHERE position = 5`);
    expect(await verifyStoredChain(db.pool, { from: 10 })).toMatchObject({ valid: true, from: 10 });
    expect((await verifyStoredChain(db.pool, { from: 1, to: 8 })).firstBreak).toMatchObject({ position: 5 });
  });

  it('catches a history rewritten with fresh hashes only against an anchor published before', async () => {
    const anchor = await new PostgresEventStore(db.pool).head();
    // Rewrite event 12 and recompute every hash after it, as a careful forger would.
    await tamper(`UPDATE events SET data = jsonb_set(data, '{title}', '"Rewritten"') WHERE position = 12`);
    const { rows } = await db.pool.query(`SELECT position FROM events WHERE position >= 12 ORDER BY position`);
    const store = new PostgresEventStore(db.pool);
    let previous = (await store.readAll(10, 1))[0].hash;
    for (const { position } of rows) {
      const [event] = (await store.readAll(Number(position) - 1, 1)) as StoredEvent[];
      const hash = chainHash(previous, event);
      await tamper(`UPDATE events SET hash = $1 WHERE position = $2`, [hash, position]);
      previous = hash;
    }
    expect((await verifyStoredChain(db.pool)).valid).toBe(true);
    expect((await verifyStoredChain(db.pool, { anchor })).firstBreak).toMatchObject({ position: anchor.position, reason: 'anchor-mismatch', anchorHash: anchor.hash });
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  describe('date bounds derived from occurredAt (outside the hash, read by every asOf filter)', () => {
    it('finds an occurred_from moved, at its position, naming the field and what occurredAt gives', async () => {
      const [event] = await new PostgresEventStore(db.pool).readAll(19, 1);
      await tamper(`UPDATE events SET occurred_from = occurred_from - interval '1 year' WHERE position = 20`);
      expect((await verifyStoredChain(db.pool)).firstBreak).toEqual({
        position: 20,
        reason: 'derived-date-mismatch',
        field: 'occurredFrom',
        stored: (await db.pool.query('SELECT occurred_from FROM events WHERE position = 20')).rows[0].occurred_from.toISOString(),
        expected: event.occurredFrom,
      });
    });

    it('finds an occurred_until moved, in any range that holds it and in none after it', async () => {
      await tamper(`UPDATE events SET occurred_until = occurred_until + interval '1 day' WHERE position = 33`);
      expect((await verifyStoredChain(db.pool)).firstBreak).toMatchObject({ position: 33, reason: 'derived-date-mismatch', field: 'occurredUntil' });
      expect((await verifyStoredChain(db.pool, { from: 30, to: 40 })).firstBreak).toMatchObject({ position: 33, reason: 'derived-date-mismatch' });
      expect(await verifyStoredChain(db.pool, { from: 34 })).toMatchObject({ valid: true });
    });

    it('refuses to import an export whose date bounds were altered, and imports nothing', async () => {
      const exported = await new PostgresEventStore(db.pool).readAll(0, 1000);
      const altered = exported.map((event) => (event.position === 7 ? { ...event, occurredUntil: '2999-01-01T00:00:00.000Z' } : event));
      const target = await createTestDatabase();
      try {
        const attempt = importLog(target.pool, linesOf(altered));
        await expect(attempt).rejects.toBeInstanceOf(ImportRefusedError);
        await expect(attempt).rejects.toMatchObject({ firstBreak: { position: 7, reason: 'derived-date-mismatch', field: 'occurredUntil', stored: '2999-01-01T00:00:00.000Z' } });
        expect((await target.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(0);
        expect(await importLog(target.pool, linesOf(exported))).toMatchObject({ imported: exported.length });
      } finally {
        await target.drop();
      }
    });
  });

  describe('anchors', () => {
    it('never calls a range valid against an anchor before it, where nothing was compared', async () => {
      const verdict = await verifyStoredChain(db.pool, { from: 3, anchor: { position: 1, hash: 'a'.repeat(64) } });
      expect(verdict).toMatchObject({ valid: false, checked: 0, firstBreak: { position: 1, reason: 'anchor-before-range', from: 3 } });
    });

    it('checks an anchor inside a range that starts after position 1', async () => {
      const [anchor] = await new PostgresEventStore(db.pool).readAll(39, 1);
      expect(await verifyStoredChain(db.pool, { from: 10, anchor: { position: 40, hash: anchor.hash } })).toMatchObject({ valid: true, from: 10, to: 40, checked: 31 });
      expect((await verifyStoredChain(db.pool, { from: 10, anchor: { position: 40, hash: 'b'.repeat(64) } })).firstBreak).toMatchObject({ reason: 'anchor-mismatch', position: 40 });
    });
  });
});

async function* linesOf(events: readonly StoredEvent[]): AsyncIterable<string> {
  for (const event of events) yield JSON.stringify(event);
}

