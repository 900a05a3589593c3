import { PostgresEventStore } from '@saydo/event-store';
import { toKafkaMessage, toOutboxMessage, UNPUBLISHED_SQL, UnpublishedRow } from '@saydo/messaging';
import fc from 'fast-check';
import { eventOn } from '../support/new-events';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The relay builds each message from the row's stored JSON text instead of parsing and
 * re-serialising it: whatever the data (unicode, escapes, numbers, nesting), the message must be
 * the one toKafkaMessage builds from the event as the store reads it (same key, same headers, a
 * value that parses to the same event).
 */
describe('outbox messages built from the stored JSON text', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('equal toKafkaMessage of the stored event, for any data', async () => {
    const data = fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }).filter((key) => !key.includes('\u0000')), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(data, { minLength: 1, maxLength: 5 }), fc.string({ unit: 'binary', maxLength: 20 }), async (datas, stream) => {
        const streamId = `s-${stream.replace(/\u0000/g, '')}`;
        const head = (await store.head()).position;
        // jsonb refuses \u0000 in strings; the API never stores it either.
        const events = datas.map((d) => eventOn(streamId, 'Noted', JSON.parse(JSON.stringify(d).replace(/\\u0000/g, ''))));
        await store.append(events, { principal: ' test ü', expectedVersions: new Map() });
        const { rows } = await db.pool.query<UnpublishedRow>(UNPUBLISHED_SQL, [100, head]);
        const stored = await store.readAll(head, 100);
        expect(rows.map((row) => toOutboxMessage(row).position)).toEqual(stored.map((event) => event.position));
        rows.forEach((row, index) => {
          const built = toOutboxMessage(row).message;
          const expected = toKafkaMessage(stored[index]);
          expect(built.key).toBe(expected.key);
          expect(built.headers).toEqual(expected.headers);
          expect(JSON.parse(built.value as string)).toEqual(JSON.parse(expected.value as string));
        });
      }),
      { numRuns: 20 },
    );
  });
});
