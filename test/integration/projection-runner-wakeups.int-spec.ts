import { PostgresEventStore } from '@saydo/event-store';
import { ALL_PROJECTIONS, ProjectionApplier, readModelPosition, StoreProjectionRunner } from '@saydo/read-models';
import { stakeholderRegistered } from '../support/new-events';
import { createTestDatabase } from '../support/test-database';

const names = ALL_PROJECTIONS.map((p) => p.name);

async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** With a one-minute poll, only wake-ups can make the runner follow within seconds. */
describe('store projection runner wake-ups', () => {
  it('applies an append committed while the runner is in the middle of a catch-up, without waiting for the poll', async () => {
    const db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const runner = new StoreProjectionRunner(db.pool, store, new ProjectionApplier(db.dataSource, ALL_PROJECTIONS), { batchSize: 100, pollIntervalMs: 60_000 });
    const options = { principal: 'p', expectedVersions: new Map() };
    try {
      await store.append([stakeholderRegistered('a')], options);
      await runner.start();
      expect(await waitUntil(async () => (await readModelPosition(db.pool, names)) >= 1, 5000)).toBe(true);

      // given the runner stuck inside a batch (its upsert waits on a lock we hold)
      const blocker = await db.pool.connect();
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE rm_stakeholders IN EXCLUSIVE MODE');
      await store.append([stakeholderRegistered('b')], options);
      const blocked = async () =>
        ((await db.pool.query(`SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'rm_stakeholders' AND NOT l.granted`)).rowCount ?? 0) > 0;
      expect(await waitUntil(blocked, 5000)).toBe(true);

      // when another event commits meanwhile, and the runner is released
      const late = await store.append([stakeholderRegistered('c')], options);
      await blocker.query('COMMIT');
      blocker.release();

      // then the read models reach it within seconds, not at the next poll
      expect(await waitUntil(async () => (await readModelPosition(db.pool, names)) >= late.events[0].position, 5000)).toBe(true);
    } finally {
      await runner.stop();
      await db.drop();
    }
  });

  it('survives its LISTEN connection being killed (reported, no crash) and keeps following appends', async () => {
    const db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const errors: unknown[] = [];
    const runner = new StoreProjectionRunner(db.pool, store, new ProjectionApplier(db.dataSource, ALL_PROJECTIONS), {
      batchSize: 100,
      pollIntervalMs: 300,
      onError: (error) => errors.push(error),
    });
    try {
      await runner.start();
      await db.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`);
      const appended = await store.append([stakeholderRegistered('after-kill')], { principal: 'p', expectedVersions: new Map() });
      expect(await waitUntil(async () => (await readModelPosition(db.pool, names)) >= appended.events[0].position, 5000)).toBe(true);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await runner.stop();
      await db.drop();
    }
  });
});
