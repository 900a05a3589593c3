import { ChildService, serviceEnv } from '../support/child-service';
import { isolatedKafkaSettings } from '../support/kafka';
import { registerDoD, registerOpenAi, openAiRedLine } from '../support/scenario';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

/** The value of one sample line (`name{labels} value`) whose labels include all of `labels`, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const given = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => given[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function scrape(url: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** Scrapes until `ready` holds (the relay and projector work asynchronously); fails with the last scrape. */
async function scrapeUntil(url: string, ready: (text: string) => boolean, what: string): Promise<string> {
  let last = '';
  for (let attempt = 0; attempt < 300; attempt++) {
    last = (await scrape(url)).text;
    if (ready(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} never showed at ${url}; last scrape:\n${last}`);
}

describe('GET /metrics: Prometheus text format from the API, the relay and the projector', () => {
  describe('the API (embedded pipeline)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('answers the text format with the default process metrics, labelled with the service', async () => {
      const { status, type, text } = await scrape(`${t.baseUrl}/metrics`);
      expect(status).toBe(200);
      expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(text).toMatch(/^# HELP process_cpu_user_seconds_total /m);
      expect(sample(text, 'process_resident_memory_bytes', { service: 'saydo-api' })).toBeGreaterThan(0);
      expect(sample(text, 'saydo_log_gauges_scrape_ok')).toBe(1);
    });

    it('counts a request by route pattern and status, with its latency, and the appended events by type', async () => {
      const before = (await scrape(`${t.baseUrl}/metrics`)).text;
      const created = await t.inject({ method: 'POST', url: '/v1/event-batches', payload: { events: [registerOpenAi, registerDoD, openAiRedLine] }, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      expect(created.statusCode).toBe(201);
      const position = created.json().events.at(-1).position as number;
      expect((await t.inject(`/v1/stakeholders/openai/report?waitForPosition=${position}`)).statusCode).toBe(200);
      // Asked again at the same position: answered from a report cache.
      expect((await t.inject(`/v1/stakeholders/openai/report?waitForPosition=${position}`)).statusCode).toBe(200);
      expect((await t.inject('/no/such/route/42')).statusCode).toBe(404);
      const after = (await scrape(`${t.baseUrl}/metrics`)).text;

      const batchLabels = { method: 'POST', route: '/v1/event-batches', status: '201' };
      expect(sample(before, 'saydo_http_requests_total', batchLabels)).toBeUndefined();
      expect(sample(after, 'saydo_http_requests_total', batchLabels)).toBe(1);
      expect(sample(after, 'saydo_http_request_duration_seconds_count', batchLabels)).toBe(1);
      expect(sample(after, 'saydo_http_request_duration_seconds_bucket', { ...batchLabels, le: '+Inf' })).toBe(1);
      // Unmatched URLs share one label: a scan cannot grow the series, and no raw URL is a label.
      expect(sample(after, 'saydo_http_requests_total', { route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
      expect(after).not.toContain('/no/such/route/42');

      expect(sample(after, 'saydo_events_appended_total', { type: 'StakeholderRegistered' })).toBe(2);
      expect(sample(after, 'saydo_events_appended_total', { type: 'RedLineStated' })).toBe(1);
      expect(sample(after, 'saydo_append_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
      expect(sample(after, 'saydo_append_lock_wait_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(sample(after, 'saydo_append_group_commands_count')).toBeGreaterThanOrEqual(1);
      expect(sample(after, 'saydo_log_head_position')).toBe(position);
      expect(sample(after, 'saydo_projection_watermark_position')).toBe(position);
      const lookups = (result: string) => ['fold', 'answer'].reduce((n, report) => n + (sample(after, 'saydo_report_cache_lookups_total', { result, report }) ?? 0), 0);
      expect(lookups('miss')).toBeGreaterThanOrEqual(1);
      expect(lookups('hit')).toBeGreaterThanOrEqual(1);
    });
  });

  describe('the relay and the projector as their own processes (METRICS_PORT)', () => {
    const settings = isolatedKafkaSettings(2);
    const kafkaEnv = {
      KAFKA_BROKERS: settings.brokers.join(','),
      KAFKA_TOPIC: settings.topic,
      KAFKA_PARTITIONS: String(settings.partitions),
      KAFKA_PROJECTOR_GROUP: settings.projectorGroup,
      KAFKA_CLIENT_ID: settings.clientId,
    };
    let t: TestApp;
    const children: ChildService[] = [];
    beforeAll(async () => {
      t = await startTestApp({ ...kafkaEnv, RUN_OUTBOX_RELAY: 'false', RUN_PROJECTOR: 'false' });
    });
    afterAll(async () => {
      for (const child of children) await child.kill('SIGKILL');
      await t.close();
    });

    async function start(app: 'outbox-relay' | 'projector'): Promise<string> {
      const child = new ChildService(app, app, serviceEnv(t.db.url, settings, { LOG_LEVEL: 'info', METRICS_PORT: '0', HOST: '127.0.0.1' }));
      children.push(child);
      const line = await child.waitForOutput(/metrics on http:\/\/localhost:(\d+)\/metrics/, 60_000);
      return `http://127.0.0.1:${/metrics on http:\/\/localhost:(\d+)\/metrics/.exec(line)![1]}/metrics`;
    }

    it('each answers /metrics, counting what it published and applied', async () => {
      const relay = await start('outbox-relay');
      const projector = await start('projector');
      const created = await t.inject({ method: 'POST', url: '/v1/events', payload: registerOpenAi, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      expect(created.statusCode).toBe(201);

      const relayText = await scrapeUntil(relay, (text) => (sample(text, 'saydo_outbox_published_total') ?? 0) >= 1, 'a published event');
      expect(relayText).toMatch(/^# TYPE saydo_outbox_relay_lag_seconds histogram$/m);
      expect(sample(relayText, 'saydo_outbox_relay_lag_seconds_count')).toBe(1);
      expect(sample(relayText, 'process_cpu_user_seconds_total', { service: 'saydo-outbox-relay' })).toBeGreaterThan(0);

      const projectorText = await scrapeUntil(projector, (text) => /^saydo_projector_messages_applied_total\{/m.test(text), 'an applied message');
      expect(sample(projectorText, 'saydo_projector_watermark_position')).toBe(1);
      expect(sample(projectorText, 'saydo_projector_partition_lag_messages')).toBe(0);
      expect(sample(projectorText, 'saydo_outbox_backlog_events', { service: 'saydo-projector' })).toBe(0);
      expect((await scrape(relay.replace('/metrics', '/other'))).status).toBe(404);
    });
  });
});
