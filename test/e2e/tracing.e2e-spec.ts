import { KafkaSettings } from '@saydo/messaging';
import { ChildService, serviceEnv } from '../support/child-service';
import { isolatedKafkaSettings } from '../support/kafka';
import { CollectedSpan, OtlpCollector, SPAN_KIND, traceTree } from '../support/otlp-collector';
import { registerOpenAi } from '../support/scenario';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

const kafkaEnvOf = (settings: KafkaSettings): Record<string, string> => ({
  KAFKA_BROKERS: settings.brokers.join(','),
  KAFKA_TOPIC: settings.topic,
  KAFKA_PARTITIONS: String(settings.partitions),
  KAFKA_PROJECTOR_GROUP: settings.projectorGroup,
  KAFKA_CLIENT_ID: settings.clientId,
});

/**
 * One trace from the POST to the projection. The built API runs as a real process with
 * OTEL_EXPORTER_OTLP_ENDPOINT pointing at an in-memory collector in this test (the production
 * exporter, nothing swapped): the HTTP request, the decision and the append, (with Kafka) the
 * relay's publish and the projector's apply, linked by the trace context kept on the outbox row and
 * carried in the message's CloudEvents `ce_traceparent` header.
 */
describe('traces: one trace from POST to projection', () => {
  const collector = new OtlpCollector();
  beforeAll(() => collector.start());
  afterAll(() => collector.stop());

  it('nothing is traced (no span, no trace context stored) unless an exporter is configured', async () => {
    const t = await startTestApp();
    try {
      const created = await t.inject({ method: 'POST', url: '/v1/events', payload: registerOpenAi, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      expect(created.statusCode).toBe(201);
      const { rows } = await t.db.pool.query('SELECT traceparent FROM outbox');
      expect(rows).toEqual([{ traceparent: null }]);
    } finally {
      await t.close();
    }
  });

  it.each([
    ['embedded pipeline (projector reads the store)', false],
    ['Kafka (outbox relay and projector consumer in the API process)', true],
  ])('%s', async (mode, withKafka) => {
    const settings = isolatedKafkaSettings(2);
    const kafkaEnv = withKafka ? kafkaEnvOf(settings) : {};
    // The SDK's batch processor reads its delay from the environment; short, so the test need not wait 5 s.
    const t: TestApp = await startTestApp({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100', ...kafkaEnv });
    try {
      const created = await t.inject({ method: 'POST', url: '/v1/events', payload: registerOpenAi, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      expect(created.statusCode).toBe(201);
      const position = created.json().position as number;
      expect((await t.inject(`/v1/stakeholders/openai/report?waitForPosition=${position}`)).statusCode).toBe(200);

      const request = await collector.waitFor((span) => span.name === 'POST /v1/events' && span.attributes['http.response.status_code'] === 201 && !usedBefore.has(span.traceId), 'HTTP request');
      usedBefore.add(request.traceId);
      await collector.waitFor((span) => span.traceId === request.traceId && span.name === 'saydo.project', 'projection');
      const spans = collector.spans.filter((span) => span.traceId === request.traceId);
      process.stdout.write(`\ntrace ${request.traceId}, ${mode}:\n${traceTree(spans)}\n`);

      const parentOf = (span: CollectedSpan) => spans.find((candidate) => candidate.spanId === span.parentSpanId);
      const named = (name: string) => spans.filter((span) => span.name === name);
      expect({ kind: request.kind, route: request.attributes['http.route'], root: request.parentSpanId }).toEqual({ kind: SPAN_KIND.SERVER, route: '/v1/events', root: '' });
      expect(named('saydo.decide').map((span) => parentOf(span)?.name)).toEqual(['POST /v1/events']);
      const [append] = named('saydo.append');
      expect({ parent: parentOf(append)?.name, events: append.attributes['saydo.events'], last: append.attributes['saydo.position.last'] }).toEqual({ parent: 'POST /v1/events', events: 1, last: position });
      const [project] = named('saydo.project');
      if (withKafka) {
        const [publish] = named('saydo.publish');
        expect({ kind: publish.kind, parent: parentOf(publish)?.name }).toEqual({ kind: SPAN_KIND.PRODUCER, parent: 'saydo.append' });
        expect({ kind: project.kind, parent: parentOf(project)?.name }).toEqual({ kind: SPAN_KIND.CONSUMER, parent: 'saydo.publish' });
      } else {
        expect(parentOf(project)?.name).toBe('saydo.append');
      }

      // The trace context lives on the outbox row, outside the hash-chained public event.
      const { rows } = await t.db.pool.query('SELECT o.traceparent, e.metadata FROM outbox o JOIN events e USING (position) WHERE position = $1', [position]);
      expect(rows[0].traceparent).toBe(`00-${request.traceId}-${append.spanId}-01`);
      expect(JSON.stringify(rows[0].metadata)).not.toContain(request.traceId);
    } finally {
      await t.close();
    }
  });
  it('across processes: the API, the outbox relay and a projector each export their part of the one trace', async () => {
    const settings = isolatedKafkaSettings(2);
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
    const t = await startTestApp({ ...otel, ...kafkaEnvOf(settings), RUN_OUTBOX_RELAY: 'false', RUN_PROJECTOR: 'false' });
    const children = (['outbox-relay', 'projector'] as const).map((app) => new ChildService(app, app, serviceEnv(t.db.url, settings, { ...otel, LOG_LEVEL: 'info' })));
    try {
      await Promise.all(children.map((child) => child.waitForOutput(/publishing to|consuming/, 60_000)));
      const created = await t.inject({ method: 'POST', url: '/v1/events', payload: registerOpenAi, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      expect(created.statusCode).toBe(201);
      const request = await collector.waitFor((span) => span.name === 'POST /v1/events' && !usedBefore.has(span.traceId), 'HTTP request');
      usedBefore.add(request.traceId);
      await collector.waitFor((span) => span.traceId === request.traceId && span.name === 'saydo.project', 'projection');
      const spans = collector.spans.filter((span) => span.traceId === request.traceId);
      process.stdout.write(`\ntrace ${request.traceId}, three processes:\n${traceTree(spans)}\n`);
      const parentOf = (span: CollectedSpan) => spans.find((candidate) => candidate.spanId === span.parentSpanId);
      const chain = (name: string) => {
        const span = spans.find((candidate) => candidate.name === name)!;
        return { service: span.service, parent: parentOf(span)?.name };
      };
      expect([chain('saydo.append'), chain('saydo.publish'), chain('saydo.project')]).toEqual([
        { service: 'saydo-api', parent: 'POST /v1/events' },
        { service: 'saydo-outbox-relay', parent: 'saydo.append' },
        { service: 'saydo-projector', parent: 'saydo.publish' },
      ]);
    } finally {
      for (const child of children) await child.kill('SIGKILL');
      await t.close();
    }
  });

  const usedBefore = new Set<string>();
});
