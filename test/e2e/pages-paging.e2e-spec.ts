import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

const SOURCE = { url: 'https://www.example.org/bigco/pledges', publisher: 'Example News', title: 'Bigco pledges', publishedAt: '2025-01', quote: 'We pledge' };
/** One more commitment than the JSON report's default page holds (100). */
const COMMITMENTS = 101;
const pledge = (i: number) => ({
  type: 'PledgeMade',
  data: { commitmentId: `bigco-pledge-${String(i).padStart(3, '0')}`, stakeholderId: 'bigco', text: `Pledge number ${i}`, topics: ['scale'] },
  occurredAt: '2025-01',
  sources: [SOURCE],
});

/** A stakeholder with more commitments than one page: the page is paged as its JSON is, and the links keep the pin. */
describe('long pages, paged like the JSON', () => {
  let t: TestApp;
  let browser: Browser;
  let editor: string;
  let head: number;

  beforeAll(async () => {
    t = await startTestApp();
    editor = (await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'paging', role: 'editor' }, headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json().key;
    const events = [
      { type: 'StakeholderRegistered', data: { stakeholderId: 'bigco', name: 'Bigco', kind: 'organization' }, occurredAt: '2000', sources: [SOURCE] },
      ...Array.from({ length: COMMITMENTS }, (_, i) => pledge(i)),
      ...[2025, 2026].map((year) => ({ type: 'CommitmentReaffirmed', data: { commitmentId: 'bigco-pledge-000', statement: `Said again in ${year}` }, occurredAt: String(year), sources: [SOURCE] })),
    ];
    const batch = await t.inject({ method: 'POST', url: '/v1/event-batches', payload: { events }, headers: { authorization: `Bearer ${editor}` } });
    expect(batch.statusCode).toBe(201);
    head = Math.max(...batch.json().events.map((e: { position: number }) => e.position));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const cited = async (page: Page) => ({ hash: await page.textContent('[data-testid="content-hash"]'), permalink: await page.getAttribute('[data-testid="permalink"]', 'href') });
  const commitmentsShown = (page: Page) => page.locator('[data-testid="say-do-table"] tbody tr').count();

  it('shows one window of the commitments, cited by the JSON of that window; next and previous keep the pinned moment when the log moves', async () => {
    const context = await browser.newContext({ baseURL: t.baseUrl, locale: 'en-GB', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/stakeholders/bigco?waitForPosition=${head}`);
    expect(await commitmentsShown(page)).toBe(100);
    expect(await page.textContent('.pager')).toContain('Page 1 of 2');
    // The summary still counts the whole record.
    expect((await page.textContent('main'))!.includes('Not yet rated × 101')).toBe(true);
    const first = await cited(page);
    const firstJson = (await t.inject(`/v1/stakeholders/bigco/report?waitForPosition=${head}`)).json();
    expect(first.hash).toBe(firstJson.contentHash);

    // The log moves on; the next page stays at the moment the first one was read.
    const later = await t.inject({ method: 'POST', url: '/v1/events', payload: pledge(COMMITMENTS), headers: { authorization: `Bearer ${editor}` } });
    expect(later.statusCode).toBe(201);
    await t.inject(`/v1/stakeholders/bigco/report?waitForPosition=${later.json().position}`);
    await page.click('a[rel="next"]');
    await page.waitForURL((url) => url.searchParams.get('offset') === '100');
    expect(new URL(page.url()).searchParams.get('knownAt')).toBe(String(head));
    expect(new URL(page.url()).searchParams.get('offset')).toBe('100');
    expect(await commitmentsShown(page)).toBe(1);
    expect(await page.textContent('[data-testid="say-do-table"] tbody')).toContain('Pledge number 100');
    expect(await page.textContent('.pager')).toContain('Page 2 of 2');
    expect(await page.locator('a[rel="next"]').count()).toBe(0);
    // Its permalink and hash are those of the JSON's second window at that moment.
    const second = await cited(page);
    const secondJson = (await t.inject(`/v1/stakeholders/bigco/report?knownAt=${head}&date=${encodeURIComponent(firstJson.judgedAt)}&offset=100`)).json();
    expect(second.hash).toBe(secondJson.contentHash);
    expect(second.permalink).toBe(secondJson.permalink.replace('/v1/stakeholders/bigco/report', '/stakeholders/bigco'));
    expect(second.hash).not.toBe(first.hash);

    await page.click('a[rel="prev"]');
    await page.waitForURL((url) => url.searchParams.get('offset') !== '100');
    expect(await commitmentsShown(page)).toBe(100);
    expect(new URL(page.url()).searchParams.get('knownAt')).toBe(String(head));
    expect((await cited(page)).hash).toBe(first.hash);
    await context.close();
  });

  it('pages the timeline and a commitment’s dossier the same way, and takes offset and limit as the JSON does', async () => {
    const timeline = await t.inject(`/stakeholders/bigco/timeline?knownAt=${head}&limit=40&offset=80`);
    expect(timeline.statusCode).toBe(200);
    expect(timeline.body.match(/<li id="event-/g)).toHaveLength(24); // 104 events at that position: 80 to 103
    const json = (await t.inject(`/v1/stakeholders/bigco/timeline?knownAt=${head}&limit=40&offset=80`)).json();
    expect(timeline.body).toContain(json.contentHash);
    expect(timeline.body).toMatch(/rel="prev" href="\/stakeholders\/bigco\/timeline\?knownAt=\d+&amp;date=[^"]+&amp;offset=40&amp;limit=40"/);
    expect(timeline.body).not.toContain('rel="next"');
    // A commitment's dossier too: its history of three, two at a time.
    const dossier = await t.inject(`/commitments/bigco-pledge-000?knownAt=${head}&limit=2`);
    const dossierJson = (await t.inject(`/v1/commitments/bigco-pledge-000?knownAt=${head}&limit=2`)).json();
    expect(dossier.body).toContain(dossierJson.contentHash);
    expect(dossier.body).toContain('Said again in 2025');
    expect(dossier.body).not.toContain('Said again in 2026');
    expect(dossier.body).toMatch(/rel="next" href="\/commitments\/bigco-pledge-000\?knownAt=\d+&amp;date=[^"]+&amp;offset=2&amp;limit=2"/);
    const refused = await t.inject('/stakeholders/bigco?limit=0');
    expect(refused.statusCode).toBe(400);
  });
});
