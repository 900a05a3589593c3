import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

/** The JSON log lines (stdout is a pipe here, so the API writes JSON, not pino-pretty's text). */
function logLines(t: TestApp): Array<Record<string, unknown>> {
  return t
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function lineFor(t: TestApp, requestId: string): Promise<Record<string, unknown>> {
  // The line is written once the answer left: poll the captured output briefly.
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = logLines(t).filter((line) => line.requestId === requestId && line.status !== undefined);
    if (found.length > 0) {
      expect(found).toHaveLength(1);
      return found[0];
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`no log line for request ${requestId}:\n${t.output()}`);
}

describe('request logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' });
  });
  afterAll(() => t.close());

  it('one JSON line per request with method, route, status, latency and the client request id, echoed in X-Request-Id', async () => {
    const response = await t.inject({ url: '/v1/streams/stakeholder-nobody?x=1', headers: { 'x-request-id': 'client-req-42' } });
    expect(response.headers['x-request-id']).toBe('client-req-42');
    const line = await lineFor(t, 'client-req-42');
    expect(line).toMatchObject({ level: 30, method: 'GET', route: '/v1/streams/:streamId', url: '/v1/streams/stakeholder-nobody?x=1', status: response.statusCode, principal: null });
    expect(typeof line.latencyMs).toBe('number');
  });

  it('names the principal of an authenticated request, and generates an id when the client sent none or a strange one', async () => {
    const response = await t.inject({ method: 'GET', url: '/v1/api-keys', headers: { authorization: `Bearer ${ADMIN_KEY}`, 'x-request-id': 'has spaces and\ttabs' } });
    expect(response.statusCode).toBe(200);
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await lineFor(t, id)).toMatchObject({ method: 'GET', route: '/v1/api-keys', status: 200, principal: expect.stringMatching(/^api-key:/) });
  });

  it('puts the request id in problem details too', async () => {
    const response = await t.inject({ method: 'POST', url: '/v1/events', payload: {} });
    expect(response.statusCode).toBe(401);
    expect(response.json().requestId).toBe(response.headers['x-request-id']);
    expect(await lineFor(t, response.headers['x-request-id'])).toMatchObject({ status: 401, route: '/v1/events' });
  });

  it("keeps Nest's route mapping below the default level", () => {
    expect(t.stdout()).not.toMatch(/Mapped \{/);
    expect(t.stdout()).toMatch(/"msg":"API on http/);
  });
});
