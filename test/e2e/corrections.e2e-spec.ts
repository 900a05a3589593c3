import { isolatedKafkaSettings } from '../support/kafka';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

/**
 * What a correction may change, through the real API: counterparties, topics, text and dates
 * change every answer that shows them (both parties' reports and timelines, the dossier, the
 * topic comparisons); ids, owners and actors cannot change (422, retract and record anew);
 * corrected references are checked like the original's; answers pinned before the corrections
 * (`knownAt`) keep their bytes.
 */
const SOURCE = { url: 'https://example.org/deal', publisher: 'Example News', title: 'The deal', publishedAt: '2026-01-20', quote: 'signed' };
const register = (id: string) => ({ type: 'StakeholderRegistered', data: { stakeholderId: id, name: id.toUpperCase(), kind: 'organization' }, occurredAt: '2015', sources: [SOURCE] });
const deal = { actionId: 'acme-deal', stakeholderId: 'acme', counterpartyIds: ['bank'], title: 'Coal supply deal', topics: ['energy'] };
const redLine = { commitmentId: 'acme-no-coal', stakeholderId: 'acme', text: 'No new coal', topics: ['energy'] };
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const actionIds = (actions: Json[]) => actions.map((a) => a.actionId);

/** Embedded: projectors read the store. Kafka: relay → topic → projector group (the index lookups read the store either way). */
const MODES: Array<[string, () => Record<string, string>]> = [
  ['embedded', () => ({})],
  [
    'Kafka',
    () => {
      const kafka = isolatedKafkaSettings();
      return { KAFKA_BROKERS: kafka.brokers.join(','), KAFKA_TOPIC: kafka.topic, KAFKA_PROJECTOR_GROUP: kafka.projectorGroup, READ_WAIT_TIMEOUT_MS: '8000' };
    },
  ],
];

