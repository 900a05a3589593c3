import { connect } from 'node:net';
import { expectProblem } from '../support/problems';
import { classifiedAgreement, openAiRedLine, registerDoD, registerOpenAi, S5 } from '../support/scenario';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 8, point 7: each malformed request listed there answers a 4xx application/problem+json
 * with a stable type, never a 500, and writes nothing.
 */
describe('bad input is a 4xx problem, never a 500, never half-written', () => {
  let t: TestApp;
  let headBefore: number;
  const auth = { authorization: `Bearer ${ADMIN_KEY}` };
  const head = async () => (await t.inject('/v1/audit/head')).json().position as number;
  const get = (url: string) => t.inject({ url, headers: auth });
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => t.inject({ method: 'POST', url, payload, headers: { ...auth, ...headers } });
  /** The body exactly as written: JSON.stringify would turn a lone surrogate into an escape anyway. */
  const postRaw = (url: string, body: string) => post(url, body);
  const renamed = (name: unknown) => ({ type: 'StakeholderRenamed', data: { stakeholderId: 'openai', name }, occurredAt: '2026-01', sources: [S5] });

  beforeAll(async () => {
    t = await startTestApp();
    expect((await post('/v1/event-batches', { events: [registerOpenAi, registerDoD, openAiRedLine, classifiedAgreement] })).statusCode).toBe(201);
    headBefore = await head();
  });
  afterAll(() => t.close());

  /** Writes bytes on a fresh connection and returns the first answer (status line, headers, body). */
  const rawExchange = (request: string) =>
    new Promise<string>((resolve, reject) => {
      let received = '';
      const socket = connect(Number(new URL(t.baseUrl).port), '127.0.0.1', () => socket.write(request));
      socket.on('data', (chunk) => {
        received += chunk;
        const [head, body = ''] = received.split('\r\n\r\n');
        const length = /content-length: (\d+)/i.exec(head);
        if (length && Buffer.byteLength(body) >= Number(length[1])) socket.destroy();
      });
      socket.on('close', () => resolve(received));
      socket.on('error', (error) => (received ? resolve(received) : reject(error)));
    });
  const expectRawProblem = (raw: string, status: number, slug: string) => {
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(body)).toMatchObject({ type: `https://saydo.dev/problems/${slug}`, status });
  };

  describe('NUL and unpaired surrogates, anywhere', () => {
    it.each([
      ['a NUL in a body value', '"a\\u0000b"'],
      ['a lone high surrogate in a body value', '"\\ud800"'],
      ['a lone low surrogate in a body value', '"x\\udfff"'],
    ])('%s: 400 naming data.name', async (_case, name) => {
      const body = JSON.stringify(renamed('placeholder')).replace('"placeholder"', name);
      expectProblem(await postRaw('/v1/events', body), 400, 'validation-failed', 'data.name');
    });

    it('in a field name: 400', async () => {
      const body = JSON.stringify(renamed('OpenAI Inc')).replace('"stakeholderId"', '"a\\u0000b":1,"stakeholderId"');
      expectProblem(await postRaw('/v1/events', body), 400, 'validation-failed', 'data.a\uFFFDb');
    });

    it('in a batch, deep in a source: 400 naming events[1].sources[0].quote', async () => {
      const body = JSON.stringify({ events: [renamed('OpenAI Inc'), renamed('OpenAI Ltd')] }).replace(/"rushed[^"]*"/g, (quote, offset) => (offset > 400 ? '"\\ud83d"' : quote));
      expectProblem(await postRaw('/v1/event-batches', body), 400, 'validation-failed', 'events[1].sources[0].quote');
    });

    it.each([
      ['/v1/streams/a%00b', 'streamId'],
      ['/v1/stakeholders/a%00b/report', 'stakeholderId'],
      ['/v1/stakeholders/a%00b/timeline', 'stakeholderId'],
      ['/v1/commitments/a%00b', 'commitmentId'],
      ['/v1/topics/a%00b/comparison', 'topic'],
      ['/v1/audit/events?principal=a%00b', 'principal'],
      ['/v1/stakeholders/openai/report?asOf=2026%00', 'asOf'],
      ['/v1/events?after=1%00', 'after'],
    ])('in the path or query %s: 400 naming %s', async (url, field) => {
      expectProblem(await get(url), 400, 'validation-failed', field);
    });

    it('a query parameter name with a NUL: 400', async () => {
      expectProblem(await get('/v1/events?a%00b=1'), 400, 'validation-failed');
    });
  });

  describe('integers past what a position can be, or not integers', () => {
    const cases = ['9223372036854775808', '9007199254740992', '1e21', '-1', '1.5', '0x10', '', ' 1', 'ten'];
    it.each([
      ['/v1/events', 'after'],
      ['/v1/events', 'limit'],
      ['/v1/events', 'waitForPosition'],
      ['/v1/audit/events?principal=x', 'after'],
      ['/v1/audit/events?principal=x', 'limit'],
      ['/v1/audit/export', 'after'],
      ['/v1/audit/verify', 'from'],
      ['/v1/audit/verify', 'to'],
      ['/v1/audit/verify', 'anchorPosition'],
      ['/v1/streams/stakeholder-openai', 'waitForPosition'],
      ['/v1/stakeholders/openai/report', 'waitForPosition'],
      ['/v1/stakeholders/openai/report', 'knownAt'],
      ['/v1/stakeholders/openai/timeline', 'knownAt'],
      ['/v1/commitments/openai-no-domestic-surveillance', 'knownAt'],
      ['/v1/topics/surveillance/comparison', 'knownAt'],
    ])('%s?%s=...: 400 naming the field, for every malformed value', async (route, field) => {
      const query = (value: string) => `${route}${route.includes('?') ? '&' : '?'}${field}=${encodeURIComponent(value)}`;
      for (const value of cases) expectProblem(await get(query(value)), 400, 'validation-failed', field);
      // Given twice, a parameter is a list: not a number either.
      expectProblem(await get(`${query('1')}&${field}=2`), 400, 'validation-failed', field);
    });

    it('the largest accepted integer is 2^53 - 1', async () => {
      expect((await get('/v1/events?after=9007199254740991')).statusCode).toBe(200);
      expect((await get('/v1/audit/events?principal=x&after=9007199254740991')).statusCode).toBe(200);
      expect((await get('/v1/audit/verify?from=9007199254740991')).statusCode).toBe(200);
    });

    it('expectedVersion past 2^53 - 1 in a body: 400 naming it', async () => {
      const body = JSON.stringify({ ...renamed('OpenAI Inc'), expectedVersion: 1 }).replace('"expectedVersion":1', '"expectedVersion":9223372036854775808');
      expectProblem(await postRaw('/v1/events', body), 400, 'validation-failed', 'expectedVersion');
    });
  });

  describe('dates that do not exist', () => {
    it.each([
      ['knownAt', '2025-13-45T99:99Z'],
      ['knownAt', '2025-02-30T24:00:00Z'],
      ['knownAt', '2025-02-28T12:00:00'],
      ['date', '2025-13-45T99:99Z'],
      ['date', '2025-02-30'],
      ['date', '20250101'],
      ['date', '2025-W01'],
      ['asOf', '2025-13'],
      ['asOf', '0000'],
    ])('%s=%s: 400 naming it', async (field, value) => {
      for (const route of ['/v1/stakeholders/openai/report', '/v1/stakeholders/openai/timeline', '/v1/commitments/openai-no-domestic-surveillance', '/v1/topics/surveillance/comparison']) {
        expectProblem(await get(`${route}?${field}=${encodeURIComponent(value)}`), 400, 'validation-failed', field);
      }
    });

    it.each([
      ['occurredAt', { ...renamed('OpenAI Inc'), occurredAt: '2025-02-30T24:00:00Z' }],
      ['occurredAt', { ...renamed('OpenAI Inc'), occurredAt: '2025-02-28T24:00:00Z' }],
      ['occurredAt', { ...renamed('OpenAI Inc'), occurredAt: '0000' }],
      ['sources[0].publishedAt', { ...renamed('OpenAI Inc'), sources: [{ ...S5, publishedAt: '2026-02-29T10:00:00Z' }] }],
    ])('an impossible %s is refused like an impossible day', async (field, submission) => {
      expectProblem(await post('/v1/events', submission), 400, 'validation-failed', field);
    });

    it('years before 100 keep their own value and label: "0050" is not 1950', async () => {
      const ancient = { type: 'StakeholderRegistered', data: { stakeholderId: 'roman-senate', name: 'Roman Senate', kind: 'government' }, occurredAt: '0050', sources: [S5] };
      const created = await post('/v1/events', ancient);
      expect(created.statusCode).toBe(201);
      const stream = (await get(`/v1/streams/stakeholder-roman-senate`)).json();
      expect(stream.events[0].occurredAt).toEqual({ value: '0050', precision: 'year' });
      const { rows } = await t.db.pool.query(`SELECT to_char(occurred_from AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "from", to_char(occurred_until AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS until FROM events WHERE stream_id = 'stakeholder-roman-senate'`);
      expect(rows).toEqual([{ from: '0050-01-01', until: '0051-01-01' }]);
      const timeline = (await get(`/v1/stakeholders/roman-senate/timeline?waitForPosition=${created.json().position}`)).json();
      expect(JSON.stringify(timeline)).toContain('"label":"0050"');
      headBefore = await head();
    });
  });

  describe('wrong shapes and deep nesting', () => {
    it.each([
      ['{"events":[[]]}', 'events'],
      ['{"events":[null]}', 'events'],
      ['{"events":[1]}', 'events'],
      ['{"events":{}}', 'events'],
    ])('POST /v1/event-batches %s: 400 naming %s', async (body, field) => {
      expectProblem(await postRaw('/v1/event-batches', body), 400, 'validation-failed', field);
    });

    it.each(['[]', '"text"', '1', 'null', 'true', '[[]]'])('POST /v1/events with the body %s: 400', async (body) => {
      expectProblem(await postRaw('/v1/events', body), 400, 'validation-failed');
    });

    it('sources that are not objects: 400', async () => {
      expectProblem(await post('/v1/events', { ...renamed('OpenAI Inc'), sources: [[]] }), 400, 'validation-failed', 'sources');
    });

    it.each([33, 5_000, 100_000])('JSON nested %i levels deep: 400 nesting-too-deep', async (depth) => {
      const body = JSON.stringify(renamed('OpenAI Inc')).replace('"OpenAI Inc"', '['.repeat(depth) + ']'.repeat(depth));
      expectProblem(await postRaw('/v1/events', body), 400, 'nesting-too-deep');
    });

    it('a corrected event whose data nests too deeply: 400 nesting-too-deep', async () => {
      const correction = { type: 'EventCorrected', data: { eventId: '00000000-0000-4000-8000-000000000000', reason: 'x', data: {} }, occurredAt: '2026-03', sources: [] };
      const body = JSON.stringify(correction).replace('"data":{}', `"data":${'{"a":'.repeat(40)}1${'}'.repeat(40)}`);
      expectProblem(await postRaw('/v1/events', body), 400, 'nesting-too-deep');
    });
  });

  describe("Fastify's and Node's own refusals, in the same problem shape", () => {
    it('bad percent-encoding in the path (/v1/streams/%ff): 400 malformed-url', async () => {
      expectProblem(await get('/v1/streams/%ff'), 400, 'malformed-url');
    });

    it('a 5,000-character id: 414 uri-too-long', async () => {
      expectProblem(await get(`/v1/streams/${'a'.repeat(5_000)}`), 414, 'uri-too-long');
      expectProblem(await get(`/v1/stakeholders/${'a'.repeat(5_000)}/report`), 414, 'uri-too-long');
    });

    it('a 10,000-character query string: 414 uri-too-long', async () => {
      expectProblem(await get(`/v1/events?principal=${'a'.repeat(10_000)}`), 414, 'uri-too-long');
    });

    it('headers past 16 KiB: 431 headers-too-large', async () => {
      expectProblem(await t.inject({ url: '/v1/events', headers: { 'x-padding': 'a'.repeat(20_000) } }), 431, 'headers-too-large');
    });

    it('a body past 16 MiB: 413 payload-too-large', async () => {
      // Over a raw socket: the server answers as soon as it reads Content-Length, while a client
      // still uploading would see the connection close under it.
      const length = 17 * 1024 * 1024;
      const raw = await rawExchange(`POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_KEY}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n{"type":`);
      expectRawProblem(raw, 413, 'payload-too-large');
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])('a %s body: 415 unsupported-media-type', async (type) => {
      expectProblem(await post('/v1/events', 'type=StakeholderRenamed', { 'content-type': type }), 415, 'unsupported-media-type');
    });

    it.each(['{"type":', '{"type":"x",}', "{'type':'x'}", '\uFEFF{}', ' '])('malformed JSON %j: 400 malformed-json', async (body) => {
      expectProblem(await postRaw('/v1/events', body), 400, 'malformed-json');
    });

    it('bytes that are not UTF-8 in a JSON body: 400 malformed-json, nothing stored as U+FFFD', async () => {
      // An encoded lone surrogate (ED A0 80): no UTF-8 decoder may accept it.
      const [before, after] = JSON.stringify(renamed('a@b')).split('@');
      const body = Buffer.concat([Buffer.from(before), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(after)]);
      const refused = await t.inject({ method: 'POST', url: '/v1/events', payload: body, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      expectProblem(refused, 400, 'malformed-json');
      expect(refused.json().detail).toMatch(/UTF-8/);
      expect(await head()).toBe(headBefore);
    });

    it.each(['/v1/search?q=%ff', '/v1/audit/events?principal=%ED%A0%80', '/v1/events?limit=1&x=%', '/stakeholders?q=%C3'])('a query that is not percent-encoded UTF-8 (%s): 400 malformed-url, not read literally', async (url) => {
      expectProblem(await t.inject({ url, headers: auth }), 400, 'malformed-url');
    });

    it('an unknown route: 404 not-found', async () => {
      expectProblem(await get('/v1/nothing-here'), 404, 'not-found');
    });

    it('a request Node cannot parse as HTTP: 400 malformed-request, as a problem', async () => {
      expectRawProblem(await rawExchange('GET /v1/events HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'), 400, 'malformed-request');
    });
  });

  describe('names every object inherits are unknown fields like any other', () => {
    const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];
    const withKey = (json: string, anchor: string, key: string) => json.replace(anchor, `${anchor.slice(0, 1)}"${key}":{"x":1},${anchor.slice(1)}`);
    const submission = JSON.stringify(renamed('OpenAI Inc'));

    it.each(NAMES)('%s in the envelope, in data, in a source, in a batch, in an API key request: 400 naming it', async (key) => {
      expectProblem(await postRaw('/v1/events', withKey(submission, '{"type"', key)), 400, 'validation-failed', key);
      expectProblem(await postRaw('/v1/events', withKey(submission, '{"stakeholderId"', key)), 400, 'validation-failed', `data.${key}`);
      expectProblem(await postRaw('/v1/events', withKey(submission, '{"url"', key)), 400, 'validation-failed', `sources[0].${key}`);
      expectProblem(await postRaw('/v1/event-batches', withKey(`{"events":[${submission}]}`, '{"events"', key)), 400, 'validation-failed', key);
      expectProblem(await postRaw('/v1/api-keys', withKey('{"name":"desk","role":"editor"}', '{"name"', key)), 400, 'validation-failed', key);
    });

    it.each(NAMES)('%s as a query parameter: 400 naming it', async (key) => {
      expectProblem(await get(`/v1/events?${key}=1`), 400, 'validation-failed', key);
    });
  });

  it('nothing refused above was written: the log head is where the seeding left it', async () => {
    expect(await head()).toBe(headBefore);
  });
});

