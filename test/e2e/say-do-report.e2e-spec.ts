import { isolatedKafkaSettings } from '../support/kafka';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';
import { classifiedAgreement, openAiRedLine, registerDoD, registerOpenAi, strainAssessment } from '../support/scenario';

/** Embedded: projectors read the store. Kafka: relay → real topic → projector consumer group, in the API process. */
const MODES: Array<[string, () => Record<string, string>]> = [
  ['embedded (projectors read the store)', () => ({})],
  [
    'Kafka (outbox relay, topic, projector group)',
    () => {
      const kafka = isolatedKafkaSettings();
      // The first read also waits for the consumer group's first join.
      return { KAFKA_BROKERS: kafka.brokers.join(','), KAFKA_TOPIC: kafka.topic, KAFKA_PROJECTOR_GROUP: kafka.projectorGroup, READ_WAIT_TIMEOUT_MS: '8000' };
    },
  ],
];

/** The README's walk-through, through the real HTTP API on real PostgreSQL, in both modes. */
describe.each(MODES)('say-do report through the API, %s', (mode, env) => {
  let t: TestApp;
  let editorKey: string;
  const post = (url: string, payload: object, key = editorKey) =>
    t.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    t = await startTestApp(env());
    const created = await post('/v1/api-keys', { name: 'desk', role: 'editor' }, ADMIN_KEY);
    expect(created.statusCode).toBe(201);
    editorKey = created.json().key;
  });
  afterAll(() => t.close());

  it('given a red line and a contract, when an editor assesses the contract, the report shows the status on the red line', async () => {
    for (const event of [registerOpenAi, registerDoD, openAiRedLine, classifiedAgreement]) expect((await post('/v1/events', event)).statusCode).toBe(201);
    const assessed = await post('/v1/events', strainAssessment);
    expect(assessed.statusCode).toBe(201);
    const { position, streamId, streamVersion, hash } = assessed.json();
    expect(streamId).toBe('commitment-openai-no-domestic-surveillance');
    expect(streamVersion).toBe(2);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    const response = await t.inject({ url: `/v1/stakeholders/openai/report?waitForPosition=${position}&date=2026-03-10T00:00:00Z` });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.position).toBeGreaterThanOrEqual(position);
    expect(report.stakeholder).toEqual({ stakeholderId: 'openai', name: 'OpenAI', kind: 'organization', formerNames: [] });
    expect(report.commitments).toHaveLength(1);
    const [redLine] = report.commitments;
    expect(redLine).toMatchObject({ commitmentId: 'openai-no-domestic-surveillance', kind: 'red_line', status: 'under_strain', statedAt: { value: '2026-03', precision: 'month', label: 'March 2026' } });
    expect(redLine.links).toEqual([
      expect.objectContaining({
        relation: 'strains',
        rationale: strainAssessment.data.rationale,
        action: expect.objectContaining({ actionId: 'openai-dow-classified-agreement', type: 'ContractSigned', occurredAt: { value: '2026-02', precision: 'month', label: 'February 2026' }, sources: classifiedAgreement.sources }),
      }),
    ]);
    expect(report.unlinkedActions).toEqual([]);
    expect(report.summary.byStatus.under_strain).toBe(1);
    expect(report.summary.sayDo).toMatchObject({ honoured: 0, rated: 1, ratio: 0, statement: '0 of 1 rated commitments honoured (0 awaiting a verdict)' });
  });

  it("shows the contract in the counterparty's report too, as an action not linked to its own commitments", async () => {
    const report = (await t.inject({ url: '/v1/stakeholders/us-dod/report' })).json();
    expect(report.unlinkedActions.map((a: { actionId: string }) => a.actionId)).toEqual(['openai-dow-classified-agreement']);
    expect(report.summary.sayDo.ratio).toBeNull();
  });

  it('gives the timeline in order of occurredAt, keeping each precision', async () => {
    const timeline = (await t.inject({ url: '/v1/stakeholders/openai/timeline' })).json();
    expect(timeline.entries.map((e: { type: string; occurredAt: { value: string } }) => [e.type, e.occurredAt.value])).toEqual([
      ['StakeholderRegistered', '2015-12'],
      ['ContractSigned', '2026-02'],
      ['RedLineStated', '2026-03'],
      ['AssessmentRecorded', '2026-03-09'],
    ]);
    expect(timeline.entries[1].occurredAt.label).toBe('February 2026');
  });

  it('a red line with no assessment is untested, and a pledge past its due date is overdue', async () => {
    await post('/v1/event-batches', {
      events: [
        { ...openAiRedLine, data: { ...openAiRedLine.data, commitmentId: 'openai-no-autonomous-weapons', topics: ['autonomous-weapons'] } },
        { type: 'PledgeMade', data: { commitmentId: 'openai-preparedness-lead', stakeholderId: 'openai', text: 'Hire a head of preparedness', topics: ['safety'], dueBy: '2026-06' }, occurredAt: '2025-12-27', sources: openAiRedLine.sources },
      ],
    });
    const head = (await t.inject({ url: '/v1/events?limit=1' })).json().head;
    const statusOf = async (date: string) => {
      const report = (await t.inject({ url: `/v1/stakeholders/openai/report?waitForPosition=${head}&date=${date}` })).json();
      return Object.fromEntries(report.commitments.map((c: { commitmentId: string; status: string }) => [c.commitmentId, c.status]));
    };
    expect(await statusOf('2026-06-15T00:00:00Z')).toMatchObject({ 'openai-no-autonomous-weapons': 'untested', 'openai-preparedness-lead': 'not_yet_rated' });
    expect(await statusOf('2026-07-01T00:00:00Z')).toMatchObject({ 'openai-preparedness-lead': 'overdue' });
  });

  it('answers 404 problems for unknown stakeholders and streams', async () => {
    for (const url of ['/v1/stakeholders/nobody/report', '/v1/stakeholders/nobody/timeline', '/v1/streams/commitment-nothing']) {
      const response = await t.inject({ url });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ type: 'https://saydo.dev/problems/not-found', status: 404 });
    }
  });

  it('pages through the global log and reads a stream', async () => {
    const first = (await t.inject({ url: '/v1/events?after=0&limit=2' })).json();
    expect(first.events.map((e: { position: number }) => e.position)).toEqual([1, 2]);
    const next = (await t.inject({ url: `/v1/events?after=${first.nextAfter}&limit=2` })).json();
    expect(next.events[0].position).toBe(3);
    const stream = (await t.inject({ url: '/v1/streams/commitment-openai-no-domestic-surveillance' })).json();
    expect(stream.version).toBe(2);
    expect(stream.events.map((e: { type: string }) => e.type)).toEqual(['RedLineStated', 'AssessmentRecorded']);
    expect(stream.events[0]).not.toHaveProperty('principal');
  });

  it('waits for a position the read models have not reached, then answers 503 with Retry-After', async () => {
    const response = await t.inject({ url: '/v1/stakeholders/openai/report?waitForPosition=999999' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(t.output()).not.toMatch(/projector crashed/);
    expect(response.json()).toMatchObject({ type: 'https://saydo.dev/problems/read-model-behind', waitForPosition: 999999 });
  });

  it('feeds the read models through the transport of its mode', async () => {
    const { rows } = await t.db.pool.query('SELECT count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished, count(*)::int AS total FROM outbox');
    expect(rows[0].total).toBeGreaterThan(0);
    if (mode.startsWith('Kafka')) {
      expect(rows[0].unpublished).toBe(0);
      const partitions = await t.db.pool.query('SELECT count(*)::int AS n FROM kafka_partition_checkpoints');
      expect(partitions.rows[0].n).toBeGreaterThan(0);
    } else {
      expect(rows[0].unpublished).toBe(rows[0].total);
    }
  });

  it('serves OpenAPI generated from the DTOs, and health', async () => {
    const openapi = (await t.inject({ url: '/docs/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v1/events', '/v1/event-batches', '/v1/stakeholders/{stakeholderId}/report']));
    expect(openapi.components.schemas.RedLineStatedData.required).toEqual(expect.arrayContaining(['commitmentId', 'stakeholderId', 'text', 'topics']));
    const health = await t.inject({ url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json().info.log).toMatchObject({ status: 'up', lag: expect.any(Number) });
  });
});
