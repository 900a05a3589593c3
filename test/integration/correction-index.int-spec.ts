import { decideSubmissions, Submission } from '@saydo/domain';
import { NewEvent, PostgresEventStore } from '@saydo/event-store';
import { ALL_PROJECTIONS, ProjectionApplier, StoreProjectionRunner } from '@saydo/read-models';
import { sourceOf } from '../support/domain-events';
import { dumpReadModels, replayFromStore } from '../support/read-model-replay';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Corrections and the indexes reports read through: a counterparty corrected from B to C indexes
 * the corrected event under C too (the index only grows, so a report pinned before the
 * correction still finds the original), and a commitment's topics follow corrections while the
 * topics it ever had stay findable. Projected live, one event at a time, the tables equal a
 * replay of the same log in one pass (where the correction and its target share a batch).
 */

const SOURCE = sourceOf('Example News', '2026-03-02', 'Deal', 'a quote');
const fact = (type: string, data: Record<string, unknown>, occurredAt = '2026-02', sources = [SOURCE]): Submission => ({ type, data, occurredAt, sources });
const register = (id: string) => fact('StakeholderRegistered', { stakeholderId: id, name: id, kind: 'organization' }, '2015');
const deal = { actionId: 'deal', stakeholderId: 'acme', counterpartyIds: ['bank'], title: 'Deal', topics: ['energy'] };
const pledge = { commitmentId: 'acme-clean', stakeholderId: 'acme', text: 'Clean energy only', topics: ['energy'] };

/** Decides the whole history with the real rules (later facts see earlier ones), as the log will hold it. */
function history(): NewEvent[] {
  let counter = 0;
  const newEventId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
  const [dealId, pledgeId] = ['00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000006']; // the 5th and 6th decided
  const submissions = [
    register('acme'), register('bank'), register('fund'), register('trust'), fact('ContractSigned', deal), fact('PledgeMade', pledge),
    fact('EventCorrected', { eventId: dealId, reason: 'The counterparty was the fund', data: { ...deal, counterpartyIds: ['fund'] } }, '2026-03-09', []),
    fact('EventCorrected', { eventId: pledgeId, reason: 'Also about climate', data: { ...pledge, topics: ['climate'] }, occurredAt: '2025-11' }, '2026-03-09', []),
    fact('EventCorrected', { eventId: dealId, reason: 'And the trust', data: { ...deal, counterpartyIds: ['trust'] } }, '2026-03-09', []),
    fact('EventRetracted', { eventId: dealId, reason: 'Never signed' }, '2026-03-09', []),
  ];
  return decideSubmissions(submissions, { loaded: new Map(), now: '2026-03-09T12:00:00.000Z', newEventId }).events.map((e) => ({
    eventId: e.eventId, streamId: e.streamId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: { sources: e.sources as never, subjects: e.subjects }, occurredAt: e.occurredAt,
  }));
}

describe('corrections in the read models (real PostgreSQL)', () => {
  let db: TestDatabase;
  afterEach(async () => db?.drop());

  it('indexes a corrected event under its new parties, keeps the index additive, follows corrected topics, and equals a one-pass replay', async () => {
    // given the log, appended one event at a time and projected after each (corrections in later batches than their targets)
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const runner = new StoreProjectionRunner(db.pool, store, new ProjectionApplier(db.dataSource, ALL_PROJECTIONS), { batchSize: 1, pollIntervalMs: 60_000 });
    const positions: number[] = [];
    for (const event of history()) {
      positions.push((await store.append([event], { principal: 'key:editor', expectedVersions: new Map() })).events[0].position);
      await runner.catchUp();
    }
    const [dealAt, correctionAt] = [positions[4], positions[6]];

    // then the deal is indexed under the actor, the original counterparty, and each corrected one
    const { rows: entries } = await db.pool.query<{ id: string; type: string }>(`SELECT t.stakeholder_id || '@' || t.position AS id, e.type FROM rm_timeline_entries t JOIN events e USING (position) WHERE t.position = $1 ORDER BY 1`, [dealAt]);
    expect(entries).toEqual(['acme', 'bank', 'fund', 'trust'].map((s) => ({ id: `${s}@${dealAt}`, type: 'ContractSigned' })));
    // and the first correction is about the old and the new counterparty
    const { rows: correction } = await db.pool.query(`SELECT stakeholder_id FROM rm_timeline_entries WHERE position = $1 ORDER BY 1`, [correctionAt]);
    expect(correction.map((r) => r.stakeholder_id)).toEqual(['acme', 'bank', 'fund']);

    // and the commitment's topics follow the correction; the topics it ever had stay findable
    const { rows: commitments } = await db.pool.query(`SELECT topics, all_topics, stated_at FROM rm_commitments WHERE id = 'acme-clean'`);
    expect(commitments).toEqual([{ topics: ['climate'], all_topics: ['energy', 'climate'], stated_at: '2025-11' }]);

    // and the tables equal a replay of the same log in one pass
    expect(await dumpReadModels(db.pool)).toEqual(await replayFromStore(db.pool));
  });
});
