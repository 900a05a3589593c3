import { loadFoundingCase } from '../support/founding-case';
import { startTestApp, TestApp } from '../support/test-app';

/** What caches, feed readers and spreadsheets get from the pages: HTML, ETags and 304s, CSV, Atom. */
describe('pages over HTTP: caching, exports, languages', () => {
  let t: TestApp;
  let position: number;

  beforeAll(async () => {
    t = await startTestApp();
    position = await loadFoundingCase(t);
  });
  afterAll(() => t.close());

  it('serves complete HTML without any script', async () => {
    const page = await t.inject('/stakeholders/openai');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('<link rel="canonical"');
    expect(page.body).toContain('rel="alternate" type="application/atom+xml"');
  });

  it('answers a live page with a short max-age and an ETag, and 304 when it did not change', async () => {
    const first = await t.inject('/stakeholders/openai');
    expect(first.headers['cache-control']).toBe('public, max-age=30, must-revalidate');
    expect(first.headers.vary).toBe('Accept-Language, Cookie');
    const again = await t.inject({ url: '/stakeholders/openai', headers: { 'if-none-match': first.headers.etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Another language is another representation: another ETag.
    const french = await t.inject({ url: '/stakeholders/openai', headers: { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.5' } });
    expect(french.body).toContain('<html lang="fr">');
    expect(french.headers.etag).not.toBe(first.headers.etag);
  });

  it('marks a pinned page immutable, and changes the live ETag when the log moves', async () => {
    const pinned = await t.inject(`/stakeholders/openai?knownAt=${position - 5}`);
    expect(pinned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // A timestamp names the last position recorded by then, which a late commit could still move: not pinned.
    const byTimestamp = await t.inject(`/stakeholders/openai?knownAt=${encodeURIComponent(new Date().toISOString())}`);
    expect(byTimestamp.headers['cache-control']).toBe('public, max-age=30, must-revalidate');
    const before = await t.inject('/stakeholders/openai');
    const key = await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'more', role: 'editor' }, headers: { authorization: 'Bearer test-admin-key-0123456789abcdef' } });
    const added = await t.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { authorization: `Bearer ${key.json().key}` },
      payload: { type: 'StakeholderRenamed', data: { stakeholderId: 'openai', name: 'OpenAI Group' }, occurredAt: '2026-03', sources: [{ url: 'https://example.org/r', publisher: 'Example', title: 'Renamed', publishedAt: '2026-03', quote: 'renamed' }] },
    });
    expect(added.statusCode).toBe(201);
    const after = await t.inject(`/stakeholders/openai?waitForPosition=${added.json().position}`);
    const revalidated = await t.inject({ url: '/stakeholders/openai', headers: { 'if-none-match': before.headers.etag } });
    expect(revalidated.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('exports the say-do table as CSV, with codes and words', async () => {
    const csv = await t.inject('/stakeholders/anthropic/say-do.csv?lang=fr');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = csv.body.trim().split('\n');
    expect(header).toBe('commitment_id,kind,text,stated_at,status,status_label,actions,unconfirmed_suggestions,contested,position');
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.includes(',held,Respectée,'))).toBe(true);
    // The live download names its permalink, which answers the same rows for good.
    const canonical = /^<([^>]+)>; rel="canonical"$/.exec(String(csv.headers.link))?.[1];
    expect(canonical).toMatch(/^\/stakeholders\/anthropic\/say-do\.csv\?knownAt=\d+&date=/);
    const pinned = await t.inject(`${canonical}&lang=fr`);
    expect(pinned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(pinned.body).toBe(csv.body);
  });

  it('publishes Atom feeds per stakeholder and per topic', async () => {
    const feed = await t.inject('/stakeholders/openai/feed.atom');
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed.body).toContain('Contract signed');
    const topic = await t.inject('/topics/surveillance/feed.atom');
    expect(topic.statusCode).toBe(200);
    expect(topic.body).toContain('Red line stated');
    expect(topic.body).toContain('Contract refused');
  });

  it('answers bad page parameters with an HTML 400, not JSON and not a 500', async () => {
    const bad = await t.inject('/stakeholders/openai?asOf=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(bad.body).toContain('asOf must be a date');
    expect((await t.inject('/topics/Not_A_Slug')).statusCode).toBe(404);
  });

  it('answers a path with no page with an HTML 404, and an unknown API path with problem+json as before', async () => {
    const page = await t.inject({ url: '/stakeholders/openai/nothing-here', headers: { 'accept-language': 'fr' } });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Page introuvable');
    const api = await t.inject('/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(api.json()).toMatchObject({ type: 'https://saydo.dev/problems/not-found', status: 404 });
  });

  it('shows a retraction as a visible notice on the stakeholder page, the timeline and the feed', async () => {
    const editor = await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: 'desk', role: 'editor' }, headers: { authorization: 'Bearer test-admin-key-0123456789abcdef' } });
    const stream = (await t.inject('/v1/streams/action-chatgpt-subscriber-exodus-2026')).json();
    const retracted = await t.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { authorization: `Bearer ${editor.json().key}` },
      payload: { type: 'EventRetracted', data: { eventId: stream.events[0].eventId, reason: 'The figure was never confirmed' }, occurredAt: '2026-03-12', sources: [] },
    });
    expect(retracted.statusCode).toBe(201);
    const wait = `waitForPosition=${retracted.json().position}`;
    const page = await t.inject(`/stakeholders/openai?${wait}`);
    expect(page.body).toMatch(/data-notice="retraction"[^>]*>.*Retraction \(12 March 2026\).*The figure was never confirmed/s);
    expect(page.body).not.toContain('id="action-chatgpt-subscriber-exodus-2026"');
    const french = await t.inject(`/stakeholders/openai/timeline?${wait}&lang=fr`);
    expect(french.body).toContain('Rétractation (12 mars 2026)');
    expect((await t.inject(`/stakeholders/openai/feed.atom?${wait}`)).body).toContain('Retraction: The figure was never confirmed');
  });
});
