import { Browser, BrowserContext, Page } from 'playwright-core';
import { keepScreenshot, launchChromium, seriousViolations } from '../support/browser';
import { ADMIN_KEY, startTestApp, TestApp } from '../support/test-app';

const SOURCE = { url: 'https://www.example.org/acme/2026/03/tracking', publisher: 'Example News', title: 'Acme and tracking', publishedAt: '2026-03-02', quote: 'We will never track our users' };

/** A stakeholder with a red line on privacy and a contract on privacy: the report suggests the contract strains it. */
const SETUP = [
  { type: 'StakeholderRegistered', data: { stakeholderId: 'acme', name: 'Acme Analytics', kind: 'organization' }, occurredAt: '2010', sources: [SOURCE] },
  { type: 'RedLineStated', data: { commitmentId: 'acme-no-tracking', stakeholderId: 'acme', text: 'We will never track our users', topics: ['privacy'] }, occurredAt: '2026-03', sources: [SOURCE] },
  { type: 'ContractSigned', data: { actionId: 'acme-adtech-deal', stakeholderId: 'acme', counterpartyIds: [], title: 'Data deal with an ad network', topics: ['privacy'] }, occurredAt: '2026-03', sources: [SOURCE] },
];

describe('the editor desk in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let keys: { editor: string; contributor: string };

  beforeAll(async () => {
    t = await startTestApp();
    const create = async (role: string) =>
      (await t.inject({ method: 'POST', url: '/v1/api-keys', payload: { name: `desk-${role}`, role }, headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json().key as string;
    keys = { editor: await create('editor'), contributor: await create('contributor') };
    for (const event of SETUP) {
      const response = await t.inject({ method: 'POST', url: '/v1/events', payload: event, headers: { authorization: `Bearer ${keys.editor}` } });
      expect(response.statusCode).toBe(201);
    }
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(key: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL: t.baseUrl, locale: 'en-GB', javaScriptEnabled: true });
    const page = await context.newPage();
    await page.goto('/desk?lang=en');
    await page.fill('input[name="key"]', key);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/desk$/);
    return { context, page };
  }

  it('keeps the key on the server: the cookie is an HttpOnly, SameSite=Strict session id', async () => {
    const { context, page } = await signedIn(keys.editor);
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'saydo_desk');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/desk' });
    expect(cookie.value).not.toContain(keys.editor);
    expect(await page.textContent('main')).toContain('desk-editor (editor)');
    // Signing out ends the session on the server, not only in the browser.
    await page.click('text=Sign out');
    await page.waitForURL(/\/desk$/);
    expect(await page.locator('input[name="key"]').count()).toBe(1);
    const replayed = await t.inject({ url: '/desk', headers: { cookie: `saydo_desk=${cookie.value}` } });
    expect(replayed.body).toContain('name="key"');
    await context.close();
  });

  /** What a browser gets from the sign-in page: the pre-session cookie and the form's token bound to it. */
  async function signInForm(): Promise<{ cookie: string; token: string }> {
    const page = await t.inject({ url: '/desk' });
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    expect(cookie).toMatch(/^saydo_desk_signin=/);
    return { cookie, token: /name="_csrf" value="([^"]+)"/.exec(page.body)![1] };
  }
  /** A sign-in POST as a browser sends it, the answer unfollowed (fetch would follow the 303 and lose its cookies). */
  async function postSignIn(fields: Record<string, string>, cookie?: string): Promise<{ statusCode: number; cookies: string[]; body: string }> {
    const response = await fetch(`${t.baseUrl}/desk/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    });
    return { statusCode: response.status, cookies: response.headers.getSetCookie(), body: await response.text() };
  }
  const sessionSet = (response: { cookies: string[] }) => response.cookies.some((c) => /^saydo_desk=[^;]/.test(c));

  it('refuses an unknown key with a 401 page', async () => {
    const { cookie, token } = await signInForm();
    const response = await postSignIn({ key: 'sdk_nothing', _csrf: token }, cookie);
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('unknown or revoked');
  });

  it('refuses a sign-in without the form token, with a wrong one or another browser’s (login CSRF): 403, no session; the right one signs in', async () => {
    const mine = await signInForm();
    const theirs = await signInForm();
    const forged: Array<[string, Record<string, string>, string | undefined]> = [
      ['no token', { key: keys.editor }, mine.cookie],
      ['a wrong token', { key: keys.editor, _csrf: 'x'.repeat(43) }, mine.cookie],
      ['another browser’s token', { key: keys.editor, _csrf: theirs.token }, mine.cookie],
      ['no pre-session cookie', { key: keys.editor, _csrf: mine.token }, undefined],
    ];
    for (const [what, fields, cookie] of forged) {
      const response = await postSignIn(fields, cookie);
      expect([what, response.statusCode, sessionSet(response)]).toEqual([what, 403, false]);
      expect(response.body).toContain('did not come from this desk');
    }
    const signedIn = await postSignIn({ key: keys.editor, _csrf: mine.token }, mine.cookie);
    expect(signedIn.statusCode).toBe(303);
    expect(sessionSet(signedIn)).toBe(true);
    expect(signedIn.cookies).toContain('saydo_desk_signin=; Path=/desk; HttpOnly; SameSite=Strict; Max-Age=0');
  });

  it('an editor records a pledge with its source, sees inline errors first, confirms a suggestion, and the public page changes', async () => {
    const { context, page } = await signedIn(keys.editor);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, 'desk-home');

    // A pledge, first without its text: the API's problem details show beside the field, nothing is written.
    await page.click('a[href="/desk/events/PledgeMade"]');
    await page.fill('[name="data.commitmentId"]', 'acme-open-source');
    await page.fill('[name="data.stakeholderId"]', 'acme');
    await page.fill('[name="data.topics"]', 'openness, privacy');
    await page.fill('[name="occurredAt"]', '2026-03');
    for (const [name, value] of Object.entries(SOURCE)) await page.fill(`[name="source.${name}"]`, value);
    const refused = await Promise.all([page.waitForNavigation(), page.click('button:has-text("Record")')]).then(([r]) => r!);
    expect(refused.status()).toBe(400);
    expect(await page.textContent('[id="data.text-error"]')).toMatch(/text/);
    expect(await page.inputValue('[name="source.url"]')).toBe(SOURCE.url);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, 'desk-form-errors');

    await page.fill('[name="data.text"]', 'We will publish our tracking code');
    await page.click('button:has-text("Record")');
    await page.waitForURL(/\/desk\?recorded=\d+$/);
    const pledgedAt = new URL(page.url()).searchParams.get('recorded')!;
    const pledge = await context.newPage();
    await pledge.goto(`/stakeholders/acme?lang=en&waitForPosition=${pledgedAt}`);
    expect(await pledge.textContent('main')).toContain('We will publish our tracking code');
    expect(await pledge.textContent('main')).not.toContain('Under strain');

    // The queue: the contract is suggested against the red line; the editor confirms it.
    await page.fill('input[name="stakeholder"]', 'acme');
    await page.click('button:has-text("Show suggestions")');
    expect(await page.textContent('.desk-queue')).toContain('Data deal with an ad network');
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, 'desk-queue');
    await page.click('.desk-queue a:has-text("Confirm")');
    expect(await page.inputValue('[name="data.commitmentId"]')).toBe('acme-no-tracking');
    expect(await page.inputValue('[name="data.actionId"]')).toBe('acme-adtech-deal');
    expect(await page.inputValue('[name="data.relation"]')).toBe('strains');
    // Pickers without JavaScript: the id fields offer the record's commitments and actions.
    expect(await page.getAttribute('[name="data.actionId"]', 'list')).toBe('pick-actions');
    expect(await page.locator('datalist#pick-actions option[value="acme-adtech-deal"]').count()).toBe(1);
    expect(await page.locator('datalist#pick-commitments option[value="acme-open-source"]').count()).toBe(1);
    await page.fill('[name="data.rationale"]', 'Sharing data with an ad network is tracking by another name');
    await page.fill('[name="occurredAt"]', '2026-03-10');
    // The preview folds the report with and without the assessment: the red line would come under strain.
    await page.click('button:has-text("Preview")');
    expect(await page.textContent('.preview')).toContain('“We will never track our users”: Untested → Under strain');
    expect(await page.inputValue('[name="data.rationale"]')).toBe('Sharing data with an ad network is tracking by another name');
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, 'desk-preview');
    await page.click('button:has-text("Record")');
    await page.waitForURL(/\/desk\?recorded=\d+$/);
    const judgedAt = new URL(page.url()).searchParams.get('recorded')!;
    await pledge.goto(`/stakeholders/acme?lang=en&waitForPosition=${judgedAt}`);
    expect(await pledge.textContent('main')).toContain('Under strain');
    await keepScreenshot(pledge, 'desk-result-stakeholder');
    await context.close();
  });

  it('an editor resolves an open dispute and retracts a fact from the desk, and the public page says so', async () => {
    const disputed = await t.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { authorization: `Bearer ${keys.editor}` },
      payload: { type: 'AssessmentDisputed', data: { commitmentId: 'acme-no-tracking', actionId: 'acme-adtech-deal', disputeId: 'acme-reply-1', disputedBy: 'Acme', grounds: 'The data is anonymised' }, occurredAt: '2026-03-11', sources: [] },
    });
    expect(disputed.statusCode).toBe(201);
    const { context, page } = await signedIn(keys.editor);
    await page.goto(`/desk?stakeholder=acme`);
    expect(await page.textContent('.desk-disputes')).toContain('The data is anonymised');
    await page.click('.desk-disputes a:has-text("Resolve")');
    expect(await page.inputValue('[name="data.disputeId"]')).toBe('acme-reply-1');
    await page.selectOption('[name="data.outcome"]', 'rejected');
    await page.fill('[name="data.resolution"]', 'Anonymised data still profiles users');
    await page.fill('[name="occurredAt"]', '2026-03-12');
    await page.click('button:has-text("Record")');
    await page.waitForURL(/\/desk\?recorded=\d+$/);
    await page.goto(`/desk?stakeholder=acme`);
    expect(await page.textContent('main')).toContain('No open dispute.');

    // Retract the pledge from its entry: the form knows which event it is.
    await page.click('.desk-facts li:has-text("We will publish our tracking code") a:has-text("Retract")');
    expect(await page.inputValue('[name="data.eventId"]')).toMatch(/^[0-9a-f-]{36}$/);
    await page.fill('[name="data.reason"]', 'Misattributed: another company said it');
    await page.fill('[name="occurredAt"]', '2026-03-12');
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('button:has-text("Record")');
    await page.waitForURL(/\/desk\?recorded=\d+$/);
    const retractedAt = new URL(page.url()).searchParams.get('recorded')!;
    const publicPage = await context.newPage();
    await publicPage.goto(`/stakeholders/acme?lang=en&waitForPosition=${retractedAt}`);
    expect(await publicPage.textContent('main')).toContain('Misattributed: another company said it');
    await context.close();
  });

  it('an editor whose browser asks for French gets the pledge form in French: its name, purpose, labels, help and choices', async () => {
    const context = await browser.newContext({ baseURL: t.baseUrl, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/desk');
    await page.fill('input[name="key"]', keys.editor);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/desk$/);
    expect(await page.textContent('a[href="/desk/events/PledgeMade"]')).toBe('Promesse faite');
    await page.click('a[href="/desk/events/PledgeMade"]');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('h1')).toBe('Promesse faite');
    const label = async (name: string) => (await page.textContent(`label[for="${name}"]`))!.replace(/\s*\*$/, '');
    expect(await label('data.commitmentId')).toBe('Identifiant du nouvel engagement');
    expect(await label('data.stakeholderId')).toBe('Acteur');
    expect(await label('data.text')).toBe('Texte');
    expect(await label('data.topics')).toBe('Thèmes');
    expect(await label('data.dueBy')).toBe('Échéance');
    expect(await label('source.quote')).toBe('Citation');
    expect(await page.textContent('[id="data.stakeholderId-hint"]')).toBe('Qui s’engage');
    expect(await page.textContent('main')).not.toMatch(/Who commits|What was said|Id of the new/);
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, 'desk-pledge-form-fr');
    // Choices read in French; the submitted value stays the code.
    await page.goto('/desk/events/StakeholderRegistered');
    expect(await page.textContent('select[name="data.kind"] option[value="government"]')).toBe('Organisme public');
    await context.close();
  });

  it('a contributor sees no assessment form, and cannot open one', async () => {
    const { context, page } = await signedIn(keys.contributor);
    expect(await page.locator('a[href="/desk/events/PledgeMade"]').count()).toBe(1);
    expect(await page.locator('a[href="/desk/events/AssessmentRecorded"]').count()).toBe(0);
    expect(await page.locator('a[href="/desk/events/SuggestionDismissed"]').count()).toBe(0);
    const response = await page.goto('/desk/events/AssessmentRecorded');
    expect(response!.status()).toBe(403);
    await context.close();
  });

  it('refuses a POST without the CSRF token, and writes nothing', async () => {
    const { context, page } = await signedIn(keys.editor);
    const head = (await t.inject('/v1/events?limit=1')).json().head;
    const form = { 'data.stakeholderId': 'csrf-victim', 'data.name': 'Victim', 'data.kind': 'organization', occurredAt: '2020', ...Object.fromEntries(Object.entries(SOURCE).map(([k, v]) => [`source.${k}`, v])) };
    const withoutToken = await context.request.post('/desk/events/StakeholderRegistered', { form });
    expect(withoutToken.status()).toBe(403);
    const withWrongToken = await context.request.post('/desk/events/StakeholderRegistered', { form: { ...form, _csrf: 'x'.repeat(43) } });
    expect(withWrongToken.status()).toBe(403);
    expect((await t.inject('/v1/events?limit=1')).json().head).toBe(head);
    // The same form with the page's token is accepted: the refusal was about the token.
    const token = await page.getAttribute('input[name="_csrf"]', 'value');
    const withToken = await context.request.post('/desk/events/StakeholderRegistered', { form: { ...form, _csrf: token! }, maxRedirects: 0 });
    expect(withToken.status()).toBe(303);
    await context.close();
  });

  it('the API still answers 415 to a form post', async () => {
    const response = await t.inject({ method: 'POST', url: '/v1/events', payload: 'type=StakeholderRenamed', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.statusCode).toBe(415);
  });

  it('the sign-in page has no serious or critical axe violation, in English and French', async () => {
    const context = await browser.newContext({ baseURL: t.baseUrl });
    const page = await context.newPage();
    for (const lang of ['en', 'fr']) {
      await page.goto(`/desk?lang=${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await seriousViolations(page)).toEqual([]);
    }
    await keepScreenshot(page, 'desk-sign-in-fr');
    await context.close();
  });
});
