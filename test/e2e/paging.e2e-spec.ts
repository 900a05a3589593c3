import { openAiRedLine, registerDoD, registerOpenAi, S5 } from '../support/scenario';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

const ACTIONS = 19_880;
const ASSESSED = 120;
const REDLINE = 'openai-no-domestic-surveillance';

const contract = (i: number) => ({
  type: 'ContractSigned',
  data: { actionId: `openai-contract-${i}`, stakeholderId: 'openai', counterpartyIds: ['us-dod'], title: `Contract ${i}`, topics: ['defence'] },
  occurredAt: '2026-02',
  sources: [S5],
});
const assessment = (i: number) => ({
  type: 'AssessmentRecorded',
  data: { commitmentId: REDLINE, actionId: `openai-contract-${i}`, relation: 'strains', rationale: `Contract ${i} strains the red line` },
  occurredAt: '2026-03',
  sources: [],
});

/** No public answer grows with history: a stakeholder with 20,000 events answers in pages. */
describe('paging', () => {
  let t: TestApp;
  let head: number;
  const get = (url: string) => t.inject(url);

  beforeAll(async () => {
    t = await startTestApp();
    const editor = (await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'desk', role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json().key;
    const events = [registerOpenAi, registerDoD, openAiRedLine, ...Array.from({ length: ACTIONS }, (_, i) => contract(i)), ...Array.from({ length: ASSESSED }, (_, i) => assessment(i))];
    for (let i = 0; i < events.length; i += 1000) {
      const batch = await t.inject({ method: 'POST', url: '/v1/event-batches', payload: { events: events.slice(i, i + 1000) }, headers: { authorization: `Bearer ${editor}` } });
      expect(batch.statusCode).toBe(201);
    }
    head = (await get('/v1/audit/head')).json().position;
    expect(head).toBe(events.length);
    // The projection of 20,000 events takes a while: wait for it in bounded steps (503 read-model-behind until then).
    let status = 503;
    for (let attempt = 0; attempt < 60 && status === 503; attempt++) status = (await get(`/v1/stakeholders/openai/timeline?waitForPosition=${head}&limit=1`)).statusCode;
    expect(status).toBe(200);
  }, 300_000);
  afterAll(() => t.close());

  it('answers the first report page of a 20,000-event stakeholder in under 1 MB, with totals and a summary that count everything', async () => {
    const response = await get('/v1/stakeholders/openai/report');
    expect(response.statusCode).toBe(200);
    console.log(`first report page of a ${head}-event stakeholder: ${response.body.length} bytes`);
    expect(Buffer.byteLength(response.body)).toBeLessThan(1_000_000);
    const report = response.json();
    expect(report.unlinkedActions).toHaveLength(100);
    expect(report.page.totals).toMatchObject({ commitments: 1, unlinkedActions: ACTIONS - ASSESSED });
    const [redLine] = report.commitments;
    expect(redLine.links).toHaveLength(100);
    expect(redLine.totals.links).toBe(ASSESSED);
    expect(redLine.status).toBe('under_strain');
    expect(report.summary).toMatchObject({ total: 1, byStatus: { under_strain: 1 } });
    // A page past the only commitment still summarises it.
    const later = (await get(`${report.permalink}&offset=5&limit=1`)).json();
    expect(later.commitments).toEqual([]);
    expect(later.summary).toEqual(report.summary);
    expect(report.permalink).not.toMatch(/offset|limit/);
    expect(report.page.next).toBe(`${report.permalink}&offset=100`);
  }, 120_000);

  it('follows next to the following pages of one moment, each with its own permalink answering the same bytes, until next is null', async () => {
    const first = (await get('/v1/stakeholders/openai/report?limit=1000')).json();
    const second = await get(first.page.next);
    expect(second.statusCode).toBe(200);
    const page = second.json();
    expect(page.knownAt).toEqual(first.knownAt);
    expect(page.permalink).toBe(first.page.next);
    expect(page.unlinkedActions.map((a: { actionId: string }) => a.actionId)).toEqual(first.unlinkedActions.map((a: { actionId: string }) => a.actionId).map((_: string, i: number) => `openai-contract-${ASSESSED + 1000 + i}`));
    const again = await get(page.permalink);
    expect(again.body).toBe(second.body);
    expect(second.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const last = (await get(first.permalink.replace('&limit=1000', `&offset=${ACTIONS - ASSESSED - 10}&limit=1000`))).json();
    expect(last.unlinkedActions).toHaveLength(10);
    expect(last.page.next).toBeNull();
  }, 120_000);

  it("pages a commitment's dossier: its links by the window, all of them counted", async () => {
    const dossier = (await get(`/v1/commitments/${REDLINE}?limit=50&offset=100`)).json();
    expect(dossier.commitment.links).toHaveLength(ASSESSED - 100);
    expect(dossier.commitment.totals.links).toBe(ASSESSED);
    expect(dossier.commitment.status).toBe('under_strain');
    expect(dossier.page).toMatchObject({ offset: 100, limit: 50, next: null });
    expect(dossier.permalink).toMatch(/&offset=100&limit=50$/);
  }, 120_000);

  it('pages the timeline the same way', async () => {
    const timeline = (await get('/v1/stakeholders/openai/timeline?limit=500')).json();
    expect(timeline.entries).toHaveLength(500);
    expect(timeline.page).toMatchObject({ offset: 0, limit: 500, totals: { entries: head - 1 } });
    expect(timeline.page.next).toBe(timeline.permalink.replace('&limit=500', '&offset=500&limit=500'));
  }, 120_000);

  it('pages a stream by version and the global log by position, with a next link, never more than the maximum', async () => {
    const versions: number[] = [];
    for (let url: string | null = `/v1/streams/commitment-${REDLINE}?limit=50`; url; ) {
      const page = (await get(url)).json();
      expect(page.version).toBe(ASSESSED + 1);
      expect(page.events.length).toBeLessThanOrEqual(50);
      versions.push(...page.events.map((e: { streamVersion: number }) => e.streamVersion));
      url = page.page.next;
    }
    expect(versions).toEqual(Array.from({ length: ASSESSED + 1 }, (_, i) => i + 1));
    const log = (await get('/v1/events')).json();
    expect(log.events).toHaveLength(100);
    expect(log.page).toEqual({ limit: 100, next: '/v1/events?after=100&limit=100' });
    expect((await get(`/v1/events?after=${head - 1}`)).json().page.next).toBeNull();
    expect((await get('/v1/events?limit=1001')).statusCode).toBe(400);
    expect((await get('/v1/stakeholders/openai/report?limit=1001')).statusCode).toBe(400);
  }, 120_000);
});
