import { classifiedAgreement, openAiRedLine, registerDoD, registerOpenAi, strainAssessment } from '../support/scenario';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

/** A finding published from Saydo must be reproducible months later, on both time axes. */
describe('reports as of a past moment', () => {
  let t: TestApp;
  let editor: string;
  const post = (url: string, payload: unknown) => t.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${editor}` } });

  beforeAll(async () => {
    t = await startTestApp();
    editor = (await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'desk', role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json().key;
    expect((await post('/v1/event-batches', { events: [registerOpenAi, registerDoD, openAiRedLine, classifiedAgreement, strainAssessment] })).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('given a published report, when corrections, retractions and new facts arrive, then knownAt reproduces it byte for byte', async () => {
    const published = await t.inject('/v1/stakeholders/openai/report?waitForPosition=5&knownAt=5');
    const report = published.json();
    expect(report).toMatchObject({ position: 5, knownAt: { position: 5 }, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(report.commitments[0].status).toBe('under_strain');

    const log = (await t.inject('/v1/events?after=0&limit=10')).json().events;
    const assessment = log.find((e: { type: string }) => e.type === 'AssessmentRecorded');
    const contract = log.find((e: { type: string }) => e.type === 'ContractSigned');
    const later = await post('/v1/event-batches', {
      events: [
        { type: 'EventRetracted', data: { eventId: assessment.eventId, reason: 'Premature' }, occurredAt: '2026-03-10', sources: [] },
        { type: 'EventCorrected', data: { eventId: contract.eventId, reason: 'Title', data: { ...classifiedAgreement.data, title: 'Corrected title' } }, occurredAt: '2026-03-10', sources: [] },
        { ...openAiRedLine, data: { ...openAiRedLine.data, commitmentId: 'openai-second-red-line' } },
      ],
    });
    expect(later.statusCode).toBe(201);
    const now = await t.inject('/v1/stakeholders/openai/report?waitForPosition=8');
    expect(now.json().commitments.map((c: { status: string }) => c.status)).toEqual(['untested', 'untested']);
    expect(now.json().contentHash).not.toBe(report.contentHash);

    const reproduced = await t.inject('/v1/stakeholders/openai/report?knownAt=5');
    expect(reproduced.body).toBe(published.body);

    const byTime = await t.inject(`/v1/stakeholders/openai/report?knownAt=${encodeURIComponent(report.knownAt.recordedAt)}`);
    expect(byTime.body).toBe(published.body);
  });

  it('reproduces timelines, comparisons and dossiers the same way', async () => {
    for (const url of ['/v1/stakeholders/openai/timeline', '/v1/topics/surveillance/comparison', '/v1/commitments/openai-no-domestic-surveillance']) {
      const first = await t.inject(`${url}?knownAt=5`);
      expect(first.statusCode).toBe(200);
      expect(first.json().contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect((await t.inject(`${url}?knownAt=5`)).body).toBe(first.body);
    }
  });

  it('asOf keeps only what had certainly happened by then, precision respected, as known now', async () => {
    const asOf = async (date: string) => (await t.inject(`/v1/stakeholders/openai/report?asOf=${date}&waitForPosition=8`)).json();
    const midFebruary = await asOf('2026-02-20');
    expect(midFebruary.commitments).toEqual([]);
    expect(midFebruary.unlinkedActions).toEqual([]);
    expect(midFebruary.worldAsOf).toEqual({ value: '2026-02-20', precision: 'day' });
    const endOfFebruary = await asOf('2026-02-28');
    expect(endOfFebruary.unlinkedActions.map((a: { title: string }) => a.title)).toEqual(['Corrected title']);
    expect(endOfFebruary.commitments).toEqual([]);
    const march = await asOf('2026-03');
    expect(march.commitments.map((c: { commitmentId: string }) => c.commitmentId)).toEqual(['openai-no-domestic-surveillance', 'openai-second-red-line']);
  });

  it('combines both axes, and refuses a malformed knownAt', async () => {
    const both = (await t.inject('/v1/stakeholders/openai/report?knownAt=5&asOf=2026-03')).json();
    expect(both.commitments.map((c: { status: string }) => c.status)).toEqual(['under_strain']);
    expect((await t.inject('/v1/stakeholders/openai/report?knownAt=yesterday')).statusCode).toBe(400);
  });
});
