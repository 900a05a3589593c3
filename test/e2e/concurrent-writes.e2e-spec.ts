import { ADMIN_KEY, startTestApp, TestApp, TestResponse } from '../support/test-app';
import { classifiedAgreement, openAiRedLine, registerDoD, registerOpenAi, S5 } from '../support/scenario';

const problem = (slug: string) => `https://saydo.dev/problems/${slug}`;

/**
 * Writers racing each other through the API: a decision is checked against every stream it read,
 * a write without expectedVersion never fails because others wrote first, a pinned one does, and
 * an idempotent retry racing its original answers the original.
 */
describe('concurrent writes', () => {
  let t: TestApp;
  /** A second API process on the same database: writers in two processes only meet in the store. */
  let other: TestApp;
  let editorKey: string;
  const postTo = (app: TestApp, url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${editorKey}`, ...headers } });
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => postTo(t, url, payload, headers);
  const streamVersion = async (streamId: string) => (await t.inject(`/v1/streams/${streamId}`)).json().version as number;

  beforeAll(async () => {
    t = await startTestApp();
    editorKey = (await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'desk', role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json().key;
    expect((await post('/v1/event-batches', { events: [registerOpenAi, registerDoD, openAiRedLine] })).statusCode).toBe(201);
    other = await startTestApp({ DATABASE_URL: t.db.url });
  });
  afterAll(async () => {
    await other?.close();
    await t.close();
  });

  it('accepts 50 concurrent renames of one stakeholder that send no expectedVersion, each once, sent to two processes', async () => {
    const renames = Array.from({ length: 50 }, (_, i) => ({ type: 'StakeholderRenamed', data: { stakeholderId: 'us-dod', name: `Department ${i}` }, occurredAt: '2026-01', sources: [S5] }));
    const responses = await Promise.all(renames.map((rename, i) => postTo(i % 2 ? other : t, '/v1/events', rename)));
    expect(responses.map((r) => r.statusCode)).toEqual(renames.map(() => 201));
    expect(responses.map((r) => r.json().streamVersion).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    expect(await streamVersion('stakeholder-us-dod')).toBe(51);
  });

  it('answers 409 wrong-expected-version, with the current version, only to writers that pinned a version, and to all but one of them', async () => {
    const version = await streamVersion('stakeholder-openai');
    const renames = Array.from({ length: 10 }, (_, i) => ({ type: 'StakeholderRenamed', data: { stakeholderId: 'openai', name: `OpenAI ${i}` }, occurredAt: '2026-01', sources: [S5], expectedVersion: version }));
    const responses = await Promise.all(renames.map((rename, i) => postTo(i % 2 ? other : t, '/v1/events', rename)));
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const refused = responses.filter((r) => r.statusCode !== 201);
    expect(refused.map((r) => r.statusCode)).toEqual(refused.map(() => 409));
    for (const response of refused) {
      expect(response.json()).toMatchObject({ type: problem('wrong-expected-version'), streamId: 'stakeholder-openai', expectedVersion: version, currentVersion: version + 1 });
    }
    expect(await streamVersion('stakeholder-openai')).toBe(version + 1);
  });

  it('answers 20 concurrent copies of one request with one Idempotency-Key with the original result, writing one event', async () => {
    const pledge = { type: 'PledgeMade', data: { commitmentId: 'openai-idempotent-pledge', stakeholderId: 'openai', text: 'Publish the guardrails', topics: ['surveillance'] }, occurredAt: '2026-03', sources: [S5] };
    const responses = await Promise.all(Array.from({ length: 20 }, () => post('/v1/events', pledge, { 'idempotency-key': 'pledge-once' })));
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 201));
    const bodies = new Set(responses.map((r) => r.body));
    expect(bodies.size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    expect(await streamVersion('commitment-openai-idempotent-pledge')).toBe(1);
  });

  it('never commits an assessment decided on an action that a concurrent retraction withdrew, in another process', async () => {
    const rounds = 12;
    for (let round = 0; round < rounds; round++) {
      const actionId = `race-contract-${round}`;
      const contract = await post('/v1/events', { ...classifiedAgreement, data: { ...classifiedAgreement.data, actionId } });
      expect(contract.statusCode).toBe(201);
      const retraction = { type: 'EventRetracted', data: { eventId: contract.json().eventId, reason: 'The source was withdrawn' }, occurredAt: '2026-03-09', sources: [] };
      const assessment = { type: 'AssessmentRecorded', data: { commitmentId: 'openai-no-domestic-surveillance', actionId, relation: 'strains', rationale: 'Signed in a rush' }, occurredAt: '2026-03-09', sources: [] };
      const [retracted, assessed] = await Promise.all([post('/v1/events', retraction), postTo(other, '/v1/events', assessment)]);
      expect(retracted.statusCode).toBe(201);
      expectSerialisable(retracted, assessed);
    }
  });
});

/**
 * The outcome is one a single writer at a time could give: the assessment first, then the
 * retraction (both written, in that order), or the retraction first and the assessment refused
 * as it would be if sent afterwards: 409 action-retracted (the fact it judges left the record). Never both written with the
 * retraction first: that is the race the read-stream check closes.
 */
function expectSerialisable(retracted: TestResponse, assessed: TestResponse): void {
  if (assessed.statusCode === 201) {
    expect(assessed.json().position).toBeLessThan(retracted.json().position);
  } else {
    expect(assessed.statusCode).toBe(409);
    expect(assessed.json().type).toBe(problem('action-retracted'));
  }
}
