import { S5 } from '../support/scenario';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

/** TRUST_PROXY=true lets the test speak as several client addresses through X-Forwarded-For. */
const from = (address: string, headers: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...headers });

describe('rate limits: one budget per client, fair to writers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '2', TRUST_PROXY: 'true' });
  });
  afterAll(() => t.close());

  it('given a client that spent its budget across several routes, refuses every route, /docs too, with a rate-limited problem and Retry-After; health still answers', async () => {
    const client = from('203.0.113.1');
    const spent = [];
    for (const url of ['/v1/events?limit=1', '/v1/audit/head', '/docs/openapi.json', '/v1/streams/stakeholder-nobody', '/v1/events?limit=1', '/no-such-route']) {
      spent.push((await t.inject({ url, headers: client })).statusCode);
    }
    expect(spent).toEqual([200, 200, 200, 404, 200, 404]);
    for (const url of ['/docs', '/v1/audit/head', '/v1/events?limit=1']) {
      const limited = await t.inject({ url, headers: client });
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(limited.json().type).toBe('https://saydo.dev/problems/rate-limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    expect((await t.inject({ url: '/health', headers: client })).statusCode).toBe(200);
    // Another address keeps its own budget.
    expect((await t.inject({ url: '/v1/audit/head', headers: from('203.0.113.9') })).statusCode).toBe(200);
  });

  it('gives expensive reads a tighter budget of their own, while cheap reads of the same client still pass', async () => {
    const client = from('203.0.113.2');
    const reports = [];
    for (let i = 0; i < 3; i++) reports.push((await t.inject({ url: '/v1/stakeholders/nobody/report', headers: client })).statusCode);
    expect(reports).toEqual([404, 404, 429]);
    expect((await t.inject({ url: '/v1/topics/ai/comparison', headers: client })).statusCode).toBe(429);
    expect((await t.inject({ url: '/v1/audit/head', headers: client })).statusCode).toBe(200);
  });

  it('counts an authenticated writer by its key, not its address, and never charges 401s to a key', async () => {
    const client = from('203.0.113.3');
    const wrongKey = [];
    for (let i = 0; i < 8; i++) {
      wrongKey.push((await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'x', role: 'editor' }, headers: client })).statusCode);
    }
    // The 401s (no key, or ADMIN_KEY mistyped) spent the address's budget...
    expect(wrongKey).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    const mistyped = await t.inject({ url: '/v1/api-keys', headers: from('203.0.113.3', { authorization: `Bearer ${ADMIN_KEY}x` }) });
    expect(mistyped.statusCode).toBe(429);
    // ...while the key, from that same exhausted address, still has its whole budget.
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await t.inject({ url: '/v1/api-keys', headers: from('203.0.113.3', { authorization: `Bearer ${ADMIN_KEY}` }) })).statusCode);
    expect(answers).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await t.inject({ url: '/v1/api-keys', headers: from('203.0.113.4', { authorization: `Bearer ${ADMIN_KEY}` }) })).statusCode).toBe(429);
  });

});

describe('rate limits on report reads: folds are what costs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '2', TRUST_PROXY: 'true' });
  });
  afterAll(() => t.close());

  it('serves a report already published at this position without spending the expensive budget: a viral page stays readable, a new fold is charged', async () => {
    const writer = { authorization: `Bearer ${ADMIN_KEY}` };
    const registered = await t.inject({ method: 'POST', url: '/v1/events', headers: writer, payload: { type: 'StakeholderRegistered', data: { stakeholderId: 'viral', name: 'Viral', kind: 'organization' }, occurredAt: '2020', sources: [S5] } });
    expect(registered.statusCode).toBe(201);
    const reader = from('203.0.113.5');
    const url = `/v1/stakeholders/viral/report?knownAt=${registered.json().position}&date=2026-01-01`;
    const answers = [];
    // Budget of 6 requests, 2 of them expensive: one fold, then its published answer, twice.
    for (let i = 0; i < 3; i++) answers.push(await t.inject({ url, headers: reader }));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    // Other pages of it fold: each is charged, and the third fold is past the expensive budget.
    expect((await t.inject({ url: `${url}&limit=7`, headers: reader })).statusCode).toBe(200);
    const refused = await t.inject({ url: `${url}&limit=8`, headers: reader });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toMatch(/too many expensive reads/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
