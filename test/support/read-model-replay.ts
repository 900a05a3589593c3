import { INSERT_EVENTS_SQL, insertEventsParameters, PostgresEventStore } from '@saydo/event-store';
import { ALL_PROJECTIONS, ProjectionApplier, StoreProjectionRunner } from '@saydo/read-models';
import { Pool } from 'pg';
import { createTestDatabase } from './test-database';

const READ_MODEL_TABLES = ['rm_stakeholders', 'rm_commitments', 'rm_commitment_links', 'rm_timeline_entries'];

/** Every read-model table, row by row, as text: two dumps are equal iff the tables are. */
export async function dumpReadModels(pool: Pool): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of READ_MODEL_TABLES) {
    const { rows } = await pool.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`);
    dump[table] = rows.map((r) => r.row);
  }
  return dump;
}

/**
 * The reference: the same log copied into a fresh database and projected straight from the
 * store, in one pass. Whatever feed produced the tables under test must give exactly these.
 */
export async function replayFromStore(source: Pool): Promise<Record<string, string[]>> {
  const replica = await createTestDatabase();
  try {
    const store = new PostgresEventStore(source);
    for (let after = 0; ; ) {
      const events = await store.readAll(after, 1000);
      if (events.length === 0) break;
      await replica.pool.query(INSERT_EVENTS_SQL, insertEventsParameters(events));
      after = events[events.length - 1].position;
    }
    const runner = new StoreProjectionRunner(replica.pool, new PostgresEventStore(replica.pool), new ProjectionApplier(replica.dataSource, ALL_PROJECTIONS), {
      batchSize: 1000,
      pollIntervalMs: 60_000,
    });
    await runner.catchUp();
    return await dumpReadModels(replica.pool);
  } finally {
    await replica.drop();
  }
}
