import { Client } from 'pg';
import { classifiedAgreement, openAiRedLine, registerDoD, registerOpenAi, S5, strainAssessment } from '../support/scenario';
import { ADMIN_KEY, startTestApp, TestApp, TestResponse } from '../support/test-app';

const LIVE = 'public, max-age=5';
const PINNED = 'public, max-age=31536000, immutable';
const REPORTS = ['/v1/stakeholders/openai/report', '/v1/stakeholders/openai/timeline', '/v1/topics/surveillance/comparison', '/v1/commitments/openai-safety-report'];

/** Every report answer, live or not, names a URL that answers the same bytes for as long as the log exists. */
describe('report permalinks', () => {
  let t: TestApp;
  let editor: string;
  const post = (url: string, payload: unknown) => t.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${editor}` } });
  const head = async (): Promise<number> => (await t.inject('/v1/audit/head')).json().position;
  const logEvent = async (type: string) => (await t.inject('/v1/events?after=0&limit=1000')).json().events.find((e: { type: string }) => e.type === type);

  /** The answer names itself in the body and in the headers, and says how long it may be cached. */
  const expectSelfDescribed = (response: TestResponse, cacheControl: string) => {
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(response.headers.link).toBe(`<${body.permalink}>; rel="canonical"`);
    expect(response.headers.etag).toBe(`"${body.contentHash}"`);
    expect(response.headers['cache-control']).toBe(cacheControl);
  };

  beforeAll(async () => {
    t = await startTestApp();
    editor = (await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'desk', role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json().key;
    expect((await post('/v1/event-batches', { events: [registerOpenAi, registerDoD, openAiRedLine, classifiedAgreement, strainAssessment] })).statusCode).toBe(201);
    expect((await t.inject('/v1/stakeholders/openai/report?waitForPosition=5')).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('given live answers of every report type, when facts, corrections and retractions arrive and a due date passes, then each permalink answers the same bytes', async () => {
    // A pledge due within the hour: live it is not rated yet; judged once the date has passed, the same log says overdue.
    const dueBy = new Date(Date.now() + 3_600_000).toISOString();
    const pledge = { commitmentId: 'openai-safety-report', stakeholderId: 'openai', text: 'A public safety report on every classified deployment', topics: ['surveillance'], dueBy };
    const stated = await post('/v1/events', { type: 'PledgeMade', data: pledge, occurredAt: '2026-11', sources: [S5] });
    expect(stated.statusCode).toBe(201);
    const position = stated.json().position;

    const live = new Map<string, TestResponse>();
    for (const url of REPORTS) {
      const response = await t.inject(`${url}?waitForPosition=${position}`);
      expectSelfDescribed(response, LIVE);
      const body = response.json();
      expect(body).toMatchObject({ position, knownAt: { position, recordedAt: stated.json().recordedAt } });
      expect(body.permalink).toBe(`${url}?knownAt=${position}&date=${body.judgedAt}`);
      // Judged at the start of the current minute, so caches can revalidate a live answer.
      expect(Date.parse(body.judgedAt) % 60_000).toBe(0);
      expect(Date.parse(body.judgedAt)).toBeLessThanOrEqual(Date.now());
      live.set(url, response);
    }
    expect(live.get('/v1/commitments/openai-safety-report')!.json().commitment.status).toBe('not_yet_rated');

    const assessment = await logEvent('AssessmentRecorded');
    const contract = await logEvent('ContractSigned');
    const later = await post('/v1/event-batches', {
      events: [
        { type: 'EventRetracted', data: { eventId: assessment.eventId, reason: 'Premature' }, occurredAt: '2026-03-10', sources: [] },
        { type: 'EventCorrected', data: { eventId: contract.eventId, reason: 'Title', data: { ...classifiedAgreement.data, title: 'Corrected title' } }, occurredAt: '2026-03-10', sources: [] },
        { ...openAiRedLine, data: { ...openAiRedLine.data, commitmentId: 'openai-second-red-line' } },
        { ...strainAssessment, data: { ...strainAssessment.data, commitmentId: 'openai-second-red-line', relation: 'contradicts' } },
      ],
    });
    expect(later.statusCode).toBe(201);
    const latest = later.json().events.at(-1).position;
    const afterDue = new Date(Date.parse(dueBy) + 1_000).toISOString();
    const overdue = (await t.inject(`/v1/commitments/openai-safety-report?waitForPosition=${latest}&date=${afterDue}`)).json();
    expect(overdue.commitment.status).toBe('overdue');

    for (const [url, first] of live) {
      expect((await t.inject(`${url}?date=${afterDue}`)).json().contentHash).not.toBe(first.json().contentHash);
      const again = await t.inject(first.json().permalink);
      expectSelfDescribed(again, PINNED);
      expect(again.body).toBe(first.body);
      expect(again.headers.etag).toBe(first.headers.etag);
    }
  });

  it('given a pinned comparison, when a correction moves one of its commitments to another topic, then the permalink still lists it', async () => {
    const acme = { type: 'StakeholderRegistered', data: { stakeholderId: 'acme', name: 'Acme', kind: 'organization' }, occurredAt: '2001', sources: [S5] };
    const audits = { type: 'PledgeMade', data: { commitmentId: 'acme-audits', stakeholderId: 'acme', text: 'Independent audits every year', topics: ['audits'] }, occurredAt: '2026-06', sources: [S5] };
    const made = await post('/v1/event-batches', { events: [acme, audits] });
    expect(made.statusCode).toBe(201);
    const pledge = made.json().events[1];
    const live = await t.inject(`/v1/topics/audits/comparison?waitForPosition=${pledge.position}`);
    expect(live.json().stakeholders.map((s: { stakeholder: { stakeholderId: string } }) => s.stakeholder.stakeholderId)).toEqual(['acme']);

    const corrected = await post('/v1/events', { type: 'EventCorrected', data: { eventId: pledge.eventId, reason: 'Topic', data: { ...audits.data, topics: ['climate'] } }, occurredAt: '2026-11', sources: [] });
    expect(corrected.statusCode).toBe(201);
    expect((await t.inject(`/v1/topics/climate/comparison?waitForPosition=${corrected.json().position}`)).statusCode).toBe(200);
    expect((await t.inject(live.json().permalink)).body).toBe(live.body);
  });

  it('names the position, never the timestamp, when knownAt was a timestamp; keeps asOf; and the answer reproduces from its permalink', async () => {
    const recordedAt = (await t.inject('/v1/stakeholders/openai/report?knownAt=5')).json().knownAt.recordedAt;
    const asked = [`knownAt=${encodeURIComponent(recordedAt)}`, 'knownAt=5', 'asOf=2026-03', 'knownAt=5&asOf=2026-03&waitForPosition=5', `date=${encodeURIComponent('2026-12-01T21:00:00Z')}`,
      `asOf=${encodeURIComponent('2026-03-09T10:00:00+02:00')}`, `knownAt=5&date=${encodeURIComponent('2026-12-01T23:00:00+02:00')}`];
    for (const query of asked) {
      const first = await t.inject(`/v1/stakeholders/openai/report?${query}`);
      expectSelfDescribed(first, /knownAt=\d+&date=/.test(query) ? PINNED : LIVE);
      const { permalink, knownAt, judgedAt, worldAsOf } = first.json();
      const asOf = worldAsOf ? `&asOf=${encodeURIComponent(worldAsOf.value).replace(/%3A/g, ':')}` : '';
      expect(permalink).toBe(`/v1/stakeholders/openai/report?knownAt=${knownAt.position}&date=${judgedAt}${asOf}`);
      expect((await t.inject(permalink)).body).toBe(first.body);
    }
    const byTime = (await t.inject(`/v1/stakeholders/openai/report?knownAt=${encodeURIComponent(recordedAt)}`)).json();
    expect(byTime.permalink).toBe(`/v1/stakeholders/openai/report?knownAt=5&date=${recordedAt}`);
    const asOf = (await t.inject('/v1/stakeholders/openai/report?asOf=2026-03&knownAt=5')).json();
    expect(asOf.permalink).toBe('/v1/stakeholders/openai/report?knownAt=5&date=2026-04-01T00:00:00.000Z&asOf=2026-03');
  });

  it('answers 304 without a body to a client that holds the same ETag, live or pinned', async () => {
    const pinned = `${REPORTS[0]}?knownAt=5&date=2026-12-01T21:00:00.000Z`;
    for (const url of [REPORTS[0], `${REPORTS[0]}?date=2026-12-01T21:00:00.000Z`, pinned]) {
      // A bare live answer changes with the minute it is judged at: ask again if a minute turned in between.
      for (let attempt = 1; ; attempt++) {
        const first = await t.inject(url);
        const etag = first.headers.etag;
        const cached = await t.inject({ url, headers: { 'if-none-match': `W/"0000", ${etag}` } });
        if (cached.statusCode === 200 && attempt < 3 && cached.json().judgedAt !== first.json().judgedAt) continue;
        expect(cached.statusCode).toBe(304);
        expect(cached.body).toBe('');
        expect(cached.headers.etag).toBe(etag);
        expect(cached.headers.link).toBe(first.headers.link);
        expect(cached.headers['cache-control']).toBe(url === pinned ? PINNED : LIVE);
        expect((await t.inject({ url, headers: { 'if-none-match': '"another"' } })).body).toBe(first.body);
        break;
      }
    }
  });

  it('given read models behind the head, pins the position the answer reflected, and the permalink reproduces it once they caught up', async () => {
    const reflected = await head();
    await t.inject(`/v1/stakeholders/openai/report?waitForPosition=${reflected}`);
    // Hold the projectors' checkpoints: the real projector blocks until this transaction ends, appends go on.
    const blocker = new Client({ connectionString: t.db.url });
    await blocker.connect();
    const live = new Map<string, TestResponse>();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT name FROM projection_checkpoints FOR SHARE');
      const crossing = await post('/v1/events', { ...strainAssessment, data: { ...strainAssessment.data, relation: 'contradicts', rationale: 'Deployed for surveillance' } });
      expect(crossing.statusCode).toBe(201);
      expect(crossing.json().position).toBeGreaterThan(reflected);
      for (const url of [...REPORTS.slice(0, 3), '/v1/commitments/openai-no-domestic-surveillance']) {
        const response = await t.inject(url);
        expect(response.json()).toMatchObject({ position: reflected, knownAt: { position: reflected } });
        expect(response.json().permalink).toContain(`knownAt=${reflected}&`);
        live.set(url, response);
      }
      expect(live.get('/v1/commitments/openai-no-domestic-surveillance')!.json().commitment.status).not.toBe('crossed');
    } finally {
      await blocker.query('COMMIT');
      await blocker.end();
    }
    const caughtUp = (await t.inject(`/v1/commitments/openai-no-domestic-surveillance?waitForPosition=${await head()}`)).json();
    expect(caughtUp.commitment.status).toBe('crossed');
    for (const first of live.values()) expect((await t.inject(first.json().permalink)).body).toBe(first.body);
  });
});