describe.each(MODES)('corrections through the API, %s', (_mode, env) => {
  let t: TestApp;
  let key: string;
  let head = 0;
  const post = async (payload: object) => {
    const response = await t.inject({ method: 'POST', url: '/v1/events', payload, headers: { authorization: `Bearer ${key}` } });
    if (response.statusCode === 201) head = Math.max(head, response.json().position);
    return response;
  };
  const get = async (url: string) => {
    const response = await t.inject(`${url}${url.includes('?') ? '&' : '?'}waitForPosition=${head}`);
    expect(response.statusCode).toBe(200);
    return response;
  };
  const report = async (id: string) => (await get(`/v1/stakeholders/${id}/report`)).json();
  const timelineTypes = async (id: string) => (await get(`/v1/stakeholders/${id}/timeline`)).json().entries.map((e: Json) => `${e.type}:${e.data.actionId ?? e.data.commitmentId ?? e.data.stakeholderId}`);
  const comparedOn = async (topic: string) => (await get(`/v1/topics/${topic}/comparison`)).json().stakeholders.map((s: Json) => [s.stakeholder.stakeholderId, s.commitments.map((c: Json) => c.commitmentId)]);
  const correct = (eventId: string, data: object, extra: object = {}) =>
    post({ type: 'EventCorrected', data: { eventId, reason: 'The first report was wrong', data, ...extra }, occurredAt: '2026-03-01', sources: [] });

  let dealId: string;
  let redLineId: string;
  const pinned: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(env());
    key = (await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'desk', role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json().key;
    for (const id of ['acme', 'bank', 'fund', 'gov']) expect((await post(register(id))).statusCode).toBe(201);
    redLineId = (await post({ type: 'RedLineStated', data: redLine, occurredAt: '2025-06', sources: [SOURCE] })).json().eventId;
    dealId = (await post({ type: 'ContractSigned', data: deal, occurredAt: '2026-01', sources: [SOURCE] })).json().eventId;
    expect((await post({ type: 'AssessmentRecorded', data: { commitmentId: 'acme-no-coal', actionId: 'acme-deal', relation: 'contradicts', rationale: 'Coal' }, occurredAt: '2026-01-20', sources: [] })).statusCode).toBe(201);
    // answers pinned at this position, before any correction
    for (const url of ['/v1/stakeholders/bank/report', '/v1/stakeholders/fund/report', '/v1/stakeholders/bank/timeline', '/v1/commitments/acme-no-coal', '/v1/topics/energy/comparison', '/v1/topics/climate/comparison']) {
      pinned[url] = (await get(`${url}?knownAt=${head}`)).body;
    }
  });
  afterAll(() => t?.close());

  it('refuses to change the actor of an action or the owner of a commitment (422, retract and record anew)', async () => {
    for (const response of [await correct(dealId, { ...deal, stakeholderId: 'gov' }), await correct(redLineId, { ...redLine, stakeholderId: 'gov' }), await correct(dealId, { ...deal, actionId: 'other-deal' })]) {
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.json()).toMatchObject({ type: 'https://saydo.dev/problems/correction-changes-identity', detail: expect.stringMatching(/retract/i) });
    }
  });

  it('checks corrected references like the original: an unregistered counterparty is refused (422)', async () => {
    const response = await correct(dealId, { ...deal, counterpartyIds: ['nobody'] });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ type: 'https://saydo.dev/problems/stakeholder-not-registered', stakeholderIds: ['nobody'] });
  });

  it('counterparties: the action leaves the old counterparty\'s report and timeline and reaches the new one\'s; the dossier shows it', async () => {
    expect(actionIds((await report('bank')).unlinkedActions)).toEqual(['acme-deal']);
    expect((await correct(dealId, { ...deal, counterpartyIds: ['fund'] })).statusCode).toBe(201);

    expect(actionIds((await report('bank')).unlinkedActions)).toEqual([]);
    expect(await timelineTypes('bank')).toEqual(['StakeholderRegistered:bank']);
    expect(actionIds((await report('fund')).unlinkedActions)).toEqual(['acme-deal']);
    expect(await timelineTypes('fund')).toEqual(['StakeholderRegistered:fund', 'ContractSigned:acme-deal', 'AssessmentRecorded:acme-deal']);
    const dossier = (await get('/v1/commitments/acme-no-coal')).json();
    expect(dossier.commitment.status).toBe('crossed');
    expect(dossier.commitment.links[0].action).toMatchObject({ actionId: 'acme-deal', counterpartyIds: ['fund'] });
    expect(dossier.corrections).toEqual([expect.objectContaining({ eventId: dealId, type: 'EventCorrected' })]);
  });

  it('topics: a commitment corrected onto a new topic is compared there, and leaves a topic it no longer has', async () => {
    expect(await comparedOn('climate')).toEqual([]);
    expect((await correct(redLineId, { ...redLine, topics: ['energy', 'climate'] })).statusCode).toBe(201);
    expect(await comparedOn('climate')).toEqual([['acme', ['acme-no-coal']]]);
    expect((await correct(redLineId, { ...redLine, topics: ['climate'] })).statusCode).toBe(201);
    expect(await comparedOn('energy')).toEqual([]);
    expect(await comparedOn('climate')).toEqual([['acme', ['acme-no-coal']]]);
    expect((await get('/v1/commitments/acme-no-coal')).json().commitment.topics).toEqual(['climate']);
    // the suggestion engine reads the corrected topics too: the deal (energy) no longer matches
    expect((await report('acme')).commitments[0].suggestions).toEqual([]);
  });

  it('text: the corrected wording shows in the report, the dossier and the comparison, with the correction noted', async () => {
    expect((await correct(redLineId, { ...redLine, topics: ['climate'], text: 'No new coal, anywhere' })).statusCode).toBe(201);
    const dossier = (await get('/v1/commitments/acme-no-coal')).json();
    expect(dossier.commitment.text).toBe('No new coal, anywhere');
    expect((await report('acme')).commitments[0].text).toBe('No new coal, anywhere');
    expect((await get('/v1/topics/climate/comparison')).json().stakeholders[0].commitments[0].text).toBe('No new coal, anywhere');
    expect((await report('acme')).corrections).toEqual(expect.arrayContaining([expect.objectContaining({ eventId: redLineId, reason: 'The first report was wrong' })]));
    const entry = (await get('/v1/stakeholders/acme/timeline')).json().entries.find((e: Json) => e.type === 'RedLineStated');
    expect(entry).toMatchObject({ data: { text: 'No new coal, anywhere' }, corrected: { reason: 'The first report was wrong' } });
  });

  it('dates: the corrected date shows on both parties\' reports and places the fact on the world axis', async () => {
    expect((await report('fund')).unlinkedActions[0].occurredAt.value).toBe('2026-01');
    expect((await report('fund')).unlinkedActions).toHaveLength(1);
    expect((await get('/v1/stakeholders/fund/report?asOf=2025-12')).json().unlinkedActions).toEqual([]);
    expect((await correct(dealId, { ...deal, counterpartyIds: ['fund'] }, { occurredAt: '2025-11' })).statusCode).toBe(201);
    expect((await report('fund')).unlinkedActions[0].occurredAt).toEqual({ value: '2025-11', precision: 'month', label: 'November 2025' });
    expect((await report('acme')).commitments[0].links[0].action.occurredAt.value).toBe('2025-11');
    expect(actionIds((await get('/v1/stakeholders/fund/report?asOf=2025-12')).json().unlinkedActions)).toEqual(['acme-deal']);
    expect(actionIds((await report('bank')).unlinkedActions)).toEqual([]);
  });

  it('answers pinned before the corrections keep their bytes', async () => {
    for (const [url, body] of Object.entries(pinned)) {
      const [path, query] = url.split('?');
      expect([url, (await get(`${path}?${query ? `${query}&` : ''}knownAt=${JSON.parse(body).position}`)).body]).toEqual([url, body]);
    }
    expect(actionIds(JSON.parse(pinned['/v1/stakeholders/bank/report']).unlinkedActions)).toEqual(['acme-deal']);
    expect(JSON.parse(pinned['/v1/topics/energy/comparison']).stakeholders).toHaveLength(1);
  });
});
