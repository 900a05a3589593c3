import { guardPool } from '@saydo/platform';
import { Pool } from 'pg';
import { msUntilOk, pause, startWriteLoad } from '../support/fault-load';
import { OwnPostgres } from '../support/own-postgres';
import { dumpReadModels, replayFromStore } from '../support/read-model-replay';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

const CRASHES = Number(process.env.CRASHES ?? 3);
const WRITERS = 8;

/**
 * PostgreSQL restarts (issue 9, point 2): the test's own PostgreSQL is SIGKILLed (postmaster and
 * backends) and started again under write load, three times. Meanwhile the API stays up: live
 * answers, ready fails naming the database, writes answer 503 database-unavailable. Afterwards
 * everything resumes by itself: every acknowledged write is in the log once, the chain verifies,
 * and the read models equal a replay from the store.
 */
describe('PostgreSQL killed and restarted under write load', () => {
  let postgres: OwnPostgres;
  let t: TestApp;
  let editorKey: string;
  let auditorKey: string;

  beforeAll(async () => {
    postgres = await OwnPostgres.create();
    t = await startTestApp({ DATABASE_URL: postgres.url, RATE_LIMIT_PER_MINUTE: '10000000' });
    const keyFor = async (role: string) =>
      (await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: role, role }, headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json().key as string;
    editorKey = await keyFor('editor');
    auditorKey = await keyFor('auditor');
  });
  afterAll(async () => {
    await t?.close();
    await postgres?.destroy();
  });

  it(`survives ${CRASHES} crashes of its database, then serves everything it acknowledged, projected as a replay would`, async () => {
    const load = startWriteLoad(t, editorKey, WRITERS, 'crash');
    const recoveries: number[] = [];
    const whileDown: Array<{ live: number; ready: number; down: string[]; write: number; writeProblem: string; retryAfter: string | null }> = [];
    let tallies;
    try {
      for (let crash = 0; crash < CRASHES; crash++) {
        await load.progress(30, 60_000);
        postgres.crash();
        await postgres.waitUntilGone();
        const live = await fetch(`${t.baseUrl}/health/live`);
        const ready = await fetch(`${t.baseUrl}/health/ready`);
        const write = await t.inject({
          method: 'POST',
          url: '/v1/events',
          headers: { authorization: `Bearer ${editorKey}` },
          payload: { type: 'StakeholderRegistered', data: { stakeholderId: `probe-${crash}`, name: 'probe', kind: 'organization' }, occurredAt: '2020', sources: [{ url: 'https://example.org/x', publisher: 'x', title: 'x', publishedAt: '2020-01-01', quote: 'x' }] },
        });
        whileDown.push({
          live: live.status,
          ready: ready.status,
          down: ((await ready.json()) as { down?: string[] }).down ?? [],
          write: write.statusCode,
          writeProblem: write.json().type,
          retryAfter: write.headers['retry-after'] ?? null,
        });
        // Down for a while under load, writers retrying.
        await pause(1_000);
        await postgres.start();
        recoveries.push(await msUntilOk(t.baseUrl, '/health/ready', 60_000));
        expect(t.process.exitCode).toBeNull();
      }
      await load.progress(30, 60_000);
    } finally {
      tallies = await load.stop();
    }
    const acknowledged = tallies.flatMap((tally) => tally.acknowledged);
    process.stdout.write(
      `postgres-restart figures: ${JSON.stringify({ acknowledged: acknowledged.length, retried503: tallies.reduce((sum, tally) => sum + tally.retried503, 0), transportErrors: tallies.reduce((sum, tally) => sum + tally.transportErrors, 0), recoveryMsAfterStart: recoveries })}\n`,
    );
    expect(tallies.flatMap((tally) => tally.unexpected)).toEqual([]);
    expect(t.process.exitCode).toBeNull();
    for (const seen of whileDown) {
      expect(seen).toEqual({ live: 200, ready: 503, down: expect.arrayContaining(['database']), write: 503, writeProblem: 'https://saydo.dev/problems/database-unavailable', retryAfter: expect.stringMatching(/^\d+$/) });
    }

    const pool = guardPool(new Pool({ connectionString: postgres.url, max: 2 }));
    try {
      const { rows } = await pool.query<{ id: string; n: string }>(`SELECT data->>'stakeholderId' AS id, count(*) AS n FROM events WHERE type = 'StakeholderRegistered' GROUP BY 1`);
      const counts = new Map(rows.map((row) => [row.id, Number(row.n)]));
      expect(acknowledged.filter((id) => counts.get(id) !== 1)).toEqual([]);
      expect((await t.inject({ url: '/v1/audit/verify', headers: { authorization: `Bearer ${auditorKey}` } })).json()).toMatchObject({ valid: true, firstBreak: null });
      // The read models catch up by themselves, and equal a replay of the log.
      for (let waited = 0; (await t.inject('/health/ready')).json().info?.log?.lag !== 0; waited += 100) {
        if (waited > 60_000) throw new Error('the read models did not catch up');
        await pause(100);
      }
      expect(await dumpReadModels(pool)).toEqual(await replayFromStore(pool));
    } finally {
      await pool.end();
    }
  }, 600_000);
});
