import fc from 'fast-check';
import { Client } from 'pg';
import { numberArrayLiteral, textArrayLiteral } from '../../libs/event-store/src/array-literal';

/** PostgreSQL text cannot hold NUL; every other character must come back as sent. */
const text = fc.string({ unit: 'binary', maxLength: 12 }).map((s) => s.replace(/\u0000/g, ''));
const tricky = fc.constantFrom('', ' ', 'NULL', 'null', '{', '}', ',', '"', '\\', '\\"', 'a b', '{"x":"y\\\\z"}');

describe('array literals the projections send through unnest', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: process.env.SAYDO_TEST_PG_ADMIN_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it('come back from PostgreSQL as the values sent: text (with NULLs), nested text arrays and numbers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.oneof(text, tricky), { nil: null }), { maxLength: 8 }),
        fc.array(fc.array(fc.oneof(text, tricky), { maxLength: 4 }), { maxLength: 5 }),
        fc.array(fc.option(fc.maxSafeInteger(), { nil: null }), { maxLength: 8 }),
        async (texts, nested, numbers) => {
          const { rows } = await client.query(
            `SELECT $1::text[] AS texts, ARRAY(SELECT to_jsonb(n::text[]) FROM unnest($2::text[]) AS n) AS nested, $3::bigint[]::text[] AS numbers`,
            [textArrayLiteral(texts), textArrayLiteral(nested.map((inner) => textArrayLiteral(inner))), numberArrayLiteral(numbers)],
          );
          expect(rows[0].texts).toEqual(texts);
          expect(rows[0].nested).toEqual(nested);
          expect(rows[0].numbers).toEqual(numbers.map((n) => (n === null ? null : String(n))));
        },
      ),
      { numRuns: 200 },
    );
  });
});
