import { DomainError, Submission } from '@saydo/domain';
import { AppendOptions, AppendOutcome, NewEvent, PostgresEventStore } from '@saydo/event-store';
import { SubmissionRecorder, WriteContentionError } from '../../apps/api/src/events/commands/record-events/submission-recorder';
import { isIdempotencyKeyTaken } from '../../apps/api/src/events/commands/record-events/write-retry';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const SOURCE = { url: 'https://example.org/a', publisher: 'Example', title: 'A', publishedAt: '2026-03-09', quote: 'q' };
const fact = (type: string, data: Record<string, unknown>, occurredAt: string, sources = [SOURCE]): Submission => ({ type, data, occurredAt, sources });

/**
 * The real store with one seam: `interleave` runs another writer's request between a decision and
 * its append, the moment a concurrent request would slip in, so the race happens every time.
 */
class InterleavingStore extends PostgresEventStore {
  interleave: (() => Promise<void>) | null = null;
  appendAttempts = 0;

  override async append(events: readonly NewEvent[], options: AppendOptions): Promise<AppendOutcome> {
    this.appendAttempts += 1;
    const other = this.interleave;
    if (other) await other();
    return super.append(events, options);
  }
}

describe('a decision is checked against every stream it read', () => {
  let db: TestDatabase;
  let store: InterleavingStore;
  let other: SubmissionRecorder;
  const recorder = (limit = 10) => new SubmissionRecorder(store, { limit, baseDelayMs: 0 });
  const record = (writer: SubmissionRecorder, ...submissions: Submission[]) => writer.record(submissions, 'api-key:k1');
  const types = async () => (await store.readAll(0, 1000)).map((e) => e.type);
  let contractEventId: string;
  const assess = fact('AssessmentRecorded', { commitmentId: 'no-surveillance', actionId: 'dow-deal', relation: 'strains', rationale: 'Signed first' }, '2026-03-09', []);
  const retract = () => fact('EventRetracted', { eventId: contractEventId, reason: 'The source was withdrawn' }, '2026-03-09', []);

  beforeEach(async () => {
    db = await createTestDatabase();
    store = new InterleavingStore(db.pool);
    other = new SubmissionRecorder(new PostgresEventStore(db.pool), { limit: 10, baseDelayMs: 0 });
    const seeded = await record(
      other,
      fact('StakeholderRegistered', { stakeholderId: 'openai', name: 'OpenAI', kind: 'organization' }, '2015'),
      fact('StakeholderRegistered', { stakeholderId: 'us-dod', name: 'DoD', kind: 'government' }, '1947'),
      fact('RedLineStated', { commitmentId: 'no-surveillance', stakeholderId: 'openai', text: 'No surveillance', topics: ['surveillance'] }, '2026-03'),
      fact('ContractSigned', { actionId: 'dow-deal', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Deal', topics: ['surveillance'] }, '2026-02'),
    );
    contractEventId = seeded.events[3].eventId;
  });
  afterEach(() => db.drop());

  it('refuses to append an assessment decided before a retraction of its action committed', async () => {
    store.interleave = async () => {
      store.interleave = null;
      await record(other, retract());
    };
    // One attempt only: the stale decision itself reaches the store, which must refuse it.
    const attempt = record(recorder(1), assess);
    await expect(attempt).rejects.toBeInstanceOf(WriteContentionError);
    expect(await types()).toEqual(['StakeholderRegistered', 'StakeholderRegistered', 'RedLineStated', 'ContractSigned', 'EventRetracted']);
  });

  it('decides again on fresh state and gives the answer a later request would get', async () => {
    store.interleave = async () => {
      store.interleave = null;
      await record(other, retract());
    };
    const attempt = record(recorder(), assess);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'action-retracted', kind: 'conflict' });
    expect(store.appendAttempts).toBe(1);
    expect(await types()).not.toContain('AssessmentRecorded');
  });

  it('lets a decision through when only streams it did not read moved', async () => {
    store.interleave = async () => {
      store.interleave = null;
      await record(other, fact('StakeholderRenamed', { stakeholderId: 'openai', name: 'OpenAI Inc.' }, '2026-01'));
    };
    const outcome = await record(recorder(1), assess);
    expect(outcome.events).toHaveLength(1);
    expect(store.appendAttempts).toBe(1);
  });

  it('decides again when a stream the request pinned did not move, and refuses with wrong-expected-version when it did', async () => {
    store.interleave = async () => {
      store.interleave = null;
      await record(other, fact('StakeholderRenamed', { stakeholderId: 'us-dod', name: 'Department of War' }, '2026-01'));
    };
    const pinnedOnOwnStream = { ...fact('ContractSigned', { actionId: 'second', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Second', topics: [] }, '2026-03'), expectedVersion: 0 };
    expect((await record(recorder(), pinnedOnOwnStream)).events).toHaveLength(1);
    expect(store.appendAttempts).toBe(2);

    store.interleave = async () => {
      store.interleave = null;
      await record(other, fact('StakeholderRenamed', { stakeholderId: 'openai', name: 'OpenAI Global' }, '2026-01'));
    };
    const pinnedRename = { ...fact('StakeholderRenamed', { stakeholderId: 'openai', name: 'Open AI' }, '2026-02'), expectedVersion: 1 };
    await expect(record(recorder(), pinnedRename)).rejects.toMatchObject({ code: 'wrong-expected-version', details: { expectedVersion: 1, currentVersion: 2 } });
  });

  it('gives up after WRITE_RETRY_LIMIT attempts when other writers always get in first, writing nothing of its own', async () => {
    let renames = 0;
    store.interleave = async () => {
      renames += 1;
      await record(other, fact('StakeholderRenamed', { stakeholderId: 'us-dod', name: `Department ${renames}` }, '2026-01'));
    };
    const pinnedFree = fact('ContractSigned', { actionId: 'third', stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: 'Third', topics: [] }, '2026-03');
    await expect(record(recorder(4), pinnedFree)).rejects.toMatchObject({ name: 'WriteContentionError', attempts: 4 });
    expect(store.appendAttempts).toBe(4);
    expect(await store.readStream('action-third')).toEqual([]);
  });

  describe('an idempotent retry racing its original', () => {
    const pledge = fact('PledgeMade', { commitmentId: 'publish-guardrails', stakeholderId: 'openai', text: 'Publish the guardrails', topics: [] }, '2026-03');

    it('answers the original result when the original commits between its decision and its append', async () => {
      let original: Awaited<ReturnType<SubmissionRecorder['record']>> | undefined;
      store.interleave = async () => {
        store.interleave = null;
        original = await other.record([pledge], 'api-key:k1', 'pledge-key');
      };
      const retry = await recorder().record([pledge], 'api-key:k1', 'pledge-key');
      expect(retry).toEqual({ replayed: true, events: original!.events });
      expect(JSON.stringify(retry.events)).toBe(JSON.stringify(original!.events));
      expect(await store.readStream('commitment-publish-guardrails')).toHaveLength(1);
    });

    it('recognises the unique violation a second insert of the same key raises', async () => {
      const insert = () => db.pool.query(`INSERT INTO idempotency_keys (principal, key, request_hash, result) VALUES ('p', 'k', 'h', '[]')`);
      await insert();
      const error = await insert().catch((caught: unknown) => caught);
      expect(isIdempotencyKeyTaken(error)).toBe(true);
      expect(isIdempotencyKeyTaken(await db.pool.query('SELECT 1/0').catch((caught: unknown) => caught))).toBe(false);
    });
  });
});
