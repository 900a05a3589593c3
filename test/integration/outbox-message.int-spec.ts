import { PostgresEventStore } from '@saydo/event-store';
import { parsePartialDate, PartialDate } from '@saydo/domain';
import { isoTimestampSql, toKafkaMessage, toOutboxMessage, UNPUBLISHED_SQL, UnpublishedRow } from '@saydo/messaging';
import fc from 'fast-check';
import { eventOn } from '../support/new-events';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The relay reads each message's value as PostgreSQL writes it (the stored JSON text spliced in,
 * strings escaped by to_json, dates formatted by to_char) instead of parsing and re-serialising
 * the row: whatever the data (unicode, escapes, numbers, nesting) and the dates, the message must
 * be the one toKafkaMessage builds from the event as the store reads it (same key, same headers,
 * a value that parses to the same event).
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

  /** The relay's messages of the events after `head` are those toKafkaMessage builds from the events as the store reads them. */
  async function expectStoredEventsAfter(head: number): Promise<void> {
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
  }

  it('equal toKafkaMessage of the stored event, for any data', async () => {
    const data = fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }).filter((key) => !key.includes('\u0000')), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(data, { minLength: 1, maxLength: 5 }), fc.string({ unit: 'binary', maxLength: 20 }), async (datas, stream) => {
        const streamId = `s-${stream.replace(/\u0000/g, '')}`;
        const head = (await store.head()).position;
        // jsonb refuses \u0000 in strings; the API never stores it either.
        const events = datas.map((d) => eventOn(streamId, 'Noted', JSON.parse(JSON.stringify(d).replace(/\\u0000/g, ''))));
        await store.append(events, { principal: ' test ü', expectedVersions: new Map() });
        await expectStoredEventsAfter(head);
      }),
      { numRuns: 20 },
    );
  });

  it('carry the dates toISOString() gives, whatever the occurredAt (first and last years, offsets, fractions)', async () => {
    const instant = fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .chain(([y, mo, d, h, mi]) =>
        fc.tuple(fc.constantFrom('', '.5', '.123', '.123456789'), fc.constantFrom('Z', '+14:00', '-12:30', '+00:00')).map(([fraction, zone]) => {
          const pad = (n: number, width = 2) => String(n).padStart(width, '0');
          return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:59${fraction}${zone}`;
        }),
      );
    // Out-of-range instants (an offset pushing 0001 or 9999 over the edge) are refused by the domain and left out.
    const edges = fc.constantFrom('0001', '9999', '0001-01', '9999-12', '9999-12-31', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2025-04');
    const occurredAt = fc.oneof(edges, instant);
    await fc.assert(
      fc.asyncProperty(fc.array(occurredAt, { minLength: 1, maxLength: 5 }), async (texts) => {
        const dates = texts.map(parsePartialDate).filter((date): date is PartialDate => date !== null);
        if (dates.length === 0) return;
        const head = (await store.head()).position;
        await store.append(
          dates.map((date) => ({ ...eventOn(`dates-${head}`), occurredAt: date })),
          { principal: 'p', expectedVersions: new Map() },
        );
        await expectStoredEventsAfter(head);
      }),
      { numRuns: 30 },
    );
  });

  /**
   * Below the events: any timestamptz PostgreSQL and a JavaScript Date both hold, read in any
   * session time zone, gives the text `pg` gives once it parsed the Date (microseconds truncated,
   * years before 1000, BC years, years after 9999 in the signed six-digit form).
   */
  it('isoTimestampSql writes what pg Date parsing and toISOString() write, for any instant and session time zone', async () => {
    const client = await db.pool.connect();
    try {
      // From 4713 BC (PostgreSQL's first day) to days before JavaScript's last millisecond (pg builds
      // the Date from the session's local fields, which must themselves be a valid Date), in microseconds since 1970.
      const yearStart = (year: number) => BigInt(new Date(0).setUTCFullYear(year)) * 1000n;
      const edges = [-1, 0, 1, 999, 1000, 9999, 10000].flatMap((year) => [yearStart(year) - 1n, yearStart(year), yearStart(year) + 999_999n]);
      const micros = fc.oneof(
        fc.constantFrom(...edges),
        fc.bigInt({ min: -210_866_760_000_000_000n, max: 8_639_000_000_000_000_000n }),
        fc.bigInt({ min: -62_200_000_000_000_000n, max: 253_500_000_000_000_000n }),
      );
      const zone = fc.constantFrom('UTC', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kolkata', 'Europe/Berlin', 'Etc/GMT+12');
      await fc.assert(
        fc.asyncProperty(micros, zone, async (us, timeZone) => {
          await client.query(`SELECT set_config('TimeZone', $1, false)`, [timeZone]);
          const { rows } = await client.query<{ t: Date; iso: string }>(
            `SELECT t, ${isoTimestampSql('t')} AS iso FROM (SELECT 'epoch'::timestamptz + ($1 || ' microseconds')::interval AS t) v`,
            [us.toString()],
          );
          expect(rows[0].iso).toBe(rows[0].t.toISOString());
        }),
        { numRuns: 500 },
      );
    } finally {
      await client.query('RESET TimeZone');
      client.release();
    }
  });
});
