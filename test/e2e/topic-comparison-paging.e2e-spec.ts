import { S5 } from '../support/scenario';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

const TOPIC = 'water';
/** Commitments on the topic per stakeholder: one has more than a page, one fewer, one straddles. */
const PLEDGES: Record<string, number> = { 'acme-water': 5, 'borough-council': 1, 'clearstream-ltd': 6 };
const LIMIT = 4;

const register = (stakeholderId: string) => ({ type: 'StakeholderRegistered', data: { stakeholderId, name: stakeholderId, kind: 'organization' }, occurredAt: '2020', sources: [S5] });
const pledge = (stakeholderId: string, n: number, topics = [TOPIC]) => ({
  type: 'PledgeMade',
  data: { commitmentId: `${stakeholderId}-pledge-${n}`, stakeholderId, text: `Pledge ${n}`, topics },
  occurredAt: String(2010 + (n % 10)),
  sources: [S5],
});

interface Comparison {
  stakeholders: Array<{ stakeholder: { stakeholderId: string }; commitments: Array<{ commitmentId: string }> }>;
  page: { offset: number; limit: number; next: string | null; totals: { stakeholders: number; commitments: number } };
  permalink: string;
  contentHash: string;
  knownAt: { position: number };
}
const ids = (comparison: Comparison) => comparison.stakeholders.flatMap((entry) => entry.commitments.map((c) => c.commitmentId));

/** A topic comparison is paged like the report: a window of commitments, totals, a `next` permalink per page. */
describe('topic comparison paging', () => {
  let t: TestApp;
  let head: number;

  beforeAll(async () => {
    t = await startTestApp();
    const editor = (await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'desk', role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json().key;
    const events = Object.entries(PLEDGES).flatMap(([id, count]) => [register(id), ...Array.from({ length: count }, (_, n) => pledge(id, n)), pledge(id, 99, ['elsewhere'])]);
    const batch = await t.inject({ method: 'POST', url: '/v1/event-batches', payload: { events }, headers: { authorization: `Bearer ${editor}` } });
    expect([batch.statusCode, batch.statusCode === 201 ? '' : batch.body]).toEqual([201, '']);
    head = (await t.inject('/v1/audit/head')).json().position;
  });
  afterAll(() => t?.close());

  it('walks every commitment on the topic once, in order, a bounded page at a time, each page citable', async () => {
    const whole: Comparison = (await t.inject(`/v1/topics/${TOPIC}/comparison?waitForPosition=${head}&limit=1000`)).json();
    expect(whole.page.totals).toEqual({ stakeholders: 3, commitments: 12 });
    expect(ids(whole)).toHaveLength(12);
    expect(whole.page.next).toBeNull();

    const first: Comparison = (await t.inject(`/v1/topics/${TOPIC}/comparison?limit=${LIMIT}`)).json();
    const walked: string[] = [];
    const pages: Comparison[] = [];
    for (let url: string | null = first.permalink; url; ) {
      const response = await t.inject(url);
      expect(response.statusCode).toBe(200);
      const page: Comparison = response.json();
      pages.push(page);
      expect(page.permalink).toBe(url);
      expect(page.knownAt).toEqual(first.knownAt);
      expect(ids(page).length).toBeLessThanOrEqual(LIMIT);
      expect(page.page.totals).toEqual(whole.page.totals);
      // A pinned page answers the same bytes again, and says so with its hash.
      expect((await t.inject(url)).body).toBe(response.body);
      expect(response.headers.etag).toBe(`"${page.contentHash}"`);
      walked.push(...ids(page));
      url = page.page.next;
    }
    expect(walked).toEqual(ids(whole));
    expect(pages.map((page) => page.page.offset)).toEqual([0, 4, 8]);
    expect(new Set(pages.map((page) => page.contentHash)).size).toBe(3);
    // acme-water's five commitments straddle the first two pages: it heads both.
    expect(pages[1].stakeholders.map((entry) => entry.stakeholder.stakeholderId)).toEqual(['acme-water', 'borough-council', 'clearstream-ltd']);
    expect(walked.every((id) => !id.endsWith('-pledge-99'))).toBe(true);
  });

  it('refuses a page larger than the maximum, and the topic page cites the JSON first page', async () => {
    expect((await t.inject(`/v1/topics/${TOPIC}/comparison?limit=1001`)).statusCode).toBe(400);
    expect((await t.inject(`/v1/topics/${TOPIC}/comparison?offset=-1`)).statusCode).toBe(400);
    const json: Comparison = (await t.inject(`/v1/topics/${TOPIC}/comparison`)).json();
    const html = (await t.inject(`/topics/${TOPIC}?${json.permalink.split('?')[1]}`)).body;
    expect(html).toContain(`data-testid="content-hash">${json.contentHash}<`);
  });

  it('pages the topic page as its JSON: a window of commitments, cited by that window, with a next link at the same moment', async () => {
    const second: Comparison = (await t.inject(`/v1/topics/${TOPIC}/comparison?knownAt=${head}&date=2026-01-01&offset=${LIMIT}&limit=${LIMIT}`)).json();
    const html = (await t.inject(`/topics/${TOPIC}?${second.permalink.split('?')[1]}`)).body;
    expect(html).toContain(`data-testid="content-hash">${second.contentHash}<`);
    const shown = [...html.matchAll(/data-commitment="([^"]+)"/g)].map((match) => match[1]);
    expect(shown).toEqual(ids(second));
    const next = /<a rel="next" href="([^"]+)"/.exec(html)?.[1].replace(/&amp;/g, '&');
    expect(next).toBe(`/topics/${TOPIC}?${second.page.next!.split('?')[1]}`);
    expect(html).toMatch(/<a rel="prev" href="[^"]*knownAt=\d+/);
  });

  it('documents the page parameters and the page in OpenAPI', async () => {
    const { paths } = (await t.inject('/docs/openapi.json')).json();
    const route = paths['/v1/topics/{topic}/comparison'].get;
    expect(route.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['offset', 'limit', 'knownAt', 'date']));
    expect(route.responses['200'].content['application/json'].schema.properties.page.properties.totals).toBeDefined();
  });
});
