import fc from 'fast-check';
import { PostgresEventStore } from '@saydo/event-store';
import { appendMetrics } from '@saydo/platform';
import { Registry } from 'prom-client';
import { eventOn } from '../support/new-events';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** One series of a metric: a counter by labels, or a histogram's count (le="+Inf") or sum. */
async function value(registry: Registry, name: string, labels: Record<string, string> = {}, series = name): Promise<number> {
  const { values } = await registry.getSingleMetric(name)!.get();
  const wanted = values.filter((v) => ((v as { metricName?: string }).metricName ?? name) === series && Object.entries(labels).every(([key, label]) => v.labels[key] === label));
  return wanted[0]?.value ?? 0;
}

/**
 * The store's observer hook, wired to the real prom-client metrics: whatever mix of concurrent
 * appends (some stale) arrives, the counters agree with what the log holds.
 */
describe('event store metrics (AppendObserver wired to prom-client)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('counts every appended event by type, every append by outcome, every group and its lock wait', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ types: fc.array(fc.constantFrom('Noted', 'Said', 'Done'), { minLength: 1, maxLength: 4 }), stale: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        async (appends, maxCommands) => {
          const registry = new Registry();
          const store = new PostgresEventStore(db.pool, { maxCommands, maxEvents: 100 }, appendMetrics(registry));
          const run = Math.random().toString(36).slice(2);
          const results = await Promise.allSettled(
            appends.map(({ types, stale }, i) =>
              store.append(types.map((type) => eventOn(`m-${run}-${i}`, type)), { principal: 'p', expectedVersions: new Map([[`m-${run}-${i}`, stale ? 7 : 0]]) }),
            ),
          );
          const { rows } = await db.pool.query<{ type: string; n: string }>(`SELECT type, count(*) AS n FROM events WHERE stream_id LIKE $1 GROUP BY type`, [`m-${run}-%`]);
          for (const type of ['Noted', 'Said', 'Done']) {
            expect(await value(registry, 'saydo_events_appended_total', { type })).toBe(Number(rows.find((r) => r.type === type)?.n ?? 0));
          }
          const committed = results.filter((r) => r.status === 'fulfilled').length;
          expect(committed).toBe(appends.filter((a) => !a.stale).length);
          const settled = (outcome: string) => value(registry, 'saydo_append_duration_seconds', { outcome }, 'saydo_append_duration_seconds_count');
          expect(await settled('ok')).toBe(committed);
          expect(await settled('refused')).toBe(appends.length - committed);
          // A group that wrote something is counted once, with every command it carried (its refused ones too).
          const groups = await value(registry, 'saydo_append_group_commands', { le: '+Inf' }, 'saydo_append_group_commands_bucket');
          const commandsInGroups = await value(registry, 'saydo_append_group_commands', {}, 'saydo_append_group_commands_sum');
          expect(groups).toBeGreaterThanOrEqual(Math.ceil(committed / maxCommands));
          expect(commandsInGroups).toBeGreaterThanOrEqual(committed);
          expect(commandsInGroups).toBeLessThanOrEqual(appends.length);
          expect(await value(registry, 'saydo_append_group_events', {}, 'saydo_append_group_events_sum')).toBe(rows.reduce((sum, r) => sum + Number(r.n), 0));
          // Every group transaction (written or not) took the lock.
          expect(await value(registry, 'saydo_append_lock_wait_seconds', { le: '+Inf' }, 'saydo_append_lock_wait_seconds_bucket')).toBeGreaterThanOrEqual(groups);
        },
      ),
      { numRuns: 15 },
    );
  });
});
