import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/test-app';

/** Health tells the truth, and a statement that runs past statement_timeout is a 503, not a hang or a 500 (issue 9, points 6 and 9). */
describe('health endpoints and the statement timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DATABASE_STATEMENT_TIMEOUT_MS: '500' });
  });
  afterAll(() => t?.close());

  it('answers live without the database, ready (and its alias /health) with the database, the lag and the projector', async () => {
    const live = await t.inject('/health/live');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ status: 'ok' });
    for (const path of ['/health/ready', '/health']) {
      const ready = await t.inject(path);
      expect(ready.statusCode).toBe(200);
      expect(ready.json().info).toMatchObject({
        database: { status: 'up' },
        log: { status: 'up', lag: 0, maxLag: 10000 },
        projector: { status: 'up', state: 'running', restarts: 0 },
      });
    }
  });

  it('cancels a statement stuck behind a lock after statement_timeout: 503 database-timeout with Retry-After, then serves again', async () => {
    const blocker = new Client({ connectionString: t.db.url });
    blocker.on('error', () => undefined);
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE events IN ACCESS EXCLUSIVE MODE');
      const stuck = await t.inject('/v1/events?limit=1');
      expect(stuck.statusCode).toBe(503);
      expect(stuck.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(stuck.headers['retry-after']).toMatch(/^\d+$/);
      expect(stuck.json()).toMatchObject({ type: 'https://saydo.dev/problems/database-timeout', status: 503 });
      // Live does not touch the database, so it still answers.
      expect((await t.inject('/health/live')).statusCode).toBe(200);
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
    }
    expect((await t.inject('/v1/events?limit=1')).statusCode).toBe(200);
  });
});
