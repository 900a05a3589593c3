import { withTransaction } from '@saydo/event-store';
import { advanceWatermark } from '@saydo/messaging';
import fc from 'fast-check';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const NAMES = ['watermark-test-a', 'watermark-test-b'];

/**
 * The watermark (one statement: positions waiting beyond a gap, the ones just applied, the run
 * from the current watermark) against a model: whatever the order and grouping in which
 * partitions deliver positions, re-sent ones included, the watermark is the longest gap-free
 * prefix applied so far, the checkpoints follow it, and only positions beyond it stay waiting.
 */
describe('projection watermark', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('is the longest gap-free prefix of the positions applied, in any order and grouping', async () => {
    const deliveries = fc
      .integer({ min: 1, max: 60 })
      .chain((count) =>
        fc.tuple(
          fc.shuffledSubarray([...Array(count).keys()].map((i) => i + 1), { minLength: count, maxLength: count }),
          fc.array(fc.integer({ min: 1, max: count }), { maxLength: 10 }),
          fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 20 }),
        ),
      )
      .map(([order, resent, sizes]) => {
        const positions = [...order];
        resent.forEach((position, i) => positions.splice((i * 7) % (positions.length + 1), 0, position));
        const groups: number[][] = [];
        for (let start = 0, i = 0; start < positions.length; start += sizes[i % sizes.length], i += 1) groups.push(positions.slice(start, start + sizes[i % sizes.length]));
        return groups;
      });
    await fc.assert(
      fc.asyncProperty(deliveries, async (groups) => {
        await db.pool.query('TRUNCATE projection_positions_ahead');
        await db.pool.query('DELETE FROM projection_checkpoints WHERE name = ANY($1::text[])', [NAMES]);
        await db.pool.query('INSERT INTO projection_checkpoints (name, position) SELECT unnest($1::text[]), 0', [NAMES]);
        const applied = new Set<number>();
        let watermark = 0;
        for (const group of groups) {
          watermark = await withTransaction(db.pool, (client) => advanceWatermark(client, watermark, group, NAMES));
          group.forEach((position) => applied.add(position));
          let expected = 0;
          while (applied.has(expected + 1)) expected += 1;
          expect(watermark).toBe(expected);
          const { rows: checkpoints } = await db.pool.query<{ position: string }>('SELECT position FROM projection_checkpoints WHERE name = ANY($1::text[])', [NAMES]);
          expect(checkpoints.map((row) => Number(row.position))).toEqual([expected, expected]);
          const { rows: waiting } = await db.pool.query<{ position: string }>('SELECT position FROM projection_positions_ahead ORDER BY position');
          expect(waiting.map((row) => Number(row.position))).toEqual([...applied].filter((position) => position > expected).sort((a, b) => a - b));
        }
      }),
      { numRuns: 30 },
    );
  });
});
