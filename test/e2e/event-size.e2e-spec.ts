import { expectProblem } from '../support/problems';
import { registerDoD, registerOpenAi, S5 } from '../support/scenario';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

/** Issue 9, point 4: one configured size for an event (MAX_EVENT_BYTES), enforced at the door. */
describe('an event over MAX_EVENT_BYTES is refused with 413 event-too-large, nothing written', () => {
  let t: TestApp;
  const auth = { authorization: `Bearer ${ADMIN_KEY}` };
  const head = async () => (await t.inject('/v1/audit/head')).json().position as number;
  const post = (url: string, payload: unknown) => t.inject({ method: 'POST', url, payload, headers: auth });
  const renamed = (name: string) => ({ type: 'StakeholderRenamed', data: { stakeholderId: 'openai', name }, occurredAt: '2026-01', sources: [S5] });

  beforeAll(async () => {
    t = await startTestApp({ MAX_EVENT_BYTES: '4096' });
    expect((await post('/v1/events', registerOpenAi)).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('a single event over the limit: 413 with the limit and the size', async () => {
    const before = await head();
    const response = await post('/v1/events', renamed('n'.repeat(5_000)));
    expectProblem(response, 413, 'event-too-large', 'body');
    const problem = response.json();
    expect(problem).toMatchObject({ maxEventBytes: 4096, errors: [{ field: 'body' }] });
    expect(problem.errors[0].bytes).toBeGreaterThan(5_000);
    expect(await head()).toBe(before);
  });

  it('a batch with one event over the limit: 413 naming it, and none of the batch is written', async () => {
    const before = await head();
    const response = await post('/v1/event-batches', { events: [registerDoD, renamed('n'.repeat(5_000))] });
    expectProblem(response, 413, 'event-too-large', 'events[1]');
    expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual(['events[1]']);
    expect(await head()).toBe(before);
  });

  it('events under the limit are recorded as before', async () => {
    expect((await post('/v1/event-batches', { events: [registerDoD, renamed('OpenAI Global')] })).statusCode).toBe(201);
  });
});
