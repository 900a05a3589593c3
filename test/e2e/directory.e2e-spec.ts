import fc from 'fast-check';
import { loadFoundingCase } from '../support/founding-case';
import { startTestApp, TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The lists the pages are built on: stakeholders (searchable, paged, counted by status), topics, search, latest changes. */
describe('directory API', () => {
  let t: TestApp;
  let everyone: any[];

  beforeAll(async () => {
    t = await startTestApp();
    await loadFoundingCase(t);
    everyone = (await t.inject('/v1/stakeholders?limit=100')).json().items;
  });
  afterAll(() => t.close());

  it('lists stakeholders by name with their commitments counted by status, the same counts as their reports', async () => {
    expect(everyone.map((s) => s.name)).toEqual([...everyone.map((s) => s.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const id of ['openai', 'anthropic', 'caitlin-kalinowski']) {
      const item = everyone.find((s) => s.stakeholderId === id);
      const report = (await t.inject(`/v1/stakeholders/${id}/report`)).json();
      const reported = Object.fromEntries(Object.entries(report.summary.byStatus).filter(([, n]) => (n as number) > 0));
      expect(item.byStatus).toEqual(reported);
      expect(item.commitments).toBe(report.summary.total);
    }
    expect(everyone.find((s) => s.stakeholderId === 'openai').byStatus).toEqual({ crossed: 1, under_strain: 2, partially_kept: 1 });
  });

  it('pages through every stakeholder exactly once, whatever the page size, by following `next`', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 7 }), async (limit) => {
        const seen: string[] = [];
        let url: string | null = `/v1/stakeholders?limit=${limit}`;
        while (url) {
          const page: any = (await t.inject(url)).json();
          expect(page.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.items.map((s: any) => s.stakeholderId));
          url = page.next;
        }
        expect(seen).toEqual(everyone.map((s) => s.stakeholderId));
      }),
      { numRuns: 7 },
    );
  });

  it('searches names case-insensitively, taking % and _ literally', async () => {
    expect((await t.inject('/v1/stakeholders?q=ANTHRO')).json().items.map((s: any) => s.stakeholderId)).toEqual(['anthropic']);
    expect((await t.inject('/v1/stakeholders?q=%25')).json().items).toEqual([]);
    const paged = (await t.inject('/v1/stakeholders?q=a&limit=2')).json();
    expect(paged.next).toMatch(/^\/v1\/stakeholders\?q=a&limit=2&after=/);
  });

  it('refuses a forged cursor and a limit out of range with problem details', async () => {
    const forged = await t.inject('/v1/stakeholders?after=bm90LWEtY3Vyc29y');
    expect(forged.statusCode).toBe(400);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    expect(forged.json().errors).toEqual([expect.objectContaining({ field: 'after' })]);
    expect((await t.inject('/v1/stakeholders?limit=1000')).statusCode).toBe(400);
    expect((await t.inject('/v1/search')).statusCode).toBe(400);
  });

  it('lists topics with how many commitments and stakeholders name them', async () => {
    const { topics } = (await t.inject('/v1/topics')).json();
    expect(topics).toContainEqual({ topic: 'surveillance', commitments: 3, stakeholders: 3 });
    expect(topics.map((x: any) => x.topic)).toEqual([...topics.map((x: any) => x.topic)].sort());
  });

  it('searches stakeholders and commitments (text, id, topics)', async () => {
    const found = (await t.inject('/v1/search?q=surveillance')).json();
    expect(found.commitments.map((c: any) => c.commitmentId)).toEqual(expect.arrayContaining(['openai-no-domestic-surveillance', 'anthropic-no-mass-surveillance']));
    expect((await t.inject('/v1/search?q=openai')).json().stakeholders.map((s: any) => s.stakeholderId)).toEqual(['openai']);
  });

  it('shows the latest changes, newest first, with the stakeholders they concern', async () => {
    const { changes, position } = (await t.inject('/v1/changes?limit=5')).json();
    expect(changes).toHaveLength(5);
    expect(changes[0].position).toBe(position);
    expect(changes.map((c: any) => c.position)).toEqual([...changes.map((c: any) => c.position)].sort((a: number, b: number) => b - a));
  });

  it('documents the new routes in OpenAPI, and not the pages', async () => {
    const { paths } = (await t.inject('/docs/openapi.json')).json();
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/v1/stakeholders', '/v1/topics', '/v1/search', '/v1/changes']));
    expect(Object.keys(paths).filter((p) => !p.startsWith('/v1/') && p !== '/health' && !p.startsWith('/health/'))).toEqual([]);
  });
});
