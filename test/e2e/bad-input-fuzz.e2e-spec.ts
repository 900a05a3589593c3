import fc from 'fast-check';
import { bodyFor, contentType, encodeLoosely, FuzzRequest, hostileString, pathSegment, Route, routesOf } from '../support/malformed-requests';
import { isProblem } from '../support/problems';
import { classifiedAgreement, openAiRedLine, registerDoD, registerOpenAi, S5 } from '../support/scenario';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

/** Fixed, so a failure is reproducible; FUZZ_SEED explores others. fast-check prints the seed and path of a failure. */
const SEED = Number(process.env.FUZZ_SEED ?? 20260308);
/** Generated requests per run (each write is followed by one read of the log head). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

/**
 * Issue 8, point 7, as a property: malformed requests to every route the OpenAPI document lists
 * (paths, queries, headers, bodies) never answer a 5xx, every error is a problem document, and
 * nothing refused moves the log head.
 */
describe('fuzz: malformed requests to every route', () => {
  let t: TestApp;
  let routes: Route[];
  const valid: Record<string, unknown> = {};

  beforeAll(async () => {
    // A short read wait: a well-formed but far-away waitForPosition is a 503 read-model-behind, the one 5xx allowed.
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000000', READ_WAIT_TIMEOUT_MS: '100' });
    const seeded = await t.inject({ method: 'POST', url: '/v1/event-batches', payload: { events: [registerOpenAi, registerDoD, openAiRedLine, classifiedAgreement] }, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(seeded.statusCode).toBe(201);
    const openapi = (await t.inject('/docs/openapi.json')).json();
    routes = routesOf(openapi);
    // Valid bodies to mutate: one submission per event type, from the examples the API publishes.
    const schemas = openapi.components.schemas as Record<string, { example?: unknown }>;
    const submissions = Object.keys(schemas)
      .filter((name) => name.endsWith('Data') && schemas[name].example)
      .map((name) => ({ type: name.slice(0, -'Data'.length), data: schemas[name].example, occurredAt: '2026-03', sources: [S5] }));
    valid.EventSubmissionDto = fc.constantFrom(...submissions);
    valid.EventBatchDto = fc.subarray(submissions, { minLength: 1, maxLength: 3 }).map((events) => ({ events }));
    valid.CreateApiKeyRequestDto = fc.constant({ name: 'desk', role: 'editor' });
  });
  afterAll(() => t.close());

  it('lists the routes from the OpenAPI document, writes and reads alike', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['POST /v1/events', 'POST /v1/event-batches', 'GET /v1/streams/{streamId}', 'GET /v1/audit/verify']));
  });

  it(`${RUNS} malformed requests: no 5xx, every error a problem, the log head moved only by accepted writes`, async () => {
    let head = await logHead();
    const request = fc.constantFrom(...routes).chain((route) => requestFor(route));
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        const response = await send(req);
        const summary = `${req.method} ${req.url.slice(0, 300)} -> ${response.status} ${response.contentType} ${response.body.slice(0, 300)}`;
        const documented503 = response.status === 503 && response.body.includes('/problems/read-model-behind');
        if (response.status >= 500 && !documented503) throw new Error(`server error: ${summary}`);
        if (response.status >= 400 && req.method !== 'HEAD' && !isProblem({ statusCode: response.status, headers: { 'content-type': response.contentType }, body: response.body, json: () => JSON.parse(response.body) })) {
          throw new Error(`not a problem document: ${summary}`);
        }
        if (req.method === 'GET' || req.method === 'HEAD') return;
        const after = await logHead();
        if (response.status >= 400 && after !== head) throw new Error(`a refused request moved the log head from ${head} to ${after}: ${summary}`);
        head = after;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });

  async function logHead(): Promise<number> {
    return (await t.inject('/v1/audit/head')).json().position;
  }

  async function send(req: FuzzRequest): Promise<{ status: number; contentType: string; body: string }> {
    const response = await fetch(t.baseUrl + req.url, { method: req.method, headers: req.headers, body: req.body });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
  }

  /**
   * A valid request to the route, then one or two faults in it (path, query, body, headers or
   * method), so that each fault alone reaches as deep as it can instead of being stopped early
   * by another one.
   */
  function requestFor(route: Route): fc.Arbitrary<FuzzRequest> {
    const validBody = route.bodySchema ? ((valid[route.bodySchema] as fc.Arbitrary<unknown> | undefined) ?? fc.constant({})) : fc.constant(undefined);
    const faultyQuery = fc.array(
      fc.tuple(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(route.queryParams.length ? route.queryParams : ['after'])) }, { weight: 1, arbitrary: hostileString }),
        fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: fc.nat({ max: 6 }).map(String) }),
      ),
      { minLength: 1, maxLength: 3 },
    );
    return fc
      .record({
        faults: fc.subarray(['path', 'query', 'body', 'headers', 'method'] as const, { minLength: 1, maxLength: 2 }),
        segments: fc.array(pathSegment, { minLength: route.pathParams.length, maxLength: route.pathParams.length }),
        query: faultyQuery,
        body: validBody.chain((body) => fc.tuple(fc.constant(body), body === undefined ? fc.constant(undefined) : bodyFor(body))),
        method: fc.constantFrom('HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'GET', 'POST'),
        authorization: fc.constantFrom('', 'Bearer', 'Bearer sdk_nope', 'Basic YTpi', `Bearer ${ADMIN_KEY}x`, `bearer  ${ADMIN_KEY}`),
        type: contentType,
        idempotencyKey: fc.constantFrom('k-1', 'a'.repeat(201), 'with space', 'é', '', `k-${Date.now()}`),
        header: fc.constantFrom<'authorization' | 'type' | 'idempotencyKey'>('authorization', 'type', 'idempotencyKey'),
      })
      .map(({ faults, segments, query, body: [validBody, faultyBody], method, authorization, type, idempotencyKey, header }) => {
        const faulty = new Set<string>(faults);
        let path = route.path;
        route.pathParams.forEach((name, index) => (path = path.replace(`{${name}}`, faulty.has('path') ? segments[index] : validSegment(name))));
        const search = faulty.has('query') ? query.map(([name, value]) => `${encodeLoosely(name)}=${encodeLoosely(value)}`).join('&') : '';
        const verb = faulty.has('method') ? method : route.method;
        const headers: Record<string, string> = {};
        if (route.secured) headers.authorization = faulty.has('headers') && header === 'authorization' ? authorization : `Bearer ${ADMIN_KEY}`;
        if (faulty.has('headers') && header === 'idempotencyKey') headers['idempotency-key'] = idempotencyKey;
        const text = faulty.has('body') ? faultyBody : validBody === undefined ? undefined : JSON.stringify(validBody);
        const sendsBody = text !== undefined && verb !== 'HEAD' && verb !== 'GET';
        if (sendsBody) headers['content-type'] = faulty.has('headers') && header === 'type' ? type : 'application/json';
        return { method: verb, url: search ? `${path}?${search}` : path, headers, body: sendsBody ? text : undefined };
      });
  }

  /** An id that exists in the seeded log, so that a fault elsewhere reaches the handler and the database. */
  function validSegment(name: string): string {
    const ids: Record<string, string> = {
      streamId: 'stakeholder-openai',
      stakeholderId: 'openai',
      commitmentId: 'openai-no-domestic-surveillance',
      topic: 'surveillance',
      id: '00000000-0000-4000-8000-000000000000',
    };
    return ids[name] ?? 'openai';
  }
});
